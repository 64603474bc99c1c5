// The server-side capture (vite-plugins/acsCapture.ts) over real HTTP: what it answers and
// what it lets through.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acsCaptureMiddleware } from '../../../../vite-plugins/acsCapture';
import { parseCaptureFragment } from './capture';

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

const capture = (res: Response) => parseCaptureFragment(new URL(res.headers.get('location')!, base).hash);

describe('acsCapture middleware', () => {
  it('answers a POST to /acs with a 303 to the inspect view carrying the exact body in the fragment', async () => {
    const body = 'SAMLResponse=PHNhbWxwOlJlc3BvbnNlLz4%3D&RelayState=%C3%A9t%C3%A9+1';
    const res = await fetch(`${base}/acs`, { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')!.startsWith('/#capture=')).toBe(true);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(capture(res)).toEqual({ payload: body, via: 'server', path: '/acs', method: 'POST' });
  });

  it('keeps the raw query of a Redirect-binding GET (the octets a query signature covers)', async () => {
    const q = 'SAMLResponse=fZJ%2Bx&RelayState=a%2Fb&SigAlg=http%3A%2F%2Fwww.w3.org%2F2001%2F04%2Fxmldsig-more%23rsa-sha256&Signature=ab%2B%3D';
    const res = await fetch(`${base}/slo/?${q}`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(capture(res)).toEqual({ payload: q, via: 'server', path: '/slo', method: 'GET' });
  });

  it('lets everything else through', async () => {
    expect((await fetch(`${base}/acs`, { redirect: 'manual' })).status).toBe(404);
    expect((await fetch(`${base}/acs?foo=1`, { redirect: 'manual' })).status).toBe(404);
    expect((await fetch(`${base}/`, { method: 'POST', body: 'SAMLResponse=x', redirect: 'manual' })).status).toBe(404);
    expect((await fetch(`${base}/acsx`, { method: 'POST', body: 'SAMLResponse=x', redirect: 'manual' })).status).toBe(404);
  });
});
