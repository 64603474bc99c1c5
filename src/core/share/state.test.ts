import { deflateRaw } from 'pako';
import { describe, expect, it } from 'vitest';
import { encodeBase64 } from '../encoding/base64';
import {
  LINK_LENGTH_LONG_MAX, LINK_LENGTH_OK_MAX, MAX_SHARE_DECOMPRESSED_BYTES, createShareState, decodeShareFragment, encodeShareFragment,
  inspectOptionsOf, linkLengthAdvice, shareFragmentOf, shareUrl, validateShareState, type ShareState,
} from './state';

const b64url = (bytes: Uint8Array) => encodeBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fragmentOfJson = (json: string) => `s1.${b64url(deflateRaw(new TextEncoder().encode(json)))}`;

const base: ShareState = {
  v: 1, input: '<samlp:Response/>', trust: ['-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----'],
  expectations: { spEntityId: 'https://sp.example.com', acsUrl: 'https://sp.example.com/acs' },
  at: '2024-05-01T12:00:00.000Z', skewSeconds: 180, profile: 'authentik-provider', selected: 2, source: 'capture.har',
  redacted: { fields: ['nameid', 'emails'], maskedCount: 3, reportedVerdicts: [{ trusted: false, signatures: [{ target: 'Assertion', targetId: '_a', verdict: 'invalid', reason: 'digest mismatch' }], findings: [{ code: 'digest-mismatch', severity: 'error', title: 'Digest mismatch' }] }] },
};

