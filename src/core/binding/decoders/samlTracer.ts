// A SAML-tracer export (the Firefox/Chrome extension's JSON: { requests: [...] }).
import { extractFromSamlTracer } from '../har';
import { redactedInputError } from '../sanitized';
import type { InputDecoder } from './decoder';
import { jsonObjectOf } from './decoder';

declare module '../../types' {
  interface DetectedFormats { 'saml-tracer': true }
}

export const samlTracerDecoder: InputDecoder = {
  name: 'saml-tracer',
  detects: ['saml-tracer'],
  detect: (input) => Array.isArray(jsonObjectOf(input)?.requests),
  decode: (input) => {
    const r = extractFromSamlTracer(jsonObjectOf(input)!, input.budget);
    const errors = [...r.errors];
    const redacted = r.payloads.length === 0 && errors.length === 0 ? redactedInputError(r.evidence?.removals ?? [], 'SAML-tracer export') : null;
    if (redacted) errors.push(redacted);
    else if (r.payloads.length === 0 && errors.length === 0) errors.push({ code: 'input-unrecognized', message: 'This SAML-tracer export holds no SAML message.' });
    return { detected: 'saml-tracer', errors, payloads: r.payloads };
  },
};
