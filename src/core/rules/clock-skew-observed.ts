// clock-skew-observed: the issuer's clock, measured. A captured message's IssueInstant is written
// by the issuer's clock at the moment it answered; the HTTP `Date` header of the response that
// carried it (RFC 9110 §6.6.1) is written by the answering server's clock at the same moment.
// Their difference estimates the issuer's skew without trusting the evaluation time at all, so
// it separates "the IdP clock is wrong" from "the capture is old". Date has a 1-second resolution.
import type { Rule } from '../diagnosis/context';
import { deliveringExchange, sameCapture } from '../diagnosis/capture';
import { parts, rootElement } from '../diagnosis/helpers';

const REFS = ['RFC 9110 §6.6.1', 'SAML core §1.3.3', 'SAML core §3.2.2'];
/** The Date header is whole seconds: a difference of up to this much is its rounding, not skew. */
const DATE_RESOLUTION_SECONDS = 1;

export const clockSkewObservedRule: Rule = {
  id: 'clock-skew-observed',
  codes: ['clock-skew-observed'],
  severity: 'warning',
  category: 'time',
  title: 'Issuer clock measured against the HTTP Date header',
  checks: 'In a HAR or SAML-tracer capture, IssueInstant of each message minus the Date header of the HTTP response that delivered it (its form, or the redirect to its URL); over the allowed skew is a warning, a smaller measurable difference is info.',
  references: REFS,
  check(ctx) {
    const { summary } = ctx.message;
    if (!summary.issueInstant) return [];
    const at = deliveringExchange(ctx.message);
    if (at === null) return [];
    const link = ctx.message.payload.capture!;
    // The same message found in the form and again in the POST it caused: measured once, on the form's copy.
    if (link.carriedIn === 'request' && sameCapture(ctx, link.evidence).some((m) => m !== ctx.message && m.payload.capture!.exchange === at && m.payload.capture!.carriedIn === 'response')) return [];
    const response = link.evidence.exchanges[at].response;
    if (!response?.date) return [];
    const issued = Date.parse(summary.issueInstant);
    const served = Date.parse(response.date);
    if (Number.isNaN(issued) || Number.isNaN(served)) return [];
    // The Date header drops the milliseconds IssueInstant may carry: compare whole seconds.
    const skew = Math.floor(issued / 1000) - Math.floor(served / 1000);
    if (Math.abs(skew) <= DATE_RESOLUTION_SECONDS) return [];
    // Whole seconds on both sides: the true difference lies within ±1 s of `skew`. Measured one
    // second over the allowed skew (settings: the same value the time checks use), the true
    // difference is over it too, so the warning is never the rounding's; at the allowed skew, info.
    const over = Math.abs(skew) > ctx.skewSeconds;
    const direction = skew > 0 ? 'ahead of' : 'behind';
    return [{
      code: 'clock-skew-observed',
      severity: over ? 'warning' : 'info',
      title: `${summary.kind} issuer clock ${Math.abs(skew)} s ${direction} the HTTP Date`,
      explanation: `IssueInstant is ${summary.issueInstant}; the HTTP response that delivered the message${response.status ? ` (status ${response.status})` : ''} has Date: ${response.date}. The issuer's clock is therefore about ${skew > 0 ? '+' : ''}${skew} s ${direction} the web server's clock (±1 s: Date has whole seconds)${over ? `, more than the allowed clock skew of ${ctx.skewSeconds} s: an SP whose clock agrees with the web server rejects the message as ${skew > 0 ? 'not yet valid' : 'expired'} near its time limits` : `, within the allowed clock skew of ${ctx.skewSeconds} s`}. A reverse proxy in front of the issuer writes Date with its own clock, so a difference can also be the proxy's.`,
      fix: over ? 'Synchronise the issuer host\'s clock with NTP (and the SP\'s); raising the SP\'s allowed skew only hides the drift.' : 'Nothing to fix now; keep the hosts on NTP.',
      fixParts: parts(over ? 'clock-observed' : 'clock-within-skew', { skewSeconds: String(skew), date: response.date, issueInstant: summary.issueInstant }),
      references: REFS,
      node: rootElement(ctx.message.doc),
      evidence: { skewSeconds: skew, date: response.date, issueInstant: summary.issueInstant },
    }];
  },
};
