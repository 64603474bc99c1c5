// The mock IdP page's framework-free helpers: the server capture of its SSO/SLO URLs, what it
// reads from its own location, the attributes editor's text form, and stored settings.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acsCaptureMiddleware } from '../../../../vite-plugins/acsCapture';
import { attributesToText, textToAttributes } from './attributesText';
import { incomingFromLocation } from './incoming';
import { defaultIdpSettings, normalizeIdpSettings } from './storage';

let server: Server;
let base = '';
beforeAll(async () => {
  const mw = acsCaptureMiddleware();
  server = createServer((req, res) =>
    mw(req, res, () => {
      res.statusCode = 404;
      res.end('passed through');
    }),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('capture at the mock IdP\'s SSO and SLO URLs', () => {
  for (const path of ['/mock-idp/sso', '/mock-idp/slo']) {
    it(`POST ${path} → 303 to the mock IdP page with the exact body in the fragment`, async () => {
      const body = 'SAMLRequest=PHNhbWxwOkF1dGhuUmVxdWVzdC8%2B&RelayState=r%C3%A9';
      const res = await fetch(`${base}${path}`, { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
      expect(res.status).toBe(303);
      const location = res.headers.get('location')!;
      expect(location.startsWith('/mock-idp#capture=')).toBe(true);
      const url = new URL(location, base);
      expect(incomingFromLocation(url)).toEqual({ payload: body, method: 'POST', path, via: 'server' });
    });
  }

  it('a Redirect GET is left to the app route (it reads its own query)', async () => {
    const res = await fetch(`${base}/mock-idp/sso?SAMLRequest=abc`, { redirect: 'manual' });
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('passed through');
  });

  it('the route reads a Redirect query raw; nothing else is a request', () => {
    const q = 'SAMLRequest=fZJ%2Bx&RelayState=a%2Fb&SigAlg=x&Signature=ab%2B%3D';
    expect(incomingFromLocation({ pathname: '/mock-idp/sso', search: `?${q}`, hash: '' })).toEqual({ payload: q, method: 'GET', path: '/mock-idp/sso', via: 'route' });
    expect(incomingFromLocation({ pathname: '/mock-idp', search: '?pack-result=xsw1&outcome=accepted', hash: '' })).toBeNull();
    // A capture of an SP's answer (SAMLResponse) is not a request to the IdP.
    expect(incomingFromLocation({ pathname: '/mock-idp', search: '', hash: '#capture=U0FNTFJlc3BvbnNlPXg&via=sw&path=/acs&method=POST' })).toBeNull();
  });
});

describe('attributes as Name=value lines', () => {
  it('round-trips, groups repeated names, reports bad lines', () => {
    const attrs = [{ name: 'email', values: ['a@b'] }, { name: 'groups', values: ['x', 'y=z'] }];
    expect(textToAttributes(attributesToText(attrs))).toEqual({ attributes: attrs, badLines: [] });
    expect(textToAttributes('novalue\n\n=x\nok=1').badLines).toEqual([1, 3]);
  });
});

describe('stored settings', () => {
  it('anything unusable falls back to the defaults, field by field', () => {
    const d = defaultIdpSettings('https://app.test');
    expect(normalizeIdpSettings(null, 'https://app.test')).toEqual(d);
    const n = normalizeIdpSettings({ entityId: 42, sign: 'sometimes', preset: 'authentik', users: [{ username: 'u', groups: ['g', 3] }], userIndex: 7, encrypt: true }, 'https://app.test');
    expect(n).toMatchObject({ entityId: 'https://app.test/mock-idp', sign: 'both', preset: 'authentik', userIndex: 0, encrypt: true });
    expect(n.users).toEqual([{ username: 'u', email: '', name: '', uid: '', groups: ['g'] }]);
  });
});
