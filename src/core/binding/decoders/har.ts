// A HAR file (W3C HTTP Archive, as browsers' developer tools export it): every SAML message in its
// request URLs, request bodies and response forms.
import { extractFromHar } from '../har';
import { redactedInputError } from '../sanitized';
import type { InputDecoder } from './decoder';
import { jsonObjectOf } from './decoder';

declare module '../../types' {
  interface DetectedFormats { har: true }
}

export const harDecoder: InputDecoder = {
  name: 'har',
  detects: ['har'],
  detect: (input) => {
    const log = jsonObjectOf(input)?.log;
    return Boolean(log && typeof log === 'object' && Array.isArray((log as Record<string, unknown>).entries));
  },
  decode: (input) => {
    const r = extractFromHar(jsonObjectOf(input) as { log: { entries: unknown } }, input.budget);
    const errors = [...r.errors];
    const redacted = r.payloads.length === 0 && errors.length === 0 ? redactedInputError(r.evidence?.removals ?? [], 'HAR file') : null;
    if (redacted) errors.push(redacted);
    else if (r.payloads.length === 0 && errors.length === 0) errors.push({ code: 'input-unrecognized', message: 'This HAR file holds no SAML message (no SAMLRequest or SAMLResponse in any URL, request body or response form).' });
    return { detected: 'har', errors, payloads: r.payloads };
  },
};
