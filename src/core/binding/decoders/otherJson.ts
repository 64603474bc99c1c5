// JSON that none of the JSON decoders before it took: reported as such, never read as base64 or
// a query string. JSON nested past JSON_MAX_DEPTH is refused here too (input-too-large).
import type { InputDecoder } from './decoder';

export const otherJsonDecoder: InputDecoder = {
  name: 'other-json',
  detects: [],
  detect: (input) => {
    const parsed = input.json();
    return parsed !== null && (parsed.ok || parsed.error.code === 'input-too-large');
  },
  decode: (input) => {
    const parsed = input.json()!;
    if (!parsed.ok) return { detected: null, errors: [parsed.error], payloads: [] };
    return { detected: null, errors: [{ code: 'input-unrecognized', message: 'This JSON is neither a HAR file (log.entries) nor a SAML-tracer export (requests).' }], payloads: [] };
  },
};
