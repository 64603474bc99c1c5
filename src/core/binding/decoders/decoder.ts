// What an input decoder is: one form of input samlscope recognises without being told (a URL, a
// HAR file, base64…), as one unit the ordered registry (./index.ts) lists. A new input form is
// one new file here and one line in the registry; its `detected` value is declared by the file
// itself (it augments DetectedFormats in types.ts).
import type { CapturedPayload, DecodedInput, DetectedFormat, InputError, Result } from '../../types';
import type { DecodeBudget } from '../budget';

/** One input as the decoders see it. */
export interface DecoderInput {
  /** The input exactly as given. */
  readonly raw: string;
  /** Without a leading byte order mark, trimmed: what detection looks at. */
  readonly text: string;
  /** What decoding this input may still cost (nesting, decoded bytes): shared with every payload in it. */
  readonly budget: DecodeBudget;
  /** The text parsed as JSON within JSON_MAX_DEPTH, once for every decoder that asks; null when it does not start like JSON. */
  json(): Result<unknown> | null;
  /** Decode an input found inside this one (base64 of a URL, of a HAR…), with the budget one container deeper. */
  decodeNested(inner: string, budget: DecodeBudget): DecodedInput;
}

export interface InputDecoder {
  /** Names the form in docs and tests ("har", "html-form"…). */
  readonly name: string;
  /** The `detected` values this decoder reports (CONTRACT: JSON report `detected`); none for a decoder that only reports errors. */
  readonly detects: readonly DetectedFormat[];
  /** Whether the input looks like this form: cheap, and false leaves it to the next decoder. */
  detect(input: DecoderInput): boolean;
  /** The decoded input, or null when, looking closer, it is not this form after all (the next decoder tries). */
  decode(input: DecoderInput): DecodedInput | null;
}

/** An input that holds one payload, or the error that stopped its decoding. */
export function single(detected: DetectedFormat, r: { ok: true; value: CapturedPayload } | { ok: false; error: InputError }): DecodedInput {
  return r.ok ? { detected, errors: [], payloads: [r.value] } : { detected, errors: [r.error], payloads: [] };
}

/** The input parsed as a JSON object, or null. */
export function jsonObjectOf(input: DecoderInput): Record<string, unknown> | null {
  const parsed = input.json();
  return parsed?.ok && parsed.value && typeof parsed.value === 'object' ? (parsed.value as Record<string, unknown>) : null;
}
