import { INPUT_MAX_CHARS } from '../limits';
import { inputTooLarge } from '../limit-error';
import type { DecodedInput, Result } from '../types';
import { newDecodeBudget, type DecodeBudget } from './budget';
import { INPUT_DECODERS, type DecoderInput } from './decoders/index';
import { parseJsonBounded } from './json';

/**
 * Work out what was pasted and pull out every SAML payload, without being told the format: the
 * first decoder of the ordered registry (./decoders/index.ts) that recognises the input decodes it.
 */
export function decodeInput(input: string): DecodedInput {
  return decodeInputWithin(input, newDecodeBudget());
}

function decodeInputWithin(input: string, budget: DecodeBudget): DecodedInput {
  if (input.length > INPUT_MAX_CHARS) {
    return { detected: null, errors: [inputTooLarge(`The input is ${input.length.toLocaleString('en-US')} characters`, { name: 'INPUT_MAX_CHARS', limit: INPUT_MAX_CHARS, seen: input.length, unit: 'characters' })], payloads: [] };
  }
  const text = input.replace(/^\uFEFF/, '').trim();
  if (!text) return { detected: null, errors: [{ code: 'input-unrecognized', message: 'The input is empty: paste a SAML message, a URL, a POST body, base64, XML, a HAR file or a SAML-tracer export.' }], payloads: [] };

  let json: Result<unknown> | null | undefined;
  const decoderInput: DecoderInput = {
    raw: input,
    text,
    budget,
    json: () => (json === undefined ? (json = text.startsWith('{') || text.startsWith('[') ? parseJsonBounded(text, 'JSON input') : null) : json),
    decodeNested: decodeInputWithin,
  };
  for (const decoder of INPUT_DECODERS) {
    if (!decoder.detect(decoderInput)) continue;
    const decoded = decoder.decode(decoderInput);
    if (decoded) return decoded;
  }
  return {
    detected: null,
    errors: [{ code: 'input-unrecognized', message: 'Not a SAML message: expected XML, base64, a URL or query string with SAMLRequest/SAMLResponse, a form-encoded POST body, a HAR file or a SAML-tracer export.' }],
    payloads: [],
  };
}
