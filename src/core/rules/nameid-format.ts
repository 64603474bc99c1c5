// nameid-format-mismatch: SAML core §3.4.1.1 — when the AuthnRequest's NameIDPolicy names a
// Format, the IdP MUST return that format or fail with InvalidNameIDPolicy; SP metadata
// NameIDFormat (SAML metadata §2.4.4) lists what the SP can use.
import type { RawFinding } from '../types';
import type { Rule } from './context';
import { allNS, answeredRequest, assertionElement, consumedAssertion, fixFor, quote, roles } from './helpers';
import { canonicalNameIdFormat, explainNameIdFormat, NAMEID_UNSPECIFIED } from './nameid-formats';

const REFS = ['SAML core §3.4.1.1', 'SAML core §8.3', 'SAML metadata §2.4.4', '003_32bc8d65e57764cd.txt'];

const nameOf = (uri: string) => explainNameIdFormat(uri)?.name ?? uri;

function authentikNote(requested: string): string {
  const f = explainNameIdFormat(requested);
  return f?.authentikSends ? ` For a requested ${f.name} format, authentik (without a NameID property mapping) sends ${f.authentikSends}.` : '';
}

export const nameIdFormatRule: Rule = {
  id: 'nameid-format',
  codes: ['nameid-format-mismatch'],
  severity: 'error',
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
    const fixWith = (want: string) =>
      fixFor(ctx.profile, {
        generic: `Configure the IdP to send the NameID in the ${nameOf(want)} format (${want}) for this SP, or change what the SP requests/accepts.`,
        scaleway: `Set the authentik provider \`name_id_mapping\` to the username mapping (goauthentik.io/providers/saml/username) so the NameID is the Scaleway username.`,
        'authentik-provider': `In the authentik SAML provider, clear the NameID Property Mapping to get the default for the requested format (${nameOf(want)}), or pick a mapping producing that format.${authentikNote(want)}`,
        'authentik-source': `In the authentik SAML source set NameID Policy to a format the IdP actually sends (its metadata NameIDFormat list), or configure the IdP to send ${nameOf(want)}.`,
      });
    if (requested && requested !== NAMEID_UNSPECIFIED && received !== requested) {
      out.push({
        code: 'nameid-format-mismatch', severity: 'error', title: 'NameID format differs from the requested one',
        explanation: `The AuthnRequest ${request?.summary.id ?? ''} asked for NameID format ${nameOf(requested)} (${requestedRaw}) but the assertion's NameID ${quote(nameId.value)} has format ${nameOf(received)}${nameId.format ? ` (${nameId.format})` : ' (no Format attribute: unspecified)'}. SAML core §3.4.1.1: the IdP must honour the requested format or answer InvalidNameIDPolicy; SPs that requested a format usually reject anything else.${authentikNote(requested)}`,
        fix: fixWith(requested), references: REFS, node,
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
        fix: fixWith(spFormats[0]), references: REFS, node,
      });
    }
    return out;
  },
};
