// `npm run bench:amplification` (scripts/bench.mjs bundles this file and runs it with node).
//
// Reference work amplification (docs/limits.md, XML signatures): the time and peak memory of
// inspecting hostile signatures, as ratios against a normal ~5 KB signed Response in the same run.
// Each case runs in its own node process, so its peak RSS (process.resourceUsage().maxRSS) is its
// own. Cases:
//   response-5kb          the benchmark's Response (bench/fixtures.ts), signed by xmlsec1, --cert trust
//   refs1000-nokey        one Signature, 1,000 References URI="" over a ~500 KB document, no trust,
//                         no KeyInfo (the shape that took ~16 s before the limits)
//   refs1000-trust        the same, with the IdP certificate given as trust
//   refs5000-nokey        5,000 References, no trust
//   refs8-signed          8 References URI="" (the limit) over ~500 KB, signed by xmlsec1, trusted:
//                         memoized canonicalization makes it cost one C14N, not eight
// Options: --runs N (per case, default 3; the median time is reported), --keep.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspectInput } from '../src/core/inspect';
import { ID_ATTR, responseTemplate } from './fixtures';
import { makeKeyPair, requireTools, signWithXmlsec } from './tools';

const CASES = ['response-5kb', 'refs1000-nokey', 'refs1000-trust', 'refs5000-nokey', 'refs8-signed'] as const;
type CaseName = (typeof CASES)[number];
const DSIG = 'http://www.w3.org/2000/09/xmldsig#';
const EXC = 'http://www.w3.org/2001/10/xml-exc-c14n#';

interface CaseResult { name: string; bytes: number; medianMs: number; maxRssMb: number; verdicts: string[]; codes: string[] }

/** One Signature on the Response with `count` References URI="" and `padding` bytes of attribute. */
function amplified(count: number, padding: number, forSigning: boolean): string {
  const fixture = responseTemplate();
  const ref = `<ds:Reference URI=""><ds:Transforms><ds:Transform Algorithm="${DSIG}enveloped-signature"/><ds:Transform Algorithm="${EXC}"/></ds:Transforms><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue>${forSigning ? '' : 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='}</ds:DigestValue></ds:Reference>`;
  const signature = `<ds:Signature xmlns:ds="${DSIG}"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="${EXC}"/><ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>${ref.repeat(count)}</ds:SignedInfo><ds:SignatureValue>${forSigning ? '' : 'AAAA'}</ds:SignatureValue>${forSigning ? '<ds:KeyInfo><ds:X509Data/></ds:KeyInfo>' : ''}</ds:Signature>`;
  return fixture.xml
    .replace(/<ds:Signature[\s\S]*?<\/ds:Signature>/, signature)
    .replace('<saml:AttributeStatement>', `<saml:AttributeStatement><saml:Attribute Name="padding"><saml:AttributeValue xsi:type="xs:string">${'x'.repeat(padding)}</saml:AttributeValue></saml:Attribute>`);
}

function prepare(dir: string): void {
  requireTools();
  const keys = makeKeyPair(dir, 'idp', '/CN=amplification-bench');
  writeFileSync(join(dir, 'idp.cert.pem'), keys.certPem);
  const sign = (name: string, xml: string) => {
    writeFileSync(join(dir, `${name}.template.xml`), xml);
    signWithXmlsec(join(dir, `${name}.template.xml`), join(dir, `${name}.xml`), keys, ID_ATTR.response);
  };
  sign('response-5kb', responseTemplate().xml);
  writeFileSync(join(dir, 'refs1000.xml'), amplified(1000, 500_000, false));
  writeFileSync(join(dir, 'refs5000.xml'), amplified(5000, 500_000, false));
  sign('refs8-signed', amplified(8, 500_000, true));
}

/** Child process: run one case `runs` times, print its result as JSON. */
async function runCase(dir: string, name: CaseName, runs: number): Promise<void> {
  const file = name === 'refs1000-nokey' || name === 'refs1000-trust' ? 'refs1000.xml' : name === 'refs5000-nokey' ? 'refs5000.xml' : `${name}.xml`;
  const xml = readFileSync(join(dir, file), 'utf8');
  const trust = name.endsWith('-nokey') ? [] : [readFileSync(join(dir, 'idp.cert.pem'), 'utf8')];
  // Warm the core up on the normal Response first, so no case pays the JIT's first compilation.
  await inspectInput(readFileSync(join(dir, 'response-5kb.xml'), 'utf8'), 'warm-up', { trust: [readFileSync(join(dir, 'idp.cert.pem'), 'utf8')], at: new Date('2025-03-01T10:01:00Z') });
  const times: number[] = [];
  let last: Awaited<ReturnType<typeof inspectInput>> | null = null;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    last = await inspectInput(xml, file, { trust, at: new Date('2025-03-01T10:01:00Z') });
    times.push(performance.now() - start);
  }
  times.sort((x, y) => x - y);
  const m = last!.messages[0];
  const result: CaseResult = { name, bytes: xml.length, medianMs: times[Math.floor(times.length / 2)]!, maxRssMb: process.resourceUsage().maxRSS / 1024, verdicts: m?.signatures.map((s) => s.verdict) ?? [], codes: [...new Set(m?.findings.filter((f) => f.severity === 'error').map((f) => f.code) ?? [])] };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const opt = (n: string) => { const i = argv.indexOf(n); return i >= 0 ? argv[i + 1] : undefined; };
  const runs = Number(opt('--runs') ?? 3);
  const caseName = opt('--case') as CaseName | undefined;
  if (caseName) return runCase(opt('--dir')!, caseName, runs);

  const dir = mkdtempSync(join(tmpdir(), 'samlscope-amplification-'));
  try {
    prepare(dir);
    const results: CaseResult[] = [];
    for (const name of CASES) {
      const r = spawnSync(process.execPath, [process.argv[1]!, '--case', name, '--dir', dir, '--runs', String(runs)], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
      if (r.status !== 0) throw new Error(`case ${name} failed (${r.status}): ${r.stderr}`);
      results.push(JSON.parse(r.stdout.trim().split('\n').pop()!) as CaseResult);
    }
    const base = results[0]!;
    const signedAtLimit = results.find((r) => r.name === 'refs8-signed')!;
    if (base.verdicts.join() !== 'valid' || signedAtLimit.verdicts.join() !== 'valid') throw new Error(`expected valid verdicts for the signed cases: ${JSON.stringify(results)}`);
    console.log(`node ${process.version}, ${runs} run(s) per case, median time; peak RSS of the case's own process\n`);
    console.log('case             | size     | time (ms) | × 5 KB | peak RSS (MB) | × 5 KB | verdicts / error codes');
    console.log('-----------------|----------|-----------|--------|---------------|--------|------------------------');
    for (const r of results) {
      const verdicts = [...new Set(r.verdicts)].join(',');
      console.log(`${r.name.padEnd(16)} | ${`${(r.bytes / 1024).toFixed(0)} KB`.padStart(8)} | ${r.medianMs.toFixed(1).padStart(9)} | ${(r.medianMs / base.medianMs).toFixed(1).padStart(6)} | ${r.maxRssMb.toFixed(0).padStart(13)} | ${(r.maxRssMb / base.maxRssMb).toFixed(2).padStart(6)} | ${verdicts}${r.codes.length ? ` / ${r.codes.join(', ')}` : ''}`);
    }
  } finally {
    if (!argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
