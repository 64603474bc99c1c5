// A URL or query string with SAMLRequest/SAMLResponse (HTTP-Redirect binding), or a form-encoded
// POST body (HTTP-POST binding): the binding is inferred from the parameters and the encoding.
import { extractQuery } from '../../encoding/form';
import { payloadFromParams } from '../payload';
import type { InputDecoder } from './decoder';
import { single } from './decoder';

declare module '../../types' {
  interface DetectedFormats { 'redirect-url': true; 'post-body': true }
}

export const queryDecoder: InputDecoder = {
  name: 'query',
  detects: ['redirect-url', 'post-body'],
  detect: (input) => /(^|[?&\s])SAML(Request|Response)=/.test(input.text),
  decode: (input) => {
    // Line breaks inside a pasted URL come from wrapping, not from the sender.
    const { query, url } = extractQuery(input.text.replace(/\s+/g, ''));
    const r = payloadFromParams(query, url !== null ? 'HTTP-Redirect' : 'infer', url ? { url, method: 'GET' } : {}, input.budget);
    if (!r) return null;
    return single(r.ok && r.value.binding === 'HTTP-POST' ? 'post-body' : 'redirect-url', r);
  },
};
