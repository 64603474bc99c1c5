// recipient-mismatch: SAML profiles §4.1.4.3 — the bearer SubjectConfirmationData Recipient MUST
// be the ACS URL at which the SP received the assertion.
import type { Rule } from '../diagnosis/context';
import { allNS, assertionElement, consumedAssertion, isOpaque, describeUriDifference, expectationText, parts, quote, spAcsEndpoints } from '../diagnosis/helpers';

const REFS = ['SAML profiles §4.1.4.3', 'SAML core §2.4.1.2'];

export const recipientRule: Rule = {
  id: 'recipient',
  codes: ['recipient-mismatch'],
  severity: 'error',
  category: 'audience',
  title: 'SubjectConfirmationData Recipient is the ACS URL',
  checks: 'The bearer SubjectConfirmationData Recipient of the consumed assertion equals the ACS URL (expectation or SP metadata) and the Response Destination.',
  references: REFS,
  check(ctx) {
    const { summary } = ctx.message;
    if (summary.kind !== 'Response') return [];
    const consumed = consumedAssertion(ctx.message);
    if (!consumed || isOpaque(consumed.assertion)) return [];
    const recipient = consumed.assertion.recipient;
    const el = assertionElement(ctx.message, consumed.index);
    const node = allNS(el, 'SubjectConfirmationData')[0] ?? el;
    const exp = ctx.expectations.acsUrl;
    const acs = spAcsEndpoints(ctx).map((e) => e.location);
    const target = exp?.value ?? summary.destination;
    if (!target) return [];
    const fix = `Configure the ACS URL of this SP at the IdP as ${quote(target)}; the IdP copies it into Recipient.`;
    const fixParts = parts(undefined, { acs: target, recipient });
    if (recipient === null) {
      return [{ code: 'recipient-mismatch', severity: 'warning', title: 'Bearer confirmation has no Recipient', explanation: `The SubjectConfirmationData has no Recipient; SAML profiles §4.1.4.2 requires it to name the ACS URL (${quote(target)}), and most SPs reject the assertion.`, fix, fixParts, references: REFS, node }];
    }
    if (recipient === target || acs.includes(recipient)) return [];
    const against = exp ? expectationText(exp) : `the Response Destination ${quote(summary.destination)}`;
    return [{
      // Against a known ACS URL this is certain; against the Destination alone it is a warning.
      code: 'recipient-mismatch', severity: exp ? 'error' : 'warning', title: 'Recipient is not the ACS URL',
      explanation: `SubjectConfirmationData Recipient is ${quote(recipient)} but the ACS URL is ${against}.${describeUriDifference(recipient, target)} The SP only accepts a bearer assertion addressed to its own ACS (SAML profiles §4.1.4.3).`,
      fix, fixParts, references: REFS, node,
    }];
  },
};
