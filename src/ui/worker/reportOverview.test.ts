// The worker keeps the full inspection and sends the page a bounded overview (issue 10 point 4):
// every fact the overview carries is the core's own, the heavy parts come one message at a time
// (`message-detail`), and the overview stays small however large the messages are.
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { corpusManifest, readCorpus, trustOf } from '../../core/corpus/corpus.testutil';
import { inspectInput } from '../../core/inspect';
import { categoryOf } from '../../core/diagnosis/evaluate';
import { WORKER_HANDLERS } from './handlers';
import { isFullMessage, messageOverviewOf, OVERVIEW_URL_MAX_CHARS } from './reportOverview';
import { receivedMessageOf } from './shownText';

/** A HAR of `n` Redirect requests each carrying a Response grown by `attributes` attributes (as e2e/bigHar.ts). */
function bigRedirectHar(n: number, attributes: number): string {
  const extra = Array.from({ length: attributes }, (_, i) => `<saml:Attribute Name="attribute-${i}"><saml:AttributeValue>value ${i}</saml:AttributeValue></saml:Attribute>`).join('');
  const xml = readCorpus('crewjam__onelogin_response.xml').replace('</saml:AttributeStatement>', `${extra}</saml:AttributeStatement>`);
  const query = `SAMLResponse=${encodeURIComponent(deflateRawSync(Buffer.from(xml)).toString('base64'))}`;
  const entry = { startedDateTime: '2016-01-05T17:53:12Z', request: { method: 'GET', url: `https://sp.example.com/acs?${query}` } };
  return JSON.stringify({ log: { version: '1.2', entries: Array.from({ length: n }, () => entry) } });
}

describe('inspection overview and message detail', () => {
  it('every corpus entry: the overview is the full report minus the heavy parts; each message comes back in full on request', async () => {
    for (const e of corpusManifest()) {
      const input = readCorpus(e.file);
      const options = { trust: trustOf(e), at: e.at_time ? new Date(e.at_time) : new Date(0) };
      const full = await inspectInput(input, e.file, options);
      const reply = await WORKER_HANDLERS.inspect({ input, source: e.file, options });
      expect(structuredClone(reply), e.file).toStrictEqual(reply);
      expect(reply.report.messages, e.file).toStrictEqual(full.messages.map(messageOverviewOf));
      expect(reply.report.messages.some(isFullMessage)).toBe(false);
      const { messages, trustAnchors, ...rest } = full;
      const { messages: vm, trustAnchors: va, ...vrest } = reply.report;
      expect(vrest, e.file).toStrictEqual(rest);
      // Every finding the page lists carries its category, as the core's categoryOf says.
      for (const f of vm.flatMap((m) => m.findings)) expect(f.category, `${e.file} ${f.code}`).toBe(categoryOf(f.code));
      expect(va.map((a) => a.sha256Fingerprint)).toEqual(trustAnchors.map((a) => a.sha256Fingerprint));
      // In full, but for an aggregate's entities, which come as the table's columns and one by one on request.
      const received = (i: number) => receivedMessageOf(full.messages[i]!, { runId: reply.runId, message: i });
      expect(reply.selected?.message ?? null, e.file).toStrictEqual(full.messages[0] ? received(0) : null);
      for (const [i, m] of full.messages.entries()) {
        expect(await WORKER_HANDLERS['message-detail']({ runId: reply.runId, index: i }), `${e.file} #${i}`).toStrictEqual(received(i));
        if (!received(i).entityTable) continue;
        for (const [n, entity] of (m.metadata?.entities ?? []).entries()) {
          expect(await WORKER_HANDLERS['entity-detail']({ runId: reply.runId, message: i, entity: n }), `${e.file} #${i} entity ${n}`).toStrictEqual(entity);
        }
      }
    }
  });

  it('the reply carries the selected message in full; a replaced run answers null (the page inspects again)', async () => {
    const har = bigRedirectHar(3, 5);
    const first = await WORKER_HANDLERS.inspect({ input: har, source: 'h', options: { at: new Date(0) }, selected: 2 });
    expect(first.selected?.index).toBe(2);
    expect(first.selected && isFullMessage(first.selected.message)).toBe(true);
    // Past the end: the last message.
    const second = await WORKER_HANDLERS.inspect({ input: har, source: 'h', options: { at: new Date(0) }, selected: 9 });
    expect(second.selected?.index).toBe(2);
    expect(await WORKER_HANDLERS['message-detail']({ runId: first.runId, index: 0 })).toBeNull();
    expect(await WORKER_HANDLERS['message-detail']({ runId: second.runId, index: 0 })).not.toBeNull();
    expect(await WORKER_HANDLERS['message-detail']({ runId: second.runId, index: 3 })).toBeNull();
  });

  it('is bounded: 4 Redirect messages of 2.3 MB send an overview of a few KB per message, URLs cut', async () => {
    const har = bigRedirectHar(4, 10_000);
    const reply = await WORKER_HANDLERS.inspect({ input: har, source: 'h', options: { at: new Date(0) } });
    const full = await WORKER_HANDLERS['message-detail']({ runId: reply.runId, index: 1 });
    const fullChars = JSON.stringify(full).length;
    const overviewChars = JSON.stringify(reply.report).length;
    expect(fullChars).toBeGreaterThan(2_000_000);
    expect(overviewChars / reply.report.messages.length).toBeLessThan(16_000);
    for (const m of reply.report.messages) {
      expect(m.payload.url!.length).toBe(OVERVIEW_URL_MAX_CHARS + 1);
      expect(m.payload.urlChars).toBeGreaterThan(OVERVIEW_URL_MAX_CHARS);
      expect(m.assertions[0]!.attributeCount).toBeGreaterThan(10_000);
    }
  });
});
