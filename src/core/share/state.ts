import { SHARE_MAX_FRAGMENT_CHARS, SHARE_MAX_INFLATED_BYTES } from '../limits';
import { decodeJsonFragment, encodeJsonFragment, type ShareError } from './fragment';
import { EXPECTATION_FIELDS, optionsToShared, PROFILE_NAMES, sharedToOptions, type ExpectedValues, type ProfileName } from '../settings';
import { SHARE_FRAGMENT_PARAM } from './fragmentParam';
import { fail, ok, type InspectOptions, type Result, type Severity, type SignatureVerdict } from '../types';

/**
 * The whole state of a diagnosis, as carried by a share link (issue 6 "Links"): everything
 * needed to reproduce the same findings in another browser, and nothing else.
 */

export type ShareProfile = ProfileName;
export const SHARE_PROFILES: readonly ShareProfile[] = PROFILE_NAMES;

export type RedactionField = 'nameid' | 'attributes' | 'emails' | 'certificates' | 'signatures';
export const REDACTION_FIELDS: readonly RedactionField[] = ['nameid', 'attributes', 'emails', 'certificates', 'signatures'];

export type ShareExpectations = ExpectedValues;
const EXPECTATION_KEYS = EXPECTATION_FIELDS.map((f) => f.key);

/**
 * What the sharer's own inspection said about one message, before redaction. A redacted
 * message cannot be re-verified (its signature values, digests or signed content were
 * masked), so the page shows these as "reported by the sharer".
 */
export interface ReportedVerdicts {
  signatures: { target: string; targetId: string | null; verdict: SignatureVerdict; reason: string }[];
  trusted: boolean;
  findings: { code: string; severity: Severity; title: string }[];
}

export interface ShareRedaction {
  fields: RedactionField[];
  /** One entry per message of the original report, same order. */
  reportedVerdicts: ReportedVerdicts[];
  /** How many distinct values were masked (for the "N values masked" label). */
  maskedCount?: number;
}

export interface ShareState {
  v: 1;
  /** The input exactly as pasted (or, when redacted, the redacted re-encoding of it). */
  input: string;
  /** Trusted metadata / certificates, as given to InspectOptions.trust. */
  trust: string[];
  expectations: ShareExpectations;
  /**
   * Evaluation instant, ISO-8601. Always recorded: a link opened a week later must evaluate
   * NotBefore/NotOnOrAfter at the instant the sharer saw, not at "now".
   */
  at: string;
  skewSeconds: number;
  profile: ShareProfile;
  /** Index of the selected message in the report. */
  selected: number;
  /** Display label of the input (file name, "pasted"). Optional. */
  source?: string;
  redacted?: ShareRedaction;
}

export type { ShareError, ShareErrorCode } from './fragment';

/** Version tag in front of the payload, so a future encoding can coexist with this one. */
export const SHARE_FRAGMENT_PREFIX = 's1.';
/** The fragment parameter name: `#share=s1.…`. */
export { SHARE_FRAGMENT_PARAM };
/**
 * Zip-bomb guard: DEFLATE can expand ~1032:1 (RFC 1951 max match 258 bytes per 2-bit code),
 * so a 2 MB link (Chromium's URL cap) could claim 2 GB. Inflation stops past this
 * (SHARE_MAX_INFLATED_BYTES in core/limits, docs/limits.md).
 */
export const MAX_SHARE_DECOMPRESSED_BYTES = SHARE_MAX_INFLATED_BYTES;
/** Chromium refuses URLs above 2 MiB (content::kMaxURLChars), so no genuine fragment is longer. */
export const MAX_SHARE_FRAGMENT_CHARS = SHARE_MAX_FRAGMENT_CHARS;

// ---- building a state ----

export interface ShareStateInput {
  input: string;
  trust?: string[];
  options?: InspectOptions;
  selected?: number;
  source?: string;
}

/** Build a state from what the inspect view holds; `options.at` defaults to now and is always recorded. */
export function createShareState({ input, trust, options = {}, selected = 0, source }: ShareStateInput): ShareState {
  const settings = optionsToShared(options, selected);
  return {
    v: 1,
    input,
    trust: [...(trust ?? options.trust ?? [])],
    expectations: settings.expectations,
    at: settings.at,
    skewSeconds: settings.skewSeconds,
    profile: settings.profile,
    selected,
    ...(source !== undefined ? { source } : {}),
  };
}

/** The options to re-run `inspectInput(state.input, …)` with, evaluating at the recorded instant. */
export function inspectOptionsOf(state: ShareState): InspectOptions {
  return { trust: [...state.trust], ...sharedToOptions(state) };
}

// ---- encoding ----

/**
 * JSON → UTF-8 → raw DEFLATE (level 9) → base64url (RFC 4648 §5, no padding), prefixed with
 * the version tag (fragment.ts, shared with the /oidc page's links).
 */
export function encodeShareFragment(state: ShareState): string {
  return encodeJsonFragment(state, SHARE_FRAGMENT_PREFIX);
}

