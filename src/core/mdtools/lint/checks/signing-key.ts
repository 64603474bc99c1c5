// Keys a partner needs (SAML metadata §2.4.1.1): an IdP signs Responses or Assertions, so its
// IDPSSODescriptor must publish a signing key (use="signing" or no use); an SP that says
// AuthnRequestsSigned="true" must publish the key its requests are checked with. An SP without
// an encryption key cannot receive encrypted assertions.
import { findingOf, type CodeSpec, type LintCheck } from '../check';

const NO_SIGNING: CodeSpec = { code: 'md-no-signing-key', severity: 'error', title: 'No signing key' };
const NO_ENCRYPTION: CodeSpec = { code: 'md-no-encryption-key', severity: 'info', title: 'The SP publishes no encryption key' };

export const signingKeyCheck: LintCheck = {
  name: 'signing-key',
  codes: [NO_SIGNING, NO_ENCRYPTION],
  check({ entity, profile }) {
    const out = [];
    for (const role of entity.summary.roles) {
      const keys = entity.keys.filter((k) => k.role === role.role);
      const signing = keys.some((k) => k.use !== 'encryption');
      if (role.role === 'IDPSSODescriptor' && !signing) {
        out.push(findingOf(NO_SIGNING, 'The IDPSSODescriptor has no KeyDescriptor with use="signing" (or without use). SPs verify the Response or Assertion signature with it: without one they cannot trust anything this IdP sends, and SPs that require signatures (Scaleway, most) refuse every login.', 'Add a <md:KeyDescriptor use="signing"> with the IdP\'s signing certificate in <ds:X509Certificate>.', profile));
      }
      if (role.role === 'SPSSODescriptor') {
        if (!signing) {
          const required = role.authnRequestsSigned === true;
          out.push(findingOf(NO_SIGNING, required ? 'The SPSSODescriptor says AuthnRequestsSigned="true" but publishes no signing key: the IdP cannot verify the requests and refuses them.' : 'The SPSSODescriptor publishes no signing key: its AuthnRequests and LogoutRequests cannot be verified, so an IdP that wants signed requests refuses them.', 'Add a <md:KeyDescriptor use="signing"> with the SP\'s request-signing certificate.', profile, required ? 'error' : 'info'));
        }
        if (!keys.some((k) => k.use !== 'signing')) {
          out.push(findingOf(NO_ENCRYPTION, 'The SPSSODescriptor has no KeyDescriptor usable for encryption (use="encryption" or without use): the IdP cannot encrypt assertions to this SP, so they cross the browser in clear text.', 'Publish an encryption certificate if the IdP should encrypt assertions (<md:KeyDescriptor use="encryption">).', profile));
        }
      }
    }
    return out;
  },
};
