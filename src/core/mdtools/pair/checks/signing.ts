// Signing expectations on both sides (SAML metadata §2.4.3–2.4.4): WantAuthnRequestsSigned on
// the IdP against AuthnRequestsSigned and a signing key on the SP; WantAssertionsSigned on the
// SP against a signing key on the IdP (and the IdP's configuration, which metadata does not
// show).
import { findingOf, type CodeSpec } from '../../lint/check';
import type { PairCheck } from '../check';

const REQUIRED: CodeSpec = { code: 'pair-signing-required', severity: 'error', title: 'The IdP requires signed AuthnRequests the SP does not send' };
const IDP_NO_KEY: CodeSpec = { code: 'pair-idp-no-signing-key', severity: 'error', title: 'The IdP publishes no signing key' };
const ASSERTIONS: CodeSpec = { code: 'pair-assertions-must-be-signed', severity: 'info', title: 'The SP wants signed assertions' };

export const signingCheck: PairCheck = {
  name: 'signing',
  codes: [REQUIRED, IDP_NO_KEY, ASSERTIONS],
  check({ idp, idpRole, sp, spRole, idpProfile, spProfile }) {
    const out = [];
    const spKeys = sp.keys.filter((k) => k.role === 'SPSSODescriptor' && k.use !== 'encryption');
    const idpKeys = idp.keys.filter((k) => k.role === 'IDPSSODescriptor' && k.use !== 'encryption');
    if (idpRole.wantAuthnRequestsSigned === true && (spRole.authnRequestsSigned !== true || spKeys.length === 0)) {
      const why = spKeys.length === 0 ? 'publishes no signing key, so the IdP cannot verify a signed request' : 'says AuthnRequestsSigned is not true, so it will send unsigned requests';
      out.push(findingOf(REQUIRED, `The IdP says WantAuthnRequestsSigned="true"; the SP ${why}. The IdP refuses every AuthnRequest (SAML metadata §2.4.3).`, idpProfile === 'authentik'
        ? 'In authentik: either clear the provider\'s "Verification Certificate" (authentik then accepts unsigned requests) or make the SP sign its requests and set its certificate as the "Verification Certificate".'
        : 'Make the SP sign its AuthnRequests and publish AuthnRequestsSigned="true" with its signing key, or stop requiring signed requests on the IdP.'));
    }
    if (idpKeys.length === 0) {
      out.push(findingOf(IDP_NO_KEY, 'The IdP publishes no signing key: the SP cannot verify any Response or Assertion and refuses every login.', idpProfile === 'authentik' ? 'In authentik: set the SAML provider\'s "Signing Certificate" and export the metadata again.' : 'Publish the IdP\'s signing certificate in a KeyDescriptor use="signing".'));
    }
    if (spRole.wantAssertionsSigned === true || spProfile === 'scaleway') {
      out.push(findingOf(ASSERTIONS, `${spProfile === 'scaleway' ? 'Scaleway IAM requires signed assertions' : 'The SP says WantAssertionsSigned="true"'}. IdP metadata cannot say whether the IdP signs them, so check its configuration — an unsigned assertion in a signed Response is refused.`, idpProfile === 'authentik' ? 'In authentik: Applications → Providers → the SAML provider → enable "Sign assertions" (and "Sign responses" for Scaleway).' : 'Configure the IdP to sign the Assertion (not only the Response).'));
    }
    return out;
  },
};
