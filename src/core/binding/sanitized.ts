// What to tell the reader when a capture tool or sanitizer removed evidence: what was removed and
// how to export the capture again with the SAML messages kept and the secrets (cookie values,
// passwords) removed. Shared by the `capture-sanitized` finding and the `input-redacted` error.
import type { CaptureRemoval, InputError } from '../types';

export const REEXPORT_ADVICE =
  'Export again with the SAML kept: in Chrome or Edge DevTools › Network, "Export HAR (with sensitive data)…", in Firefox "Save All As HAR"; or SAML-tracer\'s Export with "None" as the masking option. ' +
  'Then remove the secrets, not the SAML: replace the values of Cookie, Set-Cookie and Authorization headers and of password fields (the cookie names are evidence, keep them). ' +
  'With cloudflare\'s har-sanitizer, untick SAMLRequest and SAMLResponse in its list and leave the cookie and header boxes ticked: it replaces cookie values, not their names or attributes. A SAML response holds the user\'s attributes but no password; share it only with whom you would show them.';

export function removalText(r: CaptureRemoval): string {
  const n = r.count === 1 ? '' : ` (${r.count} times)`;
  switch (r.what) {
    case 'saml-values': return `SAML messages were redacted: ${r.detail}${n}`;
    case 'masked-values': return `SAML values were masked: ${r.detail}${n}; the decoded copy in the export was used where it had one`;
    case 'cookie-attributes': return `cookie attributes were masked: ${r.detail}${n}, so whether SameSite withheld a cookie cannot be read`;
    case 'cookies': return `cookies were removed: ${r.detail}, so whether a cookie came back to the SP cannot be judged`;
  }
}

/** The error of a capture from which the sanitizer left no SAML message to decode, or null. */
export function redactedInputError(removals: readonly CaptureRemoval[], what: string): InputError | null {
  const samlGone = removals.filter((r) => r.what === 'saml-values' || r.what === 'masked-values');
  if (samlGone.length === 0) return null;
  return { code: 'input-redacted', message: `This ${what} holds no SAML message left to decode: ${samlGone.map(removalText).join('; ')}. ${REEXPORT_ADVICE}` };
}
