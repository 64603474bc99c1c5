// `samlscope oidc`: the OIDC page (/oidc, Exoscale SSO) on the command line. A thin shell over
// src/core/oidc: read files, call inspectOidc, print. Exit status as for `inspect` (CONTRACT §1):
// 0 nothing of severity error, 1 something was, 2 unreadable input or usage error.
import { inspectOidc, type ExoscaleOidcSettings, type OidcReport } from '../core/oidc';
import { oidcReportToJson } from '../core/oidc/reportJson';
import { fixText } from '../core/findings/fix';
import { DEFAULT_SKEW_SECONDS } from '../core/settings';
import { readInputBounded } from './input';

export const OIDC_USAGE = `samlscope oidc [options] <input>
  <input>                 a file or - (stdin): an ID token (with or without "Bearer "), a token
                          endpoint response {"id_token": …}, the redirect back from the provider,
                          or the authorization request URL
  --keys FILE             trusted keys (repeatable): JWKS, JWK, PEM certificate or public key
  --client-id ID          Exoscale "OIDC Client ID"
  --issuer URL            Exoscale "OIDC Issuer URL"
  --secret-file FILE      Exoscale "OIDC Client Secret" (only to verify HS256/384/512 tokens)
  --claims "a b"          Exoscale "OIDC Additional Claims" (space separated)
  --cel EXPR | --cel-file FILE
                          Exoscale "Common Expression Language Authorization Expression"
  --org NAME              the <sso-org-name> of https://portal.exoscale.com/sso-login/<sso-org-name>
  --nonce VALUE           the nonce of the authorization request
  --at ISO-8601           evaluate exp/iat/nbf at this instant (default: now)
  --skew SECONDS          allowed clock skew (default ${DEFAULT_SKEW_SECONDS})
  --json                  print the report as JSON`;

interface OidcArgs {
  input: string | null;
  keyFiles: string[];
  settings: ExoscaleOidcSettings;
  secretFile: string | null;
  celFile: string | null;
  at?: Date;
  skewSeconds?: number;
  json: boolean;
}

function parseOidcArgs(argv: string[]): { ok: true; args: OidcArgs } | { ok: false; message: string } {
  const args: OidcArgs = { input: null, keyFiles: [], settings: {}, secretFile: null, celFile: null, json: false };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i]!;
    let inline: string | undefined;
    if (a.startsWith('--') && a.includes('=')) {
      inline = a.slice(a.indexOf('=') + 1);
      a = a.slice(0, a.indexOf('='));
    }
    if (a === '-' || !a.startsWith('-')) {
      if (args.input !== null) return { ok: false, message: 'samlscope oidc takes one input.' };
      args.input = a;
      continue;
    }
    if (a === '--json') { args.json = true; continue; }
    const v = inline ?? argv[++i];
    if (v === undefined) return { ok: false, message: `${a} needs a value.` };
    switch (a) {
      case '--keys': args.keyFiles.push(v); break;
      case '--client-id': args.settings.clientId = v; break;
      case '--issuer': args.settings.issuerUrl = v; break;
      case '--secret-file': args.secretFile = v; break;
      case '--claims': args.settings.additionalClaims = v; break;
      case '--cel': args.settings.celExpression = v; break;
      case '--cel-file': args.celFile = v; break;
      case '--org': args.settings.orgName = v; break;
      case '--nonce': args.settings.nonce = v; break;
      case '--at': {
        const d = new Date(v);
        if (Number.isNaN(d.getTime())) return { ok: false, message: `--at ${JSON.stringify(v)} is not an ISO-8601 instant.` };
        args.at = d;
        break;
      }
      case '--skew': {
        const n = Number(v);
        if (!Number.isFinite(n) || n < 0) return { ok: false, message: `--skew ${JSON.stringify(v)} is not a number of seconds.` };
        args.skewSeconds = n;
        break;
      }
      default:
        return { ok: false, message: `Unknown option ${a}.` };
    }
  }
  if (args.input === null) return { ok: false, message: 'samlscope oidc needs an input (a file or -).' };
  return { ok: true, args };
}

