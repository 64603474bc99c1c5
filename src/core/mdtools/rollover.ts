// The rollover planner: every key of an entity on a timeline with its validity, the dates of a
// safe rollover, and which partners break on which date if nothing is done.
//
// The safe order for a signing key (Shibboleth's and the UK federation's key rollover guides,
// eduGAIN's key-rollover best practice): 1. publish the new key beside the old one, 2. wait until
// every partner has loaded it (the propagation time: their refresh interval, or the days a
// manual partner such as Scaleway takes to upload it), 3. sign with the new key, 4. wait again,
// 5. remove the old key. For an encryption key the holder first decrypts with both keys, then
// publishes the new one, and removes the old once partners have refreshed.
import { DAY_MS } from './durations';
import { certificateFingerprint } from './fingerprint';
import { readMetadata, type MdEntity, type MdKey } from './model';
import type { InputError } from '../types';

export interface TimelineKey {
  role: string;
  use: 'signing' | 'encryption' | 'both';
  subject: string;
  notBefore: string;
  notAfter: string;
  sha256: string;
  status: 'expired' | 'expiring' | 'valid' | 'not-yet-valid' | 'unreadable';
}

export interface RolloverStep {
  date: string;
  /** 'done' when the metadata shows it was already done, 'late' when its date is past. */
  state: 'planned' | 'done' | 'late';
  action: string;
  detail: string;
}

export interface PartnerBreak {
  date: string;
  partner: string;
  why: string;
}

export interface RolloverPlan {
  entityID: string;
  at: string;
  propagationDays: number;
  keys: TimelineKey[];
  /** One plan per key use that needs one (signing, encryption). */
  plans: Array<{ use: 'signing' | 'encryption'; role: string; steps: RolloverStep[] }>;
  breaks: PartnerBreak[];
}

export interface RolloverOptions {
  at?: Date;
  /** Days partners take to load new metadata (default 14: a manual partner uploads by hand). */
  propagationDays?: number;
  entityId?: string;
  /** Partners' metadata (IdPs for an SP, SPs for an IdP), to say who breaks when. */
  partners?: Array<{ source: string; text: string }>;
}

export type RolloverResult = { ok: true; plan: RolloverPlan } | { ok: false; error: InputError };

const EXPIRING_DAYS = 30;
const dateOnly = (t: number): string => new Date(t).toISOString().slice(0, 10);

export async function planRollover(text: string, options: RolloverOptions = {}): Promise<RolloverResult> {
  const at = options.at ?? new Date();
  const now = at.getTime();
  const propagation = (options.propagationDays ?? 14) * DAY_MS;
  const read = readMetadata(text);
  if (!read.ok) return read;
  const candidates = read.value.entities.filter((e) => options.entityId === undefined || e.entityID === options.entityId);
  const entity = candidates[0];
  if (!entity) return { ok: false, error: { code: 'input-unrecognized', message: `No entity "${options.entityId}" in this metadata.` } };

  const keys: TimelineKey[] = [];
  for (const k of entity.keys) keys.push(await timelineKey(k, now));

  const plans: RolloverPlan['plans'] = [];
  for (const role of ['IDPSSODescriptor', 'SPSSODescriptor', 'AttributeAuthorityDescriptor']) {
    for (const use of ['signing', 'encryption'] as const) {
      const mine = entity.keys.filter((k) => k.role === role && (k.use === use || k.use === null) && k.facts);
      if (mine.length === 0) continue;
      const steps = use === 'signing' ? signingSteps(mine, now, propagation) : encryptionSteps(mine, now, propagation);
      plans.push({ use, role, steps });
    }
  }
  const breaks = partnerBreaks(entity, options.partners ?? [], now);
  return { ok: true, plan: { entityID: entity.entityID, at: at.toISOString(), propagationDays: propagation / DAY_MS, keys, plans, breaks } };
}

async function timelineKey(k: MdKey, now: number): Promise<TimelineKey> {
  const sha256 = await certificateFingerprint(k.der);
  const use = k.use ?? 'both';
  if (!k.facts) return { role: k.role, use, subject: k.problem ?? 'unreadable', notBefore: '', notAfter: '', sha256, status: 'unreadable' };
  const end = Date.parse(k.facts.notAfter);
  const start = Date.parse(k.facts.notBefore);
  const status = end <= now ? 'expired' : start > now ? 'not-yet-valid' : end - now <= EXPIRING_DAYS * DAY_MS ? 'expiring' : 'valid';
  return { role: k.role, use, subject: k.facts.subject, notBefore: k.facts.notBefore, notAfter: k.facts.notAfter, sha256, status };
}

