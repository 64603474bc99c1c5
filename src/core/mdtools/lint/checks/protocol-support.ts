// protocolSupportEnumeration (SAML metadata §2.4.1): a SAML 2.0 partner only uses a role that
// lists urn:oasis:names:tc:SAML:2.0:protocol; a role listing only SAML 1.x is invisible to it.
import { findingOf, type CodeSpec, type LintCheck } from '../check';

const NO_SAML2: CodeSpec = { code: 'md-no-saml2-protocol', severity: 'warning', title: 'A role does not announce SAML 2.0' };
const SAML2 = 'urn:oasis:names:tc:SAML:2.0:protocol';

export const protocolSupportCheck: LintCheck = {
  name: 'protocol-support',
  codes: [NO_SAML2],
  check({ entity, profile }) {
    return entity.summary.roles
      .filter((r) => (r.role === 'IDPSSODescriptor' || r.role === 'SPSSODescriptor') && !(r.protocolSupportEnumeration ?? '').split(/\s+/).includes(SAML2))
      .map((r) => findingOf(NO_SAML2, `The ${r.role}'s protocolSupportEnumeration="${r.protocolSupportEnumeration ?? ''}" does not list ${SAML2}: SAML 2.0 partners ignore this role (SAML metadata §2.4.1).`, `Add ${SAML2} to protocolSupportEnumeration.`, profile));
  },
};