describe('share state encoding', () => {
  it('round-trips losslessly, including non-ASCII text', () => {
    const s: ShareState = { ...base, input: 'Ünïcødé — 日本語 — 😀 <x a="&amp;"/>' };
    const f = encodeShareFragment(s);
    expect(f).toMatch(/^s1\.[A-Za-z0-9_-]+$/);
    const d = decodeShareFragment(f);
    expect(d).toEqual({ ok: true, value: s });
    expect(decodeShareFragment(`#share=${f}`)).toEqual({ ok: true, value: s });
  });

  it('puts the state in the fragment, never the query string', () => {
    const url = shareUrl('https://app.example/inspect?tab=xml#old=1', base);
    const u = new URL(url);
    expect(u.search).toBe('?tab=xml');
    expect(u.hash.startsWith('#share=s1.')).toBe(true);
    expect(shareFragmentOf(url)).toBe(encodeShareFragment(base));
    expect(shareFragmentOf('#a=1&share=s1.xyz')).toBe('s1.xyz');
    expect(shareFragmentOf('https://app.example/')).toBeNull();
  });

  it('records the evaluation instant always, and re-inspects at it', () => {
    const s = createShareState({ input: 'x', options: { trust: ['t'], requestId: '_r', profile: 'scaleway' } });
    expect(s.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(s.skewSeconds).toBe(180);
    const o = inspectOptionsOf(s);
    expect(o.at?.toISOString()).toBe(s.at);
    expect(o).toMatchObject({ trust: ['t'], requestId: '_r', profile: 'scaleway', skewSeconds: 180 });
  });
});

describe('malformed fragments give typed errors, never exceptions', () => {
  const cases: [string, string, string][] = [
    ['empty', '', 'share-missing'],
    ['no version tag', 'abcdef', 'share-unsupported-version'],
    ['future version', 's2.abcd', 'share-unsupported-version'],
    ['bad base64url character', 's1.ab+cd', 'share-bad-base64url'],
    ['percent sign', 's1.ab%3D', 'share-bad-base64url'],
    ['impossible length', 's1.abcde', 'share-bad-base64url'],
    ['nothing after the tag', 's1.', 'share-bad-base64url'],
    ['not deflate', `s1.${b64url(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]))}`, 'share-bad-deflate'],
    ['truncated deflate', encodeShareFragment(base).slice(0, 43), 'share-bad-deflate'],
    ['not UTF-8', `s1.${b64url(deflateRaw(new Uint8Array([0xc3, 0x28])))}`, 'share-bad-utf8'],
    ['not JSON', fragmentOfJson('{"v":1,'), 'share-bad-json'],
    ['JSON array', fragmentOfJson('[]'), 'share-bad-shape'],
    ['wrong state version', fragmentOfJson(JSON.stringify({ ...base, v: 2 })), 'share-unsupported-version'],
  ];
  for (const [name, fragment, code] of cases) {
    it(name, () => {
      const r = decodeShareFragment(fragment);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe(code);
        expect(r.error.message.length).toBeGreaterThan(10);
      }
    });
  }

  const shapes: [string, unknown, string][] = [
    ['input not a string', { ...base, input: 42 }, 'input'],
    ['trust entry not a string', { ...base, trust: ['a', 1] }, 'trust[1]'],
    ['unknown expectation', { ...base, expectations: { sp: 'x' } }, 'expectations.sp'],
    ['expectation not a string', { ...base, expectations: { acsUrl: 1 } }, 'expectations.acsUrl'],
    ['at not ISO', { ...base, at: 'yesterday' }, 'at'],
    ['at without zone', { ...base, at: '2024-05-01T12:00:00' }, 'at'],
    ['negative skew', { ...base, skewSeconds: -1 }, 'skewSeconds'],
    ['unknown profile', { ...base, profile: 'okta' }, 'profile'],
    ['fractional selected', { ...base, selected: 1.5 }, 'selected'],
    ['unknown top-level field', { ...base, extra: true }, 'extra'],
    ['unknown redaction field', { ...base, redacted: { ...base.redacted, fields: ['ssn'] } }, 'redacted.fields[0]'],
    ['duplicate redaction field', { ...base, redacted: { ...base.redacted, fields: ['nameid', 'nameid'] } }, 'redacted.fields[1]'],
    ['bad reported verdict', { ...base, redacted: { ...base.redacted, reportedVerdicts: [{ trusted: true, signatures: [{ target: 'Response', targetId: null, verdict: 'ok', reason: '' }], findings: [] }] } }, 'redacted.reportedVerdicts[0].signatures[0].verdict'],
    ['bad reported severity', { ...base, redacted: { ...base.redacted, reportedVerdicts: [{ trusted: true, signatures: [], findings: [{ code: 'x', severity: 'fatal', title: '' }] }] } }, 'redacted.reportedVerdicts[0].findings[0].severity'],
    ['missing trusted', { ...base, redacted: { ...base.redacted, reportedVerdicts: [{ signatures: [], findings: [] }] } }, 'redacted.reportedVerdicts[0].trusted'],
  ];
  for (const [name, value, path] of shapes) {
    it(`shape: ${name}`, () => {
      const viaLink = decodeShareFragment(fragmentOfJson(JSON.stringify(value)));
      expect(viaLink.ok).toBe(false);
      if (!viaLink.ok) {
        expect(viaLink.error.code).toBe('share-bad-shape');
        expect(viaLink.error.path).toBe(path);
      }
      expect(validateShareState(value).ok).toBe(false);
    });
  }

  it('stops a compression bomb without inflating it all', () => {
    // 40 MB of zeros deflates to ~40 KB; the cap is 32 MB.
    const bomb = deflateRaw(new Uint8Array(MAX_SHARE_DECOMPRESSED_BYTES + 8 * 1024 * 1024), { level: 9 });
    const r = decodeShareFragment(`s1.${b64url(bomb)}`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('share-too-large');
  });

  it('random garbage never throws', () => {
    let seed = 1;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let i = 0; i < 300; i++) {
      const body = Array.from({ length: 4 + Math.floor(rnd() * 200) }, () => alphabet[Math.floor(rnd() * 64)]).join('');
      expect(() => decodeShareFragment(`s1.${body}`)).not.toThrow();
      expect(decodeShareFragment(`s1.${body}`).ok).toBe(false);
    }
  });
});

describe('link length advice', () => {
  it('grades by documented thresholds and suggests a file export', () => {
    expect(linkLengthAdvice('x'.repeat(LINK_LENGTH_OK_MAX))).toMatchObject({ level: 'ok', suggestFileExport: false, length: LINK_LENGTH_OK_MAX });
    expect(linkLengthAdvice('x'.repeat(LINK_LENGTH_OK_MAX + 1))).toMatchObject({ level: 'long', suggestFileExport: true });
    expect(linkLengthAdvice('x'.repeat(LINK_LENGTH_LONG_MAX))).toMatchObject({ level: 'long' });
    const tooLong = linkLengthAdvice('x'.repeat(LINK_LENGTH_LONG_MAX + 1));
    expect(tooLong).toMatchObject({ level: 'too-long', suggestFileExport: true });
    expect(tooLong.message).toMatch(/Export a file/);
  });
});
