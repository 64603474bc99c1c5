// unsolicited-response: a Response without InResponseTo is IdP-initiated (SAML profiles §4.1.5).
// authentik as SAML source refuses it unless "Allow IdP-initiated logins" is on, which its doc
// calls a security risk (001_2b1aa7e2892a19c8.txt).
import type { Rule } from './context';
import { expectationText, fixFor, rootElement } from './helpers';

const REFS = ['SAML profiles §4.1.5', 'SAML profiles §4.1.4.3', '001_2b1aa7e2892a19c8.txt'];

export const unsolicitedResponseRule: Rule = {
  id: 'unsolicited-response',
  codes: ['unsolicited-response'],
  severity: 'warning',
  title: 'Unsolicited (IdP-initiated) response',
  checks: 'A Response with no InResponseTo (neither on the Response nor on its SubjectConfirmationData) is IdP-initiated; info in generic, warning for authentik-source, Scaleway, or when a request was sent.',
  references: REFS,
  check(ctx) {
    const { summary } = ctx.message;
    if (summary.kind !== 'Response') return [];
    if (summary.inResponseTo !== null || summary.assertions.some((a) => a.inResponseTo !== null)) return [];
    const req = ctx.expectations.requestId;
    const node = rootElement(ctx.message.doc);
    if (ctx.profile === 'authentik-source') {
      return [{
        code: 'unsolicited-response', severity: 'warning', title: 'IdP-initiated response: authentik source refuses it by default',
        explanation: 'The Response has no InResponseTo, so it does not answer an AuthnRequest from authentik: it is IdP-initiated. The authentik SAML source only accepts it when "Allow IdP-initiated logins" is enabled — and authentik warns this is a security risk: such a response is not verified against any request, so an attacker can use it to log a user in without interaction (login CSRF).',
        fix: 'Prefer starting the login at authentik (SP-initiated): leave "Allow IdP-initiated logins" off in the authentik SAML source and point the IdP tile/link at authentik instead. Enable the option only if IdP-initiated login is truly required and the risk is accepted.',
        references: REFS, node,
      }];
    }
    const expected = req;
    return [{
      code: 'unsolicited-response',
      severity: expected || ctx.profile === 'scaleway' ? 'warning' : 'info',
      title: 'Unsolicited (IdP-initiated) response',
      explanation: `The Response has no InResponseTo: it was not sent in answer to an AuthnRequest (IdP-initiated SSO, SAML profiles §4.1.5).${expected ? ` A request was expected to be answered: ${expectationText(expected)}; an SP that started the login will reject an unsolicited response.` : ' SPs that only support SP-initiated login reject it; replay protection then relies on the assertion ID and short validity.'}`,
      fix: fixFor(ctx.profile, {
        generic: 'If the SP started this login, the IdP lost the request: make sure the IdP answers the AuthnRequest (start from the SP again). If IdP-initiated SSO is intended, enable it at the SP.',
        scaleway: 'Start the login from the Scaleway console (SP-initiated) rather than from the authentik application tile, or make sure Scaleway accepts IdP-initiated logins.',
        'authentik-provider': 'IdP-initiated logins from authentik use /application/saml/<slug>/sso/binding/init/; make sure the SP accepts unsolicited responses, or start the login at the SP.',
      }),
      references: REFS, node,
    }];
  },
};
