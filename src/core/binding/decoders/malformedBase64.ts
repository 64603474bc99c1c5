// Text made of base64 characters that the base64 decoder did not take (it does not look like a
// base64 blob, e.g. it holds spaces in the middle): if it does not decode, say why as base64
// (input-bad-base64) rather than "unrecognized".
import { decodeBase64Lenient } from '../../encoding/base64';
import type { InputDecoder } from './decoder';

export const malformedBase64Decoder: InputDecoder = {
  name: 'malformed-base64',
  detects: ['base64'],
  detect: (input) => /^[A-Za-z0-9+/=\s]{16,}$/.test(input.text),
  decode: (input) => {
    const b = decodeBase64Lenient(input.text);
    return b.ok ? null : { detected: 'base64', errors: [b.error], payloads: [] };
  },
};
