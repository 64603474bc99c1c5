// `npm run bench:hostile` (scripts/bench.mjs --hostile bundles this file and runs it with node).
//
// What hostile inputs cost, as ratios against a normal input in the same run on the same
// machine. Every case is one child process `node dist/cli.mjs inspect --json <file>` under GNU
// time, which reports wall-clock time and the child's peak resident memory (maxRSS) even when
// it dies; each case runs --runs times (default 3): median time, highest peak memory.
//   - baseline: a ~5 KB Response signed by xmlsec1, verified with --cert;
//   - compression bombs: Redirect URLs whose SAMLRequest inflates to 10 MB (under the limit),
//     100 MB, 600 MB and 2 GB (docs/limits.md, INFLATE_MAX_BYTES);
//   - reference amplification: one Signature with --refs (default 1,000) `URI=""` References over
//     a ~--doc-kb (default 500) KB Response, signed by xmlsec1, inspected with no key at all;
//   - a crowd of certificates: an aggregate of --crowd (default 20,000) entities whose certificate
//     texts differ only in their last characters (one bucket of the overview's certificate table,
//     mdtools/overview.ts), beside the same aggregate with texts that differ in their middle.
// Options: --runs N, --refs N, --doc-kb N, --crowd N, --timeout S (per child, default 300), --keep,
// --cli PATH (measure another build of the CLI, e.g. an older one, instead of building this one).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { redirectBombUrl } from '../src/core/testing/bomb.testutil';
import { ID_ATTR, NS, responseTemplate, signatureTemplate } from './fixtures';
import { makeKeyPair, requireTools, signWithXmlsec } from './tools';

const GNU_TIME = '/usr/bin/time';
const MB = 1000 * 1000;

interface Options { runs: number; refs: number; docKb: number; crowd: number; timeoutS: number; keep: boolean; cli: string | null }

function parseOptions(argv: string[]): Options {
  const o: Options = { runs: 3, refs: 1000, docKb: 500, crowd: 20_000, timeoutS: 300, keep: false, cli: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const num = () => {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v <= 0) throw new Error(`${a} needs a positive number`);
      return Math.round(v);
    };
    if (a === '--hostile') continue;
    else if (a === '--runs') o.runs = num();
    else if (a === '--refs') o.refs = num();
    else if (a === '--doc-kb') o.docKb = num();
    else if (a === '--crowd') o.crowd = num();
    else if (a === '--timeout') o.timeoutS = num();
    else if (a === '--keep') o.keep = true;
    else if (a === '--cli') o.cli = resolve(argv[++i] ?? '');
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

interface ChildRun { ms: number; maxRssKb: number | null; status: number | null; signal: string | null; codes: string[]; stderrTail: string }

/** One CLI process under GNU time (`%e %M`: elapsed seconds, peak RSS in KiB). */
function runCli(cli: string, args: string[], timeoutS: number): ChildRun {
  const marker = '@@samlscope-bench@@';
  const start = performance.now();
  const r = spawnSync(GNU_TIME, ['-f', `${marker} %e %M`, process.execPath, cli, 'inspect', '--json', ...args], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, timeout: timeoutS * 1000, killSignal: 'SIGKILL' });
  const ms = performance.now() - start;
  const stderr = r.stderr ?? '';
  const m = new RegExp(`${marker} ([0-9.]+) ([0-9]+)`).exec(stderr);
  let codes: string[] = [];
  try {
    const json = JSON.parse(r.stdout) as { reports: { errors: { code: string }[]; messages: { findings: { code: string; severity: string }[] }[] }[] };
    const rep = json.reports[0]!;
    codes = [...rep.errors.map((e) => e.code), ...new Set(rep.messages.flatMap((x) => x.findings.filter((f) => f.severity === 'error').map((f) => f.code)))];
  } catch {
    codes = ['(no JSON on stdout)'];
  }
  const childStatus = /Command (?:exited with non-zero status|terminated by signal) (\d+)/.exec(stderr);
  return {
    ms: m ? Number(m[1]) * 1000 : ms,
    maxRssKb: m ? Number(m[2]) : null,
    status: r.signal ? null : childStatus && /exited/.test(childStatus[0]) ? Number(childStatus[1]) : r.status,
    signal: r.signal ?? (childStatus && /signal/.test(childStatus[0]) ? `signal ${childStatus[1]}` : null),
    codes,
    stderrTail: stderr.replace(new RegExp(`${marker}.*`), '').trim().split('\n').slice(-2).join(' | ').slice(0, 160),
  };
}

