// The panel's list: which exchanges are rows, and the verdicts one inspection of the flow gives them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RecordedExchange } from '../../core/capture/recorded';
import { chronological, flowVerdicts } from './flowVerdicts';
import { flowRows, shortUrl } from './flowRows';

const samlResponse = readFileSync(new URL('../../../test/corpus/crewjam__onelogin_response.b64', import.meta.url), 'utf8').replace(/\s+/g, '');
const x = (over: Partial<RecordedExchange>): RecordedExchange => ({ time: '2026-12-02T11:00:00.000Z', method: 'GET', url: 'https://sp.example/', requestHeaders: [], ...over });

const flow: RecordedExchange[] = [
  // Finished last, started first: the list is in start order.
  x({ time: '2026-12-02T11:00:05.000Z', method: 'POST', url: 'https://sp.example/acs', protocol: 'saml', requestBody: { text: `SAMLResponse=${encodeURIComponent(samlResponse)}`, mimeType: 'application/x-www-form-urlencoded', source: 'form' }, response: { status: 200, statusText: 'OK', headers: [] } }),
  x({ time: '2026-12-02T11:00:00.000Z', url: 'https://sp.example/login', response: { status: 302, statusText: 'Found', headers: [], redirectUrl: 'https://op.example/authorize' } }),
  x({ time: '2026-12-02T11:00:01.000Z', url: 'https://op.example/authorize?client_id=a&response_type=code&redirect_uri=https%3A%2F%2Fsp.example%2Fcb', protocol: 'oidc', error: 'net::ERR_ABORTED' }),
];

describe('the panel list', () => {
  it('shows sign-in exchanges in start order with the verdict of each SAML message', async () => {
    const ordered = chronological(flow);
    expect(ordered.map((e) => e.url.slice(8, 22))).toEqual(['sp.example/log', 'op.example/aut', 'sp.example/acs']);
    const verdicts = await flowVerdicts(ordered, new Date('2014-07-17T01:01:48Z'));
    const rows = flowRows(ordered, verdicts);
    expect(rows.map((r) => [r.index, r.protocol, r.status])).toEqual([[1, 'oidc', 'net::ERR_ABORTED'], [2, 'saml', '200 OK']]);
    expect(rows[0]!.messages).toEqual([expect.objectContaining({ exchange: 1, kind: 'Authorization request', verdict: 'unsigned' })]);
    expect(rows[1]!.messages).toHaveLength(1);
    expect(rows[1]!.messages[0]).toMatchObject({ exchange: 2, kind: 'Response', verdict: 'untrusted' });
    expect(rows[1]!.messages[0]!.worst).not.toBeNull();
  });

  it('gives a flow without sign-in messages no verdicts', async () => {
    expect(await flowVerdicts([flow[1]!])).toEqual({ messages: [], errors: [] });
  });

  it('reads OpenID Connect exchanges as the /oidc page does: a form_post ID token is never trusted without keys, and its claims are judged', async () => {
    const b64u = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const claims = { iss: 'https://op.example', sub: 'alice', aud: 'client-a', iat: 1_700_000_000, exp: 1_700_000_300, nonce: 'n-1' };
    const signed = `${b64u({ alg: 'RS256', kid: 'k1' })}.${b64u(claims)}.${Buffer.from('not a real signature').toString('base64url')}`;
    const unsignedToken = `${b64u({ alg: 'none' })}.${b64u(claims)}.`;
    const post = (token: string, i: number) => x({ time: `2026-12-02T11:00:0${i}.000Z`, method: 'POST', url: 'https://rp.example/cb', protocol: 'oidc', requestBody: { text: `id_token=${token}&state=s`, mimeType: 'application/x-www-form-urlencoded', source: 'form' } });
    const oidcFlow = [
      x({ url: 'https://op.example/authorize?client_id=client-a&response_type=id_token&response_mode=form_post&redirect_uri=https%3A%2F%2Frp.example%2Fcb&scope=openid&nonce=n-1&state=s', protocol: 'oidc' }),
      post(signed, 1),
      post(unsignedToken, 2),
      x({ time: '2026-12-02T11:00:03.000Z', url: 'https://rp.example/cb?error=access_denied&state=s', protocol: 'oidc' }),
    ];
    // An hour after the token expired.
    const v = await flowVerdicts(oidcFlow, new Date((1_700_000_300 + 3600) * 1000));
    expect(v.messages.map((m) => [m.exchange, m.kind, m.verdict])).toEqual([
      [0, 'Authorization request', 'unsigned'],
      [1, 'ID token', 'untrusted'],
      [2, 'ID token', 'invalid'], // alg none: the core refuses it, as the /oidc page does
      [3, 'Authorization error', 'unsigned'],
    ]);
    expect(v.messages[1]!.worst?.severity).toBe('error');
    expect(v.messages.some((m) => m.verdict === 'trusted')).toBe(false);
  });

  it('shortens URLs to their path', () => {
    expect(shortUrl('https://idp.example/sso?SAMLRequest=abc#x')).toBe('https://idp.example/sso?…');
    expect(shortUrl(`https://h.example/${'a'.repeat(200)}`)).toHaveLength(90);
  });
});
