// A file inspected as a file (issue 15: aggregates up to 256 MB in the page). The page hands the
// File to the worker (structured clone of a File copies a reference, not its bytes) and never
// reads it; the worker reads it here, so the page holds no copy of a 256 MB text and posts none.
// The bounds are the CLI's (cli/input.ts): one XML document may be XML_DOCUMENT_MAX_CHARS bytes,
// anything else INPUT_MAX_CHARS, judged from the file's start and checked on its size before a
// byte of the rest is read — UTF-8 never has fewer bytes than characters.
import { startsAsXmlDocument } from '../../core/binding/detect';
import { inputTooLarge } from '../../core/limit-error';
import { INPUT_MAX_CHARS, XML_DOCUMENT_MAX_CHARS, XML_DOCUMENT_SNIFF_CHARS } from '../../core/limits';
import type { InputError, InspectReport } from '../../core/types';

export type FileRead = { ok: true; text: string } | { ok: false; error: InputError };

/** The byte limit for a file that starts with `head` (its first XML_DOCUMENT_SNIFF_CHARS bytes, decoded). */
export function fileLimitFor(head: string): { name: 'XML_DOCUMENT_MAX_CHARS' | 'INPUT_MAX_CHARS'; limit: number } {
  return startsAsXmlDocument(head) ? { name: 'XML_DOCUMENT_MAX_CHARS', limit: XML_DOCUMENT_MAX_CHARS } : { name: 'INPUT_MAX_CHARS', limit: INPUT_MAX_CHARS };
}

/** Reads `file` as UTF-8 within its limit; over the limit, or unreadable, an error value. */
export async function readInputFile(file: Blob, name: string): Promise<FileRead> {
  try {
    // A multi-byte character cut at the sniff's end decodes as U+FFFD: harmless for the sniff.
    const head = await file.slice(0, XML_DOCUMENT_SNIFF_CHARS).text();
    const cap = fileLimitFor(head);
    if (file.size > cap.limit) {
      return { ok: false, error: inputTooLarge(`The file ${name} is ${file.size.toLocaleString('en-US')} bytes long`, { name: cap.name, limit: cap.limit, seen: file.size, unit: 'bytes' }) };
    }
    return { ok: true, text: await file.text() };
  } catch (e) {
    // NotReadableError: the file was moved, changed or removed since it was chosen.
    return { ok: false, error: { code: 'input-unrecognized', message: `The file ${name} could not be read (${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}): it may have changed or moved since it was opened; open it again.` } };
  }
}

/** The report of a file refused before decoding: its error, no messages (as the CLI reports a refused input). */
export function refusedFileReport(source: string, error: InputError, at: Date): InspectReport {
  return { source, detected: null, errors: [error], messages: [], trustAnchors: [], trustErrors: [], evaluatedAt: at.toISOString() };
}
