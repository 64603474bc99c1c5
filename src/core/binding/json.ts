import { JSON_MAX_DEPTH } from '../limits';
import { fail, ok, type InputError, type Result } from '../types';
import { inputTooLarge } from '../limit-error';

/**
 * The deepest nesting of arrays and objects in a JSON text, found by one scan that skips
 * strings, stopping as soon as it passes `max`. JSON.parse would build a structure this deep,
 * and every later walk over it (String(), JSON.stringify, recursive checks) would need as much
 * stack: the scan refuses it before anything is built.
 */
export function jsonDepthOver(text: string, max: number): number | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return depth;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return null;
}

/**
 * JSON.parse for untrusted text: `input-unrecognized` when it is not JSON, `input-too-large`
 * when it nests deeper than JSON_MAX_DEPTH (checked before parsing).
 */
export function parseJsonBounded(text: string, what: string): Result<unknown> {
  const over = jsonDepthOver(text, JSON_MAX_DEPTH);
  if (over !== null) return fail(inputTooLarge(`The ${what} nests arrays and objects more than ${JSON_MAX_DEPTH} levels deep`, { name: 'JSON_MAX_DEPTH', limit: JSON_MAX_DEPTH, seen: over, unit: 'levels' }));
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (e) {
    const error: InputError = { code: 'input-unrecognized', message: `The ${what} is not valid JSON (${e instanceof Error ? e.message : String(e)}).` };
    return fail(error);
  }
}
