// Sharing an OIDC diagnosis (issue 14 item 6; products layer, above core/oidc): the /oidc page's state in a link, with the SAML
// side's mechanism (docs/sharing.md) — the same fragment codec (`#share=o1.…`, never the query
// string, so the token never reaches a server), the same deterministic HMAC masks, and the
// sharer's verdicts carried as claims the recipient re-checks. docs/oidc.md "Sharing".
import { decodeJsonFragment, encodeJsonFragment, type ShareError } from './fragment';
import { escapeMarkdown } from '../exports/markdown';
import { Redactor } from './redact';
import { fail, ok, type Result } from '../types';
import { decodeBase64Url } from '../oidc/base64url';
import type { CelOutcome } from '../oidc/celAuthorization';
import { SEVERITIES, type Severity } from '../findings/severity';
import type { OidcReport } from '../oidc/inspectOidc';
import type { ExoscaleOidcSettings } from '../oidc/settings';
import type { OidcVerdict } from '../oidc/verifySignature';

export const OIDC_SHARE_PREFIX = 'o1.';

/**
 * What a redacted link masks:
 * - `signature`: the JWS signature of every token (its value proves nothing without the key,
 *   but it is the token's integrity: a recipient could replay an unexpired token);
 * - `claims`: the values of every non-protocol claim (sub, email, name, groups…) and the
 *   credentials that ride with a token (access_token, refresh_token, authorization code, login_hint);
 * - `emails`: every e-mail address anywhere (input, settings, CEL expression).
 */
export type OidcRedactionField = 'signature' | 'claims' | 'emails';
export const OIDC_REDACTION_FIELDS: readonly OidcRedactionField[] = ['signature', 'claims', 'emails'];

/** The settings a link may carry: everything of ExoscaleOidcSettings but the client secret. */
export type OidcShareSettings = Omit<ExoscaleOidcSettings, 'clientSecret'>;
const SETTING_KEYS = ['clientId', 'issuerUrl', 'additionalClaims', 'celExpression', 'orgName', 'nonce'] as const;

/** What the sharer saw before masking: claims for the recipient, never believed. */
export interface OidcReportedVerdict {
  signature: OidcVerdict | null;
  trusted: boolean;
  cel: CelOutcome | null;
  findings: { code: string; severity: Severity; title: string }[];
}

export interface OidcShareState {
  v: 1;
  kind: 'oidc';
  /** The input as pasted, or its redacted copy. */
  input: string;
  /** The trusted keys as pasted (JWKS, JWK, PEM: public material only). */
  keys: string;
  settings: OidcShareSettings;
  /** The evaluation instant, always recorded (exp/iat/nbf are judged at the sharer's instant). */
  at: string;
  skewSeconds: number;
  redacted?: { fields: OidcRedactionField[]; maskedCount: number; reported: OidcReportedVerdict };
}

export function createOidcShareState(p: { input: string; keys: string; settings: ExoscaleOidcSettings; at: string; skewSeconds: number }): OidcShareState {
  const settings: OidcShareSettings = {};
  // The client secret never goes into a state: it is a credential, not a setting to share.
  for (const k of SETTING_KEYS) if (p.settings[k]) settings[k] = p.settings[k];
  return { v: 1, kind: 'oidc', input: p.input, keys: p.keys, settings, at: p.at, skewSeconds: p.skewSeconds };
}

export function encodeOidcShareFragment(state: OidcShareState): string {
  return encodeJsonFragment(state, OIDC_SHARE_PREFIX);
}

export function oidcShareUrl(baseUrl: string, state: OidcShareState): string {
  const hash = baseUrl.indexOf('#');
  return `${hash >= 0 ? baseUrl.slice(0, hash) : baseUrl}#share=${encodeOidcShareFragment(state)}`;
}

