import { describe, expect, it } from 'vitest';
import { base64UrlToText, parseCaptureFragment, textToBase64Url } from './capture';
import { captureLocation } from '../../../../vite-plugins/acsCapture';

describe('capture fragment', () => {
  it('round-trips what the server middleware writes', () => {
    const body = 'SAMLResponse=PHNhbWxwOlJlc3BvbnNlLz4%3D&RelayState=caf%C3%A9+%2B';
    const loc = captureLocation(body, '/acs', 'POST', 'server');
    expect(loc.startsWith('/#capture=')).toBe(true);
    const c = parseCaptureFragment(loc.slice(1));
    expect(c).toEqual({ payload: body, via: 'server', path: '/acs', method: 'POST' });
  });

  it('keeps non-ASCII text and the raw query octets', () => {
    const q = 'SAMLResponse=fZ%2Bx&SigAlg=http%3A%2F%2Fx&Signature=ab%3D%3D — é';
    expect(base64UrlToText(textToBase64Url(q))).toBe(q);
    const c = parseCaptureFragment(`#capture=${textToBase64Url(q)}&via=sw&path=/slo&method=GET`);
    expect(c).toEqual({ payload: q, via: 'sw', path: '/slo', method: 'GET' });
  });

  it('ignores other fragments and damaged payloads', () => {
    expect(parseCaptureFragment('#msg=1')).toBeNull();
    expect(parseCaptureFragment('')).toBeNull();
    expect(parseCaptureFragment('#capture=%%%')).toBeNull();
  });
});
