// Query parameters as a server framework parsed them ({ SAMLRequest, RelayState, SigAlg,
// Signature }), as node-saml and express log them; `originalQuery` keeps the signed octets.
import { encodeFormPair } from '../../encoding/form';
import type { TextRepair } from '../../types';
import { payloadFromParams } from '../payload';
import type { InputDecoder } from './decoder';
import { jsonObjectOf, single } from './decoder';

const PARAMETERS = ['SAMLRequest', 'SAMLResponse', 'RelayState', 'SigAlg', 'Signature'];

export const jsonParametersDecoder: InputDecoder = {
  name: 'json-parameters',
  detects: ['redirect-url', 'post-body'],
  detect: (input) => {
    const o = jsonObjectOf(input);
    return typeof o?.SAMLRequest === 'string' || typeof o?.SAMLResponse === 'string';
  },
  decode: (input) => {
    const o = jsonObjectOf(input)!;
    const textRepairs: TextRepair[] = [];
    const raw = typeof o.originalQuery === 'string' ? o.originalQuery : PARAMETERS
      .filter((k) => typeof o[k] === 'string')
      .map((k) => encodeFormPair(k, o[k] as string, textRepairs))
      .join('&');
    const r = payloadFromParams(raw, 'infer', { textRepairs }, input.budget);
    if (!r) return null;
    if (r.ok && typeof o.originalQuery !== 'string' && r.value.redirect) r.value.notes.push('Parameters came as JSON without the original query string: the signed octets were rebuilt with standard encoding.');
    return single(r.ok && r.value.binding === 'HTTP-POST' ? 'post-body' : 'redirect-url', r);
  },
};
