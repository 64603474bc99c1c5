// The report goes to fd 1 with writeSync, not through process.stdout: the first use of
// process.stdout builds a stream (tty, net or fs modules, ~3 ms of a ~90 ms cold `inspect`,
// docs/performance.md "CLI start"), for one write at the end of the run. Messages for stderr go
// to fd 2 the same way, so that an `inspect` run knows when all it printed is out (see
// outputComplete).
const { writeSync } = process.getBuiltinModule('node:fs');

/** Where the report is written. */
export type ReportOutput = (text: string) => void;

type WriteSync = (fd: number, bytes: Uint8Array, offset: number, length: number) => number;
type Fallback = (fd: number, rest: Uint8Array) => void;

const streamOf: Fallback = (fd, rest) => void (fd === 2 ? process.stderr : process.stdout).write(rest);

/** Set when a write was handed to process.stdout/stderr, which may still hold it. */
let handedToStream = false;

/**
 * Writes all of a text to `fd` (standard output or error, or /dev/null for the code-cache
 * trainer, scripts/train-cli-cache.mjs, so that the cache holds this code). A pipe someone made
 * non-blocking may take part of it (EAGAIN): the rest then goes through process.stdout (or
 * stderr), which waits for the pipe. A reader that went away (EPIPE, `samlscope … | head`) ends
 * the output quietly, as it ends any Unix tool's.
 */
export function reportWriter(fd: number, write: WriteSync = writeSync, fallback: Fallback = streamOf): ReportOutput {
  return (text) => {
    const bytes = Buffer.from(text, 'utf8');
    let at = 0;
    while (at < bytes.length) {
      try {
        at += write(fd, bytes, at, bytes.length - at);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') return;
        if (code !== 'EAGAIN' || (fd !== 1 && fd !== 2)) throw e;
        handedToStream = true;
        fallback(fd, bytes.subarray(at));
        return;
      }
    }
  };
}

/**
 * True while every byte written through these writers has reached its file descriptor: nothing
 * waits in a Node stream (on macOS and Windows, process.stdout writes to a pipe asynchronously).
 */
export function writtenThrough(): boolean {
  return !handedToStream;
}

export const writeReport: ReportOutput = reportWriter(1);
export const writeError: ReportOutput = reportWriter(2);
