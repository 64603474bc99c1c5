// `metadata diff`: what changed between two versions of metadata (an IdP's before and after a
// change, or two days of an aggregate): entities, keys, endpoints, NameID formats, attributes,
// signing flags and validUntil, each added, removed or changed, with what the change does to
// partners where it matters (a removed signing key breaks every SP still on it).
import { NS, attr, childElements, descendants } from '../xml/dom';
import type { InputError } from '../types';
import { certificateFingerprint } from './fingerprint';
import { readMetadata, type MdEntity } from './model';
import { MDNS, shortBinding } from './namespaces';

export type ChangeKind = 'added' | 'removed' | 'changed';
export type ChangeSubject = 'entity' | 'key' | 'endpoint' | 'nameid-format' | 'attribute' | 'flag' | 'validUntil';

export interface MdChange {
  kind: ChangeKind;
  subject: ChangeSubject;
  /** Role descriptor local name, when the change is inside one. */
  role: string | null;
  /** What changed, for people: "signing key CN=idp (SHA-256 AB:CD…)", "SingleSignOnService HTTP-POST". */
  item: string;
  before: string | null;
  after: string | null;
  /** What the change does to partners, when it breaks or risks something. */
  impact: string | null;
}

export interface EntityDiff {
  entityID: string;
  status: ChangeKind;
  changes: MdChange[];
}

export interface DiffReport {
  old: string;
  new: string;
  errors: Array<InputError & { side: 'old' | 'new' }>;
  summary: { added: number; removed: number; changed: number; unchanged: number };
  entities: EntityDiff[];
}

interface Facet {
  key: string;
  subject: ChangeSubject;
  role: string | null;
  item: string;
  value: string;
}

export async function diffMetadata(oldText: string, newText: string, oldSource = 'old', newSource = 'new'): Promise<DiffReport> {
  const a = readMetadata(oldText);
  const b = readMetadata(newText);
  const report: DiffReport = { old: oldSource, new: newSource, errors: [], summary: { added: 0, removed: 0, changed: 0, unchanged: 0 }, entities: [] };
  if (!a.ok) report.errors.push({ ...a.error, side: 'old' });
  if (!b.ok) report.errors.push({ ...b.error, side: 'new' });
  if (!a.ok || !b.ok) return report;
  const before = new Map(a.value.entities.map((e) => [e.entityID, e]));
  const after = new Map(b.value.entities.map((e) => [e.entityID, e]));
  for (const [id, e] of before) {
    if (after.has(id)) continue;
    report.summary.removed++;
    report.entities.push({ entityID: id, status: 'removed', changes: [{ kind: 'removed', subject: 'entity', role: null, item: `entity ${id}`, before: roleList(e), after: null, impact: 'Partners that still have this entity configured lose it at their next metadata refresh: logins with it stop.' }] });
  }
  for (const [id, e] of after) {
    const old = before.get(id);
    if (!old) {
      report.summary.added++;
      report.entities.push({ entityID: id, status: 'added', changes: [{ kind: 'added', subject: 'entity', role: null, item: `entity ${id}`, before: null, after: roleList(e), impact: null }] });
      continue;
    }
    const changes = compareFacets(await facetsOf(old), await facetsOf(e));
    if (changes.length === 0) report.summary.unchanged++;
    else {
      report.summary.changed++;
      report.entities.push({ entityID: id, status: 'changed', changes });
    }
  }
  return report;
}

function roleList(e: MdEntity): string {
  return e.summary.roles.map((r) => r.role).join(', ');
}

