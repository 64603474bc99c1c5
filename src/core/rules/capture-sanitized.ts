// capture-sanitized: a capture tool or sanitizer removed evidence. cloudflare's har-sanitizer
// replaces SAML values with "[SAMLResponse redacted]", SAML-tracer's export masks values as
// {hash:…}, {obf:…} or {overwritten}, and browsers' default HAR export drops every Cookie and
// Set-Cookie. What is gone cannot be diagnosed; the reader needs to know what and how to export
// again. Reported once per capture, on its first message.
import type { Rule } from '../diagnosis/context';
import { sameCapture } from '../diagnosis/capture';
import { parts, rootElement } from '../diagnosis/helpers';
import { REEXPORT_ADVICE, removalText } from '../binding/sanitized';

export const captureSanitizedRule: Rule = {
  id: 'capture-sanitized',
  codes: ['capture-sanitized'],
  severity: 'info',
  category: 'binding',
  title: 'Capture holds everything the diagnosis reads',
  checks: 'A HAR or SAML-tracer capture has no SAML value redacted ("[SAMLResponse redacted]") or masked ({hash:…}, {obf:…}, {overwritten}) and keeps its cookie names.',
  references: ['W3C HAR 1.2', 'RFC 6265bis §4.1'],
  check(ctx) {
    const link = ctx.message.payload.capture;
    if (!link || link.evidence.removals.length === 0) return [];
    if (sameCapture(ctx, link.evidence)[0] !== ctx.message) return [];
    const removals = link.evidence.removals;
    return [{
      code: 'capture-sanitized',
      severity: 'info',
      title: `The ${link.evidence.source === 'har' ? 'HAR file' : 'SAML-tracer export'} was sanitized`,
      explanation: `Removed from this capture: ${removals.map(removalText).join('; ')}. What was removed is not diagnosed.`,
      fix: REEXPORT_ADVICE,
      fixParts: parts('sanitized', { removed: removals.map((r) => r.what).join(', ') }),
      references: ['W3C HAR 1.2'],
      node: rootElement(ctx.message.doc),
      evidence: { removed: removals.map((r) => r.what) },
    }];
  },
};
