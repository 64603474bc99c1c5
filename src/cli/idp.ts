// `samlscope idp response`: the mock IdP on the command line (CONTRACT §5), a thin shell over
// src/core/idp — read files, call issueResponse, print. Exit 0, or 2 on bad options or
// unreadable inputs (with a message on stderr). `idp variants` lists the test pack.
import { importSpKeyPair, type SpKeyPair } from '../core/mocksp/keys';
import {
  acsFor,
  DEFAULT_ATTACKER_NAME_ID,
  formatResponse,
  IDP_BLOCK_CIPHERS,
  IDP_KEY_TRANSPORTS,
  issueResponse,
  OUTPUT_FORMATS,
  readRequest,
  readSpMetadata,
  SIGN_MODES,
  VARIANT_NAMES,
  VARIANTS,
  type IdpAttribute,
  type IdpBlockCipher,
  type IdpKeyTransport,
  type OutputFormat,
  type RequestFacts,
  type SignMode,
  type SpFacts,
} from '../core/idp';
import { readInputBounded } from './input';

export const DEFAULT_IDP_ENTITY_ID = 'urn:samlscope:mock-idp';
export const DEFAULT_NAME_ID = 'jdoe';

export const IDP_USAGE = `samlscope idp response [options]     a SAML Response for an SP (the mock IdP)
samlscope idp variants [--json]       list the test pack's variants
  --sp-metadata FILE        SP metadata: entity ID, ACS URL, encryption certificate
  --idp-key FILE            the IdP's private key (PEM: PKCS#8, PKCS#1 or SEC1)
  --idp-cert FILE           the IdP's certificate (PEM)
  --idp-entity-id URI       the Issuer (default ${DEFAULT_IDP_ENTITY_ID})
  --request FILE            the AuthnRequest (any input form): InResponseTo, ACS URL, RelayState
  --name-id VALUE           the NameID (default ${DEFAULT_NAME_ID})
  --name-id-format URI      default: the request's NameIDPolicy Format, else unspecified
  --attribute NAME=VALUE    an attribute value (repeatable; repeat a NAME for several values)
  --at ISO-8601             the instant the Response is made for (default: now)
  --sign MODE               response | assertion | both (default) | none
  --encrypt                 encrypt the assertion to the SP's encryption certificate
  --variant NAME            a deliberately faulty Response (see \`samlscope idp variants\`)
  --output FORMAT           xml (default) | base64 | form (auto-submit HTML POST to the ACS)
  --sp-entity-id URI, --acs-url URL, --in-response-to ID, --relay-state VALUE
                            override what the metadata and the request say
  --sp-cert FILE            the SP encryption certificate (instead of the metadata's)
  --block-cipher NAME       ${Object.keys(IDP_BLOCK_CIPHERS).join(' | ')} (default aes256-gcm)
  --key-transport NAME      ${Object.keys(IDP_KEY_TRANSPORTS).join(' | ')} (default rsa-oaep-mgf1p)
  --attacker-name-id VALUE  the NameID wrapping variants inject (default ${DEFAULT_ATTACKER_NAME_ID})`;

interface IdpArgs {
  spMetadata: string | null;
  idpKey: string | null;
  idpCert: string | null;
  idpEntityId: string;
  request: string | null;
  nameId: string;
  nameIdFormat: string | null;
  attributes: IdpAttribute[];
  at: Date | null;
  sign: SignMode;
  encrypt: boolean;
  variant: string | null;
  output: OutputFormat;
  spEntityId: string | null;
  acsUrl: string | null;
  inResponseTo: string | null;
  relayState: string | null;
  spCert: string | null;
  blockCipher: IdpBlockCipher;
  keyTransport: IdpKeyTransport;
  attackerNameId: string | null;
}

type Parsed = { ok: true; args: IdpArgs } | { ok: false; message: string };

