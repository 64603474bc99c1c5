// Recognising the profile from the messages themselves: every entity ID and endpoint URL of the
// input is a clue, each profile says which clues are its own (its `recognises`), the highest
// priority profile with a clue wins, else generic.
import type { CapturedPayload, EntitySummary, MessageSummary } from '../types';
import type { Profile, ProfileClue } from './profile';
import { DEFAULT_PROFILE, PROFILES, type ProfileName } from './registry';

/**
 * What detection reads of a message: a full summary with its capture, or the page's lighter
 * overview of one (the same fields; metadata entities may be absent there).
 */
export interface ClueSource {
  destination: string | null;
  issuer: string | null;
  authnRequest?: { assertionConsumerServiceURL: string | null } | null;
  payload?: { url?: string | null; method?: string | null };
  assertions: readonly { audiences: readonly string[]; recipient: string | null }[];
  metadata?: { validUntil?: string | null; entities?: readonly EntitySummary[] } | null;
}

/** A message as the rules hold it: its summary and, apart, its capture. */
export interface ProfileDetectionInput {
  summary: MessageSummary;
  payload?: Pick<CapturedPayload, 'url' | 'method'>;
}

const flat = (m: ClueSource | ProfileDetectionInput): ClueSource => ('summary' in m ? { ...m.summary, payload: m.payload } : m);

/** Every value of the input that can reveal a profile, named by where it was read. */
export function profileClues(messages: readonly (ClueSource | ProfileDetectionInput)[]): ProfileClue[] {
  const out: ProfileClue[] = [];
  const url = (what: string, value: string | null | undefined) => { if (value) out.push({ kind: 'url', what, value }); };
  const entity = (what: string, value: string | null | undefined) => { if (value) out.push({ kind: 'entity-id', what, value }); };
  for (const m of messages.map(flat)) {
    url(`${m.payload?.method ?? 'sent'} to`, m.payload?.url);
    url('Destination', m.destination);
    entity('Issuer', m.issuer);
    url('AssertionConsumerServiceURL', m.authnRequest?.assertionConsumerServiceURL);
    for (const a of m.assertions) {
      for (const aud of a.audiences) entity('Audience', aud);
      url('Recipient', a.recipient);
    }
    for (const e of m.metadata?.entities ?? []) {
      entity('entityID', e.entityId);
      for (const r of e.roles) for (const ep of [...r.singleSignOnServices, ...r.assertionConsumerServices]) url('metadata endpoint', ep.location);
    }
  }
  return out;
}

const byPriority = [...PROFILES].sort((a, b) => ((b as Profile).priority ?? 0) - ((a as Profile).priority ?? 0));

export function detectProfile(messages: readonly (ClueSource | ProfileDetectionInput)[]): ProfileName {
  const clues = profileClues(messages);
  for (const p of byPriority) {
    const recognises = (p as Profile).recognises;
    if (recognises && clues.some((c) => recognises(c))) return p.name;
  }
  return DEFAULT_PROFILE;
}

/**
 * Which value made detection pick this profile, for "detected: … — Audience https://…". The
 * Audience is preferred: it is the value a reader recognises first.
 */
export function profileEvidence(messages: readonly (ClueSource | ProfileDetectionInput)[], name: ProfileName): string | null {
  const recognises = (PROFILES.find((p) => p.name === name) as Profile | undefined)?.recognises;
  if (!recognises) return null;
  const hits = profileClues(messages).filter((c) => recognises(c));
  const best = hits.find((h) => h.what === 'Audience') ?? hits[0];
  return best ? `${best.what} ${best.value}` : null;
}
