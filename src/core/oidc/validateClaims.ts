// ID token claim validation, OpenID Connect Core 1.0 §3.1.3.7 (steps 2–5, 9–11) and §2, with the
// time claims of RFC 7519 §4.1.4–4.1.6, against the values typed in Exoscale's IAM > SSO page.
import { encodeBase64Url } from './base64url';
import type { JsonObject } from './decodeJws';
import { finding, OIDC_CORE } from './findings';
import type { FindingText } from '../types';
import { EXOSCALE_FIELDS, EXOSCALE_SETTINGS_PLACE } from './exoscaleProfile';
import { hashByteLength, jwsAlgorithm } from './jwsAlgorithms';
import type { EvaluationOptions, ExoscaleOidcSettings } from './settings';

export type ClaimCheckStatus = 'pass' | 'fail' | 'warn' | 'skip';

export interface ClaimCheck {
  /** The claim (or pair) checked: iss, aud, azp, sub, exp, iat, nbf, nonce, at_hash, c_hash. */
  claim: string;
  status: ClaimCheckStatus;
  /** One line: what was compared and the outcome. */
  detail: string;
  reference: string;
}

export interface ClaimValidation {
  checks: ClaimCheck[];
  findings: FindingText[];
}

const STEP = (n: number) => `${OIDC_CORE} §3.1.3.7 step ${n}`;
const FIELD_FIX = (field: string, value: string) => `In ${EXOSCALE_SETTINGS_PLACE}, set "${field}" to exactly ${JSON.stringify(value)}.`;

