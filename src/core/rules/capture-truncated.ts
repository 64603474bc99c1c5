// capture-truncated: a capture with more HTTP exchanges than CAPTURE_MAX_EXCHANGES (docs/limits.md)
// keeps only the first ones as evidence. The messages in the dropped part are still decoded and
// checked, but no cookie, Date or loop evidence is read past the limit: the reader must know that
// "no cookie-dropped-samesite" there means "not judged", not "fine". Reported once per capture,
// on its first message.
import type { Rule } from '../diagnosis/context';
import { sameCapture } from '../diagnosis/capture';
import { parts, rootElement } from '../diagnosis/helpers';
import { CAPTURE_MAX_EXCHANGES } from '../limits';

// Thousands separators without Intl: `checks` below is built when the rule registry is imported,
// and the first toLocaleString of a process initialises ICU (~20 ms of every CLI start, issue 15).
const n = (x: number): string => String(x).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export const captureTruncatedRule: Rule = {
  id: 'capture-truncated',
  codes: ['capture-truncated'],
  severity: 'warning',
  category: 'binding',
  title: 'Capture read to its end',
  checks: `A HAR or SAML-tracer capture holds at most ${n(CAPTURE_MAX_EXCHANGES)} HTTP exchanges (CAPTURE_MAX_EXCHANGES), all kept as evidence; over it, says how many were read and how many dropped.`,
  references: ['W3C HAR 1.2'],
  check(ctx) {
    const link = ctx.message.payload.capture;
    if (!link || !link.evidence.truncated) return [];
    if (sameCapture(ctx, link.evidence)[0] !== ctx.message) return [];
    const ev = link.evidence;
    const kept = ev.exchanges.length;
    const dropped = Math.max(0, ev.exchangesInFile - kept);
    const file = ev.source === 'har' ? 'HAR file' : 'SAML-tracer export';
    return [{
      code: 'capture-truncated',
      severity: 'warning',
      title: `Only the first ${n(kept)} of ${n(ev.exchangesInFile)} HTTP exchanges were read as evidence`,
      explanation: `This ${file} holds ${n(ev.exchangesInFile)} HTTP exchanges; samlscope keeps at most ${n(CAPTURE_MAX_EXCHANGES)} (CAPTURE_MAX_EXCHANGES, docs/limits.md), so ${n(dropped)} were dropped${ev.source === 'har' ? ' (the latest by start time)' : ''}. SAML messages in them are still decoded and checked, but cookies, Date headers, HTTP answers and loops after exchange ${n(kept)} are not judged: a finding missing there means "not read", not "fine".`,
      fix: 'Record only the login: clear the Network panel (or SAML-tracer) and turn off other tabs before you start it, or filter the capture to the SP and IdP hosts before exporting.',
      fixParts: parts('truncated', { read: String(ev.exchangesInFile), kept: String(kept), dropped: String(dropped) }),
      references: ['W3C HAR 1.2'],
      node: rootElement(ctx.message.doc),
      evidence: { read: ev.exchangesInFile, kept, dropped },
    }];
  },
};
