import { inspectInput } from '../core/inspect';
import { exportFormatNamed } from '../core/exports';
import { exitStatusOf } from '../core/report';
import { VERSION } from '../core/settings';
import type { InspectReport } from '../core/types';
import { USAGE, parseArgs } from './args';
import { readInputBounded, refusedInputReport } from './input';
import { nodeIncrementalDigest } from './nativeDigest';
import { writeError, writeReport, writtenThrough, type ReportOutput } from './output';

export { reportWriter } from './output';
import { reportText } from './text';


/** Trust and key files: read with the same bound as inputs; anything unreadable is a usage error (exit 2). */
async function readSideFile(path: string): Promise<string | null> {
  const r = await readInputBounded(path);
  if (r.ok) return r.text;
  writeError(`samlscope: cannot read ${path}: ${'tooLarge' in r ? r.tooLarge.message : r.ioError}\n`);
  return null;
}

/** Whether the last main() printed only through ./output's writers (help, version, inspect). */
let printedThroughWriters = false;

/**
 * True when the run that just ended has nothing left to print: it wrote only through
 * writeSync, and none of it was handed to a Node stream. The launcher then ends the process at
 * once (process.exit) instead of letting Node tear it down: tearing down waited for the
 * WebCrypto thread pool and V8's background jobs and unmapped the heap, ~4 ms of a ~155 ms cold
 * `inspect` (docs/performance.md "CLI start"). The subcommands print through process.stdout.
 */
export function outputComplete(): boolean {
  return printedThroughWriters && writtenThrough();
}

/** The CLI is a thin shell: read files, call the core, print. */
export async function main(argv: string[], out: ReportOutput = writeReport): Promise<number> {
  printedThroughWriters = false;
  // Each subcommand is loaded when asked for (its own chunk in dist/cli-chunks/, issue 15):
  // `inspect` never compiles the metadata tools, the mock IdP, CEL or protobuf.
  if (argv[0] === 'oidc') return (await import('./oidc')).runOidc(argv.slice(1), VERSION);
  if (argv[0] === 'idp') return (await import('./idp')).runIdp(argv.slice(1));
  if (argv[0] === 'metadata') return (await import('./metadata')).runMetadata(argv.slice(1), VERSION);
  printedThroughWriters = true;
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    writeError(`samlscope: ${parsed.message}\n\n${USAGE}\n`);
    return 2;
  }
  const { args } = parsed;
  if (args.command === 'help') { out(`${USAGE}\n`); return 0; }
  if (args.command === 'version') { out(`samlscope ${VERSION}\n`); return 0; }
  const trust: string[] = [];
  for (const f of [...args.metadataFiles, ...args.certFiles]) {
    const text = await readSideFile(f);
    if (text === null) return 2;
    trust.push(text);
  }
  const decryptionKeys: string[] = [];
  for (const f of args.spKeyFiles) {
    const text = await readSideFile(f);
    if (text === null) return 2;
    decryptionKeys.push(text);
  }
  const reports: InspectReport[] = [];
  for (const input of args.inputs) {
    const read = await readInputBounded(input);
    if (!read.ok && 'ioError' in read) {
      writeError(`samlscope: cannot read ${input}: ${read.ioError}\n`);
      return 2;
    }
    // An input over the size limit is reported like any undecodable input (JSON, exit 2), not as an I/O failure.
    if (!read.ok) reports.push(refusedInputReport(input, read.tooLarge, args.options.at ?? new Date()));
    else reports.push(await inspectInput(read.text, input, { ...args.options, trust, incrementalDigest: nodeIncrementalDigest, ...(decryptionKeys.length ? { decryptionKeys } : {}) }));
  }
  const status = exitStatusOf(reports);
  const format = args.format === null ? undefined : exportFormatNamed(args.format);
  out(format ? format.render(reports, { version: VERSION, surface: 'cli', entities: args.entities }) : reports.map((r) => reportText(r, args.entities)).join('\n'));
  for (const r of reports) for (const e of r.errors) writeError(`samlscope: ${r.source}: ${e.code}: ${e.message}\n`);
  for (const e of reports[0]?.decryptionKeyErrors ?? []) writeError(`samlscope: --sp-key: ${e.code}: ${e.message}\n`);
  return status;
}