export async function validateIdTokenClaims(
  payload: JsonObject,
  header: JsonObject,
  settings: ExoscaleOidcSettings,
  evaluation: EvaluationOptions,
  extras: { accessToken?: string; code?: string } = {},
): Promise<ClaimValidation> {
  const checks: ClaimCheck[] = [];
  const findings: FindingText[] = [];
  const add = (claim: string, status: ClaimCheckStatus, detail: string, reference: string) => checks.push({ claim, status, detail, reference });

  // ---- required claims, OIDC Core §2 ----
  const missing = ['iss', 'sub', 'aud', 'exp', 'iat'].filter((c) => payload[c] === undefined);
  if (missing.length > 0) {
    findings.push(finding('oidc-claim-missing', 'error', `Required claim${missing.length > 1 ? 's' : ''} missing: ${missing.join(', ')}`, `OpenID Connect Core §2 requires iss, sub, aud, exp and iat in every ID token; without them a relying party rejects it. A token missing them is usually not an ID token at all (an access token, or a userinfo response).`, 'Paste the "id_token" of the token endpoint response, not the "access_token".', [`${OIDC_CORE} §2`]));
  }

  // ---- types before values (RFC 7519 §4.1, OIDC Core §2): a number, null, object or array
  // where a string is required is an error of its own, not only a failed comparison ----
  claimTypeFindings(payload, findings);

  // ---- iss, step 2 ----
  const iss = payload.iss;
  const issuerUrl = settings.issuerUrl?.trim();
  if (typeof iss !== 'string') {
    add('iss', 'fail', iss === undefined ? 'missing' : `not a string: ${JSON.stringify(iss)}`, STEP(2));
  } else if (!issuerUrl) {
    add('iss', 'skip', `${JSON.stringify(iss)} — type the "${EXOSCALE_FIELDS.issuerUrl}" to compare`, STEP(2));
  } else if (iss === issuerUrl) {
    add('iss', 'pass', `${JSON.stringify(iss)} equals the ${EXOSCALE_FIELDS.issuerUrl}`, STEP(2));
  } else {
    add('iss', 'fail', `${JSON.stringify(iss)} ≠ ${EXOSCALE_FIELDS.issuerUrl} ${JSON.stringify(issuerUrl)}`, STEP(2));
    findings.push(issuerMismatchFinding(iss, issuerUrl));
  }

  // ---- aud / azp, steps 3–5 ----
  const aud = payload.aud;
  const audiences = typeof aud === 'string' ? [aud] : Array.isArray(aud) && aud.every((a) => typeof a === 'string') ? (aud as string[]) : null;
  const clientId = settings.clientId?.trim();
  if (audiences === null) {
    add('aud', 'fail', aud === undefined ? 'missing' : `not a string or array of strings: ${JSON.stringify(aud)}`, STEP(3));
  } else if (!clientId) {
    add('aud', 'skip', `${JSON.stringify(aud)} — type the "${EXOSCALE_FIELDS.clientId}" to compare`, STEP(3));
  } else if (audiences.includes(clientId)) {
    add('aud', 'pass', `${JSON.stringify(aud)} contains the ${EXOSCALE_FIELDS.clientId}`, STEP(3));
  } else {
    add('aud', 'fail', `${JSON.stringify(aud)} does not contain ${JSON.stringify(clientId)}`, STEP(3));
    const caseOnly = audiences.find((a) => a.toLowerCase() === clientId.toLowerCase());
    const spaces = audiences.find((a) => a.trim() === clientId);
    findings.push(
      finding(
        'oidc-audience-mismatch',
        'error',
        'The ID token is not for this client ID',
        `The token's audience ${JSON.stringify(aud)} does not contain the ${EXOSCALE_FIELDS.clientId} ${JSON.stringify(clientId)}. A relying party must reject an ID token that does not list it as an audience (OIDC Core §3.1.3.7 step 3).${caseOnly ? ' The values differ only in letter case: client IDs are compared exactly.' : ''}${spaces ? ' The values differ only in surrounding spaces.' : ''}`,
        audiences.length === 1 ? FIELD_FIX(EXOSCALE_FIELDS.clientId, audiences[0]) + ' (the client ID of the application registered at the provider)' : `Set "${EXOSCALE_FIELDS.clientId}" to the client ID of the application registered for Exoscale at the provider (one of ${JSON.stringify(audiences)}).`,
        [STEP(3)],
      ),
    );
  }
  const azp = payload.azp;
  if (audiences && audiences.length > 1) {
    if (azp === undefined) {
      add('azp', 'warn', `${audiences.length} audiences and no azp`, STEP(4));
      findings.push(finding('oidc-azp-missing', 'warning', 'Several audiences but no "azp"', `The token lists ${audiences.length} audiences; OIDC Core §3.1.3.7 step 4 says the client SHOULD then verify that an "azp" (authorized party) claim is present, and step 3 says it must reject audiences it does not trust.`, 'Configure the provider so that the ID token for Exoscale has the Exoscale client ID as its only audience (or adds azp).', [STEP(3), STEP(4)]));
    }
  }
  if (azp !== undefined) {
    if (typeof azp !== 'string') add('azp', 'fail', `not a string: ${JSON.stringify(azp)}`, STEP(5));
    else if (!clientId) add('azp', 'skip', `${JSON.stringify(azp)} — type the "${EXOSCALE_FIELDS.clientId}" to compare`, STEP(5));
    else if (azp === clientId) add('azp', 'pass', `${JSON.stringify(azp)} equals the ${EXOSCALE_FIELDS.clientId}`, STEP(5));
    else {
      add('azp', 'fail', `${JSON.stringify(azp)} ≠ ${JSON.stringify(clientId)}`, STEP(5));
      findings.push(finding('oidc-azp-mismatch', 'error', 'The authorized party (azp) is another client', `The token's azp is ${JSON.stringify(azp)}: it was issued to that client, not to ${JSON.stringify(clientId)}. OIDC Core §3.1.3.7 step 5: if azp is present, the client should verify that its client ID is the claim value.`, FIELD_FIX(EXOSCALE_FIELDS.clientId, azp) + ' — if that is indeed the client registered for Exoscale.', [STEP(5)]));
    }
  }

  // ---- sub, §2 ----
  const sub = payload.sub;
  if (typeof sub !== 'string') add('sub', 'fail', sub === undefined ? 'missing' : `not a string: ${JSON.stringify(sub)}`, `${OIDC_CORE} §2`);
  else if (sub.length > 255) {
    add('sub', 'warn', `${sub.length} characters`, `${OIDC_CORE} §2`);
    findings.push(finding('oidc-sub-too-long', 'warning', '"sub" is longer than 255 characters', 'OIDC Core §2: the subject identifier MUST NOT exceed 255 ASCII characters.', 'Configure the provider to use a shorter subject identifier.', [`${OIDC_CORE} §2`]));
  } else add('sub', 'pass', JSON.stringify(sub), `${OIDC_CORE} §2`);

  // ---- time claims, steps 9–10, RFC 7519 §4.1.4–4.1.6 ----
  const now = evaluation.at.getTime() / 1000;
  const skew = evaluation.skewSeconds;
  const atIso = evaluation.at.toISOString();
  const exp = numericDate(payload, 'exp', findings);
  const iat = numericDate(payload, 'iat', findings);
  const nbf = numericDate(payload, 'nbf', findings);
  numericDate(payload, 'auth_time', findings); // range only: OIDC Core §3.1.3.7 step 13 needs max_age, unknown here
  if (nbf === null && payload.nbf !== undefined) add('nbf', 'fail', 'not a usable NumericDate', 'RFC 7519 §4.1.5');
  if (exp === null) add('exp', 'fail', payload.exp === undefined ? 'missing' : 'not a usable NumericDate', STEP(9));
  else if (now >= exp + skew) {
    add('exp', 'fail', `expired at ${isoOf(exp)} (${duration(now - exp)} before ${atIso})`, STEP(9));
    findings.push(finding('oidc-expired', 'error', 'The ID token has expired', `exp is ${isoOf(exp)}; at ${atIso} it expired ${duration(now - exp)} ago, beyond the allowed clock skew of ${skew} s (OIDC Core §3.1.3.7 step 9, RFC 7519 §4.1.4). ID tokens are short-lived and used once, at login.`, 'If you are looking at an old capture, set the evaluation instant to the login time. If logins fail with a fresh token, check the provider\'s clock (NTP) and its ID token lifetime.', [STEP(9), 'RFC 7519 §4.1.4']));
  } else add('exp', now >= exp ? 'warn' : 'pass', `${isoOf(exp)} (${now >= exp ? `expired ${duration(now - exp)} ago, within the skew` : `in ${duration(exp - now)}`})`, STEP(9));
  if (iat === null) add('iat', 'fail', payload.iat === undefined ? 'missing' : 'not a usable NumericDate', STEP(10));
  else if (iat > now + skew) {
    add('iat', 'fail', `${isoOf(iat)}, ${duration(iat - now)} after ${atIso}`, STEP(10));
    findings.push(finding('oidc-iat-in-future', 'error', 'The ID token was issued in the future', `iat is ${isoOf(iat)}, ${duration(iat - now)} after the evaluation instant ${atIso}, beyond the ${skew} s skew. The provider's clock is ahead (or the evaluation instant is before the login).`, 'Synchronise the provider\'s clock with NTP; if you are replaying a capture, set the evaluation instant to the login time.', [STEP(10), 'RFC 7519 §4.1.6']));
  } else add('iat', 'pass', `${isoOf(iat)} (${duration(Math.max(0, now - iat))} before the evaluation instant)`, STEP(10));
  if (nbf !== null) {
    if (now + skew < nbf) {
      add('nbf', 'fail', `not before ${isoOf(nbf)}, ${duration(nbf - now)} after ${atIso}`, 'RFC 7519 §4.1.5');
      findings.push(finding('oidc-not-yet-valid', 'error', 'The ID token is not valid yet', `nbf is ${isoOf(nbf)}, ${duration(nbf - now)} after the evaluation instant, beyond the ${skew} s skew (RFC 7519 §4.1.5).`, 'Synchronise the provider\'s clock with NTP.', ['RFC 7519 §4.1.5']));
    } else add('nbf', 'pass', isoOf(nbf), 'RFC 7519 §4.1.5');
  }
  if (exp !== null && iat !== null && exp <= iat) {
    findings.push(finding('oidc-exp-before-iat', 'error', 'exp is not after iat', `The token expires (${isoOf(exp)}) no later than it was issued (${isoOf(iat)}): its lifetime is zero or negative.`, 'Fix the provider\'s ID token lifetime setting.', ['RFC 7519 §4.1.4', 'RFC 7519 §4.1.6']));
  }

  // ---- nonce, step 11 ----
  const expectedNonce = settings.nonce?.trim();
  if (expectedNonce) {
    if (payload.nonce === undefined) {
      add('nonce', 'fail', `missing, expected ${JSON.stringify(expectedNonce)}`, STEP(11));
      findings.push(finding('oidc-nonce-missing', 'error', 'The ID token has no nonce', 'The authorization request sent a nonce, so the ID token must carry the same value (OIDC Core §3.1.3.7 step 11, §3.1.2.1).', 'Check that the provider echoes the nonce of the authorization request in the ID token.', [STEP(11)]));
    } else if (payload.nonce === expectedNonce) add('nonce', 'pass', 'equals the request\'s nonce', STEP(11));
    else {
      add('nonce', 'fail', `${JSON.stringify(payload.nonce)} ≠ ${JSON.stringify(expectedNonce)}`, STEP(11));
      findings.push(finding('oidc-nonce-mismatch', 'error', 'The nonce does not match the authorization request', `The token's nonce ${JSON.stringify(payload.nonce)} is not the request's ${JSON.stringify(expectedNonce)}: this token answers another login attempt (or is replayed), OIDC Core §3.1.3.7 step 11.`, 'Start a fresh login from the Exoscale SSO login URL and compare the token of that same attempt.', [STEP(11)]));
    }
  } else if (typeof payload.nonce === 'string') {
    add('nonce', 'skip', `${JSON.stringify(payload.nonce)} — paste the authorization request URL's nonce to compare`, STEP(11));
  }

  // ---- at_hash / c_hash, OIDC Core §3.1.3.6, §3.2.2.9, §3.3.2.11 ----
  const algorithm = typeof header.alg === 'string' ? jwsAlgorithm(header.alg) : null;
  for (const [claim, value, what] of [['at_hash', extras.accessToken, 'access token'], ['c_hash', extras.code, 'authorization code']] as const) {
    const expected = payload[claim];
    if (typeof expected !== 'string' || value === undefined || !algorithm) continue;
    const digest = new Uint8Array(await crypto.subtle.digest(algorithm.hash, new TextEncoder().encode(value)));
    const computed = encodeBase64Url(digest.slice(0, hashByteLength(algorithm.hash) / 2));
    if (computed === expected) add(claim, 'pass', `matches the ${what}`, `${OIDC_CORE} §3.3.2.11`);
    else {
      add(claim, 'fail', `${JSON.stringify(expected)} ≠ computed ${JSON.stringify(computed)}`, `${OIDC_CORE} §3.3.2.11`);
      findings.push(finding(`oidc-${claim.replace('_', '-')}-mismatch`, 'error', `${claim} does not match the ${what}`, `${claim} is the base64url of the left half of the ${algorithm.hash} hash of the ${what} (OIDC Core §3.1.3.6 / §3.3.2.11); it does not match: the ${what} and the ID token come from different responses, or one was altered.`, `Paste the ID token and the ${what} of the same response.`, [`${OIDC_CORE} §3.3.2.11`]));
    }
  }

  return { checks, findings };
}

