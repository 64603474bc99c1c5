import { inflate, inflateRaw } from 'pako';
import { fail, ok, type Result } from '../types';

export interface InflatedPayload { xml: string; encoding: string[]; notes: string[] }

const utf8 = new TextDecoder('utf-8', { fatal: false });

function bytesToText(bytes: Uint8Array): string {
  // A UTF-8 BOM is not part of the XML text a verifier canonicalizes.
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return utf8.decode(bytes.subarray(start));
}

function looksLikeXml(bytes: Uint8Array): boolean {
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return bytes[i] === 0x3c; // '<'
}

/**
 * SAML bindings §3.4.4.1: HTTP-Redirect payloads are raw DEFLATE (RFC 1951). Real senders also
 * use zlib framing (RFC 1950) or skip compression; accept all three and say which one it was.
 * `expectDeflate` is true for the Redirect binding, where an undeflated payload is worth a note.
 */
export function inflateSamlPayload(bytes: Uint8Array, expectDeflate: boolean): Result<InflatedPayload> {
  if (looksLikeXml(bytes)) {
    const notes = expectDeflate ? ['The payload was not DEFLATE-compressed, as the Redirect binding requires; decoded as plain XML.'] : [];
    return ok({ xml: bytesToText(bytes), encoding: ['base64'], notes });
  }
  try {
    const out = inflateRaw(bytes);
    if (out && out.length > 0) return ok({ xml: bytesToText(out), encoding: ['base64', 'raw DEFLATE'], notes: [] });
  } catch {
    /* fall through to zlib */
  }
  try {
    const out = inflate(bytes);
    if (out && out.length > 0) {
      return ok({ xml: bytesToText(out), encoding: ['base64', 'zlib DEFLATE'], notes: ['zlib framing (RFC 1950) around the DEFLATE data; SAML bindings §3.4.4.1 asks for raw DEFLATE.'] });
    }
  } catch {
    /* fall through */
  }
  return fail({
    code: 'input-bad-deflate',
    message: `The decoded ${bytes.length} bytes are neither XML nor a valid DEFLATE stream (truncated or corrupted compressed data).`,
  });
}

export { bytesToText };
