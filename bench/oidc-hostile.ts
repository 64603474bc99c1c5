// The OIDC inspection under attack (issue 11), measured in one run on one machine: each hostile
// case of the issue is timed with inspectOidc, and compared with a normal token's inspection (an
// RS256 ID token, its JWKS and the Exoscale seed expression). Prints median and maximum per case
// and the ratio of the median to the normal token's median.
//
// Run: npm run bench:oidc-hostile -- [--runs N] [--normal-runs N]
// (bundles this file with esbuild as scripts/bench.mjs does for bench/run.ts.)
import { cpus, platform, release } from 'node:os';
import { inspectOidc, type OidcReport } from '../src/core/oidc/inspectOidc';
import { encodeBase64Url, encodeBase64UrlText } from '../src/core/oidc/base64url';
import { OIDC_LIMITS } from '../src/core/limits';
import { formatMs, formatRatio, renderTable, summarizeTimings } from './stats';

const ROLE = 'dc097e90-4636-4d2a-a629-670ab4395209';
const SEED = `email.endsWith('@exoscale.com') ? '${ROLE}' : false`;
const ISSUER = 'https://auth.example.com/realms/acme';
const CLIENT = 'exoscale-portal';
const NOW = new Date('2025-06-01T12:00:00Z');
const NOW_S = NOW.getTime() / 1000;
const b64 = (o: unknown) => encodeBase64UrlText(typeof o === 'string' ? o : JSON.stringify(o));
const claims = (extra: Record<string, unknown> = {}) => ({ iss: ISSUER, sub: 'u1', aud: CLIENT, exp: NOW_S + 300, iat: NOW_S - 10, email: 'ada@exoscale.com', email_verified: true, ...extra });

interface Case {
  name: string;
  input: string;
  keys: string;
  cel: string;
  secret?: string;
  /** What the report must say, so that a fast wrong answer is not measured. */
  expect: (r: OidcReport) => boolean;
}

async function rsaPair(bits = 2048): Promise<{ priv: CryptoKey; jwk: JsonWebKey }> {
  const pair = (await crypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: bits, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  return { priv: pair.privateKey, jwk: { kty: 'RSA', n: jwk.n, e: jwk.e } };
}

async function sign(priv: CryptoKey, header: Record<string, unknown>, payload: Record<string, unknown>): Promise<string> {
  const input = `${b64({ typ: 'JWT', ...header })}.${b64(payload)}`;
  const sig = new Uint8Array(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', priv, new TextEncoder().encode(input)));
  return `${input}.${encodeBase64Url(sig)}`;
}

const hasCode = (code: string) => (r: OidcReport) => r.findings.some((f) => f.code === code) || r.errors.some((e) => e.code === code) || r.keys.errors.some((e) => e.code === code);

async function cases(): Promise<{ normal: Case; hostile: Case[] }> {
  const real = await rsaPair();
  const attacker = await rsaPair();
  const jwks = JSON.stringify({ keys: [{ ...real.jwk, kid: 'k1', use: 'sig', alg: 'RS256' }] });
  const token = await sign(real.priv, { alg: 'RS256', kid: 'k1' }, claims());
  const withList = JSON.stringify(claims({ l: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], big: Array.from({ length: 20_000 }, (_, i) => i) }));
  const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
  const bigKey = (bytes: number) => encodeBase64Url(new Uint8Array(bytes).fill(0xab));
  const k3072 = await rsaPair(3072);
  const nBytes = Uint8Array.from(atob(k3072.jwk.n!.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (k3072.jwk.n!.length % 4)) % 4)), (c) => c.charCodeAt(0));
  const eBelowN = nBytes.slice();
  eBelowN[eBelowN.length - 1] -= 2; // odd n minus 2: odd, just below n
  const cel = (name: string, expression: string, expectCode = 'cel-cost-exceeded'): Case => ({ name, input: withList, keys: '', cel: expression, expect: hasCode(expectCode) });

  const normal: Case = { name: 'normal RS256 token + JWKS + seed expression', input: token, keys: jwks, cel: SEED, expect: (r) => r.trusted && r.cel?.outcome === 'granted' };
  const hostile: Case[] = [
    { name: 'forgery with its own "jwk", real JWKS pasted', input: await sign(attacker.priv, { alg: 'RS256', kid: 'k1', jwk: attacker.jwk }, claims()), keys: jwks, cel: SEED, expect: (r) => r.signature?.verdict === 'invalid' && r.cel?.outcome === 'granted-if-authentic' },
    { name: 'alg "none\\u0000"', input: `${b64({ alg: 'none\u0000' })}.${b64(claims())}.`, keys: jwks, cel: SEED, expect: hasCode('oidc-alg-none') },
    { name: 'exp = 1e16', input: await sign(real.priv, { alg: 'RS256', kid: 'k1' }, claims({ exp: 1e16 })), keys: jwks, cel: SEED, expect: hasCode('oidc-time-out-of-range') },
    { name: 'header nested 10,000 deep', input: `${b64(`{"alg":"RS256","x":${deep}}`)}.${b64(claims())}.`, keys: jwks, cel: SEED, expect: hasCode('oidc-json-too-deep') },
    { name: 'payload nested 10,000 deep', input: `${b64({ alg: 'RS256' })}.${b64(`{"iss":${deep}}`)}.`, keys: jwks, cel: SEED, expect: hasCode('oidc-json-too-deep') },
    { name: `token at the input limit (${OIDC_LIMITS.inputLength} chars)`, input: `${b64({ alg: 'RS256', kid: 'k1' })}.${b64(claims({ pad: 'x'.repeat(Math.floor(OIDC_LIMITS.inputLength * 0.74) - 300) }))}.${encodeBase64Url(new Uint8Array(256))}`, keys: jwks, cel: SEED, expect: (r) => r.signature?.verdict === 'invalid' },
    { name: 'CEL of 20,000 "+" terms', input: withList, keys: '', cel: Array(20_000).fill('email').join(' + '), expect: hasCode('cel-expression-too-long') },
    cel('CEL of 2,048 "+" terms (at the length limit)', ('1' + '+1'.repeat(2047)).slice(0, OIDC_LIMITS.celExpressionLength), 'cel-expression-too-deep'),
    cel('CEL 8 nested all() over 10 elements', `${'l.all(x, '.repeat(8)}true${')'.repeat(8)}`),
    cel('CEL 7 nested map() over 10 elements', `${'l.map(x, '.repeat(7)}1${')'.repeat(7)}`),
    cel('CEL 571-character link shape', `${'l.all(a, '.repeat(8)}l.exists(x, x == 3)${')'.repeat(8)} ? '${ROLE}' : false`),
    cel('CEL big.all(a, a in big), 20,000 elements', 'big.all(a, a in big)'),
    cel('CEL regex a{1000} x 300', `email.matches('${'a{1000}'.repeat(300)}')`),
    cel('CEL exists() over a 2,000-instruction regex', `l.exists(x, email.matches('${'a{400}'.repeat(5)}'))`),
    cel('CEL member chain at the length limit', ('email' + '.b'.repeat(4096)).slice(0, OIDC_LIMITS.celExpressionLength - 1), 'cel-expression-too-deep'),
    { name: '10,000 JWKS keys, no matching kid', input: token.replace('"k1"', '"k1"'), keys: JSON.stringify({ keys: Array.from({ length: 10_000 }, (_, i) => ({ ...attacker.jwk, kid: `o${i}` })) }), cel: SEED, expect: hasCode('oidc-keys-too-large') },
    { name: '2,000 JWKS keys, no matching kid', input: await sign(real.priv, { alg: 'RS256', kid: 'absent' }, claims()), keys: JSON.stringify({ keys: Array.from({ length: 2_000 }, (_, i) => ({ ...attacker.jwk, kid: `o${i}` })) }), cel: SEED, expect: hasCode('oidc-key-limit') },
    { name: '100 RSA-3072 keys with e just below n', input: token, keys: JSON.stringify({ keys: Array.from({ length: 100 }, (_, i) => ({ kty: 'RSA', n: k3072.jwk.n, e: encodeBase64Url(eBelowN), kid: `e${i}` })) }), cel: SEED, expect: hasCode('oidc-key-too-large') },
    { name: 'RSA key with a 1 MB exponent', input: token, keys: JSON.stringify({ kty: 'RSA', n: real.jwk.n, e: bigKey(1 << 20) }), cel: SEED, expect: hasCode('oidc-keys-too-large') },
    { name: 'RSA key with an 8 MB modulus', input: token, keys: JSON.stringify({ kty: 'RSA', n: bigKey(8 << 20), e: 'AQAB' }), cel: SEED, expect: hasCode('oidc-keys-too-large') },
    { name: '1 MB of unmatched PEM BEGIN lines as keys', input: token, keys: '-----BEGIN A-----\n'.repeat(55_000), cel: SEED, expect: hasCode('oidc-key-bad-pem') },
    { name: 'RSA key with a 16,384-bit modulus (largest accepted)', input: token, keys: JSON.stringify({ kty: 'RSA', n: encodeBase64Url(Uint8Array.from({ length: 2048 }, (_, i) => (i === 0 ? 0xc1 : i === 2047 ? 0x01 : (i * 37) & 0xff))), e: 'AQAB', kid: 'k1' }), cel: SEED, expect: (r) => r.signature?.verdict === 'invalid' || r.signature?.verdict === 'unsupported' },
  ];
  return { normal, hostile };
}