function issuerMismatchFinding(iss: string, configured: string): FindingText {
  const strip = (s: string) => s.replace(/\/+$/, '');
  const refs = [STEP(2), 'OpenID Connect Discovery 1.0 §4.3'];
  const fix = FIELD_FIX(EXOSCALE_FIELDS.issuerUrl, iss);
  if (strip(iss) === strip(configured)) {
    return finding(
      'oidc-issuer-trailing-slash',
      'error',
      'Issuer URL differs by a trailing slash',
      `The token's iss is ${JSON.stringify(iss)} and the ${EXOSCALE_FIELDS.issuerUrl} is ${JSON.stringify(configured)}. The issuer is compared as an exact string (OIDC Core §3.1.3.7 step 2; Discovery §4.3: the issuer in the discovery document must be identical to the URL it was fetched from), so a single "/" makes them different. Providers differ: authentik's issuer ends with "/" (…/application/o/<slug>/), Keycloak's does not (…/realms/<realm>).`,
      fix,
      refs,
    );
  }
  let hint = '';
  if (/\/\.well-known\/openid-configuration\/?$/.test(configured)) hint = ' The configured value is the discovery document URL: Exoscale wants the issuer itself (without /.well-known/openid-configuration).';
  else if (iss.toLowerCase() === configured.toLowerCase()) hint = ' They differ only in letter case.';
  else if (iss.startsWith(strip(configured))) hint = ' The configured URL is a prefix of the issuer: a realm, tenant or application path is missing (Keycloak …/realms/<realm>, authentik …/application/o/<slug>/, Entra ID …/<tenant>/v2.0).';
  else if (/^http:/.test(iss) !== /^http:/.test(configured)) hint = ' One uses http and the other https: behind a reverse proxy the provider must be told its public https URL.';
  return finding('oidc-issuer-mismatch', 'error', 'The token comes from another issuer', `The token's iss ${JSON.stringify(iss)} is not the ${EXOSCALE_FIELDS.issuerUrl} ${JSON.stringify(configured)}; the relying party must reject it (OIDC Core §3.1.3.7 step 2).${hint}`, fix, refs);
}

