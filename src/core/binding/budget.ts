import { CONTAINER_MAX_DEPTH, INPUT_MAX_DECODED_TOTAL_BYTES } from '../limits';
import type { InputError } from '../types';
import { inputTooLarge } from '../limit-error';

/**
 * What one input may still cost while it is decoded: how deep containers are nested so far and
 * how many bytes of XML were produced. Shared by every payload of the input (a HAR's entries
 * draw on the same budget), so limits hold for the whole input, not per message.
 */
export interface DecodeBudget {
  /** Containers opened so far (0 = the input as given). */
  depth: number;
  spent: { bytes: number };
}

export function newDecodeBudget(): DecodeBudget {
  return { depth: 0, spent: { bytes: 0 } };
}

/** The budget for a container opened inside the current one, or the error when that is one level too deep. */
export function nestedBudget(b: DecodeBudget, what: string): { ok: true; value: DecodeBudget } | { ok: false; error: InputError } {
  const depth = b.depth + 1;
  if (depth > CONTAINER_MAX_DEPTH) {
    return { ok: false, error: inputTooLarge(`${what} is nested ${depth} containers deep`, { name: 'CONTAINER_MAX_DEPTH', limit: CONTAINER_MAX_DEPTH, seen: depth, unit: 'levels' }) };
  }
  return { ok: true, value: { depth, spent: b.spent } };
}

/** Bytes the input may still decode to in total. */
export function remainingBytes(b: DecodeBudget): number {
  return Math.max(0, INPUT_MAX_DECODED_TOTAL_BYTES - b.spent.bytes);
}

export function chargeBytes(b: DecodeBudget, n: number): void {
  b.spent.bytes += n;
}
