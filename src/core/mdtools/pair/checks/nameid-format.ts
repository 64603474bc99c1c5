// NameID formats (SAML core §8.3, profiles §4.1.4.1): an SP that lists formats asks for one in
// its NameIDPolicy; an IdP that lists formats and supports none of them answers
// InvalidNameIDPolicy. "unspecified" on either side matches anything.
import { findingOf, type CodeSpec } from '../../lint/check';
import type { PairCheck } from '../check';

const UNSUPPORTED: CodeSpec = { code: 'pair-nameid-format-unsupported', severity: 'error', title: 'The IdP supports none of the SP\'s NameID formats' };
const UNSPECIFIED = new Set(['urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified', 'urn:oasis:names:tc:SAML:2.0:nameid-format:unspecified']);
const short = (f: string): string => f.replace(/^urn:oasis:names:tc:SAML:\d\.\d:nameid-format:/, '');

export const nameIdFormatCheck: PairCheck = {
  name: 'nameid-format',
  codes: [UNSUPPORTED],
  check({ idpRole, spRole, idpProfile }) {
    const idp = idpRole.nameIdFormats.filter((f) => f);
    const sp = spRole.nameIdFormats.filter((f) => f);
    if (idp.length === 0 || sp.length === 0) return [];
    if (idp.some((f) => UNSPECIFIED.has(f)) || sp.some((f) => UNSPECIFIED.has(f))) return [];
    if (sp.some((f) => idp.includes(f))) return [];
    const fix = idpProfile === 'authentik'
      ? `In authentik, the SAML provider answers any requested format when a "NameID Property Mapping" is set (Applications → Providers → the provider → Advanced protocol settings); pick one that produces a ${short(sp[0]!)} value and add <md:NameIDFormat>${sp[0]} to the metadata you give the SP, or configure the SP to request ${short(idp[0]!)}.`
      : `Make the IdP release ${short(sp[0]!)} (and list it in its metadata), or configure the SP to ask for one of ${idp.map(short).join(', ')}.`;
    return [findingOf(UNSUPPORTED, `The SP asks for ${sp.map(short).join(', ')}; the IdP lists only ${idp.map(short).join(', ')}. An AuthnRequest with NameIDPolicy Format=${short(sp[0]!)} is answered with status InvalidNameIDPolicy (SAML core §3.4.1.1).`, fix)];
  },
};
