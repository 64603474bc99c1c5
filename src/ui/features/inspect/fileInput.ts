// Which opened, dropped or pasted files the page hands to the worker unread (issue 15: aggregates
// up to 256 MB in the page; worker/fileInput.ts reads them). A large file that may be JSON — a
// HAR or a share file, which the page opens as a shared state before anything is inspected
// (useOpenShare.ts) — is read as text as before while within INPUT_MAX_CHARS; every other large
// file (a metadata aggregate, or anything too large to be read at all) goes as a file.
import { INPUT_MAX_CHARS, PAGE_LIMITS } from '../../../core/limits';

const SNIFF_BYTES = 512;

/** Whether `file` is inspected as a file (the worker reads it) rather than read into the editor. */
export async function inspectAsFile(file: Blob): Promise<boolean> {
  if (file.size < PAGE_LIMITS.fileInputMinBytes) return false;
  if (file.size > INPUT_MAX_CHARS) return true;
  const head = await file.slice(0, SNIFF_BYTES).text();
  return !/^\uFEFF?\s*[{[]/.test(head);
}

/** "256.0 MB": a file's size as users read it (decimal megabytes, as file managers show them). */
export function formatFileSize(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : bytes >= 1e3 ? `${(bytes / 1e3).toFixed(1)} kB` : `${bytes} bytes`;
}
