// base64url (RFC 4648 §5) as JWS uses it: RFC 7515 §2 "Base64url Encoding", the URL- and
// filename-safe alphabet with all trailing '=' characters omitted.
import { fail, ok, type Result } from '../types';
import type { OidcError } from './findings';

/**
 * Strict base64url → bytes. `what` names the part for the message ("the JWS header").
 * Standard base64 characters (+ /) and padding are refused with an explanation: RFC 7515
 * §2 forbids them, and a relying party such as Exoscale's would refuse the token too.
 */
export function decodeBase64Url(text: string, what: string): Result<Uint8Array, OidcError> {
  if (text.length === 0) return fail({ code: 'oidc-bad-base64', message: `${capitalize(what)} is empty.` });
  const bad = text.search(/[^A-Za-z0-9_-]/);
  if (bad >= 0) {
    const ch = text[bad];
    const why =
      ch === '+' || ch === '/'
        ? ' — that is the standard base64 alphabet; JWS uses base64url (- and _), RFC 7515 §2'
        : ch === '='
          ? ' — JWS base64url omits the padding, RFC 7515 §2'
          : '';
    return fail({ code: 'oidc-bad-base64', message: `${capitalize(what)} is not base64url: character ${JSON.stringify(ch)} at position ${bad + 1}${why}.` });
  }
  if (text.length % 4 === 1) {
    return fail({ code: 'oidc-bad-base64', message: `${capitalize(what)} is not base64url: ${text.length} characters cannot encode whole bytes (truncated copy?).` });
  }
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const bin = atob(padded);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return ok(bytes);
}

export function encodeBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function encodeBase64UrlText(text: string): string {
  return encodeBase64Url(new TextEncoder().encode(text));
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
