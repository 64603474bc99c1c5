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
  // RFC 4648 §3.5 (canonical encoding): the bits after the last whole byte are zero. Decoders
  // ignore them, so "…Q" and "…R" decode alike; accepting both would let one signature stand for
  // two different token strings (a malleable JWS). RFC 7515 §2 base64url is the canonical form.
  const unusedBits = text.length % 4 === 2 ? 4 : text.length % 4 === 3 ? 2 : 0;
  if (unusedBits > 0 && (ALPHABET.indexOf(text[text.length - 1]) & ((1 << unusedBits) - 1)) !== 0) {
    return fail({ code: 'oidc-bad-base64', message: `${capitalize(what)} is not canonical base64url: the last character ${JSON.stringify(text[text.length - 1])} sets ${unusedBits} unused trailing bits (RFC 4648 §3.5). Another encoding of the same bytes would verify alike, so samlscope refuses it.` });
  }
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const bin = atob(padded);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return ok(bytes);
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

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