/** Inputs, keys, secrets and CEL files are read within INPUT_MAX_CHARS (./input.ts); over it or unreadable: exit 2. */
async function read(path: string): Promise<string> {
  const r = await readInputBounded(path);
  if (r.ok) return r.text;
  throw new Error(`cannot read ${path}: ${'tooLarge' in r ? `${r.tooLarge.code}: ${r.tooLarge.message}` : r.ioError}`);
}

export async function runOidc(argv: string[], version: string): Promise<number> {
  if (argv[0] === '--help' || argv[0] === '-h') {
    process.stdout.write(`${OIDC_USAGE}\n`);
    return 0;
  }
  const parsed = parseOidcArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`samlscope: ${parsed.message}\n\n${OIDC_USAGE}\n`);
    return 2;
  }
  const { args } = parsed;
  let input: string;
  const keys: string[] = [];
  try {
    input = await read(args.input!);
    for (const f of args.keyFiles) keys.push(await read(f));
    // A secret or expression from a file: trailing newlines are the editor's, not the value's.
    if (args.secretFile) args.settings.clientSecret = (await read(args.secretFile)).replace(/\r?\n$/, '');
    if (args.celFile) args.settings.celExpression = (await read(args.celFile)).trim();
  } catch (e) {
    process.stderr.write(`samlscope: ${(e as Error).message}\n`);
    return 2;
  }
  const report = await inspectOidc(input, {
    settings: args.settings,
    keysText: keys.join('\n'),
    ...(args.at ? { at: args.at } : {}),
    ...(args.skewSeconds !== undefined ? { skewSeconds: args.skewSeconds } : {}),
  });
  if (args.json) process.stdout.write(`${JSON.stringify(oidcReportToJson(report, version), null, 2)}\n`);
  else process.stdout.write(oidcText(report));
  for (const e of report.errors) process.stderr.write(`samlscope: ${args.input}: ${e.code}: ${e.message}\n`);
  if (report.errors.length > 0 && !report.token) return 2;
  return report.findings.some((f) => f.severity === 'error') ? 1 : 0;
}

/** The words of the page's CEL panel; an untrusted token is never "granted". */
const CEL_OUTCOME_TEXT: Record<NonNullable<OidcReport['cel']>['outcome'], string> = {
  granted: 'granted',
  'granted-if-authentic': 'would be granted if the token were authentic',
  denied: 'denied',
  error: 'error (denied)',
};

function oidcText(r: OidcReport): string {
  const lines: string[] = [];
  lines.push(`OIDC input: ${r.detected ?? 'not recognised'} (evaluated at ${r.evaluatedAt}, skew ${r.skewSeconds}s)`);
  if (r.token) {
    const p = r.token.payload;
    lines.push(`  iss ${JSON.stringify(p.iss ?? null)}  aud ${JSON.stringify(p.aud ?? null)}  sub ${JSON.stringify(p.sub ?? null)}`);
  }
  if (r.signature) lines.push(`Signature: ${r.signature.verdict}${r.signature.alg ? ` (${r.signature.alg}${r.signature.kid ? `, kid ${r.signature.kid}` : ''})` : ''} — ${r.signature.reason}`);
  if (r.token) lines.push(`Trusted: ${r.trusted ? 'yes (valid signature with a pasted key)' : 'NO — the claims below are what the token says, not what the provider said'}`);
  if (r.claims) for (const c of r.claims.checks) lines.push(`  claim ${c.claim}: ${c.status} — ${c.detail}`);
  if (r.cel) lines.push(`CEL authorization: ${CEL_OUTCOME_TEXT[r.cel.outcome]}${r.cel.roleUuid ? ` (IAM role ${r.cel.roleUuid})` : ''} — ${r.cel.reason} (cost ${r.cel.cost} units)`);
  for (const f of r.findings) {
    lines.push(`${f.severity.toUpperCase()} ${f.code}: ${f.title}`);
    lines.push(`  ${f.explanation}`);
    lines.push(`  Fix: ${fixText(f, 'cli')}`);
  }
  return `${lines.join('\n')}\n`;
}
