// audience-mismatch: SAML core §2.5.1.4 — the assertion is only valid for the audiences listed;
// SAML profiles §4.1.4.2 — it MUST contain an AudienceRestriction naming the SP.
import type { RawFinding } from '../types';
import type { Rule } from '../diagnosis/context';
import { allNS, assertionElement, consumedAssertion, isOpaque, describeUriDifference, expectationText, parts, quote } from '../diagnosis/helpers';

const REFS = ['SAML core §2.5.1.4', 'SAML profiles §4.1.4.2'];

export const audienceRule: Rule = {
  id: 'audience',
  codes: ['audience-mismatch'],
  severity: 'error',
  category: 'audience',
  title: 'Audience contains the SP entity ID',
  checks: 'The consumed assertion has an AudienceRestriction and one Audience equals the SP entity ID.',
  references: REFS,
  check(ctx) {
    if (ctx.message.summary.kind !== 'Response') return [];
    const consumed = consumedAssertion(ctx.message);
    const sp = ctx.expectations.spEntityId;
    if (!consumed || isOpaque(consumed.assertion) || !sp) return [];
    const { assertion, index } = consumed;
    const el = assertionElement(ctx.message, index);
    const audienceEls = allNS(el, 'Audience');
    const out: RawFinding[] = [];
    const fix = `Set the audience (SP entity ID) of this application at the IdP to ${quote(sp.value)}.`;
    const fixParts = parts(undefined, { sp: sp.value, audience: assertion.audiences[0] });
    if (assertion.audiences.length === 0) {
      out.push({
        code: 'audience-mismatch', severity: 'warning', title: 'Assertion has no Audience',
        explanation: `The assertion has no AudienceRestriction, so it is not bound to the SP ${expectationText(sp)}. SAML profiles §4.1.4.2 requires an AudienceRestriction naming the SP; many SPs reject such an assertion.`,
        fix, fixParts, references: REFS, node: allNS(el, 'Conditions')[0] ?? el,
      });
    } else if (!assertion.audiences.includes(sp.value)) {
      const near = assertion.audiences.map((a) => describeUriDifference(a, sp.value)).find((d) => d) ?? '';
      out.push({
        code: 'audience-mismatch', severity: 'error', title: 'Audience is not the SP entity ID',
        explanation: `The assertion is restricted to ${assertion.audiences.map(quote).join(', ')}, but the SP entity ID is ${expectationText(sp)}.${near} The SP must reject an assertion whose audiences do not include it (SAML core §2.5.1.4).${ctx.expectations.idpEntityId && assertion.audiences.includes(ctx.expectations.idpEntityId.value) ? ' The Audience is the IdP\'s own entity ID: issuer and audience appear swapped.' : ''}`,
        fix, fixParts, references: REFS, node: audienceEls[0] ?? el,
      });
    }
    return out;
  },
};
