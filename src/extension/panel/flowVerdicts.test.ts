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
    expect(rows[0]!.messages).toEqual([]);
    expect(rows[1]!.messages).toHaveLength(1);
    expect(rows[1]!.messages[0]).toMatchObject({ exchange: 2, kind: 'Response', verdict: 'untrusted' });
    expect(rows[1]!.messages[0]!.worst).not.toBeNull();
  });

  it('runs no inspection for a flow without SAML', async () => {
    expect(await flowVerdicts([flow[1]!, flow[2]!])).toEqual({ messages: [], errors: [] });
  });

  it('shortens URLs to their path', () => {
    expect(shortUrl('https://idp.example/sso?SAMLRequest=abc#x')).toBe('https://idp.example/sso?…');
    expect(shortUrl(`https://h.example/${'a'.repeat(200)}`)).toHaveLength(90);
  });
});
