import { startsAsXmlDocument } from '../core/binding/detect';
import { inputTooLarge } from '../core/limit-error';
import { INPUT_MAX_CHARS, XML_DOCUMENT_MAX_CHARS, XML_DOCUMENT_SNIFF_CHARS } from '../core/limits';
import type { InputError, InspectReport } from '../core/types';

// process.getBuiltinModule, not `import … from 'node:fs'`: an ES import of a built-in builds a
// module facade over all its exports, whose lazy getters load fs streams and promises — 5–10 ms
// of every CLI start for four synchronous calls (issue 15, docs/performance.md "CLI start").
const { closeSync, fstatSync, openSync, readSync } = process.getBuiltinModule('node:fs');
const { isAscii } = process.getBuiltinModule('node:buffer');


export type ReadOutcome = { ok: true; text: string } | { ok: false; tooLarge: InputError } | { ok: false; ioError: string };

const CHUNK = 1024 * 1024;

/**
 * UTF-8 bytes as text. ASCII bytes (nearly every SAML message and aggregate) are taken as
 * Latin-1, the same characters: Node then copies them without UTF-8's validating pass and makes
 * a text over ~1 MB an external string. On a 10 MB aggregate the decoding cost the same, and the
 * XML reader's scans of the text ran faster (a regex pass: 16–17 against 27–31 ms).
 */
function textOf(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/** The limit for an input that starts with these bytes: one XML document may be larger (core/limits.ts). */
function limitFor(start: Uint8Array, maxBytes: number): { name: string; limit: number } {
  if (maxBytes !== INPUT_MAX_CHARS) return { name: 'INPUT_MAX_CHARS', limit: maxBytes };
  const head = Buffer.from(start.buffer, start.byteOffset, Math.min(start.length, XML_DOCUMENT_SNIFF_CHARS)).toString('utf8');
  return startsAsXmlDocument(head) ? { name: 'XML_DOCUMENT_MAX_CHARS', limit: XML_DOCUMENT_MAX_CHARS } : { name: 'INPUT_MAX_CHARS', limit: INPUT_MAX_CHARS };
}

/**
 * Read a file path or `-` (stdin) as UTF-8, stopping after INPUT_MAX_CHARS bytes — or
 * XML_DOCUMENT_MAX_CHARS when the input starts as an XML document (a metadata aggregate): a UTF-8
 * text never has fewer bytes than characters, and nothing longer than the limit is ever held in
 * memory (a 3 GB file would otherwise fail inside readFileSync, or exhaust the heap). A file of
 * known size is read into one buffer of that size: an aggregate of 256 MB is then held once as
 * bytes, not once in chunks and again concatenated.
 */
export async function readInputBounded(path: string, maxBytes: number = INPUT_MAX_CHARS): Promise<ReadOutcome> {
  const chunks: Buffer[] = [];
  let total = 0;
  let cap: { name: string; limit: number } | null = null;
  const take = (b: Buffer): boolean => {
    cap ??= limitFor(b, maxBytes);
    chunks.push(b);
    total += b.length;
    return total <= cap.limit;
  };
  if (path === '-') {
    try {
      for await (const chunk of process.stdin) {
        if (!take(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)))) {
          process.stdin.destroy();
          return { ok: false, tooLarge: tooLargeError('Standard input', total, cap!, true) };
        }
      }
    } catch (e) {
      return { ok: false, ioError: (e as Error).message };
    }
    return { ok: true, text: textOf(Buffer.concat(chunks, total)) };
  }
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    return { ok: false, ioError: (e as Error).message };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isFile()) {
      const head = Buffer.allocUnsafe(Math.min(stat.size, XML_DOCUMENT_SNIFF_CHARS));
      const headBytes = readSync(fd, head, 0, head.length, 0);
      const fileCap = limitFor(head.subarray(0, headBytes), maxBytes);
      if (stat.size > fileCap.limit) return { ok: false, tooLarge: tooLargeError(path, stat.size, fileCap, false) };
      // One buffer of the file's size (plus one byte to notice a file that grew meanwhile).
      const whole = Buffer.allocUnsafe(stat.size + 1);
      let n = 0;
      for (;;) {
        const got = readSync(fd, whole, n, Math.min(CHUNK, whole.length - n), n);
        if (got === 0) break;
        n += got;
        if (n > fileCap.limit) return { ok: false, tooLarge: tooLargeError(path, n, fileCap, true) };
        if (n === whole.length) break;
      }
      if (n === whole.length) return { ok: false, ioError: 'the file grew while it was read' };
      return { ok: true, text: textOf(whole.subarray(0, n)) };
    }
    for (;;) {
      const buf = Buffer.allocUnsafe(CHUNK);
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      if (!take(buf.subarray(0, n))) return { ok: false, tooLarge: tooLargeError(path, total, cap!, true) };
    }
    return { ok: true, text: textOf(Buffer.concat(chunks, total)) };
  } catch (e) {
    return { ok: false, ioError: (e as Error).message };
  } finally {
    closeSync(fd);
  }
}

function tooLargeError(what: string, seen: number, cap: { name: string; limit: number }, stopped: boolean): InputError {
  const length = stopped ? `more than ${cap.limit.toLocaleString('en-US')}` : seen.toLocaleString('en-US');
  return inputTooLarge(`${what} is ${length} bytes long`, { name: cap.name, limit: cap.limit, seen, unit: 'bytes' }, stopped);
}

/** The report of an input refused before decoding (CONTRACT §2 shape, no messages: exit status 2). */
export function refusedInputReport(source: string, error: InputError, at: Date): InspectReport {
  return { source, detected: null, errors: [error], messages: [], trustAnchors: [], trustErrors: [], evaluatedAt: at.toISOString() };
}
