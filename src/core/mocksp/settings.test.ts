import { describe, expect, it } from 'vitest';
import { charactersIdpsReencode, defaultSettings, normalizeSettings, validateSettings } from './settings';

const origin = 'https://samlscope.test';

describe('defaultSettings', () => {
  it('points the ACS at samlscope\'s own capture endpoint', () => {
    const s = defaultSettings(`${origin}/`);
    expect(s.acsUrl).toBe(`${origin}/acs`);
    expect(s.acsBinding).toBe('HTTP-POST');
    expect(JSON.parse(JSON.stringify(s))).toEqual(s); // plain JSON, storable as is
  });
});

describe('validateSettings', () => {
  const codes = (s: Parameters<typeof validateSettings>[0]) => validateSettings(s, origin).map((p) => `${p.field}:${p.code}:${p.severity}`);
  it('wants an IdP URL and nothing else by default', () => {
    expect(codes(defaultSettings(origin))).toEqual(['destination:required:error']);
    expect(codes({ ...defaultSettings(origin), destination: 'https://idp.example.com/sso' })).toEqual([]);
  });
  it('reports each typed problem', () => {
    const s = {
      ...defaultSettings(origin),
      spEntityId: ' urn:sp ',
      destination: 'http://idp.example.com/sso',
      acsUrl: 'https://elsewhere.example.com/acs',
      acsBinding: 'HTTP-Redirect' as const,
      protocolBinding: 'HTTP-Redirect' as const,
      useAcsIndex: false,
      relayState: 'x'.repeat(81),
      forceAuthn: true,
      isPassive: true,
      requestedAuthnContext: { classRefs: [' '], comparison: 'exact' as const },
      sloUrl: 'not a url',
    };
    expect(codes(s)).toEqual([
      'spEntityId:whitespace:error',
      'destination:not-https:warning',
      'acsUrl:acs-not-captured:warning',
      'acsBinding:response-by-redirect:warning',
      'protocolBinding:response-by-redirect:warning',
      'relayState:relay-state-too-long:warning',
      'isPassive:passive-and-force:warning',
      'requestedAuthnContext:authn-context-empty:error',
      'sloUrl:not-absolute-url:error',
    ]);
    expect(codes({ ...defaultSettings(origin), destination: 'idp', useAcsIndex: true, acsIndex: 70000 })).toEqual(['destination:not-absolute-url:error', 'acsIndex:acs-index-invalid:error']);
    expect(codes({ ...defaultSettings(origin), destination: 'http://localhost:7000/sso' })).toEqual([]);
  });
});

describe('normalizeSettings', () => {
  it('fills missing fields and drops wrongly typed ones', () => {
    const s = normalizeSettings({ spEntityId: 'urn:sp', forceAuthn: 'yes', nameIdPolicyFormat: null, requestedAuthnContext: { nope: 1 }, extra: 1 }, origin);
    expect(s.spEntityId).toBe('urn:sp');
    expect(s.forceAuthn).toBe(false);
    expect(s.nameIdPolicyFormat).toBeNull();
    expect(s.requestedAuthnContext).toBeNull();
    expect('extra' in s).toBe(false);
    expect(normalizeSettings(null, origin)).toEqual(defaultSettings(origin));
  });
});

describe('RelayState characters IdPs re-encode (issue 14: pysaml2)', () => {
  const base = { ...defaultSettings(origin), destination: 'https://idp.example.com/sso' };
  it('accepts the RFC 3986 unreserved set', () => {
    expect(charactersIdpsReencode('Az09-._~')).toEqual([]);
    expect(validateSettings({ ...base, relayState: 'state-1.a_b~c' }, origin)).toEqual([]);
  });
  it('warns about a space and other reserved or non-ASCII characters, naming each once', () => {
    expect(charactersIdpsReencode('a b c/d?é é')).toEqual([' ', '/', '?', 'é']);
    const p = validateSettings({ ...base, relayState: 'go to/page' }, origin);
    expect(p.map((x) => `${x.field}:${x.code}:${x.severity}`)).toEqual(['relayState:relay-state-reencoded:warning']);
    expect(p[0]!.message).toContain('a space, "/" (U+002F)');
    expect(p[0]!.message).toContain('pysaml2');
  });
});