/** Distinct keys (by public key) ordered by expiry: the first still-valid one is "current", a later one "next". */
function currentAndNext(keys: MdKey[], now: number): { current: MdKey | null; next: MdKey | null; expired: MdKey[] } {
  const bySpki = new Map<string, MdKey>();
  for (const k of keys) {
    const prev = bySpki.get(k.facts!.spki);
    if (!prev || Date.parse(k.facts!.notAfter) > Date.parse(prev.facts!.notAfter)) bySpki.set(k.facts!.spki, k);
  }
  const sorted = [...bySpki.values()].sort((a, b) => Date.parse(a.facts!.notAfter) - Date.parse(b.facts!.notAfter));
  const live = sorted.filter((k) => Date.parse(k.facts!.notAfter) > now);
  return { current: live[0] ?? null, next: live[1] ?? null, expired: sorted.filter((k) => Date.parse(k.facts!.notAfter) <= now) };
}

function step(date: number, now: number, done: boolean, action: string, detail: string): RolloverStep {
  return { date: dateOnly(date), state: done ? 'done' : date < now ? 'late' : 'planned', action, detail };
}

function signingSteps(keys: MdKey[], now: number, propagation: number): RolloverStep[] {
  const { current, next, expired } = currentAndNext(keys, now);
  const steps: RolloverStep[] = [];
  if (!current) {
    const last = expired[expired.length - 1]!;
    steps.push(step(now, now, false, 'Generate a new key and certificate, publish it, and sign with it now', `Every signing certificate has expired (the last, ${last.facts!.subject}, on ${last.facts!.notAfter.slice(0, 10)}). Partners that check dates already fail; there is no safe overlap left: publish and switch at once, and tell every partner to reload the metadata.`));
    return steps;
  }
  const end = Date.parse(current.facts!.notAfter);
  const label = `${current.facts!.subject} (expires ${current.facts!.notAfter.slice(0, 10)})`;
  // Publish two propagation periods before expiry, switch one before, remove once partners have refreshed after the switch.
  const publish = next ? now : end - 2 * propagation;
  const switchAt = Math.max(publish + propagation, now);
  const remove = Math.min(switchAt + propagation, end);
  steps.push(step(publish - DAY_MS, now, next !== null, 'Generate the new key pair and certificate', next ? `Done: ${next.facts!.subject} (valid until ${next.facts!.notAfter.slice(0, 10)}) is already in the metadata.` : `A key of at least 2048-bit RSA (or P-256), valid for longer than the current one; keep the private key where the signer can read it.`));
  steps.push(step(publish, now, next !== null, 'Publish the new key beside the old one', next ? 'Done: both keys are in the metadata; partners that refreshed accept signatures by either.' : `Add a second KeyDescriptor use="signing" with the new certificate, keeping ${label}. Partners accept signatures by either key once they have this metadata.`));
  steps.push(step(switchAt, now, false, 'Switch signing to the new key', `After ${Math.round(propagation / DAY_MS)} days of propagation every partner should have the new key; confirm with the ones configured by hand (Scaleway: the certificate uploaded in the console), then sign with the new key.${switchAt >= end ? ' This is after the old certificate expires: partners that check dates break in between — shorten the propagation or act today.' : ''}`));
  steps.push(step(remove, now, false, 'Remove the old key from the metadata', `Once nothing signs with ${label} any more and partners have refreshed, remove its KeyDescriptor, before ${current.facts!.notAfter.slice(0, 10)}.`));
  return steps;
}

