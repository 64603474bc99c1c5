// `npm run bench -- --cli-start` (scripts/bench.mjs bundles this file and runs it with node).
//
// What a whole CLI process costs, as ratios against references measured interleaved in the same
// run (issue 15):
//   1. cold start: `samlscope inspect --json --cert cert.pem <Response>` on a typical signed
//      Response (~5 KB, signed by xmlsec1) against `node -e 0`, the floor of any Node program;
//      `samlscope --version` shows what loading the CLI alone costs;
//   2. a ~10 MB signed metadata aggregate: `samlscope inspect --json --cert cert.pem <aggregate>`
//      against `xmlsec1 --verify` of the same file, both whole processes.
// CPU is user + system time of the child (bash's `times`, read from the kernel's rusage, in ms),
// wall time is taken by bash around the child alone ($EPOCHREALTIME), so the shell that measures
// is in neither. Median and p90, never means.
// Options: --runs N (cold start rounds, default 40), --warmup N (default 5), --agg-runs N
// (aggregate rounds, default 5; 0 skips it), --size-mb N (default 10), --keep,
// --cli PATH (measure another build, e.g. an older commit's dist/cli.mjs, instead of building),
// --also PATH (a second build measured in the same rounds, e.g. the one before a change).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { aggregateTemplate, ID_ATTR, responseTemplate } from './fixtures';
import { formatRatio, renderTable, summarizeTimings, type TimingSummary } from './stats';
import { makeKeyPair, requireTools, signWithXmlsec, XMLSEC1, xmlsecVerifyArgs, xmlsecVersion } from './tools';

interface Options { runs: number; warmup: number; aggRuns: number; sizeMb: number; keep: boolean; cli: string | null; also: string | null }

