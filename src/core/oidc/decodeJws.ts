// Compact JWS decoding (RFC 7515 §7.1): BASE64URL(header) '.' BASE64URL(payload) '.'
// BASE64URL(signature). An ID token is a JWT (RFC 7519) carried in a compact JWS
// (OpenID Connect Core 1.0 §2), so the payload must be a JSON object of claims.
import { fail, ok, type Result } from '../types';
import { decodeBase64Url } from './base64url';
import { parseBoundedJson } from './boundedJson';
import type { OidcError } from './findings';

export type JsonObject = Record<string, unknown>;

export interface DecodedJws {
  /** The token exactly as verified (after whitespace / "Bearer " / JSON wrapping was removed). */
  compact: string;
  header: JsonObject;
  payload: JsonObject;
  /** The header and payload JSON text as the issuer wrote them (shown pretty-printed). */
  headerJson: string;
  payloadJson: string;
  signature: Uint8Array;
  /** RFC 7515 §5.2 step 8: the JWS Signing Input is ASCII(BASE64URL(header) '.' BASE64URL(payload)). */
  signingInput: Uint8Array;
}

/** Decode a compact JWS whose payload is a JWT claims set. Never throws. */
export function decodeCompactJws(token: string): Result<DecodedJws, OidcError> {
  const compact = token.trim();
  const parts = compact.split('.');
  if (parts.length === 5) {
    // RFC 7516 §7.1: five parts is a compact JWE. OIDC Core §10.2: an encrypted ID token is
    // decrypted with the relying party's private key, which samlscope never has.
    return fail({
      code: 'oidc-encrypted-token',
      message: 'This is an encrypted JWT (JWE, five parts). Exoscale expects a signed ID token; decrypting needs the relying party\'s private key, which samlscope never asks for.',
    });
  }
  if (parts.length !== 3) {
    return fail({
      code: 'oidc-not-jwt',
      message: `Not a JWT: a compact JWS has three base64url parts separated by dots (RFC 7515 §7.1); this has ${parts.length}.`,
    });
  }
  const [h, p, s] = parts;
  const headerBytes = decodeBase64Url(h, 'the JWS header (part 1)');
  if (!headerBytes.ok) return headerBytes;
  const payloadBytes = decodeBase64Url(p, 'the JWT payload (part 2)');
  if (!payloadBytes.ok) return payloadBytes;
  let signature: Uint8Array = new Uint8Array(0);
  if (s !== '') {
    const sig = decodeBase64Url(s, 'the signature (part 3)');
    if (!sig.ok) return sig;
    signature = sig.value;
  }
  const headerJson = decodeUtf8(headerBytes.value);
  if (headerJson === null) return fail({ code: 'oidc-bad-json', message: 'The JWS header is not UTF-8 text (RFC 7515 §4: a JSON object).' });
  const payloadJson = decodeUtf8(payloadBytes.value);
  if (payloadJson === null) return fail({ code: 'oidc-bad-json', message: 'The JWT payload is not UTF-8 text (RFC 7519 §7.2 step 10: a JSON object).' });
  const header = parseJsonObject(headerJson, 'JWS header', 'RFC 7515 §4');
  if (!header.ok) return header;
  const payload = parseJsonObject(payloadJson, 'JWT claims set', 'RFC 7519 §4');
  if (!payload.ok) return payload;
  return ok({
    compact,
    header: header.value,
    payload: payload.value,
    headerJson,
    payloadJson,
    signature,
    signingInput: new TextEncoder().encode(`${h}.${p}`),
  });
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function parseJsonObject(text: string, what: string, ref: string): Result<JsonObject, OidcError> {
  const parsed = parseBoundedJson(text, `the ${what}`, ref);
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail({ code: 'oidc-bad-json', message: `The ${what} must be a JSON object (${ref}), not ${Array.isArray(value) ? 'an array' : String(value === null ? 'null' : typeof value)}.` });
  }
  return ok(value as JsonObject);
}

/** Duplicate member names: RFC 7515 §4 / RFC 7519 §4 say parsers MUST reject them or use the last. */
export function duplicateMemberNames(json: string): string[] {
  // A tiny scanner over the top level of an object; good enough to warn, never used to decide.
  const names: string[] = [];
  const seen = new Set<string>();
  const dups = new Set<string>();
  let depth = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (c === '"') {
      let j = i + 1;
      while (j < json.length && json[j] !== '"') j += json[j] === '\\' ? 2 : 1;
      const raw = json.slice(i, j + 1);
      let k = j + 1;
      while (k < json.length && /\s/.test(json[k])) k++;
      if (depth === 1 && json[k] === ':') {
        try {
          const name = JSON.parse(raw) as string;
          names.push(name);
          if (seen.has(name)) dups.add(name);
          seen.add(name);
        } catch {
          /* not a valid string: JSON.parse already reported the real error */
        }
      }
      i = j;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return [...dups];
}