function parseIdpArgs(argv: string[]): Parsed {
  const args: IdpArgs = {
    spMetadata: null, idpKey: null, idpCert: null, idpEntityId: DEFAULT_IDP_ENTITY_ID, request: null, nameId: DEFAULT_NAME_ID,
    nameIdFormat: null, attributes: [], at: null, sign: 'both', encrypt: false, variant: null, output: 'xml', spEntityId: null,
    acsUrl: null, inResponseTo: null, relayState: null, spCert: null, blockCipher: 'aes256-gcm', keyTransport: 'rsa-oaep-mgf1p', attackerNameId: null,
  };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i]!;
    let inline: string | undefined;
    if (a.startsWith('--') && a.includes('=')) {
      inline = a.slice(a.indexOf('=') + 1);
      a = a.slice(0, a.indexOf('='));
    }
    if (a === '--encrypt') { args.encrypt = true; continue; }
    if (!a.startsWith('--')) return { ok: false, message: `Unexpected argument "${a}": idp response takes options only.` };
    const v = inline ?? argv[++i];
    if (v === undefined) return { ok: false, message: `${a} needs a value.` };
    switch (a) {
      case '--sp-metadata': args.spMetadata = v; break;
      case '--idp-key': args.idpKey = v; break;
      case '--idp-cert': args.idpCert = v; break;
      case '--idp-entity-id': args.idpEntityId = v; break;
      case '--request': args.request = v; break;
      case '--name-id': args.nameId = v; break;
      case '--name-id-format': args.nameIdFormat = v; break;
      case '--attribute': {
        const eq = v.indexOf('=');
        if (eq <= 0) return { ok: false, message: `--attribute needs NAME=VALUE, got "${v}".` };
        const name = v.slice(0, eq);
        const existing = args.attributes.find((x) => x.name === name);
        if (existing) existing.values.push(v.slice(eq + 1));
        else args.attributes.push({ name, values: [v.slice(eq + 1)] });
        break;
      }
      case '--at': {
        const d = new Date(v);
        if (!/^\d{4}-\d{2}-\d{2}T/.test(v) || Number.isNaN(d.getTime())) return { ok: false, message: `--at needs an ISO-8601 instant, got "${v}".` };
        args.at = d;
        break;
      }
      case '--sign':
        if (!(SIGN_MODES as readonly string[]).includes(v)) return { ok: false, message: `--sign is one of ${SIGN_MODES.join(', ')}; got "${v}".` };
        args.sign = v as SignMode;
        break;
      case '--variant':
        if (!VARIANT_NAMES.includes(v)) return { ok: false, message: `Unknown variant "${v}". Variants: ${VARIANT_NAMES.join(', ')}.` };
        args.variant = v;
        break;
      case '--output':
        if (!(OUTPUT_FORMATS as readonly string[]).includes(v)) return { ok: false, message: `--output is one of ${OUTPUT_FORMATS.join(', ')}; got "${v}".` };
        args.output = v as OutputFormat;
        break;
      case '--sp-entity-id': args.spEntityId = v; break;
      case '--acs-url': args.acsUrl = v; break;
      case '--in-response-to': args.inResponseTo = v; break;
      case '--relay-state': args.relayState = v; break;
      case '--sp-cert': args.spCert = v; break;
      case '--block-cipher':
        if (!(v in IDP_BLOCK_CIPHERS)) return { ok: false, message: `--block-cipher is one of ${Object.keys(IDP_BLOCK_CIPHERS).join(', ')}; got "${v}".` };
        args.blockCipher = v as IdpBlockCipher;
        break;
      case '--key-transport':
        if (!(v in IDP_KEY_TRANSPORTS)) return { ok: false, message: `--key-transport is one of ${Object.keys(IDP_KEY_TRANSPORTS).join(', ')}; got "${v}".` };
        args.keyTransport = v as IdpKeyTransport;
        break;
      case '--attacker-name-id': args.attackerNameId = v; break;
      default:
        return { ok: false, message: `Unknown option ${a}.` };
    }
  }
  return { ok: true, args };
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}
const processIo: CliIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

function variantsText(): string {
  const rows = VARIANTS.map((v) => `${v.name.padEnd(28)} ${v.codes.join(', ').padEnd(48)} ${v.title}`);
  return `${'variant'.padEnd(28)} ${'samlscope finding codes'.padEnd(48)} what it is\n${rows.join('\n')}\n`;
}

