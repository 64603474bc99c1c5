// unsolicited-response: a Response without InResponseTo is IdP-initiated (SAML profiles §4.1.5).
// An SP that started the login rejects it; some products refuse it outright (the authentik
// source unless "Allow IdP-initiated logins" is on, which its docs call a security risk). How
// serious it is for the pairing is the profile's `expects.unsolicitedResponse`.
import type { Rule } from '../diagnosis/context';
import { expectationText, expects, parts, rootElement } from '../diagnosis/helpers';
import { SOURCES } from '../diagnosis/sources';

const REFS = ['SAML profiles §4.1.5', 'SAML profiles §4.1.4.3', SOURCES.authentikSamlSource];

export const unsolicitedResponseRule: Rule = {
  id: 'unsolicited-response',
  codes: ['unsolicited-response'],
  severity: 'warning',
  category: 'audience',
  title: 'Unsolicited (IdP-initiated) response',
  checks: 'A Response with no InResponseTo (neither on the Response nor on its SubjectConfirmationData) is IdP-initiated; info in generic, warning when a request was sent or when the profile expects SP-initiated logins (authentik source, Scaleway).',
  references: REFS,
  check(ctx) {
    const { summary } = ctx.message;
    if (summary.kind !== 'Response') return [];
    if (summary.inResponseTo !== null || summary.assertions.some((a) => a.inResponseTo !== null)) return [];
    const expected = ctx.expectations.requestId;
    return [{
      code: 'unsolicited-response',
      severity: expected ? 'warning' : expects(ctx).unsolicitedResponse ?? 'info',
      title: 'Unsolicited (IdP-initiated) response',
      explanation: `The Response has no InResponseTo: it was not sent in answer to an AuthnRequest (IdP-initiated SSO, SAML profiles §4.1.5).${expected ? ` A request was expected to be answered: ${expectationText(expected)}; an SP that started the login will reject an unsolicited response.` : ' SPs that only support SP-initiated login reject it; replay protection then relies on the assertion ID and short validity.'}`,
      fix: 'If the SP started this login, the IdP lost the request: make sure the IdP answers the AuthnRequest (start from the SP again). If IdP-initiated SSO is intended, enable it at the SP.',
      fixParts: parts(undefined, { requestId: expected?.value }),
      references: REFS, node: rootElement(ctx.message.doc),
    }];
  },
};
