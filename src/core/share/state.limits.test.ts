import { deflateRaw } from 'pako';
import { describe, expect, it } from 'vitest';
import { encodeBase64 } from '../encoding/base64';
import { inspectInput } from '../inspect';
import { JSON_MAX_DEPTH, SHARE_MAX_INFLATED_BYTES } from '../limits';
import { deflateBomb, redirectBombUrl } from '../testing/bomb.testutil';
import { createShareState, decodeShareFragment, encodeShareFragment, inspectOptionsOf } from './state';

const MB = 1000 * 1000;
const b64url = (bytes: Uint8Array) => encodeBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fragmentOfJson = (json: string) => `s1.${b64url(deflateRaw(new TextEncoder().encode(json)))}`;

describe('share links: bounded decoding', () => {
  it('a link inflating to 10 MB (under SHARE_MAX_INFLATED_BYTES) is read to its end', () => {
    const r = decodeShareFragment(`s1.${b64url(deflateBomb(10 * MB, { prefix: '{"v":1,"input":"' }))}`);
    // Spaces after an unterminated string: inflated completely, then refused as JSON.
    expect(!r.ok && r.error.code).toBe('share-bad-json');
  });
  // A 2 MiB fragment (Chromium's URL cap) holds ~1.5 MB of DEFLATE: at most ~1.5 GB inflated.
  for (const size of [100 * MB, 600 * MB, 1500 * MB]) {
    it(`a link inflating to ${size / MB} MB is share-too-large, naming the limit`, () => {
      const link = `s1.${b64url(deflateBomb(size))}`;
      const r = decodeShareFragment(link);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('share-too-large');
        expect(r.error.message).toContain('SHARE_MAX_INFLATED_BYTES');
        expect(r.error.message).toContain(`${SHARE_MAX_INFLATED_BYTES / 1048576} MiB`);
      }
    });
  }
  it('a 14 KB link carrying a Redirect bomb decodes, and inspecting its input stops at the inflate limit', async () => {
    // The "14 KB share link crashes the recipient's tab": a bomb inside the link's input.
    const state = createShareState({ input: redirectBombUrl(2000 * MB), options: { at: new Date('2024-01-01T00:00:00Z') } });
    const link = encodeShareFragment(state);
    expect(link.length).toBeLessThan(20000);
    const r = decodeShareFragment(link);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const report = await inspectInput(r.value.input, 'shared', inspectOptionsOf(r.value));
    expect(report.errors.map((e) => e.code)).toEqual(['input-too-large']);
  });
  it(`state JSON nested deeper than ${JSON_MAX_DEPTH} levels is refused before parsing`, () => {
    const deep = `{"v":1,"input":"x","trust":[],"expectations":{},"at":"2024-01-01T00:00:00Z","skewSeconds":0,"profile":"generic","selected":0,"source":${'['.repeat(100000)}${']'.repeat(100000)}}`;
    const r = decodeShareFragment(fragmentOfJson(deep));
    expect(!r.ok && r.error.code).toBe('share-too-large');
  });
  it('a 2 GB bomb does not fit in a link: refused from the fragment length', () => {
    const r = decodeShareFragment(`s1.${b64url(deflateBomb(2000 * MB))}`);
    expect(!r.ok && r.error.code).toBe('share-too-large');
  });
  it('a lone surrogate in the shared input or trust survives the round trip and inspection without throwing', async () => {
    const input = `SAMLRequest=${encodeURIComponent(encodeBase64(deflateRaw('<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_a" Version="2.0" IssueInstant="2024-01-01T00:00:00Z"/>')))}&RelayState=\uD800`;
    const state = createShareState({ input, trust: ['\uDC00'], options: { at: new Date('2024-01-01T00:00:00Z') } });
    const r = decodeShareFragment(encodeShareFragment(state));
    // JSON.stringify escapes a lone surrogate as \ud800 (ES2019 well-formed JSON.stringify): it comes back as it went.
    expect(r.ok && r.value.input).toBe(input);
    if (!r.ok) return;
    const report = await inspectInput(r.value.input, 'shared', inspectOptionsOf(r.value));
    expect(report.messages[0]!.findings.map((f) => f.code)).toContain('input-lone-surrogate');
  });
});
