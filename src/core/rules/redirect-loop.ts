// redirect-loop: the SP sends the browser to the IdP, the IdP answers with a Response, and the SP,
// instead of opening a session, sends it to the IdP again — the SP did not accept the Response
// (lost request state, a rejected assertion it does not report, a session cookie it cannot set)
// or the IdP keeps answering an earlier request. The capture shows the cycle repeating.
import type { RuleMessage } from '../diagnosis/context';
import type { Rule } from '../diagnosis/context';
import { sameCapture } from '../diagnosis/capture';
import { parts, rootElement } from '../diagnosis/helpers';

const REFS = ['SAML profiles §4.1.3', 'SAML profiles §4.1.4.3'];
/** Cycles that make a loop whatever the SP answered: a person retrying by hand rarely does it twice. */
const LOOP_MIN_CYCLES = 3;

const endpoint = (url: string | undefined): string => (url ?? '').replace(/[?#].*$/, '');

interface Cycle { request: RuleMessage; response: RuleMessage }

export const redirectLoopRule: Rule = {
  id: 'redirect-loop',
  codes: ['redirect-loop'],
  severity: 'error',
  category: 'binding',
  title: 'Login does not loop between SP and IdP',
  checks: `In a HAR or SAML-tracer capture, the sequence AuthnRequest to an IdP endpoint → Response to the same ACS does not repeat ${LOOP_MIN_CYCLES} times, nor twice with the ACS answering each Response with a redirect.`,
  references: REFS,
  check(ctx) {
    const link = ctx.message.payload.capture;
    if (ctx.message.summary.kind !== 'AuthnRequest' || !link || link.carriedIn !== 'request') return [];
    // What the browser sent, in order: a POST-binding message also appears in the form that carried it.
    const sent = sameCapture(ctx, link.evidence).filter((m) => m.payload.capture!.carriedIn === 'request');
    const key = endpoint(ctx.message.payload.url);
    const cycles: Cycle[] = [];
    let open: RuleMessage | null = null;
    let acs: string | null = null;
    for (const m of sent) {
      if (m.summary.kind === 'AuthnRequest' && endpoint(m.payload.url) === key) open = m;
      else if (m.summary.kind === 'Response' && open && (acs === null || endpoint(m.payload.url) === acs)) {
        acs = endpoint(m.payload.url);
        cycles.push({ request: open, response: m });
        open = null;
      }
    }
    if (cycles.length < 2 || cycles[0].request !== ctx.message) return []; // reported once, on the loop's first request
    const ev = link.evidence;
    const acsAnswers = cycles.map((c) => ev.exchanges[c.response.payload.capture!.exchange]?.response);
    const allRedirected = acsAnswers.slice(0, -1).every((r) => r !== undefined && r.status >= 300 && r.status < 400);
    if (cycles.length < LOOP_MIN_CYCLES && !allRedirected) return [];
    const urls = [key, acs!];
    const last = acsAnswers.at(-1);
    return [{
      code: 'redirect-loop',
      severity: 'error',
      title: `Login loops ${cycles.length} times between SP and IdP`,
      explanation: `The SP sent an AuthnRequest to ${key} and received a Response at ${acs} ${cycles.length} times in this capture${cycles[0].request.payload.time && cycles.at(-1)!.response.payload.time ? ` (from ${cycles[0].request.payload.time} to ${cycles.at(-1)!.response.payload.time})` : ''}. Each time the SP answered the Response by starting a new login${last ? ` (last ACS answer: status ${last.status}${last.location ? `, Location ${last.location}` : ''})` : ''}, so it never accepted one: the IdP authenticates the user each time, and the SP rejects the result without saying why. Usual causes: the SP lost the request state (a session cookie not sent back, see cookie-dropped-samesite; several SP nodes without shared sessions), or the SP rejects the assertion (check the findings of the Responses: audience, time, signature), or the SP cannot set its own session cookie after the ACS.`,
      fix: 'Read the SP log for the first Response it rejected; check the findings of each Response in this capture and whether the SP\'s session cookie comes back to the ACS.',
      fixParts: parts('loop', { count: String(cycles.length), idp: key, acs }),
      references: REFS,
      node: rootElement(ctx.message.doc),
      evidence: { count: cycles.length, urls },
    }];
  },
};
