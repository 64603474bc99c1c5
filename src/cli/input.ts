// process.getBuiltinModule, not `import … from 'node:fs'`: an ES import of a built-in builds a
// module facade over all its exports, whose lazy getters load fs streams and promises — 5–10 ms
// of every CLI start for four synchronous calls (issue 15, docs/performance.md "CLI start").
const { closeSync, fstatSync, openSync, readSync } = process.getBuiltinModule('node:fs');
import { inputTooLarge } from '../core/limit-error';
import { INPUT_MAX_CHARS } from '../core/limits';
import type { InputError, InspectReport } from '../core/types';

export type ReadOutcome = { ok: true; text: string } | { ok: false; tooLarge: InputError } | { ok: false; ioError: string };

const CHUNK = 1024 * 1024;

/**
 * Read a file path or `-` (stdin) as UTF-8, stopping after INPUT_MAX_CHARS bytes: a UTF-8 text
 * never has fewer bytes than characters, and nothing longer than the limit is ever held in
 * memory (a 3 GB file would otherwise fail inside readFileSync, or exhaust the heap).
 */
export async function readInputBounded(path: string, maxBytes: number = INPUT_MAX_CHARS): Promise<ReadOutcome> {
  const chunks: Buffer[] = [];
  let total = 0;
  const take = (b: Buffer): boolean => {
    chunks.push(b);
    total += b.length;
    return total <= maxBytes;
  };
  if (path === '-') {
    try {
      for await (const chunk of process.stdin) {
        if (!take(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)))) {
          process.stdin.destroy();
          return { ok: false, tooLarge: tooLargeError('Standard input', total, maxBytes, true) };
        }
      }
    } catch (e) {
      return { ok: false, ioError: (e as Error).message };
    }
    return { ok: true, text: Buffer.concat(chunks, total).toString('utf8') };
  }
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    return { ok: false, ioError: (e as Error).message };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isFile() && stat.size > maxBytes) return { ok: false, tooLarge: tooLargeError(path, stat.size, maxBytes, false) };
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      if (!take(buf.subarray(0, n))) return { ok: false, tooLarge: tooLargeError(path, total, maxBytes, true) };
    }
    return { ok: true, text: Buffer.concat(chunks, total).toString('utf8') };
  } catch (e) {
    return { ok: false, ioError: (e as Error).message };
  } finally {
    closeSync(fd);
  }
}

function tooLargeError(what: string, seen: number, limit: number, stopped: boolean): InputError {
  const length = stopped ? `more than ${limit.toLocaleString('en-US')}` : seen.toLocaleString('en-US');
  return inputTooLarge(`${what} is ${length} bytes long`, { name: 'INPUT_MAX_CHARS', limit, seen, unit: 'bytes' }, stopped);
}

/** The report of an input refused before decoding (CONTRACT §2 shape, no messages: exit status 2). */
export function refusedInputReport(source: string, error: InputError, at: Date): InspectReport {
  return { source, detected: null, errors: [error], messages: [], trustAnchors: [], trustErrors: [], evaluatedAt: at.toISOString() };
}
