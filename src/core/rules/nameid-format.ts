// nameid-format-mismatch: SAML core §3.4.1.1 — when the AuthnRequest's NameIDPolicy names a
// Format, the IdP MUST return that format or fail with InvalidNameIDPolicy; SP metadata
// NameIDFormat (SAML metadata §2.4.4) lists what the SP can use.
import type { RawFinding } from '../types';
import type { Rule } from '../diagnosis/context';
import { allNS, answeredRequest, assertionElement, consumedAssertion, parts, quote, roles } from '../diagnosis/helpers';
import { SOURCES } from '../diagnosis/sources';
import { canonicalNameIdFormat, explainNameIdFormat, NAMEID_UNSPECIFIED } from '../diagnosis/nameid-formats';

const REFS = ['SAML core §3.4.1.1', 'SAML core §8.3', 'SAML metadata §2.4.4', SOURCES.authentikSamlProvider];

const nameOf = (uri: string) => explainNameIdFormat(uri)?.name ?? uri;


export const nameIdFormatRule: Rule = {
  id: 'nameid-format',
  codes: ['nameid-format-mismatch'],
  severity: 'error',
  category: 'nameid',
  title: 'NameID format is the one requested',
  checks: 'The NameID Format of the consumed assertion equals the NameIDPolicy Format of the answered AuthnRequest (unless unspecified), and is among the SP metadata NameIDFormat elements.',
  references: REFS,
  check(ctx) {
    if (ctx.message.summary.kind !== 'Response') return [];
    const consumed = consumedAssertion(ctx.message);
    const nameId = consumed?.assertion.nameId;
    if (!consumed || !nameId) return [];
    const received = canonicalNameIdFormat(nameId.format);
    const node = allNS(assertionElement(ctx.message, consumed.index), 'NameID')[0] ?? null;
    const out: RawFinding[] = [];
    const request = answeredRequest(ctx);
    const requestedRaw = request?.summary.authnRequest?.nameIdPolicyFormat ?? null;
    const requested = requestedRaw ? canonicalNameIdFormat(requestedRaw) : null;
    // What authentik sends for the wanted format is the authentik profiles' to say (their wording).
    const fixWith = (want: string, variant: string) => ({
      fix: `Configure the IdP to send the NameID in the ${nameOf(want)} format (${want}) for this SP, or change what the SP requests/accepts.`,
      fixParts: parts(variant, { want, wantName: nameOf(want), received: nameId.format, nameId: nameId.value, authentikSends: explainNameIdFormat(want)?.authentikSends }),
    });
    if (requested && requested !== NAMEID_UNSPECIFIED && received !== requested) {
      out.push({
        code: 'nameid-format-mismatch', severity: 'error', title: 'NameID format differs from the requested one',
        explanation: `The AuthnRequest ${request?.summary.id ?? ''} asked for NameID format ${nameOf(requested)} (${requestedRaw}) but the assertion's NameID ${quote(nameId.value)} has format ${nameOf(received)}${nameId.format ? ` (${nameId.format})` : ' (no Format attribute: unspecified)'}. SAML core §3.4.1.1: the IdP must honour the requested format or answer InvalidNameIDPolicy; SPs that requested a format usually reject anything else.`,
        ...fixWith(requested, 'requested'), references: REFS, node,
      });
      return out;
    }
    const spFormats = roles(ctx.spMetadata, 'SPSSODescriptor')
      .filter((r) => !ctx.expectations.spEntityId || r.entityId === ctx.expectations.spEntityId.value)
      .flatMap((r) => r.role.nameIdFormats.map(canonicalNameIdFormat));
    if (!requested && spFormats.length > 0 && !spFormats.includes(received) && !spFormats.includes(NAMEID_UNSPECIFIED)) {
      out.push({
        code: 'nameid-format-mismatch', severity: 'warning', title: 'NameID format not accepted by the SP metadata',
        explanation: `The NameID ${quote(nameId.value)} has format ${nameOf(received)}, but the SP metadata lists only ${spFormats.map(nameOf).join(', ')} as NameIDFormat.`,
        ...fixWith(spFormats[0], 'metadata'), references: REFS, node,
      });
    }
    return out;
  },
};