/** Claims whose JSON type is fixed (RFC 7519 §4.1, OIDC Core §2 and §5.1), checked when present. */
const STRING_CLAIMS = ['iss', 'sub', 'azp', 'nonce', 'acr', 'at_hash', 'c_hash', 'sid'] as const;
const NUMERIC_DATE_CLAIMS = ['exp', 'iat', 'nbf', 'auth_time'] as const;

function claimTypeFindings(payload: JsonObject, findings: FindingText[]): void {
  const typeFinding = (claim: string, expected: string, ref: string, severity: 'error' | 'warning' = 'error') =>
    findings.push(finding('oidc-claim-type', severity, `"${claim}" is not ${expected}`, `${ref}: "${claim}" is ${expected}; this token has ${describeJson(payload[claim])}. Libraries disagree on such a token (most refuse it, some coerce it), which is how claim confusion starts.`, 'Fix the provider, or the custom claim mapping that writes this claim.', [ref]));
  for (const c of STRING_CLAIMS) {
    if (Object.prototype.hasOwnProperty.call(payload, c) && typeof payload[c] !== 'string') typeFinding(c, 'a string', c === 'iss' || c === 'sub' ? `${OIDC_CORE} §2` : c === 'azp' || c === 'nonce' || c === 'acr' ? `${OIDC_CORE} §2` : `${OIDC_CORE} §3.1.3.6`);
  }
  if (Object.prototype.hasOwnProperty.call(payload, 'aud')) {
    const aud = payload.aud;
    const ok = typeof aud === 'string' || (Array.isArray(aud) && aud.length > 0 && aud.every((a) => typeof a === 'string'));
    if (!ok) typeFinding('aud', 'a string or a non-empty array of strings', 'RFC 7519 §4.1.3');
  }
  for (const c of NUMERIC_DATE_CLAIMS) {
    if (Object.prototype.hasOwnProperty.call(payload, c) && !(typeof payload[c] === 'number' && Number.isFinite(payload[c]))) typeFinding(c, 'a NumericDate (a JSON number of seconds)', 'RFC 7519 §2');
  }
  if (Object.prototype.hasOwnProperty.call(payload, 'email_verified') && typeof payload.email_verified !== 'boolean') typeFinding('email_verified', 'a boolean', `${OIDC_CORE} §5.1`, 'warning'); // some providers send "true" as a string: a warning, the expression check treats it as unverified
}