function encryptionSteps(keys: MdKey[], now: number, propagation: number): RolloverStep[] {
  const { current, next } = currentAndNext(keys, now);
  if (!current) return [step(now, now, false, 'Publish a new encryption key now', 'Every encryption certificate has expired; IdPs that check dates no longer encrypt to this SP (or refuse). Configure the SP to decrypt with the new key, publish it, and remove the expired one.')];
  const end = Date.parse(current.facts!.notAfter);
  const start = next ? now : end - 2 * propagation;
  return [
    step(start - DAY_MS, now, next !== null, 'Make the SP decrypt with both the old and the new key', 'Load the new private key beside the old one in the SP, so that assertions encrypted to either are read.'),
    step(start, now, next !== null, 'Publish the new encryption key', next ? 'Done: a second encryption key is in the metadata.' : 'Add the new certificate in a KeyDescriptor use="encryption" (an IdP encrypts to the first it finds: publish the new one first).'),
    step(Math.min(start + propagation, end), now, false, 'Remove the old encryption key from the metadata', `After ${Math.round(propagation / DAY_MS)} days, once the IdPs have reloaded the metadata; keep the old private key ${Math.round(propagation / DAY_MS)} days more for assertions in flight.`),
  ];
}

/** Who breaks when, if nothing is done: the dates this entity's keys and metadata end, for each partner that relies on them, and the partners' own. */
function partnerBreaks(entity: MdEntity, partners: Array<{ source: string; text: string }>, now: number): PartnerBreak[] {
  const out: PartnerBreak[] = [];
  const isIdp = entity.summary.roles.some((r) => r.role === 'IDPSSODescriptor');
  const lastValid = (keys: MdKey[]): number | null => {
    const ends = keys.filter((k) => k.facts).map((k) => Date.parse(k.facts!.notAfter));
    return ends.length ? Math.max(...ends) : null;
  };
  const mySigningEnd = lastValid(entity.keys.filter((k) => k.use !== 'encryption' && (k.role === 'IDPSSODescriptor' || k.role === 'SPSSODescriptor')));
  for (const p of partners) {
    const read = readMetadata(p.text);
    if (!read.ok) {
      out.push({ date: dateOnly(now), partner: p.source, why: `its metadata cannot be read: ${read.error.message}` });
      continue;
    }
    for (const partner of read.value.entities) {
      if (partner.entityID === entity.entityID) continue;
      const partnerIsSp = partner.summary.roles.some((r) => r.role === 'SPSSODescriptor');
      const partnerIsIdp = partner.summary.roles.some((r) => r.role === 'IDPSSODescriptor');
      if ((isIdp && !partnerIsSp) || (!isIdp && !partnerIsIdp)) continue;
      const name = partner.entityID;
      if (mySigningEnd !== null) {
        out.push({ date: dateOnly(mySigningEnd), partner: name, why: isIdp ? `${entity.entityID}'s last signing certificate expires: ${name} refuses its Responses if it checks certificate dates (ADFS, Azure AD, Okta, Scaleway do).` : `${entity.entityID}'s last signing certificate expires: ${name} refuses its signed AuthnRequests if it checks dates.` });
      }
      if (entity.validUntil) out.push({ date: dateOnly(entity.validUntil.time), partner: name, why: `${entity.entityID}'s metadata reaches validUntil: ${name} must not use it after (SAML metadata §2.3.1) unless it has fetched a newer copy.` });
      if (partner.validUntil) out.push({ date: dateOnly(partner.validUntil.time), partner: name, why: `${name}'s own metadata reaches validUntil: ${entity.entityID} must reload it.` });
      if (isIdp) {
        const sp = partner.summary.roles.find((r) => r.role === 'SPSSODescriptor')!;
        const enc = lastValid(partner.keys.filter((k) => k.role === 'SPSSODescriptor' && k.use !== 'signing'));
        if (enc !== null) out.push({ date: dateOnly(enc), partner: name, why: `${name}'s last encryption certificate expires: ${entity.entityID} cannot encrypt assertions to it if it checks dates.` });
        const wants = entity.summary.roles.find((r) => r.role === 'IDPSSODescriptor')?.wantAuthnRequestsSigned === true;
        const spSign = lastValid(partner.keys.filter((k) => k.role === 'SPSSODescriptor' && k.use !== 'encryption'));
        if (wants && sp && spSign !== null) out.push({ date: dateOnly(spSign), partner: name, why: `${name}'s request-signing certificate expires and ${entity.entityID} wants signed AuthnRequests.` });
      } else {
        const idpSign = lastValid(partner.keys.filter((k) => k.role === 'IDPSSODescriptor' && k.use !== 'encryption'));
        if (idpSign !== null) out.push({ date: dateOnly(idpSign), partner: name, why: `${name}'s last signing certificate expires: ${entity.entityID} refuses its Responses if it checks dates.` });
      }
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.partner.localeCompare(b.partner));
}
