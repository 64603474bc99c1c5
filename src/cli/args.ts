import { EXPORT_FORMATS } from '../core/exports';
import { DEFAULT_PROFILE, DEFAULT_SKEW_SECONDS, EXPECTATION_FIELDS, isProfileName, PROFILE_NAMES } from '../core/settings';
import type { InspectOptions } from '../core/types';

export interface CliArgs {
  command: 'inspect' | 'help' | 'version';
  inputs: string[];
  metadataFiles: string[];
  certFiles: string[];
  /** SP private keys (PEM) to decrypt EncryptedAssertion/EncryptedID/EncryptedAttribute. */
  spKeyFiles: string[];
  /** An export format of core/exports (`--format NAME`, `--json` for json); null: the text listing. */
  format: string | null;
  /** `--entities`: an aggregate's per-entity summaries in the report (default: the overview only). */
  entities: boolean;
  options: Omit<InspectOptions, 'trust'>;
}

export type ParsedArgs = { ok: true; args: CliArgs } | { ok: false; message: string };

/** CONTRACT §1 options. Both `--opt value` and `--opt=value` are accepted. */
export function parseArgs(argv: string[]): ParsedArgs {
  const args: CliArgs = { command: 'help', inputs: [], metadataFiles: [], certFiles: [], spKeyFiles: [], format: null, entities: false, options: {} };
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') return { ok: true, args };
  if (argv[0] === '--version' || argv[0] === '-v') return { ok: true, args: { ...args, command: 'version' } };
  if (argv[0] !== 'inspect') return { ok: false, message: `Unknown command ${JSON.stringify(argv[0])}. Usage: samlscope inspect [options] <input>... or samlscope oidc [options] <input> or samlscope idp response [options]` };
  args.command = 'inspect';
  for (let i = 1; i < argv.length; i++) {
    let a = argv[i]!;
    let inline: string | undefined;
    if (a.startsWith('--') && a.includes('=')) {
      inline = a.slice(a.indexOf('=') + 1);
      a = a.slice(0, a.indexOf('='));
    }
    const value = (): string | null => {
      if (inline !== undefined) return inline;
      const v = argv[i + 1];
      if (v === undefined) return null;
      i++;
      return v;
    };
    const need = (name: string): string | { error: string } => {
      const v = value();
      return v === null ? { error: `${name} needs a value.` } : v;
    };
    if (a === '-' || !a.startsWith('-')) {
      args.inputs.push(a);
      continue;
    }
    if (a === '--json') { args.format = 'json'; continue; }
    if (a === '--entities') { args.entities = true; continue; }
    if (a === '--help' || a === '-h') { args.command = 'help'; continue; }
    const v = need(a);
    if (typeof v !== 'string') return { ok: false, message: v.error };
    switch (a) {
      case '--metadata': args.metadataFiles.push(v); break;
      case '--cert': args.certFiles.push(v); break;
      case '--sp-key': args.spKeyFiles.push(v); break;
      case '--format':
        if (!EXPORT_FORMATS.some((f) => f.name === v)) return { ok: false, message: `--format must be one of ${EXPORT_FORMATS.map((f) => f.name).join(', ')}.` };
        args.format = v;
        break;
      case '--at': {
        const d = new Date(v);
        if (Number.isNaN(d.getTime())) return { ok: false, message: `--at ${JSON.stringify(v)} is not an ISO-8601 instant.` };
        args.options.at = d;
        break;
      }
      case '--skew': {
        const n = Number(v);
        if (!Number.isFinite(n) || n < 0) return { ok: false, message: `--skew ${JSON.stringify(v)} is not a number of seconds.` };
        args.options.skewSeconds = n;
        break;
      }
      case '--profile':
        if (!isProfileName(v)) return { ok: false, message: `--profile must be one of ${PROFILE_NAMES.join(', ')}.` };
        args.options.profile = v;
        break;
      default: {
        // The expectation flags are named with the other settings (core/settings EXPECTATION_FIELDS).
        const field = EXPECTATION_FIELDS.find((f) => f.flag === a);
        if (!field) return { ok: false, message: `Unknown option ${a}.` };
        args.options[field.key] = v;
      }
    }
  }
  if (args.command === 'inspect' && args.inputs.length === 0) return { ok: false, message: 'No input given. Usage: samlscope inspect [options] <input>... (a file path, or - for stdin)' };
  return { ok: true, args };
}

export const USAGE = `samlscope inspect [options] <input>...

Decode, verify and explain SAML messages. <input> is a file path or - for stdin:
a Redirect URL or query string, a POST body, base64, XML, a HAR file or a SAML-tracer export.

  --metadata FILE      trusted metadata (repeatable): signing keys become trust anchors
  --cert FILE          trusted certificate, PEM or base64 DER (repeatable)
  --sp-key FILE        SP private key, PEM PKCS#8 or PKCS#1 (repeatable): decrypts
                       EncryptedAssertion, EncryptedID and EncryptedAttribute
  --at ISO-8601        evaluate time conditions at this instant (default: now)
  --skew SECONDS       allowed clock skew (default ${DEFAULT_SKEW_SECONDS})
  --sp-entity-id ID    expected SP entity ID        --acs-url URL      expected ACS URL
  --idp-entity-id ID   expected IdP entity ID       --request-id ID    expected InResponseTo
  --profile NAME       ${PROFILE_NAMES.map((p) => (p === DEFAULT_PROFILE ? `${p} (default)` : p)).join(', ')}
  --json               print the JSON report instead of text
  --format NAME        print an export instead of text: ${EXPORT_FORMATS.map((f) => f.name).join(', ')}
                       (json is --json)
  --entities           list every entity of a metadata aggregate (default: counts,
                       keys and expiry; per-entity summaries only when asked for)

Exit status: 0 no error found, 1 errors found, 2 unreadable input or usage error.

samlscope oidc [options] <input>
  OpenID Connect ID tokens for Exoscale SSO: signature, claims, CEL authorization
  (samlscope oidc --help for its options).

samlscope idp response [options]
  The mock IdP: a signed (or deliberately faulty: --variant) Response for an SP
  (samlscope idp --help for its options, samlscope idp variants for the test pack).

samlscope metadata lint|diff|pair|rollover [--json] <file>...
  Metadata health, differences, IdP–SP compatibility and key rollover plans
  (samlscope metadata --help for its options).`;