function describeJson(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `an array of ${v.length} (${v.map((x) => (x === null ? 'null' : Array.isArray(x) ? 'array' : typeof x)).slice(0, 5).join(', ')}${v.length > 5 ? ', …' : ''})`;
  if (typeof v === 'object') return 'an object';
  const text = JSON.stringify(v) ?? String(v);
  return `the ${typeof v} ${text.length > 80 ? `${text.slice(0, 80)}…` : text}`;
}

/** ECMAScript dates reach ±8.64e15 ms (±275760 years): beyond, `new Date` is invalid and toISOString throws. */
const MAX_NUMERIC_DATE = 8.64e12;

function numericDate(payload: JsonObject, claim: string, findings: FindingText[]): number | null {
  const v = payload[claim];
  if (v === undefined) return null;
  if (typeof v !== 'number' || !Number.isFinite(v)) return null; // reported by claimTypeFindings
  if (Math.abs(v) > MAX_NUMERIC_DATE) {
    findings.push(finding('oidc-time-out-of-range', 'error', `"${claim}" is outside any representable date`, `"${claim}" is ${v} seconds: more than ${MAX_NUMERIC_DATE} seconds (year 275760) from 1970, beyond every date library's range. Some libraries overflow and read it as a date in the past or the far future.`, 'Fix the provider or the claim mapping to emit seconds since 1970.', ['RFC 7519 §2']));
    return null;
  }
  if (v > 1e11) {
    const asMs = isoFromNumericDate(v / 1000);
    findings.push(finding('oidc-time-in-milliseconds', 'error', `"${claim}" looks like milliseconds`, `"${claim}" is ${v}: as seconds that is ${isoOf(v)}; as milliseconds it would be ${asMs ?? 'outside the date range'}. RFC 7519 §2 counts seconds.`, 'Fix the provider or the claim mapping to emit seconds.', ['RFC 7519 §2']));
  }
  return v;
}

/** ISO-8601 of a NumericDate, or null when it is outside the ECMAScript date range. Never throws. */
export function isoFromNumericDate(seconds: number): string | null {
  if (!Number.isFinite(seconds) || Math.abs(seconds) > MAX_NUMERIC_DATE) return null;
  const d = new Date(seconds * 1000);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

function isoOf(seconds: number): string {
  return isoFromNumericDate(seconds)?.replace('.000Z', 'Z') ?? `${seconds}`;
}

export function duration(seconds: number): string {
  const s = Math.round(Math.abs(seconds));
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  if (s < 172800) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86400)} days`;
}