/** The inverse of encodeOidcShareFragment: never throws, every field checked. */
export function decodeOidcShareFragment(fragment: string): Result<OidcShareState, ShareError> {
  const json = decodeJsonFragment(fragment, OIDC_SHARE_PREFIX);
  return json.ok ? validateOidcShareState(json.value) : json;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const shape = (path: string, message: string): Result<never, ShareError> => fail({ code: 'share-bad-shape', message: `Invalid shared OIDC state at ${path}: ${message}`, path });
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const VERDICTS: readonly OidcVerdict[] = ['valid', 'invalid', 'untrusted', 'no-trust-anchor', 'unsupported'];
const CEL_OUTCOMES: readonly CelOutcome[] = ['granted', 'granted-if-authentic', 'denied', 'error'];

/** Unknown fields are refused, as for the SAML state: a v1 state has exactly these. */
export function validateOidcShareState(v: unknown): Result<OidcShareState, ShareError> {
  if (!isRecord(v)) return shape('', 'not a JSON object');
  if (v.v !== 1) return fail({ code: 'share-unsupported-version', message: `The shared OIDC state has version ${JSON.stringify(v.v)}; this samlscope reads version 1.`, path: 'v' });
  for (const k of Object.keys(v)) if (!['v', 'kind', 'input', 'keys', 'settings', 'at', 'skewSeconds', 'redacted'].includes(k)) return shape(k, 'unknown field');
  if (v.kind !== 'oidc') return shape('kind', 'expected "oidc"');
  if (typeof v.input !== 'string') return shape('input', 'expected a string');
  if (typeof v.keys !== 'string') return shape('keys', 'expected a string');
  if (typeof v.at !== 'string' || !ISO_INSTANT.test(v.at) || Number.isNaN(Date.parse(v.at))) return shape('at', 'expected an ISO-8601 instant with a zone');
  if (typeof v.skewSeconds !== 'number' || !Number.isFinite(v.skewSeconds) || v.skewSeconds < 0) return shape('skewSeconds', 'expected a number of seconds ≥ 0');
  if (!isRecord(v.settings)) return shape('settings', 'expected an object');
  for (const [k, s] of Object.entries(v.settings)) {
    if (!(SETTING_KEYS as readonly string[]).includes(k)) return shape(`settings.${k}`, 'unknown field (a client secret is never shared)');
    if (typeof s !== 'string') return shape(`settings.${k}`, 'expected a string');
  }
  if (v.redacted !== undefined) {
    const r = v.redacted;
    if (!isRecord(r)) return shape('redacted', 'expected an object');
    for (const k of Object.keys(r)) if (!['fields', 'maskedCount', 'reported'].includes(k)) return shape(`redacted.${k}`, 'unknown field');
    if (!Array.isArray(r.fields) || r.fields.some((f) => !OIDC_REDACTION_FIELDS.includes(f as OidcRedactionField))) return shape('redacted.fields', `expected a list of ${OIDC_REDACTION_FIELDS.join(', ')}`);
    if (typeof r.maskedCount !== 'number' || r.maskedCount < 0) return shape('redacted.maskedCount', 'expected a count');
    const rep = r.reported;
    if (!isRecord(rep)) return shape('redacted.reported', 'expected an object');
    for (const k of Object.keys(rep)) if (!['signature', 'trusted', 'cel', 'findings'].includes(k)) return shape(`redacted.reported.${k}`, 'unknown field');
    if (rep.signature !== null && !VERDICTS.includes(rep.signature as OidcVerdict)) return shape('redacted.reported.signature', `expected null or one of ${VERDICTS.join(', ')}`);
    if (typeof rep.trusted !== 'boolean') return shape('redacted.reported.trusted', 'expected true or false');
    if (rep.cel !== null && !CEL_OUTCOMES.includes(rep.cel as CelOutcome)) return shape('redacted.reported.cel', `expected null or one of ${CEL_OUTCOMES.join(', ')}`);
    if (!Array.isArray(rep.findings)) return shape('redacted.reported.findings', 'expected an array');
    for (const [i, f] of rep.findings.entries()) {
      const p = `redacted.reported.findings[${i}]`;
      if (!isRecord(f) || Object.keys(f).some((k) => !['code', 'severity', 'title'].includes(k))) return shape(p, 'expected {code, severity, title}');
      if (typeof f.code !== 'string' || typeof f.title !== 'string') return shape(p, 'code and title must be strings');
      if (!SEVERITIES.includes(f.severity as Severity)) return shape(`${p}.severity`, `expected one of ${SEVERITIES.join(', ')}`);
    }
  }
  return ok(v as unknown as OidcShareState);
}

/** The sharer's verdicts, before masking changes what can be verified. */
export function reportedOidcVerdict(report: OidcReport): OidcReportedVerdict {
  return {
    signature: report.signature?.verdict ?? null,
    trusted: report.trusted,
    cel: report.cel?.outcome ?? null,
    findings: report.findings.map((f) => ({ code: f.code, severity: f.severity, title: f.title })),
  };
}

// ---- redaction ----

/**
 * Registered and OIDC protocol claims (RFC 7519 §4.1, OIDC Core §2 and §3.1.3.6): they say who
 * issued the token, for whom, when and how — the diagnosis — not who the user is. Everything
 * else (sub, email, name, groups, custom claims) is the user's data and is masked.
 */
const PROTOCOL_CLAIMS = new Set(['iss', 'aud', 'azp', 'exp', 'iat', 'nbf', 'auth_time', 'nonce', 'acr', 'amr', 'at_hash', 'c_hash', 'jti', 'typ', 'email_verified', 'phone_number_verified', 'updated_at']);
/** Credentials that travel with a token (RFC 6749 §4.1.2, §5.1; OIDC Core §3.1.2.1 login_hint). */
const CREDENTIAL_PARAMS = new Set(['access_token', 'refresh_token', 'code', 'login_hint']);
const TOKEN_IN_TEXT = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

function decodeJsonPart(part: string): Record<string, Json> | null {
  const bytes = decodeBase64Url(part, 'the JWS payload');
  if (!bytes.ok) return null;
  try {
    const v = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.value)) as Json;
    return isRecord(v) ? (v as Record<string, Json>) : null;
  } catch {
    return null;
  }
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Every string under a personal claim, for masking (numbers and booleans are kept: they identify no one alone). */
function collectClaimValues(value: Json, personal: boolean, out: string[]): void {
  if (typeof value === 'string') {
    if (personal) out.push(value);
  } else if (Array.isArray(value)) {
    for (const v of value) collectClaimValues(v, personal, out);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) collectClaimValues(v, personal || !PROTOCOL_CLAIMS.has(k), out);
  }
}

