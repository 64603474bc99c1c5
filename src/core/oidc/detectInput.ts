// What did the person paste? An ID token in any of the wrappings a login produces, or one of
// the URLs of the OIDC authorization code flow (OpenID Connect Core 1.0 §3.1.2):
//   - a bare compact JWS, possibly with "Bearer ", quotes or line breaks around/inside it;
//   - a token endpoint response `{"id_token": "…", "access_token": "…"}` (§3.1.3.3);
//   - an authorization response URL or form_post body carrying `id_token=` (implicit/hybrid,
//     §3.2.2.5), `code=` (§3.1.2.5) or `error=` (§3.1.2.6) in the query or the fragment;
//   - the authorization request URL the browser sends to the provider (§3.1.2.1);
//   - Exoscale's own SSO login URL (seed 002_be8525c84e06a101.txt).
import { fail, ok, type Result } from '../types';
import type { JsonObject } from './decodeJws';
import type { OidcError } from './findings';
import { parseExoscalePortalUrl } from './exoscaleProfile';
import { parseBoundedJson } from './boundedJson';

export type IdTokenWrapping = 'bare' | 'bearer' | 'token-response' | 'url-fragment' | 'url-query' | 'form-body';

export type DetectedOidcInput =
  | {
      kind: 'id-token';
      token: string;
      wrapping: IdTokenWrapping;
      /** Notes on what was stripped or tolerated, shown to the user. */
      notes: string[];
      /** From a token response or a hybrid/implicit response: used for at_hash / c_hash. */
      accessToken?: string;
      code?: string;
      /** The URL the token came in, when it came in one. */
      url?: string;
      params?: Record<string, string>;
      tokenResponse?: JsonObject;
    }
  | { kind: 'authorization-request'; url: string; params: Record<string, string> }
  | { kind: 'authorization-code-response'; url: string; params: Record<string, string> }
  | { kind: 'authorization-error-response'; url: string; params: Record<string, string> }
  | { kind: 'exoscale-login-url'; url: string; org: string }
  /** An already decoded payload: claims and CEL can be checked, the signature cannot. */
  | { kind: 'claims-json'; payload: JsonObject; notes: string[] };

export type DetectedKind = DetectedOidcInput['kind'];

const COMPACT_JWS = /^[A-Za-z0-9_\-+/=]+\.[A-Za-z0-9_\-+/=]*\.[A-Za-z0-9_\-+/=]*(?:\.[A-Za-z0-9_\-+/=]*\.[A-Za-z0-9_\-+/=]*)?$/;

