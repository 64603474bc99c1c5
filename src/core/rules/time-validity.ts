// not-yet-valid / expired: SAML core §2.5.1.2 (NotBefore inclusive, NotOnOrAfter exclusive),
// SAML profiles §4.1.4.3 (bearer SubjectConfirmationData NotOnOrAfter), §4.1.4.2
// (SessionNotOnOrAfter bounds the SP session). Skew is applied in the message's favour.
import type { RawFinding } from '../types';
import type { Rule, RuleContext } from '../diagnosis/context';
import { EVALUATE_AT_CAPTURE_TIME } from '../findings/fix';
import { allNS, assertionElement, formatDuration, parts, rootElement } from '../diagnosis/helpers';
import { timelineOf, type TimePoint } from '../diagnosis/timeline';

const REFS = ['SAML core §2.5.1.2', 'SAML profiles §4.1.4.2', 'SAML profiles §4.1.4.3'];

function nodeFor(ctx: RuleContext, p: TimePoint): Node | null {
  if (p.assertionIndex === undefined) return rootElement(ctx.message.doc);
  const el = assertionElement(ctx.message, p.assertionIndex);
  if (p.field === 'NotBefore' || p.field === 'NotOnOrAfter') return allNS(el, 'Conditions')[0] ?? el;
  if (p.field === 'SubjectConfirmationData NotOnOrAfter') return allNS(el, 'SubjectConfirmationData')[0] ?? el;
  if (p.field === 'SessionNotOnOrAfter' || p.field === 'AuthnInstant') return allNS(el, 'AuthnStatement')[0] ?? el;
  return el;
}

export const timeValidityRule: Rule = {
  id: 'time-validity',
  codes: ['not-yet-valid', 'expired'],
  severity: 'error',
  category: 'time',
  title: 'Time conditions hold at the evaluation time',
  checks: 'IssueInstant not in the future, Conditions NotBefore ≤ now < NotOnOrAfter, SubjectConfirmationData NotOnOrAfter and LogoutRequest NotOnOrAfter not past (all with the allowed skew); SessionNotOnOrAfter past is a warning.',
  references: REFS,
  check(ctx) {
    const { summary } = ctx.message;
    if (summary.kind === 'EntityDescriptor' || summary.kind === 'EntitiesDescriptor') return []; // metadata-expired
    const at = ctx.at.toISOString();
    const skew = `${ctx.skewSeconds} s`;
    // The advice for an old capture names the page's field or the CLI's flag (core/findings/fix.ts).
    const clockFix = 'Synchronise the clocks of the IdP and SP hosts with NTP; if a small drift remains, raise the SP\'s allowed clock skew.';
    const clockParts = (p: TimePoint) => parts('clock', { field: p.label, value: p.value }, EVALUATE_AT_CAPTURE_TIME);
    const out: RawFinding[] = [];
    for (const p of timelineOf(summary, ctx.at, ctx.skewSeconds)) {
      if (p.state !== 'violated' || p.field === 'validUntil' || p.field === 'AuthnInstant') continue;
      if (!p.time) {
        out.push({ code: p.field === 'NotBefore' || p.field === 'IssueInstant' ? 'not-yet-valid' : 'expired', severity: 'error', title: `${p.label} is not a valid time`, explanation: `${p.label} is "${p.value}", which is not an xs:dateTime (SAML core §1.3.3: UTC, e.g. 2024-01-01T12:00:00Z). The SP cannot evaluate it and rejects the message.`, fix: 'Fix the IdP so it writes times as xs:dateTime in UTC.', fixParts: parts('invalid-time', { field: p.label, value: p.value }), references: REFS, node: nodeFor(ctx, p) });
        continue;
      }
      const delta = formatDuration(p.time.getTime() - ctx.at.getTime());
      if (p.field === 'IssueInstant' || p.field === 'NotBefore') {
        // SAML core defines no validity rule for IssueInstant (only Conditions NotBefore is
        // normative, §2.5.1.2); some SPs still reject a future IssueInstant: warning.
        out.push({
          code: 'not-yet-valid', severity: p.field === 'NotBefore' ? 'error' : 'warning', title: `${p.label} is in the future`,
          explanation: `${p.label} is ${p.value}, ${delta} after the evaluation time ${at} — more than the allowed clock skew of ${skew}. The ${p.field === 'NotBefore' ? 'assertion is not valid yet' : 'message claims to be issued in the future'}: the IdP clock is ahead of the SP clock.`,
          fix: clockFix, fixParts: clockParts(p), references: REFS, node: nodeFor(ctx, p),
        });
      } else if (p.field === 'SessionNotOnOrAfter') {
        out.push({
          code: 'expired', severity: 'warning', title: 'SessionNotOnOrAfter has passed',
          explanation: `SessionNotOnOrAfter is ${p.value}, ${delta} before the evaluation time ${at}. The IdP asks the SP to end the session at that time, so a session created from this assertion is already over (SAML core §2.7.2).`,
          fix: 'If this is a fresh login, check the IdP session lifetime setting and the clocks.',
          fixParts: parts('session', { value: p.value }, EVALUATE_AT_CAPTURE_TIME),
          references: REFS, node: nodeFor(ctx, p),
        });
      } else {
        out.push({
          code: 'expired', severity: 'error', title: `${p.label} has passed`,
          explanation: `${p.label} is ${p.value}, ${delta} before the evaluation time ${at} (allowed skew ${skew}). The ${p.field === 'SubjectConfirmationData NotOnOrAfter' ? 'bearer confirmation window has closed: the response must reach the SP before this time' : 'message is no longer valid'}. Either the response was delivered late (slow redirect, replay, a stale browser tab) or the IdP clock is behind.`,
          fix: clockFix, fixParts: clockParts(p), references: REFS, node: nodeFor(ctx, p),
        });
      }
    }
    return out;
  },
};
