// Endpoints the login crosses (SAML profiles §4.1.5, bindings §3.5.5.2): the ACS receives the
// assertion, the SSO URL the request; both must be https:, or the assertion is readable and
// replayable on the path and browsers warn on the form POST.
import { findingOf, type CodeSpec } from '../../lint/check';
import type { PairCheck } from '../check';

const ACS: CodeSpec = { code: 'pair-acs-not-https', severity: 'error', title: 'An ACS URL is not https:' };
const SSO: CodeSpec = { code: 'pair-sso-not-https', severity: 'error', title: 'An SSO URL is not https:' };

export const transportCheck: PairCheck = {
  name: 'transport',
  codes: [ACS, SSO],
  check({ idpRole, spRole, idpProfile, spProfile }) {
    const out = [];
    for (const e of spRole.assertionConsumerServices) {
      if (!/^https:/i.test(e.location)) out.push(findingOf(ACS, `The SP's AssertionConsumerService ${e.location} is not https:. The IdP posts the signed assertion there through the browser: anyone on the path can read and replay it.`, 'Serve the ACS over https: and publish that URL.', spProfile));
    }
    for (const e of idpRole.singleSignOnServices) {
      if (!/^https:/i.test(e.location)) out.push(findingOf(SSO, `The IdP's SingleSignOnService ${e.location} is not https:: the user's password and the request cross the network in clear.`, 'Serve the IdP over https: and publish the https: URLs.', idpProfile));
    }
    return out;
  },
};
