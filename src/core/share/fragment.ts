// The share-link codec, shared by every page that shares a state in the URL fragment (the
// inspect page's `#share=s1.…`, docs/sharing.md; the /oidc page's `#share=o1.…`, docs/oidc.md):
// JSON → UTF-8 → raw DEFLATE → base64url behind a version tag, and back, within the limits of
// docs/limits.md. Never throws: anything from a URL is untrusted input.
import { deflateRaw } from 'pako';
import { decodeBase64Lenient, encodeBase64 } from '../encoding/base64';
import { formatSize } from '../limit-error';
import { inflateBounded } from '../binding/inflate';
import { jsonDepthOver } from '../binding/json';
import { JSON_MAX_DEPTH, SHARE_MAX_FRAGMENT_CHARS, SHARE_MAX_INFLATED_BYTES } from '../limits';
import { fail, ok, type Result } from '../types';

export type ShareErrorCode =
  | 'share-missing'
  | 'share-unsupported-version'
  | 'share-too-large'
  | 'share-bad-base64url'
  | 'share-bad-deflate'
  | 'share-bad-utf8'
  | 'share-bad-json'
  | 'share-bad-shape';

export interface ShareError {
  code: ShareErrorCode;
  message: string;
  /** For share-bad-shape: where in the state the problem is ("trust[2]", "redacted.fields[0]"). */
  path?: string;
}

/** The fragment parameter name: `#share=<tag>…`. */
const PARAM = 'share';

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

function toBase64Url(bytes: Uint8Array): string {
  return encodeBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * JSON → UTF-8 → raw DEFLATE (level 9) → base64url (RFC 4648 §5, no padding), prefixed with
 * the version tag. base64url characters are all URI "unreserved" (RFC 3986 §2.3), so the
 * fragment survives copy/paste and chat tools without percent-encoding.
 */
export function encodeJsonFragment(value: unknown, prefix: string): string {
  const json = JSON.stringify(value);
  const deflated = deflateRaw(utf8Encoder.encode(json), { level: 9 });
  return prefix + toBase64Url(deflated);
}

/** Inflate the link's payload, stopping at `cap` bytes of output (binding/inflate streams it in slices). */
function inflateCapped(bytes: Uint8Array, cap: number): Result<Uint8Array, ShareError> {
  const r = inflateBounded(bytes, 'raw', cap);
  if (r.ok) return r;
  if (r.error.reason === 'too-large') {
    return fail({ code: 'share-too-large', message: `The link's ${formatSize(bytes.length, 'bytes')} payload inflates to more than ${formatSize(cap, 'bytes')} (SHARE_MAX_INFLATED_BYTES, see docs/limits.md; reading stopped after ${formatSize(r.error.seen, 'bytes')}); refused as a compression bomb.` });
  }
  return fail({ code: 'share-bad-deflate', message: `The link's payload is not valid DEFLATE data (${r.error.detail}); it was probably truncated when copied.` });
}

/**
 * The JSON value behind a version-tagged fragment, not yet validated. Accepts the bare value
 * (`s1.…`), `share=s1.…` or `#share=s1.…`.
 */
export function decodeJsonFragment(fragment: string, prefix: string): Result<unknown, ShareError> {
  if (typeof fragment !== 'string') return fail({ code: 'share-missing', message: 'No share fragment was given.' });
  let f = fragment.trim().replace(/^#/, '');
  if (f.startsWith(`${PARAM}=`)) f = f.slice(PARAM.length + 1);
  if (f === '') return fail({ code: 'share-missing', message: 'The link has no shared state after "#share=".' });
  if (f.length > SHARE_MAX_FRAGMENT_CHARS) return fail({ code: 'share-too-large', message: `The shared state is ${f.length} characters; links above ${SHARE_MAX_FRAGMENT_CHARS} characters are refused (Chromium's own URL limit).` });
  const dot = f.indexOf('.');
  const tag = dot > 0 ? f.slice(0, dot + 1) : '';
  if (tag !== prefix) {
    return fail({ code: 'share-unsupported-version', message: tag ? `This link uses share format "${tag.slice(0, -1)}", which this page of samlscope does not read (it reads "${prefix.slice(0, -1)}").` : `This is not a samlscope share link: the state should start with "${prefix}".` });
  }
  const body = f.slice(dot + 1);
  // Some chat tools percent-encode nothing in base64url, but be strict: any other character means a damaged link.
  const bad = body.search(/[^A-Za-z0-9_-]/);
  if (bad >= 0) return fail({ code: 'share-bad-base64url', message: `The link is damaged: character ${JSON.stringify(body[bad])} at position ${bad + 1} is not base64url.` });
  if (body.length % 4 === 1) return fail({ code: 'share-bad-base64url', message: 'The link is damaged: its base64url length is impossible (it was probably truncated).' });
  if (body.length === 0) return fail({ code: 'share-bad-base64url', message: 'The link carries no data after the version tag.' });
  const b = decodeBase64Lenient(body);
  if (!b.ok) return fail({ code: 'share-bad-base64url', message: `The link is damaged: ${b.error.message}` });
  const inflated = inflateCapped(b.value.bytes, SHARE_MAX_INFLATED_BYTES);
  if (!inflated.ok) return inflated;
  let text: string;
  try {
    text = utf8Decoder.decode(inflated.value);
  } catch {
    return fail({ code: 'share-bad-utf8', message: "The link's payload is not valid UTF-8 text." });
  }
  const deep = jsonDepthOver(text, JSON_MAX_DEPTH);
  if (deep !== null) return fail({ code: 'share-too-large', message: `The link's state nests arrays and objects more than ${JSON_MAX_DEPTH} levels deep (JSON_MAX_DEPTH, see docs/limits.md); refused.` });
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (e) {
    return fail({ code: 'share-bad-json', message: `The link's payload is not valid JSON (${(e as Error).message}).` });
  }
}
