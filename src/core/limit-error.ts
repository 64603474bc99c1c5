// CONTRACT §3 `input-too-large`, built in one place for every reader that enforces a limit of
// src/core/limits.ts (binding decoders, base64, share links, the CLI's file reader).
import type { InputError, InputLimitHit } from './types';

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
