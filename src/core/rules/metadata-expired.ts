// metadata-expired: SAML metadata §2.2.1/§2.3.1 — validUntil is the instant after which the
// metadata must not be relied upon; a relying party drops expired metadata (and its keys).
import type { MetadataSummary, RawFinding } from '../types';
import type { Rule } from '../diagnosis/context';
import { formatDuration, parseInstant, rootElement } from '../diagnosis/helpers';

const REFS = ['SAML metadata §2.2.1', 'SAML metadata §2.3.1'];

function expiredParts(md: MetadataSummary, at: Date): { what: string; value: string; ago: string }[] {
  const out: { what: string; value: string; ago: string }[] = [];
  const check = (what: string, v: string | null) => {
    const d = parseInstant(v);
    if (v && d && d.getTime() <= at.getTime()) out.push({ what, value: v, ago: formatDuration(at.getTime() - d.getTime()) });
  };
  check('the metadata', md.validUntil);
  // An entity repeating the document's validUntil is the same fact: report it once.
  for (const e of md.entities) if (e.validUntil !== md.validUntil) check(`entity ${e.entityId}`, e.validUntil);
  return out;
}

export const metadataExpiredRule: Rule = {
  id: 'metadata-expired',
  codes: ['metadata-expired'],
  severity: 'error',
  category: 'metadata',
  title: 'Metadata is within validUntil',
  checks: 'validUntil of pasted metadata (error) and of the trusted IdP/SP metadata (warning) is after the evaluation time.',
  references: REFS,
  check(ctx) {
    const out: RawFinding[] = [];
    const fix = 'Download fresh metadata from its publisher (or ask them to re-sign it with a later validUntil) and re-import it wherever it is configured.';
    const own = ctx.message.summary.metadata;
    if (own) {
      for (const p of expiredParts(own, ctx.at)) {
        out.push({ code: 'metadata-expired', severity: 'error', title: 'Metadata has expired', explanation: `validUntil of ${p.what} is ${p.value}, ${p.ago} before the evaluation time ${ctx.at.toISOString()}. Consumers must not use expired metadata, so its endpoints and keys will be ignored.`, fix, references: REFS, node: rootElement(ctx.message.doc) });
      }
      return out;
    }
    const seen = new Set<MetadataSummary>();
    for (const [label, list] of [['trusted IdP', ctx.idpMetadata], ['SP', ctx.spMetadata]] as const) {
      for (const md of list) {
        if (seen.has(md)) continue;
        seen.add(md);
        for (const p of expiredParts(md, ctx.at)) {
          out.push({ code: 'metadata-expired', severity: 'warning', title: `The ${label} metadata has expired`, explanation: `validUntil of ${p.what} in the ${label} metadata you supplied is ${p.value}, ${p.ago} before the evaluation time. A relying party would refuse to use it.`, fix, references: REFS, node: null });
        }
      }
    }
    return out;
  },
};
