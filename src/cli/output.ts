// The report goes to fd 1 with writeSync, not through process.stdout: the first use of
// process.stdout builds a stream (tty, net or fs modules, ~3 ms of a ~90 ms cold `inspect`,
// docs/performance.md "CLI start"), for one write at the end of the run.
const { writeSync } = process.getBuiltinModule('node:fs');

/** Where the report is written. */
export type ReportOutput = (text: string) => void;

/**
 * Writes all of a text to `fd` (standard output, or /dev/null for the code-cache trainer,
 * scripts/train-cli-cache.mjs, so that the cache holds this code). A pipe someone made
 * non-blocking may take part of it (EAGAIN): the rest then goes through process.stdout, which
 * waits for the pipe. A reader that went away (EPIPE, `samlscope … | head`) ends the output
 * quietly, as it ends any Unix tool's.
 */
export function reportWriter(fd: number): ReportOutput {
  return (text) => {
    const bytes = Buffer.from(text, 'utf8');
    let at = 0;
    while (at < bytes.length) {
      try {
        at += writeSync(fd, bytes, at, bytes.length - at);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') return;
        if (code !== 'EAGAIN' || fd !== 1) throw e;
        process.stdout.write(bytes.subarray(at));
        return;
      }
    }
  };
}

export const writeReport: ReportOutput = reportWriter(1);
