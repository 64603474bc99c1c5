// The mock IdP's cost per Response (issue 16), measured in one run on one machine: issueResponse
// for each signing mode, with encryption, and for the heaviest test-pack variants, with an RSA
// 2048 IdP key made here. Each result is checked (signature count, EncryptedAssertion present)
// so a fast wrong answer is not measured. Prints median, p90 and max per case.
//
// Run: npm run bench:idp -- [--runs N]
import { cpus, platform, release } from 'node:os';
import { generateSpKeyPair } from '../src/core/mocksp/keys';
import { issueResponse, type IssueOptions } from '../src/core/idp/issue';
import { formatMs, renderTable, summarizeTimings } from './stats';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 200;

async function main(): Promise<void> {
  const idp = await generateSpKeyPair('RSA-2048', 'bench IdP');
  const sp = await generateSpKeyPair('RSA-2048', 'bench SP');
  const untrusted = await generateSpKeyPair('RSA-2048', 'bench attacker');
  const base: IssueOptions = {
    idpEntityId: 'https://idp.bench/', spEntityId: 'https://sp.bench/', acsUrl: 'https://sp.bench/acs', inResponseTo: '_r1', nameId: 'jdoe',
    attributes: Array.from({ length: 7 }, (_, i) => ({ name: `http://schemas.example/claims/a${i}`, values: [`value ${i}`] })),
    at: new Date('2030-01-01T00:00:00Z'), key: idp, untrustedKey: untrusted,
  };
  const count = (xml: string, s: string) => xml.split(s).length - 1;
  const cases: { name: string; options: Partial<IssueOptions>; check: (xml: string) => boolean }[] = [
    { name: 'sign none', options: { sign: 'none' }, check: (x) => count(x, '<ds:Signature ') === 0 },
    { name: 'sign assertion', options: { sign: 'assertion' }, check: (x) => count(x, '<ds:Signature ') === 1 },
    { name: 'sign both', options: { sign: 'both' }, check: (x) => count(x, '<ds:Signature ') === 2 },
    { name: 'sign both + AES-256-GCM/RSA-OAEP', options: { sign: 'both', encrypt: { certificate: sp.certificatePem } }, check: (x) => x.includes('EncryptedAssertion') && count(x, '<ds:Signature ') === 1 },
    { name: 'sign both + AES-128-CBC/RSA-OAEP', options: { sign: 'both', encrypt: { certificate: sp.certificatePem, blockCipher: 'aes128-cbc' } }, check: (x) => x.includes('aes128-cbc') },
    { name: 'variant xsw1', options: { variant: 'xsw1' }, check: (x) => x.includes('_evil_') },
    { name: 'variant untrusted-key (key given)', options: { variant: 'untrusted-key' }, check: (x) => count(x, '<ds:Signature ') === 2 },
  ];
  const rows: string[][] = [];
  for (const c of cases) {
    const samples: number[] = [];
    let bytes = 0;
    for (let i = 0; i < RUNS + 5; i++) {
      const t0 = performance.now();
      const r = await issueResponse({ ...base, ...c.options });
      const dt = performance.now() - t0;
      if (!r.ok || !c.check(r.value.xml)) throw new Error(`${c.name}: wrong result ${r.ok ? '' : r.error.message}`);
      bytes = r.value.xml.length;
      if (i >= 5) samples.push(dt); // 5 warm-up runs
    }
    const s = summarizeTimings(samples);
    rows.push([c.name, String(bytes), formatMs(s.median), formatMs(s.p90), formatMs(s.max)]);
  }
  process.stdout.write(`mock IdP issueResponse, ${RUNS} runs per case; Node ${process.version}, ${platform()} ${release()}, ${cpus()[0]?.model ?? '?'} × ${cpus().length}\n\n`);
  process.stdout.write(`${renderTable(['case', 'bytes', 'median', 'p90', 'max'], rows)}\n`);
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`${(e as Error).stack ?? e}\n`);
    process.exit(1);
  },
);
