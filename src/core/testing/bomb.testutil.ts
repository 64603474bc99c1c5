// Compression bombs for the limit tests and the hostile benchmark, built cheaply: one DEFLATE
// block of 1 MiB of a repeated byte is compressed once and repeated, so a 2 GB bomb costs ~2 MB
// of stream and milliseconds to make, not a 2 GB deflate.
import { Deflate, Z_SYNC_FLUSH } from 'pako';

const MIB = 1024 * 1024;

function syncFlushed(data: Uint8Array, raw: boolean): Uint8Array {
  const d = new Deflate({ raw, level: 9 });
  d.push(data, Z_SYNC_FLUSH);
  const out = d.chunks.reduce((n, c) => n + c.length, 0);
  const joined = new Uint8Array(out);
  let off = 0;
  for (const c of d.chunks) { joined.set(c, off); off += c.length; }
  return joined;
}

/**
 * A raw DEFLATE (or zlib-framed) stream inflating to `prefix` followed by `inflatedBytes` of
 * `fill`. Each repeated block refers only to its own bytes, so it is valid at any position.
 * The zlib variant carries no Adler-32 trailer: a reader that stops at its limit never gets there.
 */
export function deflateBomb(inflatedBytes: number, options: { prefix?: string; fill?: number; framing?: 'raw' | 'zlib' } = {}): Uint8Array {
  const { prefix = '', fill = 0x20, framing = 'raw' } = options;
  const head = syncFlushed(new TextEncoder().encode(prefix), true);
  const block = syncFlushed(new Uint8Array(MIB).fill(fill), true);
  const tail = Math.max(0, inflatedBytes - Math.floor(inflatedBytes / MIB) * MIB);
  const last = tail ? syncFlushed(new Uint8Array(tail).fill(fill), true) : new Uint8Array(0);
  const n = Math.floor(inflatedBytes / MIB);
  const zlibHeader = framing === 'zlib' ? [0x78, 0xda] : [];
  const total = zlibHeader.length + head.length + n * block.length + last.length + 2;
  const out = new Uint8Array(total);
  let off = 0;
  out.set(zlibHeader, off); off += zlibHeader.length;
  out.set(head, off); off += head.length;
  for (let i = 0; i < n; i++) { out.set(block, off); off += block.length; }
  out.set(last, off); off += last.length;
  out.set([0x03, 0x00], off); // a final, empty fixed-Huffman block (RFC 1951 §3.2.3, §3.2.6)
  return out;
}

/** A Redirect-binding URL whose SAMLRequest is `deflateBomb(inflatedBytes)`: ~1.4 bytes of URL per KiB inflated. */
export function redirectBombUrl(inflatedBytes: number): string {
  const bomb = deflateBomb(inflatedBytes, { prefix: '<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_bomb" Version="2.0" IssueInstant="2024-01-01T00:00:00Z">' });
  return `https://idp.example.com/sso?SAMLRequest=${encodeURIComponent(Buffer.from(bomb).toString('base64'))}`;
}
