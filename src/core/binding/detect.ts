import { INPUT_MAX_CHARS, XML_DOCUMENT_MAX_CHARS, XML_DOCUMENT_SNIFF_CHARS } from '../limits';
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

/** Whether a raw input is one XML document, judged by its start only (a BOM and whitespace may precede `<`). */
export function startsAsXmlDocument(start: string): boolean {
  return /^\uFEFF?\s*</.test(start.slice(0, XML_DOCUMENT_SNIFF_CHARS));
}

function decodeInputWithin(input: string, budget: DecodeBudget): DecodedInput {
  if (input.length > INPUT_MAX_CHARS) {
    // A metadata aggregate is one XML document: it may be larger than any container (limits.ts).
    const xml = startsAsXmlDocument(input);
    const [name, limit] = xml ? (['XML_DOCUMENT_MAX_CHARS', XML_DOCUMENT_MAX_CHARS] as const) : (['INPUT_MAX_CHARS', INPUT_MAX_CHARS] as const);
    if (input.length > limit) return { detected: null, errors: [inputTooLarge(`The input is ${input.length.toLocaleString('en-US')} characters`, { name, limit, seen: input.length, unit: 'characters' })], payloads: [] };
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