/** A Response of about `kb` KB holding one Signature with `refs` References to the whole document (URI=""). */
function amplificationTemplate(kb: number, refs: number): string {
  const issuer = 'https://idp.example.com/saml/metadata';
  const id = '_amplified';
  const one = signatureTemplate(id, '  ');
  const refStart = one.indexOf('<ds:Reference');
  const refEnd = one.indexOf('</ds:Reference>') + '</ds:Reference>'.length;
  const reference = one.slice(refStart, refEnd).replace(`URI="#${id}"`, 'URI=""');
  const signature = one.slice(0, refStart) + Array.from({ length: refs }, () => reference).join('\n      ') + one.slice(refEnd);
  const attribute = (i: number) => `\n      <saml:Attribute Name="urn:example:attr:${i}"><saml:AttributeValue>${'v'.repeat(80)}${i}</saml:AttributeValue></saml:Attribute>`;
  const perAttribute = attribute(0).length;
  const count = Math.max(1, Math.round((kb * 1000 - refs * 400) / perAttribute));
  return `<?xml version="1.0" encoding="UTF-8"?>\n<samlp:Response xmlns:samlp="${NS.protocol}" xmlns:saml="${NS.assertion}" ID="${id}" Version="2.0" IssueInstant="2025-03-01T10:00:00Z">\n  <saml:Issuer>${issuer}</saml:Issuer>\n  ${signature}\n  <samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>\n  <saml:Assertion ID="_a" Version="2.0" IssueInstant="2025-03-01T10:00:00Z"><saml:Issuer>${issuer}</saml:Issuer><saml:AttributeStatement>${Array.from({ length: count }, (_, i) => attribute(i)).join('')}\n  </saml:AttributeStatement></saml:Assertion>\n</samlp:Response>\n`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

const size = (bytes: number) => (bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${(bytes / 1000).toFixed(1)} KB`);

/**
 * An unsigned aggregate of `n` entities with one signing certificate text each: `der` with 8
 * characters replaced by the entity's number, at its end (`alike`: same length, same middle) or in
 * its middle.
 */
function certificateCrowd(n: number, alike: boolean, der: string): string {
  const at = alike ? der.length - 8 : der.length >> 1;
  const entities: string[] = [];
  for (let i = 0; i < n; i++) {
    const text = `${der.slice(0, at)}${String(i).padStart(8, '0')}${der.slice(at + 8)}`;
    entities.push(
      `<md:EntityDescriptor entityID="https://sp${i}.example.org/sp"><md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">` +
      `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${text}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>` +
      `<md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://sp${i}.example.org/acs" index="0"/></md:SPSSODescriptor></md:EntityDescriptor>`,
    );
  }
  return `<md:EntitiesDescriptor xmlns:md="${NS.metadata}" xmlns:ds="${NS.dsig}" Name="https://crowd.example.org">\n${entities.join('\n')}\n</md:EntitiesDescriptor>\n`;
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  requireTools();
  if (spawnSync(GNU_TIME, ['-f', '%M', 'true']).status !== 0) throw new Error(`${GNU_TIME} (GNU time) is needed to measure the peak memory of each child`);
  const root = process.cwd();
  if (!opts.cli) {
    const build = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`building the CLI failed:\n${build.stderr}`);
  }
  const cli = opts.cli ?? resolve(root, 'dist/cli.mjs');
  const dir = mkdtempSync(join(tmpdir(), 'samlscope-hostile-'));
  try {
    const signer = makeKeyPair(dir, 'idp', '/CN=idp.example.com');
    const response = responseTemplate();
    writeFileSync(join(dir, 'response.template.xml'), response.xml);
    signWithXmlsec(join(dir, 'response.template.xml'), join(dir, 'response.xml'), signer, ID_ATTR.response);
    const at = ['--at', response.at.toISOString()];

    const cases: { name: string; file: string; args: string[] }[] = [{ name: 'normal signed Response (baseline)', file: join(dir, 'response.xml'), args: ['--cert', signer.certFile, ...at] }];
    for (const bytes of [10 * MB, 100 * MB, 600 * MB, 2000 * MB]) {
      const file = join(dir, `bomb-${bytes / MB}MB.url`);
      writeFileSync(file, redirectBombUrl(bytes));
      cases.push({ name: `Redirect bomb, inflates to ${size(bytes)}`, file, args: [] });
    }
    const t0 = performance.now();
    writeFileSync(join(dir, 'amplified.template.xml'), amplificationTemplate(opts.docKb, opts.refs));
    signWithXmlsec(join(dir, 'amplified.template.xml'), join(dir, 'amplified.xml'), signer, ID_ATTR.response);
    const signMs = performance.now() - t0;
    cases.push({ name: `${opts.refs.toLocaleString('en-US')} URI="" References, no key`, file: join(dir, 'amplified.xml'), args: [] });
    for (const alike of [false, true]) {
      const file = join(dir, `crowd-${alike ? 'alike' : 'apart'}.xml`);
      writeFileSync(file, certificateCrowd(opts.crowd, alike, signer.certDer));
      cases.push({ name: `${opts.crowd.toLocaleString('en-US')} certificate texts ${alike ? 'alike but for their end' : 'apart in their middle (control)'}`, file, args: [] });
    }

    console.log(`samlscope hostile-input benchmark — ${cli}, node ${process.version}, ${cpus().length}× ${cpus()[0]?.model ?? 'cpu'}`);
    console.log(`each case: ${opts.runs} child processes \`node dist/cli.mjs inspect --json <file>\` under GNU time; median wall time, highest peak RSS; ratios against the baseline of this run`);
    console.log(`(the ${opts.refs}-Reference document, ${size(statSync(join(dir, 'amplified.xml')).size)}, was signed by xmlsec1 in ${(signMs / 1000).toFixed(1)} s)\n`);

    const rows: string[][] = [];
    let base: { ms: number; rss: number } | null = null;
    for (const c of cases) {
      const runs = Array.from({ length: opts.runs }, () => runCli(cli, [...c.args, c.file], opts.timeoutS));
      const ms = median(runs.map((r) => r.ms));
      const rssKnown = runs.map((r) => r.maxRssKb).filter((x): x is number => x !== null);
      const rss = rssKnown.length ? Math.max(...rssKnown) : NaN;
      if (!base) base = { ms, rss };
      const last = runs[runs.length - 1]!;
      const outcome = last.signal ? `killed (${last.signal})` : `exit ${last.status}`;
      rows.push([c.name, size(statSync(c.file).size), `${outcome}; ${last.codes.slice(0, 3).join(', ') || 'no error'}`, `${(ms / 1000).toFixed(2)} s`, `${(ms / base.ms).toFixed(1)}×`, Number.isNaN(rss) ? '?' : `${(rss / 1024).toFixed(0)} MB`, Number.isNaN(rss) ? '?' : `${(rss / base.rss).toFixed(1)}×`]);
      if (last.signal || last.codes[0] === '(no JSON on stdout)') rows.push(['', '', `  stderr: ${last.stderrTail}`, '', '', '', '']);
    }
    const header = ['case', 'input', 'outcome (error codes)', 'time', '× baseline', 'peak RSS', '× baseline'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (r: string[]) => r.map((c, i) => (i >= 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
    console.log(line(header));
    console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const r of rows) console.log(line(r));
    if (opts.keep) console.log(`\nkept ${dir}`);
  } finally {
    if (!opts.keep) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
