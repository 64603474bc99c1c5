// in-response-to-mismatch: SAML profiles §4.1.4.3 — InResponseTo (of the Response and of the
// bearer SubjectConfirmationData) MUST be the ID of the AuthnRequest the SP sent.
import type { RawFinding } from '../types';
import type { Rule } from '../diagnosis/context';
import { allNS, assertionElement, consumedAssertion, isOpaque, expectationText, parts, quote, rootElement } from '../diagnosis/helpers';

const REFS = ['SAML core §3.2.2', 'SAML profiles §4.1.4.3'];

export const inResponseToRule: Rule = {
  id: 'in-response-to',
  codes: ['in-response-to-mismatch'],
  severity: 'error',
  category: 'audience',
  title: 'InResponseTo answers the AuthnRequest',
  checks: 'Response InResponseTo and SubjectConfirmationData InResponseTo equal the request ID (explicit or an AuthnRequest of the same input) and each other.',
  references: REFS,
  check(ctx) {
    const { summary } = ctx.message;
    if (summary.kind !== 'Response' && summary.kind !== 'LogoutResponse') return [];
    const consumed = consumedAssertion(ctx.message);
    const a = consumed && !isOpaque(consumed.assertion) ? consumed.assertion : null;
    const scd = a ? allNS(assertionElement(ctx.message, consumed!.index), 'SubjectConfirmationData')[0] ?? null : null;
    const sites = [
      { where: `${summary.kind} InResponseTo`, value: summary.inResponseTo, node: rootElement(ctx.message.doc) as Node | null },
      ...(a ? [{ where: 'SubjectConfirmationData InResponseTo', value: a.inResponseTo, node: scd as Node | null }] : []),
    ].filter((s) => s.value !== null);
    if (sites.length === 0) return []; // unsolicited: see unsolicited-response
    const fix = 'Start the login again from the SP (not from a bookmark or the browser history) in the same browser session, so that the response answers the request the SP is waiting for; if it persists, the SP lost the request state (cookie SameSite, several SP nodes without shared session storage).';
    const fixParts = parts('request', { requestId: ctx.expectations.requestId?.value });
    const out: RawFinding[] = [];
    const exp = ctx.expectations.requestId;
    if (exp) {
      const wrong = sites.filter((s) => s.value !== exp.value);
      if (wrong.length) {
        out.push({
          code: 'in-response-to-mismatch', severity: 'error', title: 'InResponseTo does not answer the request',
          explanation: `${wrong.map((s) => `${s.where} is ${quote(s.value)}`).join('; ')}, but the request ID is ${expectationText(exp)}. The SP rejects a response to a request it did not send or no longer remembers (replayed, stale tab, or a second login started in between).`,
          fix, fixParts, references: REFS, node: wrong[0].node,
        });
        return out;
      }
    }
    if (sites.length === 2 && sites[0].value !== sites[1].value) {
      out.push({
        code: 'in-response-to-mismatch', severity: 'error', title: 'Response and SubjectConfirmationData InResponseTo differ',
        explanation: `The Response answers ${quote(sites[0].value)} but the SubjectConfirmationData answers ${quote(sites[1].value)}; both must be the ID of the same AuthnRequest (SAML profiles §4.1.4.3).`,
        fix: 'This is an IdP defect or a spliced message: the assertion was issued for another request. Report it to the IdP vendor.',
        fixParts: parts('split'),
        references: REFS, node: sites[1].node,
      });
    }
    return out;
  },
};
