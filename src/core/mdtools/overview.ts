// An aggregate's report in proportion (issue 15): a federation publishes thousands of entities,
// and printing each one's summary made the CLI spend more time writing JSON than verifying the
// signature (9.9 MB of a 14.8 MB report for a 10 MB aggregate). The overview says what a reader
// of a whole aggregate asks first — how many entities of which roles, how many keys, which
// expire — and the entities themselves come only when asked for (`--entities`, the page's table).
import { decodeBase64Lenient } from '../encoding/base64';
import type { MetadataOverview, MetadataSummary } from '../types';
import { readCertificateDer } from '../x509/der';
import { withoutWhitespace } from '../encoding/whitespace';

const DAY_MS = 86_400_000;
const EXPIRING_WITHIN_MS = 30 * DAY_MS;

/** What the overview needs of one certificate text. */
interface CertificateFacts {
  /** The base64 without white space: the same certificate may be written on other lines elsewhere. */
  compact: string;
  notAfter: number | null;
}

/**
 * A certificate text's bucket key: its length and 32 characters from its middle, where one
 * certificate's key and signature bits differ from another's (their first lines are alike). Keyed
 * by the whole text, a Map hashed every text in full: 3,272 texts of ~1.2 KB, 10 ms of a 10 MB
 * aggregate (docs/performance.md "CLI start"). A bucket's texts are compared whole.
 */
function bucketKey(text: string): number {
  const from = text.length >> 1;
  const to = Math.min(text.length, from + 32);
  let h = text.length;
  for (let i = from; i < to; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h;
}

/**
 * Certificate validity read straight from the DER (x509/der.ts), once per certificate text:
 * @peculiar/x509 would build a full ASN.1 model of each of ~20,000.
 */
function factsOf(text: string): CertificateFacts {
  const compact = withoutWhitespace(text);
  const decoded = decodeBase64Lenient(compact);
  const cert = decoded.ok ? readCertificateDer(decoded.value.bytes) : null;
  let notAfter = cert?.ok ? cert.value.notAfter.getTime() : null;
  if (notAfter !== null && Number.isNaN(notAfter)) notAfter = null;
  return { compact, notAfter };
}

/** Texts a bucket holds before its texts go to a map keyed by the whole text. */
const MAX_BUCKET = 8;

/** Facts by certificate text as written. */
class FactsByText {
  private readonly buckets = new Map<number, { text: string; facts: CertificateFacts }[]>();
  /**
   * Texts of crowded buckets. Texts alike in length and middle are a crafted aggregate: scanning
   * an ever longer bucket would be quadratic, so from the MAX_BUCKET-th on their whole text is
   * hashed.
   */
  private readonly crowded = new Map<string, CertificateFacts>();

  get(text: string): CertificateFacts {
    const key = bucketKey(text);
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = []));
    for (const entry of bucket) if (entry.text === text) return entry.facts;
    if (bucket.length >= MAX_BUCKET) {
      let facts = this.crowded.get(text);
      if (!facts) this.crowded.set(text, (facts = factsOf(text)));
      return facts;
    }
    const facts = factsOf(text);
    bucket.push({ text, facts });
    return facts;
  }
}

export function metadataOverview(meta: MetadataSummary, at: Date): MetadataOverview {
  const now = at.getTime();
  const roles: Record<string, number> = {};
  const keys: MetadataOverview['keys'] = { signing: 0, encryption: 0, unspecified: 0, certificates: 0, expired: 0, expiringWithin30Days: 0, unreadable: 0, earliestNotAfter: null };
  const byText = new FactsByText();
  const counted = new Set<string>();
  let earliest = Infinity;
  let entitiesWithoutSigningKey = 0;
  let entitiesExpired = 0;
  for (const e of meta.entities) {
    let signs = false;
    let entityEarliest = Infinity;
    if (e.validUntil !== null && Date.parse(e.validUntil) < now) entitiesExpired++;
    for (const r of e.roles) {
      roles[r.role] = (roles[r.role] ?? 0) + 1;
      for (const kd of r.keyDescriptors) {
        if (kd.use === null) keys.unspecified++;
        else keys[kd.use]++;
        // SAML metadata §2.4.1.1: a KeyDescriptor without use is for both.
        if (kd.use !== 'encryption' && kd.certificates.length > 0) signs = true;
        for (const c of kd.certificates) {
          const { compact, notAfter } = byText.get(c);
          if (notAfter !== null && notAfter < entityEarliest) entityEarliest = notAfter;
          if (counted.has(compact)) continue;
          counted.add(compact);
          keys.certificates++;
          if (notAfter === null) { keys.unreadable++; continue; }
          if (notAfter < now) keys.expired++;
          else if (notAfter - now < EXPIRING_WITHIN_MS) keys.expiringWithin30Days++;
          if (notAfter < earliest) {
            earliest = notAfter;
            keys.earliestNotAfter = { notAfter: new Date(notAfter).toISOString(), entityId: e.entityId };
          }
        }
      }
    }
    if (!signs) entitiesWithoutSigningKey++;
    // The page's entity table sorts and filters by it.
    if (entityEarliest !== Infinity) e.earliestKeyNotAfter = new Date(entityEarliest).toISOString();
  }
  return { entityCount: meta.entities.length, roles, keys, entitiesWithoutSigningKey, entitiesExpired };
}