/** Every comparable fact of an entity under a stable key: same key in both versions = the same thing. */
async function facetsOf(e: MdEntity): Promise<Facet[]> {
  const out: Facet[] = [];
  out.push({ key: 'validUntil', subject: 'validUntil', role: null, item: 'validUntil', value: attr(e.element, 'validUntil') ?? '(none)' });
  for (const k of e.keys) {
    const fp = await certificateFingerprint(k.der);
    const desc = k.facts ? `${k.facts.subject}, valid until ${k.facts.notAfter.slice(0, 10)}, SHA-256 ${fp.slice(0, 23)}…` : `unreadable certificate, SHA-256 ${fp.slice(0, 23)}…`;
    out.push({ key: `key|${k.role}|${k.use ?? 'both'}|${fp}`, subject: 'key', role: k.role, item: `${k.use ?? 'signing+encryption'} key`, value: desc });
  }
  for (const role of childElements(e.element, NS.metadata)) {
    if (!role.localName?.endsWith('Descriptor')) continue;
    const r = role.localName;
    for (const ep of childElements(role, NS.metadata)) {
      const binding = attr(ep, 'Binding');
      if (binding === null) continue;
      const index = attr(ep, 'index');
      const value = `${attr(ep, 'Location') ?? ''}${attr(ep, 'ResponseLocation') ? ` (responses to ${attr(ep, 'ResponseLocation')})` : ''}${attr(ep, 'isDefault') === 'true' ? ' [default]' : ''}`;
      out.push({ key: `ep|${r}|${ep.localName}|${binding}|${index ?? ''}`, subject: 'endpoint', role: r, item: `${ep.localName} ${shortBinding(binding)}${index !== null ? ` index ${index}` : ''}`, value });
    }
    for (const f of childElements(role, NS.metadata, 'NameIDFormat')) {
      const v = (f.textContent ?? '').trim();
      out.push({ key: `nif|${r}|${v}`, subject: 'nameid-format', role: r, item: 'NameIDFormat', value: v });
    }
    for (const flag of ['WantAuthnRequestsSigned', 'AuthnRequestsSigned', 'WantAssertionsSigned']) {
      const v = attr(role, flag);
      if (v !== null || r === 'IDPSSODescriptor' || r === 'SPSSODescriptor') out.push({ key: `flag|${r}|${flag}`, subject: 'flag', role: r, item: flag, value: v ?? '(absent = false)' });
    }
    // Attributes an IdP announces (saml:Attribute in the role) and an SP requests.
    for (const a of childElements(role, NS.assertion, 'Attribute')) out.push({ key: `attr|${r}|${attr(a, 'Name')}`, subject: 'attribute', role: r, item: `Attribute ${attr(a, 'FriendlyName') ?? attr(a, 'Name')}`, value: attr(a, 'Name') ?? '' });
    for (const a of descendants(role, NS.metadata, 'RequestedAttribute')) out.push({ key: `reqattr|${r}|${attr(a, 'Name')}`, subject: 'attribute', role: r, item: `RequestedAttribute ${attr(a, 'FriendlyName') ?? attr(a, 'Name')}`, value: `${attr(a, 'Name')}${attr(a, 'isRequired') === 'true' ? ' (required)' : ''}` });
  }
  // Entity attributes (categories, assurance): a change of category changes attribute release.
  const ext = childElements(e.element, NS.metadata, 'Extensions')[0];
  for (const ea of childElements(ext, MDNS.mdattr, 'EntityAttributes')) {
    for (const a of childElements(ea, NS.assertion, 'Attribute')) {
      const values = childElements(a, NS.assertion, 'AttributeValue').map((v) => (v.textContent ?? '').trim()).sort();
      out.push({ key: `ea|${attr(a, 'Name')}`, subject: 'attribute', role: null, item: `entity attribute ${attr(a, 'Name')}`, value: values.join(', ') });
    }
  }
  return out;
}

function compareFacets(before: Facet[], after: Facet[]): MdChange[] {
  const a = new Map(before.map((f) => [f.key, f]));
  const b = new Map(after.map((f) => [f.key, f]));
  const changes: MdChange[] = [];
  for (const [k, f] of a) {
    const g = b.get(k);
    if (!g) changes.push({ kind: 'removed', subject: f.subject, role: f.role, item: f.item, before: f.value, after: null, impact: impactOf('removed', f) });
    else if (g.value !== f.value) changes.push({ kind: 'changed', subject: f.subject, role: f.role, item: f.item, before: f.value, after: g.value, impact: impactOf('changed', f, g) });
  }
  for (const [k, g] of b) if (!a.has(k)) changes.push({ kind: 'added', subject: g.subject, role: g.role, item: g.item, before: null, after: g.value, impact: impactOf('added', g) });
  return changes;
}

function impactOf(kind: ChangeKind, f: Facet, g?: Facet): string | null {
  if (f.subject === 'key' && kind === 'removed') {
    return f.item.startsWith('encryption')
      ? 'Partners that encrypt to this key and have not refreshed keep using it; make sure the old private key still decrypts until they have.'
      : 'Partners verify signatures with the keys they have: if this one still signs, or a partner has not loaded the new key yet, signature checks fail from now on.';
  }
  if (f.subject === 'key' && kind === 'added') return 'A new key: partners must load the new metadata before it signs anything.';
  if (f.subject === 'endpoint' && kind === 'changed') return `Partners configured by hand with the old URL (${f.value}) send to the wrong place until they update it.`;
  if (f.subject === 'endpoint' && kind === 'removed') return 'Partners sending to this endpoint get errors; check none depends on it.';
  if (f.subject === 'nameid-format' && kind === 'removed') return 'Requests asking for this NameID format are refused (InvalidNameIDPolicy).';
  if (f.subject === 'flag' && g && /true|1/.test(g.value) && !/true|1/.test(f.value)) return `${f.item} is now required: partners that do not comply are refused.`;
  return null;
}

/** Exit status of `metadata diff`: 0 no differences, 1 differences, 2 an input could not be read (as diff(1)). */
export function diffExitStatus(r: DiffReport): number {
  if (r.errors.length) return 2;
  return r.entities.length ? 1 : 0;
}
