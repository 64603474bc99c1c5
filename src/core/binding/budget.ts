import { CONTAINER_MAX_DEPTH, INPUT_MAX_DECODED_TOTAL_BYTES } from '../limits';
import type { InputError, InputLimitHit } from '../types';

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

/** "16 MiB", "2.8 MiB", "900 KiB", "12 bytes": sizes in the messages users read. */
export function formatSize(n: number, unit: InputLimitHit['unit']): string {
  if (unit !== 'bytes') return `${n.toLocaleString('en-US')} ${unit}`;
  if (n >= 1024 * 1024) return `${Number((n / 1048576).toFixed(1))} MiB`;
  if (n >= 1024) return `${Number((n / 1024).toFixed(1))} KiB`;
  return `${n} bytes`;
}

/**
 * CONTRACT §3 `input-too-large`: names the limit (its constant and value, docs/limits.md) and
 * what was seen, so the user knows whether a genuine message or an attack tripped it. `stopped`:
 * reading was abandoned at the limit, so `seen` is a lower bound.
 */
export function inputTooLarge(what: string, hit: InputLimitHit, stopped = false): InputError {
  const seen = formatSize(hit.seen, hit.unit);
  return {
    code: 'input-too-large',
    message: `${what}: samlscope reads at most ${formatSize(hit.limit, hit.unit)} (${hit.name}, see docs/limits.md)${stopped ? ` and stopped reading at ${seen}` : `; this is ${seen}`}.`,
    limit: hit,
  };
}