/**
 * The inverse of encodeShareFragment. Never throws: anything from a URL is untrusted input.
 * Accepts the bare fragment value (`s1.…`), `share=s1.…` or `#share=s1.…`.
 */
export function decodeShareFragment(fragment: string): Result<ShareState, ShareError> {
  const json = decodeJsonFragment(fragment, SHARE_FRAGMENT_PREFIX);
  return json.ok ? validateShareState(json.value) : json;
}

// ---- validation ----

type V = Result<true, ShareError>;
const okV: V = { ok: true, value: true };
const shape = (path: string, message: string): V => fail({ code: 'share-bad-shape', message: `Invalid shared state at ${path}: ${message}`, path });
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function onlyKeys(o: Record<string, unknown>, allowed: readonly string[], path: string): V {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) return shape(path ? `${path}.${k}` : k, 'unknown field');
  return okV;
}
function str(o: Record<string, unknown>, k: string, path: string, optional = false): V {
  if (!(k in o)) return optional ? okV : shape(path + k, 'missing');
  return typeof o[k] === 'string' ? okV : shape(path + k, 'expected a string');
}
function first(...checks: (() => V)[]): V {
  for (const c of checks) {
    const r = c();
    if (!r.ok) return r;
  }
  return okV;
}

// ISO-8601 date-time with a zone, as Date.prototype.toISOString writes (and xs:dateTime with Z/offset).
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const VERDICTS: readonly SignatureVerdict[] = ['valid', 'invalid', 'untrusted', 'unsupported'];

function validateReported(v: unknown, path: string): V {
  if (!isRecord(v)) return shape(path, 'expected an object');
  return first(
    () => onlyKeys(v, ['signatures', 'trusted', 'findings'], path),
    () => (typeof v.trusted === 'boolean' ? okV : shape(`${path}.trusted`, 'expected true or false')),
    () => (Array.isArray(v.signatures) ? okV : shape(`${path}.signatures`, 'expected an array')),
    () => (Array.isArray(v.findings) ? okV : shape(`${path}.findings`, 'expected an array')),
    () => {
      for (const [i, s] of (v.signatures as unknown[]).entries()) {
        const p = `${path}.signatures[${i}]`;
        if (!isRecord(s)) return shape(p, 'expected an object');
        const r = first(
          () => onlyKeys(s, ['target', 'targetId', 'verdict', 'reason'], p),
          () => str(s, 'target', `${p}.`),
          () => (s.targetId === null || typeof s.targetId === 'string' ? okV : shape(`${p}.targetId`, 'expected a string or null')),
          () => (VERDICTS.includes(s.verdict as SignatureVerdict) ? okV : shape(`${p}.verdict`, `expected one of ${VERDICTS.join(', ')}`)),
          () => str(s, 'reason', `${p}.`),
        );
        if (!r.ok) return r;
      }
      return okV;
    },
    () => {
      for (const [i, f] of (v.findings as unknown[]).entries()) {
        const p = `${path}.findings[${i}]`;
        if (!isRecord(f)) return shape(p, 'expected an object');
        const r = first(
          () => onlyKeys(f, ['code', 'severity', 'title'], p),
          () => str(f, 'code', `${p}.`),
          () => (SEVERITIES.includes(f.severity as Severity) ? okV : shape(`${p}.severity`, `expected one of ${SEVERITIES.join(', ')}`)),
          () => str(f, 'title', `${p}.`),
        );
        if (!r.ok) return r;
      }
      return okV;
    },
  );
}

/**
 * Check every field of something claiming to be a ShareState (from a link, a file or
 * IndexedDB). Unknown fields are refused: a v1 state has exactly these fields.
 */
