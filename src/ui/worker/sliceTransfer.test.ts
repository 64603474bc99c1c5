import { describe, expect, it } from 'vitest';
import { appendReplyPart, sliceReply } from './sliceTransfer';

const entity = (i: number) => ({ entityId: `https://idp${i}.example.org`, keys: [{ use: 'signing', n: i }], at: new Date(Date.UTC(2026, 0, 1)) });

describe('a reply in slices', () => {
  it('cuts long arrays anywhere in the value and puts them back whole, in order', () => {
    const value = { runId: 1, report: { messages: [{ metadata: { entities: Array.from({ length: 1650 }, (_, i) => entity(i)) }, findings: [1, 2, 3] }] }, certs: Array.from({ length: 250 }, (_, i) => `c${i}`) };
    const expected = structuredClone(value);
    const { head, parts } = sliceReply(value, 100);
    expect(head.report.messages[0]!.metadata.entities).toHaveLength(100);
    expect(head.certs).toHaveLength(100);
    expect(parts).toHaveLength(16 + 2);
    expect(Math.max(...parts.map((p) => ('items' in p ? p.items.length : 0)))).toBe(100);
    // The page side: every part crosses postMessage on its own.
    const received = structuredClone(head);
    for (const part of parts) expect(appendReplyPart(received, structuredClone(part))).toBe(true);
    expect(received).toEqual(expected);
  });

  it('leaves the worker’s own result unchanged (it answers later requests from it)', () => {
    const value = { list: Array.from({ length: 300 }, (_, i) => ({ i })) };
    const before = structuredClone(value);
    sliceReply(value, 100);
    expect(value).toEqual(before);
  });

  it('an array reached twice is cut once, so the page fills it once for both places', () => {
    const shared = Array.from({ length: 150 }, (_, i) => i);
    const value = { overview: { findings: shared }, message: { findings: shared } };
    const { head, parts } = sliceReply(value, 100);
    expect(parts).toHaveLength(1);
    const received = structuredClone(head);
    expect(received.overview.findings).toBe(received.message.findings);
    appendReplyPart(received, structuredClone(parts[0]!));
    expect(received.message.findings).toEqual(shared);
  });

  it('long strings travel in parts; one that occurs twice is sent once', () => {
    const xml = 'x'.repeat(1000) + 'é'.repeat(500);
    const value = { message: { payload: { xml }, prettyXml: xml, short: 'abc' } };
    const { head, parts } = sliceReply(value, 100, 400);
    expect(head.message.payload.xml).toBe('');
    expect(parts.filter((p) => 'text' in p)).toHaveLength(4);
    expect(parts.at(-1)).toEqual({ path: ['message', 'prettyXml'], copyOf: ['message', 'payload', 'xml'] });
    const received = structuredClone(head);
    for (const part of parts) expect(appendReplyPart(received, structuredClone(part))).toBe(true);
    expect(received).toEqual(value);
  });

  it('small replies travel as they are; a part whose path is not an array is refused', () => {
    const value = { a: [1, 2], s: 'x', n: null, d: new Date(0), b: new Uint8Array([1, 2, 3]) };
    const { head, parts } = sliceReply(value, 100);
    expect(parts).toEqual([]);
    expect(head).toEqual(value);
    expect(head.b).toBe(value.b);
    expect(appendReplyPart(head, { path: ['s'], items: [1] })).toBe(false);
    expect(appendReplyPart(head, { path: ['a'], text: 'y' })).toBe(false);
    expect(appendReplyPart(head, { path: [], items: [] })).toBe(false);
    expect(appendReplyPart(head, { path: ['missing', 0], items: [1] })).toBe(false);
  });
});
