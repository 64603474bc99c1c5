// The webRequest event sequence of an SP-initiated login, as Chromium fires it, through the recorder.
import { describe, expect, it } from 'vitest';
import { cookieHeaderWithoutValues, ExchangeRecorder, requestBodyText, setCookieWithoutValue } from './recorder';
import { EXTENSION_MAX_BODY_BYTES } from './limits';

const t0 = Date.parse('2026-12-02T11:00:00Z');
const bytes = (s: string) => new TextEncoder().encode(s).buffer as ArrayBuffer;

describe('ExchangeRecorder', () => {
  it('records each redirect hop, the POST body, cookie names (never values) and the Date header', () => {
    const r = new ExchangeRecorder();
    r.start({ requestId: '1', url: 'http://sp/login', method: 'GET', timeStamp: t0, type: 'main_frame' });
    r.headersSent({ requestId: '1', requestHeaders: [{ name: 'Cookie', value: 'a=secret1; b=secret2' }, { name: 'User-Agent', value: 'x' }] });
    const hop = r.redirected({ requestId: '1', statusCode: 302, statusLine: 'HTTP/1.1 302 Found', redirectUrl: 'http://idp/sso?SAMLRequest=abc', responseHeaders: [{ name: 'Location', value: 'http://idp/sso?SAMLRequest=abc' }, { name: 'Set-Cookie', value: 'sid=s3cr3t; Path=/; SameSite=None; Secure' }, { name: 'Date', value: 'Wed, 02 Dec 2026 11:00:00 GMT' }, { name: 'Server', value: 'x' }] });
    expect(hop).toEqual({
      time: '2026-12-02T11:00:00.000Z', method: 'GET', url: 'http://sp/login',
      requestHeaders: [{ name: 'Cookie', value: 'a=; b=' }],
      response: { status: 302, statusText: 'Found', redirectUrl: 'http://idp/sso?SAMLRequest=abc', headers: [{ name: 'Location', value: 'http://idp/sso?SAMLRequest=abc' }, { name: 'Set-Cookie', value: 'sid=; Path=/; SameSite=None; Secure' }, { name: 'Date', value: 'Wed, 02 Dec 2026 11:00:00 GMT' }] },
    });
    expect(JSON.stringify(hop)).not.toMatch(/secret|s3cr3t/);
    r.start({ requestId: '1', url: 'http://idp/sso?SAMLRequest=abc', method: 'GET', timeStamp: t0 + 10, type: 'main_frame' });
    const sso = r.completed({ requestId: '1', statusCode: 200, statusLine: 'HTTP/1.1 200 OK', responseHeaders: [] });
    expect(sso).toMatchObject({ url: 'http://idp/sso?SAMLRequest=abc', protocol: 'saml', response: { status: 200, statusText: 'OK' } });

    r.start({ requestId: '2', url: 'http://sp/acs', method: 'POST', timeStamp: t0 + 20, type: 'main_frame', requestBody: { raw: [{ bytes: bytes('SAMLResponse=PHNhbWw%2B&RelayState=r') }] } });
    r.headersSent({ requestId: '2', requestHeaders: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }, { name: 'Origin', value: 'null' }] });
    r.headersReceived({ requestId: '2', statusCode: 403, statusLine: 'HTTP/1.1 403 Forbidden', responseHeaders: [{ name: 'Date', value: 'd' }] });
    const acs = r.completed({ requestId: '2', statusCode: 403, statusLine: 'HTTP/1.1 403 Forbidden' });
    expect(acs).toMatchObject({ protocol: 'saml', requestBody: { text: 'SAMLResponse=PHNhbWw%2B&RelayState=r', mimeType: 'application/x-www-form-urlencoded', source: 'raw' }, response: { status: 403, headers: [{ name: 'Date', value: 'd' }] } });
  });

  it('ignores sub-resources unless they carry a sign-in message, and keeps failures', () => {
    const r = new ExchangeRecorder();
    r.start({ requestId: '3', url: 'http://sp/style.css', method: 'GET', timeStamp: t0, type: 'stylesheet' });
    expect(r.completed({ requestId: '3', statusCode: 200 })).toBeNull();
    r.start({ requestId: '4', url: 'http://op/token', method: 'POST', timeStamp: t0, type: 'xmlhttprequest', requestBody: { formData: { grant_type: ['authorization_code'], code: ['c'] } } });
    expect(r.failed({ requestId: '4', error: 'net::ERR_CONNECTION_REFUSED' })).toMatchObject({ protocol: 'oidc', error: 'net::ERR_CONNECTION_REFUSED' });
    expect(r.completed({ requestId: 'unknown', statusCode: 200 })).toBeNull();
  });
});

describe('requestBodyText', () => {
  it('joins raw parts byte for byte', () => {
    expect(requestBodyText({ raw: [{ bytes: bytes('SAMLResponse=ab') }, { bytes: bytes('c%3D') }] })?.text).toBe('SAMLResponse=abc%3D');
  });
  it('serializes parsed form fields as a browser sends a form (+ for space, %2B for +)', () => {
    expect(requestBodyText({ formData: { SAMLResponse: ['PD94+bWw/='], RelayState: ['a b&c'] } })).toEqual({ text: 'SAMLResponse=PD94%2BbWw%2F%3D&RelayState=a+b%26c', mimeType: 'application/x-www-form-urlencoded', source: 'form' });
  });
  it('keeps no body above the limit, none for a file upload part, none when absent', () => {
    expect(requestBodyText({ raw: [{ bytes: new ArrayBuffer(EXTENSION_MAX_BODY_BYTES + 1) }] })).toBeUndefined();
    expect(requestBodyText({ raw: [{}] })).toBeUndefined();
    expect(requestBodyText(null)).toBeUndefined();
  });
});

describe('cookie values are dropped', () => {
  it('keeps names and attributes', () => {
    expect(cookieHeaderWithoutValues('a=1; b=2=3;c')).toBe('a=; b=; c=');
    expect(setCookieWithoutValue('sid=v=w; Max-Age=0; HttpOnly')).toBe('sid=; Max-Age=0; HttpOnly');
  });
});