export function validateShareState(value: unknown): Result<ShareState, ShareError> {
  if (!isRecord(value)) return fail({ code: 'share-bad-shape', message: 'The shared state is not a JSON object.', path: '' });
  const o = value;
  if (o.v !== 1) return fail({ code: 'share-unsupported-version', message: `The shared state has version ${JSON.stringify(o.v)}; this samlscope reads version 1.`, path: 'v' });
  const r = first(
    () => onlyKeys(o, ['v', 'input', 'trust', 'expectations', 'at', 'skewSeconds', 'profile', 'selected', 'source', 'redacted'], ''),
    () => str(o, 'input', ''),
    () => {
      if (!Array.isArray(o.trust)) return shape('trust', 'expected an array of strings');
      const i = o.trust.findIndex((t) => typeof t !== 'string');
      return i >= 0 ? shape(`trust[${i}]`, 'expected a string') : okV;
    },
    () => {
      const e = o.expectations;
      if (!isRecord(e)) return shape('expectations', 'expected an object');
      return first(() => onlyKeys(e, EXPECTATION_KEYS, 'expectations'), ...EXPECTATION_KEYS.map((k) => () => str(e, k, 'expectations.', true)));
    },
    () => {
      if (typeof o.at !== 'string') return shape('at', 'expected an ISO-8601 instant');
      return ISO_INSTANT.test(o.at) && !Number.isNaN(Date.parse(o.at)) ? okV : shape('at', `${JSON.stringify(o.at.slice(0, 40))} is not an ISO-8601 instant with a time zone`);
    },
    () => (typeof o.skewSeconds === 'number' && Number.isFinite(o.skewSeconds) && o.skewSeconds >= 0 ? okV : shape('skewSeconds', 'expected a non-negative number')),
    () => (SHARE_PROFILES.includes(o.profile as ShareProfile) ? okV : shape('profile', `expected one of ${SHARE_PROFILES.join(', ')}`)),
    () => (Number.isInteger(o.selected) && (o.selected as number) >= 0 ? okV : shape('selected', 'expected a non-negative integer')),
    () => str(o, 'source', '', true),
    () => {
      if (!('redacted' in o)) return okV;
      const red = o.redacted;
      if (!isRecord(red)) return shape('redacted', 'expected an object');
      return first(
        () => onlyKeys(red, ['fields', 'reportedVerdicts', 'maskedCount'], 'redacted'),
        () => {
          const fields = red.fields;
          if (!Array.isArray(fields)) return shape('redacted.fields', 'expected an array');
          const i = fields.findIndex((f, j) => !REDACTION_FIELDS.includes(f as RedactionField) || fields.indexOf(f) !== j);
          return i >= 0 ? shape(`redacted.fields[${i}]`, `expected distinct values among ${REDACTION_FIELDS.join(', ')}`) : okV;
        },
        () => {
          if (!Array.isArray(red.reportedVerdicts)) return shape('redacted.reportedVerdicts', 'expected an array');
          for (const [i, rv] of red.reportedVerdicts.entries()) {
            const x = validateReported(rv, `redacted.reportedVerdicts[${i}]`);
            if (!x.ok) return x;
          }
          return okV;
        },
        () => (!('maskedCount' in red) || (Number.isInteger(red.maskedCount) && (red.maskedCount as number) >= 0) ? okV : shape('redacted.maskedCount', 'expected a non-negative integer')),
      );
    },
  );
  if (!r.ok) return r;
  return ok(value as unknown as ShareState);
}

// ---- URLs ----

/**
 * Put the state in the URL fragment, never the query string: browsers do not send the
 * fragment to the server (RFC 3986 §3.5; RFC 9110 §7.1 request target has no fragment),
 * so the SAML payload never reaches any server, not even the one hosting samlscope.
 */
export function shareUrl(baseUrl: string, state: ShareState): string {
  const hash = baseUrl.indexOf('#');
  const base = hash >= 0 ? baseUrl.slice(0, hash) : baseUrl;
  return `${base}#${SHARE_FRAGMENT_PARAM}=${encodeShareFragment(state)}`;
}

export { shareFragmentOf } from './fragmentParam';

export type LinkLengthLevel = 'ok' | 'long' | 'too-long';

export interface LinkLengthAdvice {
  length: number;
  level: LinkLengthLevel;
  message: string;
  /** True when a file export should be offered instead of (or besides) the link. */
  suggestFileExport: boolean;
}

/**
 * Thresholds (characters of the whole URL):
 * - up to 2,000: the long-standing "safe everywhere" length (Internet Explorer's 2,083-character
 *   limit; the sitemaps protocol's 2,048; many URL shorteners, e-mail clients and bug trackers
 *   wrap or cut beyond it).
 * - up to 32,768 (32 KiB): modern browsers open it (Chromium accepts 2 MiB, content::kMaxURLChars;
 *   Firefox 1 MiB), but chat tools are the weak link: Slack asks clients to keep messages under
 *   4,000 characters and truncates above 40,000; Firefox for Android treats URLs over 25,000
 *   characters as a performance risk.
 * - above 32 KiB: Chromium stops displaying the URL in full (content::kMaxURLDisplayChars =
 *   32 * 1024), so users cannot even see what they copy; a file is the honest answer.
 */
export const LINK_LENGTH_OK_MAX = 2000;
export const LINK_LENGTH_LONG_MAX = 32 * 1024;

export function linkLengthAdvice(url: string): LinkLengthAdvice {
  const length = url.length;
  const n = length.toLocaleString('en-US');
  if (length <= LINK_LENGTH_OK_MAX) {
    return { length, level: 'ok', suggestFileExport: false, message: `${n} characters: short enough for any browser, chat tool or ticket.` };
  }
  if (length <= LINK_LENGTH_LONG_MAX) {
    return {
      length, level: 'long', suggestFileExport: true,
      message: `${n} characters: browsers open it, but some chat tools, e-mail clients, URL shorteners and trackers cut links over ${LINK_LENGTH_OK_MAX.toLocaleString('en-US')} characters (Slack asks for messages under 4,000). If the recipient sees an error, send the exported file instead.`,
    };
  }
  return {
    length, level: 'too-long', suggestFileExport: true,
    message: `${n} characters: too long to share as a link (Chromium stops displaying URLs beyond 32,768 characters and Slack truncates messages at 40,000). Export a file instead, or redact/trim the input (a HAR file often holds far more than the SAML exchange).`,
  };
}