export async function runIdp(argv: string[], io: CliIo = processIo): Promise<number> {
  const usage = (message: string) => {
    io.err(`samlscope idp: ${message}\n\n${IDP_USAGE}\n`);
    return 2;
  };
  const [sub, ...rest] = argv;
  if (sub === 'variants') {
    if (rest.length && !(rest.length === 1 && rest[0] === '--json')) return usage('idp variants takes only --json.');
    if (rest[0] === '--json') {
      const list = VARIANTS.map((v) => ({ name: v.name, category: v.category, title: v.title, description: v.description, safeOutcome: v.safeOutcome, expectation: v.expectation, codes: v.codes, reference: v.reference, sign: v.sign, encryptable: v.encryptable }));
      io.out(`${JSON.stringify({ variants: list }, null, 2)}\n`);
    } else io.out(variantsText());
    return 0;
  }
  if (sub === '--help' || sub === 'help' || sub === undefined) {
    io.out(`${IDP_USAGE}\n`);
    return sub === undefined ? 2 : 0;
  }
  if (sub !== 'response') return usage(`Unknown idp command "${sub}".`);
  const parsed = parseIdpArgs(rest);
  if (!parsed.ok) return usage(parsed.message);
  const a = parsed.args;

  const read = async (path: string, what: string): Promise<string | null> => {
    const r = await readInputBounded(path);
    if (r.ok) return r.text;
    io.err(`samlscope idp: cannot read ${what} ${path}: ${'tooLarge' in r ? r.tooLarge.message : r.ioError}\n`);
    return null;
  };

  let sp: SpFacts | null = null;
  if (a.spMetadata) {
    const text = await read(a.spMetadata, '--sp-metadata');
    if (text === null) return 2;
    const r = readSpMetadata(text);
    if (!r.ok) return usage(`--sp-metadata ${a.spMetadata}: ${r.error.code}: ${r.error.message}`);
    sp = r.value;
  }
  let request: RequestFacts | null = null;
  if (a.request) {
    const text = await read(a.request, '--request');
    if (text === null) return 2;
    const r = readRequest(text);
    if (!r.ok) return usage(`--request ${a.request}: ${r.error.code}: ${r.error.message}`);
    if (r.value.kind !== 'AuthnRequest') return usage(`--request ${a.request} is a ${r.value.kind}, not an AuthnRequest.`);
    request = r.value;
  }
  const spEntityId = a.spEntityId ?? sp?.entityId ?? request?.issuer ?? null;
  const acsUrl = a.acsUrl ?? acsFor(request, sp);
  if (!spEntityId) return usage('No SP entity ID: give --sp-metadata, --request (its Issuer) or --sp-entity-id.');
  if (!acsUrl) return usage('No ACS URL: give --sp-metadata, --request (its AssertionConsumerServiceURL) or --acs-url.');

  let key: SpKeyPair | null = null;
  if (a.idpKey || a.idpCert) {
    if (!a.idpKey || !a.idpCert) return usage('--idp-key and --idp-cert go together.');
    const keyPem = await read(a.idpKey, '--idp-key');
    const certPem = await read(a.idpCert, '--idp-cert');
    if (keyPem === null || certPem === null) return 2;
    const k = await importSpKeyPair(keyPem, certPem);
    if (!k.ok) return usage(`--idp-key/--idp-cert: ${k.error.code}: ${k.error.message}`);
    key = k.value;
  }

  let encrypt = null;
  if (a.encrypt) {
    let certificate = sp?.encryptionCertificate ?? null;
    if (a.spCert) {
      certificate = await read(a.spCert, '--sp-cert');
      if (certificate === null) return 2;
    }
    if (!certificate) return usage('--encrypt needs the SP\'s encryption certificate: --sp-metadata with a KeyDescriptor, or --sp-cert.');
    encrypt = { certificate, blockCipher: a.blockCipher, keyTransport: a.keyTransport };
  }

  const issued = await issueResponse({
    idpEntityId: a.idpEntityId,
    spEntityId,
    acsUrl,
    inResponseTo: a.inResponseTo ?? request?.id ?? null,
    nameId: a.nameId,
    ...(a.nameIdFormat ?? request?.nameIdPolicyFormat ? { nameIdFormat: (a.nameIdFormat ?? request?.nameIdPolicyFormat)! } : {}),
    attributes: a.attributes,
    ...(a.at ? { at: a.at } : {}),
    sign: a.sign,
    key,
    encrypt,
    variant: a.variant,
    ...(a.attackerNameId ? { attackerNameId: a.attackerNameId } : {}),
  });
  if (!issued.ok) {
    if (issued.error.code === 'key-required') return usage(`${issued.error.message} Give --idp-key and --idp-cert, or --sign none.`);
    return usage(`${issued.error.code}: ${issued.error.message}`);
  }
  io.out(formatResponse(issued.value.xml, a.output, acsUrl, a.relayState ?? request?.relayState ?? null));
  return 0;
}