function mapStrings(value: Json, f: (s: string) => string): Json {
  if (typeof value === 'string') return f(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f)]));
  return value;
}

/** `name=value` pairs of a URL's query and fragment, or of a form body. */
function paramsOf(text: string): [string, string][] {
  const out: [string, string][] = [];
  for (const part of text.split(/[?#&\s]/)) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    try {
      out.push([decodeURIComponent(part.slice(0, eq)), decodeURIComponent(part.slice(eq + 1).replace(/\+/g, ' '))]);
    } catch {
      // a malformed escape: not a parameter we can read, nothing to mask
    }
  }
  return out;
}

export interface RedactedOidcState {
  state: OidcShareState;
  maskedCount: number;
  /** What the redaction did beyond masking values, for the page. */
  notes: string[];
}

/**
 * Mask a state for sharing (docs/oidc.md "Sharing"): every token in the input is decoded, its
 * personal claim values masked and re-encoded (header untouched), its signature masked on
 * request; token-response and URL credentials are masked with the claims; a claims-JSON input
 * is masked structurally; then every masked value is replaced wherever else it occurs (input,
 * settings). Masks are the SAML side's: HMAC-SHA-256 with a per-share salt that is not in the link.
 */
export async function redactOidcShareState(state: OidcShareState, fields: readonly OidcRedactionField[], report: OidcReport, options: { salt?: string } = {}): Promise<RedactedOidcState> {
  const redactor = new Redactor(fields.includes('emails') ? ['emails'] : [], options.salt);
  const claims = fields.includes('claims');
  const signature = fields.includes('signature');
  const notes: string[] = [];
  const tokens = [...new Set(state.input.match(TOKEN_IN_TEXT) ?? [])];
  const payloads = new Map<string, Record<string, Json> | null>();

  for (const t of tokens) {
    const [, payloadPart, sig] = t.split('.') as [string, string, string];
    const payload = decodeJsonPart(payloadPart);
    payloads.set(t, payload);
    if (payload) {
      const values: string[] = [];
      collectClaimValues(payload, false, values);
      for (const v of values) {
        if (claims) redactor.collectValue(v, 'text');
        else redactor.collectFromString(v);
      }
    }
    if (signature && sig) redactor.collectValue(sig, 'base64');
  }
  const trimmed = state.input.trim();
  let claimsJson: Record<string, Json> | null = null;
  if (trimmed.startsWith('{')) {
    try {
      const v = JSON.parse(trimmed) as Json;
      if (isRecord(v)) claimsJson = v as Record<string, Json>;
    } catch {
      // not JSON: the text masking below still applies
    }
  }
  if (claimsJson) {
    for (const [k, v] of Object.entries(claimsJson)) {
      if (CREDENTIAL_PARAMS.has(k) && typeof v === 'string' && claims) redactor.collectValue(v, 'text');
      else if (k !== 'id_token' && !CREDENTIAL_PARAMS.has(k) && !['token_type', 'expires_in', 'scope'].includes(k)) {
        const values: string[] = [];
        collectClaimValues({ [k]: v }, false, values);
        for (const s of values) {
          if (claims) redactor.collectValue(s, 'text');
          else redactor.collectFromString(s);
        }
      }
    }
  }
  if (claims) for (const [k, v] of paramsOf(state.input)) if (CREDENTIAL_PARAMS.has(k) && v) redactor.collectValue(v, 'text');
  for (const k of SETTING_KEYS) redactor.collectFromString(state.settings[k]);
  redactor.collectFromString(state.input);
  await redactor.prepare();

  const maskString = (s: string) => redactor.maskOf(s) ?? redactor.scrub(s);
  let input = state.input;
  let resigned = false;
  const rewritten = new Map<string, string>();
  for (const t of tokens) {
    const [header, payloadPart, sig] = t.split('.') as [string, string, string];
    const payload = payloads.get(t);
    let newPayload = payloadPart;
    if (payload && (claims || fields.includes('emails'))) {
      const masked = mapStrings(payload, (s) => (claims ? maskString(s) : redactor.scrub(s)));
      const text = JSON.stringify(masked);
      if (text !== JSON.stringify(payload)) {
        newPayload = toBase64Url(text);
        resigned = true;
      }
    }
    const newSig = signature && sig ? (redactor.maskOf(sig) ?? sig) : sig;
    rewritten.set(t, `${header}.${newPayload}.${newSig}`);
    input = input.split(t).join(rewritten.get(t)!);
  }
  if (claimsJson) {
    // Structural: short values (< 4 characters) are masked where they stand too.
    const masked = Object.fromEntries(
      Object.entries(claimsJson).map(([k, v]) => {
        if (k === 'id_token' && typeof v === 'string') return [k, rewritten.get(v) ?? v];
        if (CREDENTIAL_PARAMS.has(k) && typeof v === 'string') return [k, claims ? maskString(v) : v];
        if (['token_type', 'expires_in', 'scope'].includes(k)) return [k, v];
        return [k, PROTOCOL_CLAIMS.has(k) ? mapStrings(v, (s) => redactor.scrub(s)) : mapStrings(v, (s) => (claims ? maskString(s) : redactor.scrub(s)))];
      }),
    );
    input = JSON.stringify(masked, null, 2);
  }
  input = redactor.scrub(input);
  const settings: OidcShareSettings = {};
  for (const k of SETTING_KEYS) if (state.settings[k] !== undefined) settings[k] = redactor.scrub(state.settings[k]!);
  if (signature && tokens.length) notes.push('The token signature was masked: the recipient cannot verify it, and sees your verdict as a claim.');
  else if (resigned) notes.push('Masking changed the signed claims, so the original signature no longer verifies on the copy; the recipient sees your verdict as a claim.');
  const reported = reportedOidcVerdict(report);
  reported.findings = reported.findings.map((f) => ({ ...f, title: redactor.scrub(f.title) }));
  return {
    state: { ...state, input, keys: redactor.scrub(state.keys), settings, redacted: { fields: [...fields], maskedCount: redactor.maskedCount, reported } },
    maskedCount: redactor.maskedCount,
    notes,
  };
}

// ---- exports ----

/** The JSON export: the document of `samlscope oidc --json`, written once in core/oidc/reportJson.ts. */
export { oidcReportToJson } from '../oidc/reportJson';

const CEL_TEXT: Record<CelOutcome, string> = {
  granted: 'access granted',
  'granted-if-authentic': 'would be granted if the token were authentic',
  denied: 'access denied',
  error: 'evaluation error (denied)',
};

/** A Markdown summary for a ticket, every value escaped (share/markdown.ts's escapeMarkdown). */
export function oidcReportToMarkdown(report: OidcReport, options: { reported?: OidcReportedVerdict; redactedNote?: string } = {}): string {
  const e = escapeMarkdown;
  const out: string[] = ['# samlscope OIDC report', ''];
  out.push(`- **Input:** ${e(report.detected ?? 'not recognised')}`);
  out.push(`- **Evaluated at:** ${e(report.evaluatedAt)} (clock skew ${report.skewSeconds} s)`);
  if (options.redactedNote) out.push(`- **Redacted:** ${e(options.redactedNote)}`);
  if (report.token) {
    const p = report.token.payload;
    for (const k of ['iss', 'aud', 'sub', 'email'] as const) if (p[k] !== undefined) out.push(`- **${k}:** ${e(JSON.stringify(p[k]))}`);
  }
  if (report.signature) out.push(`- **Signature:** ${e(report.signature.verdict)}${report.signature.alg ? ` (${e(report.signature.alg)})` : ''}: ${e(report.signature.reason)}`);
  out.push(`- **Trusted:** ${report.trusted ? 'yes (valid signature with a pasted key)' : 'no'}`);
  if (report.cel) out.push(`- **CEL authorization:** ${e(CEL_TEXT[report.cel.outcome])}${report.cel.roleUuid ? ` (IAM role ${e(report.cel.roleUuid)})` : ''}: ${e(report.cel.reason)}`);
  if (report.claims) {
    out.push('', '## Claim checks', '', '| claim | result | detail |', '|---|---|---|');
    for (const c of report.claims.checks) out.push(`| ${e(c.claim).replace(/\|/g, '\\|')} | ${c.status} | ${e(c.detail).replace(/\|/g, '\\|')} |`);
  }
  out.push('', '## Findings', '');
  if (report.findings.length === 0) out.push('No findings.');
  for (const f of report.findings) {
    out.push(`### ${f.severity.toUpperCase()} \`${f.code}\`: ${e(f.title)}`, '', e(f.explanation), '', `**Fix:** ${e(f.fix)}`, '');
  }
  if (options.reported) {
    const r = options.reported;
    out.push('', '## What the sharer saw before masking (claims, not verified)', '');
    out.push(`- claimed signature: ${r.signature ?? 'none'}; claimed trusted: ${r.trusted}; claimed CEL outcome: ${r.cel ?? 'none'}`);
    for (const f of r.findings) out.push(`- claimed ${f.severity} \`${f.code}\`: ${e(f.title)}`);
  }
  return `${out.join('\n')}\n`;
}