async function time(c: Case, runs: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = await inspectOidc(c.input, { settings: { clientId: CLIENT, issuerUrl: ISSUER, celExpression: c.cel, clientSecret: c.secret }, keysText: c.keys, at: NOW });
    samples.push(performance.now() - t);
    if (!c.expect(r)) throw new Error(`${c.name}: unexpected report (verdict ${r.signature?.verdict}, cel ${r.cel?.outcome}, codes ${[...r.findings.map((f) => f.code), ...r.errors.map((e) => e.code), ...r.keys.errors.map((e) => e.code)].join(', ')})`);
  }
  return samples;
}

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(v) && v > 0 ? Math.round(v) : fallback;
}

async function main(): Promise<void> {
  const runs = option('--runs', 5);
  const normalRuns = option('--normal-runs', 50);
  const { normal, hostile } = await cases();
  await time(normal, 10); // warm-up (JIT, dynamic import of @bufbuild/cel)
  const base = summarizeTimings(await time(normal, normalRuns));
  const rows: string[][] = [[normal.name, formatMs(base.median), formatMs(base.max), '1.00×']];
  let worst = { name: '', ratio: 0, median: 0 };
  for (const c of hostile) {
    const s = summarizeTimings(await time(c, runs));
    const ratio = s.median / base.median;
    if (ratio > worst.ratio) worst = { name: c.name, ratio, median: s.median };
    rows.push([c.name, formatMs(s.median), formatMs(s.max), formatRatio(s.median, base.median)]);
  }
  console.log(`OIDC hostile inputs — ${platform()} ${release()}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}, node ${process.version}`);
  console.log(`runs per hostile case: ${runs}; normal token: ${normalRuns}\n`);
  console.log(renderTable(['case', 'median ms', 'max ms', 'vs normal'], rows));
  console.log(`\nworst hostile case: ${worst.name}: ${formatMs(worst.median)} ms, ${formatRatio(worst.median, base.median)} a normal token's inspection (${formatMs(base.median)} ms)`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