function parseOptions(argv: string[]): Options {
  const o: Options = { runs: 40, warmup: 5, aggRuns: 5, sizeMb: 10, keep: false, cli: null, also: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const num = () => {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v < 0) throw new Error(`${a} needs a number ≥ 0`);
      return v;
    };
    if (a === '--runs') o.runs = Math.max(1, Math.round(num()));
    else if (a === '--warmup') o.warmup = Math.round(num());
    else if (a === '--agg-runs') o.aggRuns = Math.round(num());
    else if (a === '--size-mb') o.sizeMb = num();
    else if (a === '--keep') o.keep = true;
    else if (a === '--cli') o.cli = resolve(argv[++i] ?? '');
    else if (a === '--also') o.also = resolve(argv[++i] ?? '');
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

class BenchFailure extends Error {}

interface ProcessCost { cpuMs: number; wallMs: number; status: number }

// The child's own cost, measured by the shell that waits for it: `times` prints the shell's and
// then its children's user and system time; $EPOCHREALTIME brackets the child alone.
const MEASURE = 's=$EPOCHREALTIME; "$@" >/dev/null 2>&1; st=$?; e=$EPOCHREALTIME; times; echo "@@ $st $s $e"';

function seconds(text: string): number {
  const m = /^(\d+)m([0-9.]+)s$/.exec(text);
  if (!m) throw new Error(`cannot read the time ${text}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

function measureProcess(cmd: string, args: string[]): ProcessCost {
  const r = spawnSync('bash', ['-c', MEASURE, 'measure', cmd, ...args], { encoding: 'utf8' });
  const lines = r.stdout.trim().split('\n');
  const [user, system] = (lines[1] ?? '').split(' ');
  const end = /^@@ (\d+) ([0-9.]+) ([0-9.]+)$/.exec(lines[2] ?? '');
  if (r.status !== 0 || !user || !system || !end) throw new Error(`measuring ${cmd} failed: ${r.stdout} ${r.stderr}`);
  // Microseconds since the epoch do not fit a double's exact range as one number with a
  // fraction well enough for a difference in µs; subtract the integer seconds first.
  const [s0, f0] = end[2]!.split('.');
  const [s1, f1] = end[3]!.split('.');
  const wallMs = (Number(s1) - Number(s0)) * 1000 + (Number(f1) - Number(f0)) / 1000;
  return { cpuMs: (seconds(user) + seconds(system)) * 1000, wallMs, status: Number(end[1]) };
}

interface Contender { cmd: string; args: string[]; expectStatus: number }
type Costs = { cpu: TimingSummary; wall: TimingSummary };

/** Round-robin, each round starting with the next contender, so that load weighs on all alike. */
function interleaved<K extends string>(warmup: number, runs: number, contenders: Record<K, Contender>): Record<K, Costs> {
  const keys = Object.keys(contenders) as K[];
  const samples = Object.fromEntries(keys.map((k) => [k, { cpu: [] as number[], wall: [] as number[] }])) as Record<K, { cpu: number[]; wall: number[] }>;
  for (let round = 0; round < warmup + runs; round++) {
    for (let i = 0; i < keys.length; i++) {
      const k = keys[(round + i) % keys.length]!;
      const c = contenders[k];
      const cost = measureProcess(c.cmd, c.args);
      if (cost.status !== c.expectStatus) throw new BenchFailure(`${c.cmd} ${c.args.join(' ')} exited with ${cost.status}, expected ${c.expectStatus}`);
      if (round >= warmup) {
        samples[k].cpu.push(cost.cpuMs);
        samples[k].wall.push(cost.wallMs);
      }
    }
  }
  return Object.fromEntries(keys.map((k) => [k, { cpu: summarizeTimings(samples[k].cpu), wall: summarizeTimings(samples[k].wall) }])) as Record<K, Costs>;
}

/** The CLI must report what it is measured doing: one message, one trusted `valid` signature. */
function requireTrustedValid(cli: string, args: string[], what: string): void {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  let verdicts: string[] = [];
  let trusted = false;
  try {
    const m = (JSON.parse(r.stdout) as { reports: { messages: { trusted: boolean; signatures: { verdict: string }[] }[] }[] }).reports[0]?.messages[0];
    verdicts = m?.signatures.map((s) => s.verdict) ?? [];
    trusted = m?.trusted ?? false;
  } catch {
    throw new BenchFailure(`samlscope printed no JSON report for ${what} (exit ${r.status}): ${r.stderr.slice(0, 400)}`);
  }
  if (verdicts.length !== 1 || verdicts[0] !== 'valid' || !trusted) throw new BenchFailure(`samlscope did not return one trusted 'valid' signature for ${what}: [${verdicts.join(', ')}], trusted=${trusted}`);
}

/** Size of a build: since the code cache (docs/performance.md "CLI start"), dist/cli.mjs is a launcher naming the script it runs. */
function describeBuild(cli: string): string {
  const kb = (path: string) => `${(statSync(path).size / 1024).toFixed(0)} KB`;
  const script = /new URL\("(\.\/cli-chunks\/cli-[0-9a-f]+\.js)"/.exec(readFileSync(cli, 'utf8'))?.[1];
  if (!script) return kb(cli);
  const path = resolve(cli, '..', script);
  const cache = path.replace(/\.js$/, '.v8cache');
  return `launcher ${kb(cli)}, script ${kb(path)}, code cache ${existsSync(cache) ? kb(cache) : 'none'}`;
}

const ms = (x: number) => (x < 100 ? x.toFixed(1) : x.toFixed(0));
const row = (label: string, c: Costs, ref: Costs | null, note = '') => [label, String(c.cpu.runs), ms(c.cpu.median), ms(c.cpu.p90), ref ? formatRatio(c.cpu.median, ref.cpu.median) : '', ms(c.wall.median), ms(c.wall.p90), ref ? formatRatio(c.wall.median, ref.wall.median) : '', note];
const HEADER = ['', 'runs', 'CPU ms', 'p90', 'CPU ratio', 'wall ms', 'p90', 'wall ratio', 'note'];

function main(): void {
  const opts = parseOptions(process.argv.slice(2));
  requireTools();
  const root = process.cwd();
  if (!opts.cli) {
    const build = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`building the CLI failed:\n${build.stderr}`);
  }
  const cli = opts.cli ?? resolve(root, 'dist/cli.mjs');
  const node = process.execPath;
  const dir = mkdtempSync(join(tmpdir(), 'samlscope-cli-start-'));
  try {
    console.log(`samlscope CLI start benchmark — ${cli} (${describeBuild(cli)}), node ${process.version}, ${cpus().length}× ${cpus()[0]?.model ?? 'cpu'}, ${xmlsecVersion()}`);
    console.log(`load average at start: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    const signer = makeKeyPair(dir, 'idp', '/CN=idp.example.com/O=samlscope benchmark');
    const response = responseTemplate();
    writeFileSync(join(dir, 'response.template.xml'), response.xml);
    const responseFile = join(dir, 'response.xml');
    signWithXmlsec(join(dir, 'response.template.xml'), responseFile, signer, ID_ATTR.response);
    const inspectResponse = ['inspect', '--json', '--cert', signer.certFile, '--at', response.at.toISOString(), responseFile];
    requireTrustedValid(cli, inspectResponse, 'the Response');

    console.log(`\n1. Cold start: one process per run, ${opts.runs} rounds after ${opts.warmup} warm-up rounds, interleaved; ratio = contender / node -e 0`);
    if (opts.also) requireTrustedValid(opts.also, inspectResponse, 'the Response (--also build)');
    const r1 = interleaved(opts.warmup, opts.runs, {
      floor: { cmd: node, args: ['-e', '0'], expectStatus: 0 },
      version: { cmd: node, args: [cli, '--version'], expectStatus: 0 },
      inspect: { cmd: node, args: [cli, ...inspectResponse], expectStatus: 0 },
      ...(opts.also ? { also: { cmd: node, args: [opts.also, ...inspectResponse], expectStatus: 0 } } : {}),
    } as Record<'floor' | 'version' | 'inspect' | 'also', Contender>);
    const ratio = r1.inspect.cpu.median / r1.floor.cpu.median;
    const wallRatio = r1.inspect.wall.median / r1.floor.wall.median;
    console.log(
      renderTable(HEADER, [
        row('node -e 0', r1.floor, r1.floor, 'the floor'),
        row('samlscope --version', r1.version, r1.floor, 'loading the CLI'),
        row(`samlscope inspect --json --cert (Response, ${(statSync(responseFile).size / 1024).toFixed(1)} KB)`, r1.inspect, r1.floor, `target ≤ 1.5×: CPU ${ratio <= 1.5 ? 'met' : 'MISSED'}, wall ${wallRatio <= 1.5 ? 'met' : 'MISSED'}`),
        ...(r1.also ? [row(`--also ${opts.also} (same inspect)`, r1.also, r1.floor, 'the other build')] : []),
      ]),
    );

    if (opts.aggRuns > 0) {
      const entityCerts = [0, 1, 2, 3].map((i) => makeKeyPair(dir, `entity${i}`, `/CN=idp${i}.example.edu/O=Example University ${i}`).certDer);
      const aggregate = aggregateTemplate(Math.round(opts.sizeMb * 1024 * 1024), entityCerts);
      writeFileSync(join(dir, 'aggregate.template.xml'), aggregate.xml);
      const aggFile = join(dir, 'aggregate.xml');
      signWithXmlsec(join(dir, 'aggregate.template.xml'), aggFile, signer, ID_ATTR.entities);
      const inspectAggregate = ['inspect', '--json', '--cert', signer.certFile, aggFile];
      requireTrustedValid(cli, inspectAggregate, 'the aggregate');
      console.log(`\n2. Signed aggregate: ${(statSync(aggFile).size / 2 ** 20).toFixed(1)} MB, ${aggregate.entityCount} EntityDescriptors, signed by xmlsec1; ${opts.aggRuns} rounds after 1 warm-up round, interleaved; ratio = contender / xmlsec1 --verify`);
      const r2 = interleaved(1, opts.aggRuns, {
        xmlsec: { cmd: XMLSEC1, args: xmlsecVerifyArgs(aggFile, signer.certFile, ID_ATTR.entities), expectStatus: 0 },
        inspect: { cmd: node, args: [cli, ...inspectAggregate], expectStatus: 0 },
      });
      console.log(
        renderTable(HEADER, [
          row('xmlsec1 --verify', r2.xmlsec, r2.xmlsec, 'parse + verify, whole process'),
          row('samlscope inspect --json --cert', r2.inspect, r2.xmlsec, 'whole process: + summaries, pretty-print, rules, JSON'),
        ]),
      );
    }
    console.log(`\nload average at end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    if (opts.keep) console.log(`kept ${dir} (${readFileSync(responseFile).length} B Response)`);
  } finally {
    if (!opts.keep) rmSync(dir, { recursive: true, force: true });
  }
}

try {
  main();
} catch (e) {
  if (e instanceof BenchFailure) console.error(`\nBENCHMARK FAILED: ${e.message}`);
  else console.error(e);
  process.exit(1);
}