/** Recognise the input. Errors are values: an unrecognised input is `oidc-not-jwt`. */
export function detectOidcInput(text: string): Result<DetectedOidcInput, OidcError> {
  let s = text.trim();
  const notes: string[] = [];
  if (s === '') return fail({ code: 'oidc-empty-input', message: 'Nothing to inspect: paste an ID token, a token response or an OIDC URL.' });
  if (/^(?:authorization:\s*)?bearer\s+/i.test(s)) {
    s = s.replace(/^(?:authorization:\s*)?bearer\s+/i, '').trim();
    notes.push('"Bearer " prefix removed (RFC 6750 §2.1). Note that a Bearer token is normally an access token; an ID token is meant for the client (Exoscale), not for APIs.');
    const token = compactFrom(s);
    if (token) return ok({ kind: 'id-token', token, wrapping: 'bearer', notes });
  }
  if (/^["'].*["']$/s.test(s)) {
    s = s.slice(1, -1).trim();
    notes.push('Surrounding quotes removed.');
  }

  if (s.startsWith('{')) return detectJson(s, notes);

  const compact = compactFrom(s);
  if (compact) {
    if (compact !== s) notes.push('Whitespace inside the token removed (line breaks from a copy).');
    return ok({ kind: 'id-token', token: compact, wrapping: 'bare', notes });
  }

  const url = parseUrlish(s);
  if (url) {
    const exoscale = parseExoscalePortalUrl(url.href);
    const params = url.params;
    if (params.id_token !== undefined) {
      const token = compactFrom(params.id_token) ?? params.id_token;
      const wrapping: IdTokenWrapping = url.from === 'fragment' ? 'url-fragment' : url.from === 'body' ? 'form-body' : 'url-query';
      notes.push(
        wrapping === 'url-fragment'
          ? 'ID token taken from the URL fragment (implicit or hybrid flow, OIDC Core §3.2.2.5).'
          : wrapping === 'form-body'
            ? 'ID token taken from a form_post body (OAuth 2.0 Form Post Response Mode).'
            : 'ID token taken from the URL query. OAuth 2.0 Multiple Response Type Encoding Practices §5 forbids returning an id_token in the query; providers use the fragment or form_post.',
      );
      const out: DetectedOidcInput = { kind: 'id-token', token, wrapping, notes, url: url.href, params };
      if (params.access_token) out.accessToken = params.access_token;
      if (params.code) out.code = params.code;
      return ok(out);
    }
    if (params.error !== undefined) return ok({ kind: 'authorization-error-response', url: url.href, params });
    if (params.client_id !== undefined && (params.response_type !== undefined || params.redirect_uri !== undefined || params.scope !== undefined)) {
      return ok({ kind: 'authorization-request', url: url.href, params });
    }
    if (params.code !== undefined) return ok({ kind: 'authorization-code-response', url: url.href, params });
    if (exoscale?.kind === 'sso-login') return ok({ kind: 'exoscale-login-url', url: url.href, org: exoscale.org });
  }

  return fail({
    code: 'oidc-not-jwt',
    message: 'Not recognised: expected an ID token (three base64url parts separated by dots, RFC 7515 §7.1), a token endpoint response with "id_token", or an OIDC authorization request/response URL.',
  });
}

/** The compact JWS in `s` if `s` is one once whitespace is removed, else null. */
function compactFrom(s: string): string | null {
  const squeezed = s.replace(/\s+/g, '');
  return COMPACT_JWS.test(squeezed) ? squeezed : null;
}

function detectJson(s: string, notes: string[]): Result<DetectedOidcInput, OidcError> {
  const parsed = parseBoundedJson(s, 'the input (it starts with "{")', 'RFC 8259');
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail({ code: 'oidc-bad-json', message: 'The input is JSON but not an object.' });
  }
  const obj = value as JsonObject;
  if (typeof obj.id_token === 'string') {
    const token = compactFrom(obj.id_token) ?? obj.id_token;
    notes.push('ID token taken from a token endpoint response (OIDC Core §3.1.3.3).');
    const out: DetectedOidcInput = { kind: 'id-token', token, wrapping: 'token-response', notes, tokenResponse: obj };
    if (typeof obj.access_token === 'string') out.accessToken = obj.access_token;
    return ok(out);
  }
  if (Array.isArray(obj.keys) || typeof obj.kty === 'string') {
    return fail({ code: 'oidc-input-is-key', message: 'This is a key (JWK or JWKS), not a token: paste it in the provider keys field instead.' });
  }
  if (typeof obj.access_token === 'string') {
    return fail({
      code: 'oidc-no-id-token',
      message: 'A token response without "id_token": the provider issued an OAuth 2.0 access token only. OIDC Core §3.1.3.3 returns an ID token only when the authorization request\'s scope contains "openid".',
    });
  }
  if (typeof obj.iss === 'string' && ('sub' in obj || 'aud' in obj)) {
    notes.push('An already decoded ID token payload: its claims and the authorization expression are checked, but without the encoded token (eyJ…) the signature cannot be.');
    return ok({ kind: 'claims-json', payload: obj, notes });
  }
  if (typeof obj.issuer === 'string' && typeof obj.jwks_uri === 'string') {
    return fail({
      code: 'oidc-input-is-discovery',
      message: `This is the provider's discovery document (OpenID Connect Discovery 1.0 §3). Its "issuer" (${obj.issuer}) is the value for "OIDC Issuer URL"; its keys are at ${obj.jwks_uri} — open that URL yourself and paste the JSON in the provider keys field.`,
    });
  }
  return fail({ code: 'oidc-no-id-token', message: 'JSON without an "id_token" member: not a token endpoint response (OIDC Core §3.1.3.3).' });
}

interface UrlishParams {
  href: string;
  from: 'query' | 'fragment' | 'body';
  params: Record<string, string>;
}

/** A URL, a bare `?query` / `#fragment`, or a form body `a=b&c=d`, with its parameters. */
function parseUrlish(s: string): UrlishParams | null {
  const oneLine = s.replace(/\s+/g, '');
  if (/^https?:\/\//i.test(oneLine)) {
    let url: URL;
    try {
      url = new URL(oneLine);
    } catch {
      return null;
    }
    const query = paramsOf(url.search.slice(1));
    const fragment = paramsOf(url.hash.slice(1));
    // The fragment wins when it carries the response (implicit/hybrid, OIDC Core §3.2.2.5).
    const fromFragment = Object.keys(fragment).length > 0 && ('id_token' in fragment || 'code' in fragment || 'error' in fragment || 'access_token' in fragment);
    return { href: url.href, from: fromFragment ? 'fragment' : 'query', params: fromFragment ? { ...query, ...fragment } : query };
  }
  if (oneLine.startsWith('?')) return { href: oneLine, from: 'query', params: paramsOf(oneLine.slice(1)) };
  if (oneLine.startsWith('#')) return { href: oneLine, from: 'fragment', params: paramsOf(oneLine.slice(1)) };
  if (/^[A-Za-z_][A-Za-z0-9_.-]*=/.test(oneLine) && /(^|&)(id_token|code|error|client_id)=/.test(oneLine)) {
    return { href: oneLine, from: 'body', params: paramsOf(oneLine) };
  }
  return null;
}

function paramsOf(query: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (query === '') return out;
  for (const [k, v] of new URLSearchParams(query)) if (!(k in out)) out[k] = v;
  return out;
}
