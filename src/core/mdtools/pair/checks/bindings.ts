// Bindings both sides can use (SAML profiles §4.1.2–4.1.3): the AuthnRequest goes to an IdP
// SingleSignOnService over HTTP-Redirect, HTTP-POST or HTTP-Artifact; the Response comes back
// to an SP AssertionConsumerService over HTTP-POST or HTTP-Artifact (never HTTP-Redirect,
// §4.1.2). An Artifact ACS needs the IdP's ArtifactResolutionService. SLO needs a common
// SingleLogoutService binding.
import { NS, childElements } from '../../../xml/dom';
import { findingOf, type CodeSpec } from '../../lint/check';
import { BINDING, shortBinding } from '../../namespaces';
import type { PairCheck } from '../check';

const NO_COMMON: CodeSpec = { code: 'pair-no-common-binding', severity: 'error', title: 'No binding both sides support' };
const NO_SLO: CodeSpec = { code: 'pair-no-common-logout-binding', severity: 'warning', title: 'No common Single Logout binding' };
const REDIRECT_ACS: CodeSpec = { code: 'pair-acs-redirect-binding', severity: 'warning', title: 'An ACS uses HTTP-Redirect' };

const REQUEST_BINDINGS = new Set<string>([BINDING.redirect, BINDING.post, BINDING.artifact, BINDING.simpleSign]);
const RESPONSE_BINDINGS = new Set<string>([BINDING.post, BINDING.artifact, BINDING.simpleSign, 'urn:oasis:names:tc:SAML:2.0:bindings:PAOS']);

export const bindingsCheck: PairCheck = {
  name: 'bindings',
  codes: [NO_COMMON, NO_SLO, REDIRECT_ACS],
  check({ idp, idpRole, spRole, idpProfile }) {
    const out = [];
    const sso = idpRole.singleSignOnServices.map((e) => e.binding).filter((b) => REQUEST_BINDINGS.has(b));
    const acs = spRole.assertionConsumerServices.map((e) => e.binding);
    const idpSso = childElements(idp.element, NS.metadata, 'IDPSSODescriptor')[0];
    const hasArtifactResolution = childElements(idpSso, NS.metadata, 'ArtifactResolutionService').length > 0;
    const acsUsable = acs.filter((b) => RESPONSE_BINDINGS.has(b) && (b !== BINDING.artifact || hasArtifactResolution));
    if (sso.length === 0) {
      out.push(findingOf(NO_COMMON, `The IdP's SingleSignOnService bindings (${idpRole.singleSignOnServices.map((e) => shortBinding(e.binding)).join(', ') || 'none'}) include none a browser can carry an AuthnRequest with (HTTP-Redirect, HTTP-POST, HTTP-Artifact; SAML profiles §4.1.3): the SP cannot start a login.`, 'Publish a SingleSignOnService with HTTP-Redirect and/or HTTP-POST.', idpProfile));
    }
    if (acsUsable.length === 0) {
      out.push(findingOf(NO_COMMON, `The SP's AssertionConsumerService bindings (${acs.map(shortBinding).join(', ') || 'none'}) include none the IdP can deliver a Response with: HTTP-POST, or HTTP-Artifact when the IdP has an ArtifactResolutionService (SAML profiles §4.1.2 forbids HTTP-Redirect for Responses).`, 'Give the SP an AssertionConsumerService with Binding HTTP-POST.', idpProfile));
    }
    if (acs.includes(BINDING.redirect)) {
      out.push(findingOf(REDIRECT_ACS, 'An SP AssertionConsumerService declares HTTP-Redirect, which SAML profiles §4.1.2 forbids for the Response (it would not fit in a URL once signed); IdPs skip it.', 'Use HTTP-POST for the ACS.', idpProfile));
    }
    const idpSlo = new Set(idpRole.singleLogoutServices.map((e) => e.binding));
    const spSlo = spRole.singleLogoutServices.map((e) => e.binding);
    if (idpSlo.size > 0 && spSlo.length > 0 && !spSlo.some((b) => idpSlo.has(b))) {
      out.push(findingOf(NO_SLO, `Single Logout: the IdP offers ${[...idpSlo].map(shortBinding).join(', ')}, the SP ${spSlo.map(shortBinding).join(', ')} — no binding in common, so logout messages between them cannot be delivered (SAML profiles §4.4).`, 'Publish a SingleLogoutService with a binding the other side has (HTTP-Redirect is the most common).', idpProfile));
    }
    return out;
  },
};
