import { describe, expect, it } from 'vitest';
import { inspectInput } from '../inspect';
import { toContractReport } from '../report';
import type { InspectReport } from '../types';
import { InspectionHistory, MemoryHistoryStore } from './history';
import { escapeMarkdown, exportFormatNamed, reportsToJson, reportToMarkdown } from '../exports';
import { redactInput, reportedVerdictsOf } from './redact';
import { createShareState } from './state';
import { readCorpus } from './share.testutil';

async function xswReport(): Promise<InspectReport> {
  return inspectInput(readCorpus('crewjam__xsw_permutation_one.xml'), 'crewjam__xsw_permutation_one.xml', {
    trust: [readCorpus('crewjam__onelogin_idp_metadata.xml')],
    at: new Date('2016-01-05T17:53:12Z'),
  });
}

describe('Markdown export', () => {
  it('names every finding of a failing Response with its explanation and fix', async () => {
    const report = await xswReport();
    const m = report.messages[0]!;
    expect(m.findings.some((f) => f.severity === 'error')).toBe(true);
    const md = reportToMarkdown(report);
    expect(md).toMatch(/^# samlscope report/);
    expect(md).toContain('## Response');
    expect(md).toContain('| Target | Verdict | Reason | Key |');
    expect(md).toContain('**Trusted:** no');
    for (const f of m.findings) {
      expect(md).toContain(`\`${f.code}\``);
      expect(md).toContain(escapeMarkdown(f.title));
      expect(md).toContain(escapeMarkdown(f.explanation));
      expect(md).toContain(`**Fix:** ${escapeMarkdown(f.fix)}`);
      if (f.location) expect(md).toContain(`line ${f.location.line}, column ${f.location.column}`);
    }
    for (const s of m.signatures) expect(md).toContain(`**${s.verdict}**`);
    if (m.issuer) expect(md).toContain(escapeMarkdown(m.issuer));
    if (m.assertions[0]?.nameId) expect(md).toContain(escapeMarkdown(m.assertions[0].nameId.value));
  });

  it('escapes Markdown in values, keeping table rows intact', async () => {
    const xml = `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r|1" Version="2.0" IssueInstant="2020-01-01T00:00:00Z"><saml:Issuer>https://idp.example.com/a|b*c_d</saml:Issuer><saml:Assertion ID="_a|*" Version="2.0" IssueInstant="2020-01-01T00:00:00Z"><saml:Issuer>x</saml:Issuer><saml:Subject><saml:NameID>&lt;script&gt;|\`tick\`</saml:NameID></saml:Subject></saml:Assertion></samlp:Response>`;
    const report = await inspectInput(xml, 'pipes|file.xml', { at: new Date('2020-01-01T00:00:00Z') });
    const md = reportToMarkdown(report);
    expect(md).toContain('https://idp.example.com/a\\|b\\*c\\_d');
    expect(md).toContain('\\<script\\>\\|\\`tick\\`');
    expect(md).not.toContain('<script>');
    for (const row of md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Target'))) {
      // 4 columns: exactly 5 unescaped pipes.
      expect(row.replace(/\\\|/g, '').split('|').length - 1).toBe(5);
    }
  });

  it('labels redacted verdicts as reported by the sharer', async () => {
    const report = await xswReport();
    const reported = reportedVerdictsOf(report);
    const red = await redactInput(readCorpus('crewjam__xsw_permutation_one.xml'), ['nameid', 'signatures'], null, { salt: 's' });
    if (!red.ok) throw new Error(red.error.message);
    const after = await inspectInput(red.value.input, 'redacted', { at: new Date('2016-01-05T17:53:12Z') });
    const md = reportToMarkdown(after, { redactedNote: 'NameID and signature values masked.', reportedVerdicts: reported });
    expect(md).toContain('> **Redacted.** NameID and signature values masked.');
    expect(md).toContain('### Signatures (reported by the sharer)');
    for (const f of reported[0]!.findings) expect(md).toContain(`\`${f.code}\``);
  });
});

describe('JSON export', () => {
  it('is the CONTRACT §2 envelope', async () => {
    const report = await xswReport();
    const j = reportsToJson([report], '1.2.3');
    expect(j.tool).toEqual({ name: 'samlscope', version: '1.2.3' });
    expect(j.reports).toEqual([toContractReport(report)]);
    const parsed = JSON.parse(exportFormatNamed('json')!.render([report], { version: '1.2.3' }));
    expect(parsed.reports[0].messages[0].signatures.map((s: { verdict: string }) => s.verdict)).toEqual(report.messages[0]!.signatures.map((s) => s.verdict));
    expect(parsed.reports[0].messages[0].findings.map((f: { code: string }) => f.code)).toContain('signature-wrapping');
  });
});

describe('history', () => {
  it('is off by default and writes nothing', async () => {
    const store = new MemoryHistoryStore();
    const h = new InspectionHistory(store);
    expect(h.enabled).toBe(false);
    expect(await h.record(createShareState({ input: 'x' }))).toBeNull();
    expect(await store.list()).toEqual([]);
  });

  it('keeps the newest entries, validates on read, and forgets all when turned off', async () => {
    const store = new MemoryHistoryStore();
    const h = new InspectionHistory(store, { enabled: true, maxEntries: 2 });
    for (let i = 0; i < 3; i++) await h.record(createShareState({ input: `m${i}`, source: `f${i}` }), undefined, new Date(Date.UTC(2024, 0, 1 + i)));
    const list = await h.list();
    expect(list.map((e) => e.state.input)).toEqual(['m2', 'm1']);
    expect(list[0]!.title).toBe('f2');
    await store.put({ id: 'bad', savedAt: '2030-01-01T00:00:00Z', title: 't', state: { v: 9 } as never });
    expect((await h.list()).map((e) => e.id)).not.toContain('bad');
    await h.remove(list[0]!.id);
    expect((await h.list()).map((e) => e.state.input)).toEqual(['m1']);
    await h.setEnabled(false);
    expect(await store.list()).toEqual([]);
  });
});

describe('redacting a capture (HAR)', () => {
  it('keeps only the SAML messages, in order, with their bindings', async () => {
    const redirect = readCorpus('crewjam__signed_authnrequest_redirect_query.txt').trim();
    const response = readCorpus('crewjam__onelogin_response.b64').trim();
    const har = {
      log: {
        entries: [
          { startedDateTime: '2016-01-05T17:53:10.000Z', request: { method: 'GET', url: redirect.startsWith('http') ? redirect : `https://idp.example.com/sso?${redirect}`, headers: [{ name: 'Cookie', value: 'session=secret-cookie-value' }] } },
          { startedDateTime: '2016-01-05T17:53:12.000Z', request: { method: 'POST', url: 'https://sp.example.com/acs', headers: [{ name: 'Cookie', value: 'session=secret-cookie-value' }], postData: { mimeType: 'application/x-www-form-urlencoded', text: `SAMLResponse=${encodeURIComponent(response)}&RelayState=bob%40example.com` } } },
          { startedDateTime: '2016-01-05T17:53:13.000Z', request: { method: 'GET', url: 'https://sp.example.com/home?user=bob@example.com' } },
        ],
      },
    };
    const input = JSON.stringify(har);
    const before = await inspectInput(input, 'capture.har', { at: new Date('2016-01-05T17:53:12Z') });
    const r = await redactInput(input, ['nameid', 'emails'], 'har', { salt: 's' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.format).toBe('har');
    expect(r.value.input).not.toContain('secret-cookie-value');
    expect(r.value.input).not.toContain('bob@example.com');
    expect(r.value.input).not.toContain('/home');
    const after = await inspectInput(r.value.input, 'capture.har', { at: new Date('2016-01-05T17:53:12Z') });
    expect(after.detected).toBe('har');
    expect(after.messages.map((m) => [m.kind, m.binding, m.payload.time])).toEqual(before.messages.map((m) => [m.kind, m.binding, m.payload.time]));
    expect(after.messages[1]!.payload.relayState).toMatch(/^user-[0-9a-f]{8}@redacted\.invalid$/);
  });
});
