import { deflateRaw } from 'pako';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../corpus/corpus.testutil';
import { inspectInput } from '../inspect';
import { BASE64_MAX_DECODED_BYTES, CAPTURE_MAX_PAYLOADS, CONTAINER_MAX_DEPTH, INFLATE_MAX_BYTES, INPUT_MAX_CHARS, INPUT_MAX_DECODED_TOTAL_BYTES, JSON_MAX_DEPTH, XML_DOCUMENT_SNIFF_CHARS } from '../limits';
import { deflateBomb, redirectBombUrl } from '../testing/bomb.testutil';
import { decodeBase64Lenient } from '../encoding/base64';
import { decodeInput, startsAsXmlDocument } from './detect';
import { inflateBounded } from './inflate';

const MB = 1000 * 1000;
const GB = 1000 * MB;
const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');
const XML = '<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_a1" Version="2.0" IssueInstant="2024-01-01T00:00:00Z"><saml:Issuer xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">https://sp.example.com</saml:Issuer></samlp:AuthnRequest>';
const redirect = (xml: string, relay?: string) => `https://idp.example.com/sso?SAMLRequest=${encodeURIComponent(b64(deflateRaw(xml)))}${relay ? `&RelayState=${relay}` : ''}`;

describe('compression bombs stop at INFLATE_MAX_BYTES', () => {
  it('streams: a 2 GB stream is abandoned after at most the limit plus one slice of output', () => {
    const r = inflateBounded(deflateBomb(2 * GB), 'raw', INFLATE_MAX_BYTES);
    expect(r.ok).toBe(false);
    if (!r.ok && r.error.reason === 'too-large') {
      expect(r.error.seen).toBeGreaterThan(INFLATE_MAX_BYTES);
      // 1 KiB of compressed input per step expands to ~1 MiB at most (RFC 1951 ~1032:1).
      expect(r.error.seen).toBeLessThan(INFLATE_MAX_BYTES + 2 * 1024 * 1024);
    } else throw new Error(`expected too-large, got ${JSON.stringify(r)}`);
  });
  it('a 10 MB Redirect payload (under the limit) is decoded', () => {
    const r = decodeInput(redirectBombUrl(10 * MB));
    expect(r.errors).toEqual([]);
    expect(r.payloads[0]!.xml.length).toBeGreaterThan(10 * MB);
  });
  for (const size of [100 * MB, 600 * MB, 2 * GB]) {
    it(`a Redirect URL inflating to ${size / MB} MB is input-too-large, naming the limit and the size seen`, () => {
      const r = decodeInput(redirectBombUrl(size));
      expect(r.payloads).toEqual([]);
      expect(r.errors).toHaveLength(1);
      const e = r.errors[0]!;
      expect(e.code).toBe('input-too-large');
      expect(e.limit).toMatchObject({ name: 'INFLATE_MAX_BYTES', limit: INFLATE_MAX_BYTES, unit: 'bytes' });
      expect(e.limit!.seen).toBeGreaterThan(INFLATE_MAX_BYTES);
      expect(e.message).toContain('INFLATE_MAX_BYTES');
      expect(e.message).toContain('16 MiB');
    });
  }
  it('zlib framing, bare base64 and a POST form are bounded the same way (never input-bad-deflate)', () => {
    const zlib = b64(deflateBomb(100 * MB, { framing: 'zlib', prefix: '<a>' }));
    const raw = b64(deflateBomb(100 * MB, { prefix: '<a>' }));
    for (const input of [
      `SAMLRequest=${encodeURIComponent(zlib)}&SigAlg=x`,
      raw,
      `<html><body><form method="post" action="https://sp/acs"><input type="hidden" name="SAMLResponse" value="${raw}"/></form></body></html>`,
    ]) {
      const r = decodeInput(input);
      expect(r.errors.map((e) => e.code), input.slice(0, 30)).toEqual(['input-too-large']);
    }
  });
  it('the whole input shares one budget: five 15 MiB payloads in a HAR stop at INPUT_MAX_DECODED_TOTAL_BYTES', () => {
    const each = 15 * 1024 * 1024;
    const value = encodeURIComponent(b64(deflateBomb(each, { prefix: '<a>' })));
    const entries = Array.from({ length: 5 }, (_, i) => ({ startedDateTime: `2024-01-01T00:00:0${i}Z`, request: { method: 'GET', url: `https://idp/sso?SAMLRequest=${value}` } }));
    const r = decodeInput(JSON.stringify({ log: { entries } }));
    const decoded = r.payloads.reduce((n, p) => n + p.xml.length, 0);
    expect(decoded).toBeLessThanOrEqual(INPUT_MAX_DECODED_TOTAL_BYTES);
    expect(r.payloads.length).toBe(Math.floor(INPUT_MAX_DECODED_TOTAL_BYTES / (each + 3)));
    expect(r.errors.length).toBe(5 - r.payloads.length);
    for (const e of r.errors) expect(e.limit?.name).toBe('INPUT_MAX_DECODED_TOTAL_BYTES');
  });
});

describe('sizes, counts and nesting', () => {
  it('raw input over INPUT_MAX_CHARS is refused before any work', () => {
    const r = decodeInput(' '.repeat(INPUT_MAX_CHARS + 1));
    expect(r.errors[0]).toMatchObject({ code: 'input-too-large', limit: { name: 'INPUT_MAX_CHARS', seen: INPUT_MAX_CHARS + 1 } });
  });
  it('one XML document (a metadata aggregate) may pass INPUT_MAX_CHARS, up to XML_DOCUMENT_MAX_CHARS', () => {
    const aggregate = `\uFEFF\n  <md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">${' '.repeat(INPUT_MAX_CHARS)}</md:EntitiesDescriptor>`;
    const r = decodeInput(aggregate);
    expect(r.errors).toEqual([]);
    expect(r.detected).toBe('xml');
    expect(r.payloads).toHaveLength(1);
    expect(startsAsXmlDocument(' '.repeat(XML_DOCUMENT_SNIFF_CHARS) + '<x/>')).toBe(false);
  });
  it('base64 over BASE64_MAX_DECODED_BYTES is refused from its length', () => {
    const chars = Math.ceil(((BASE64_MAX_DECODED_BYTES + 3) * 4) / 3);
    const r = decodeInput(`SAMLResponse=${'A'.repeat(chars)}`);
    expect(r.errors[0]).toMatchObject({ code: 'input-too-large', limit: { name: 'BASE64_MAX_DECODED_BYTES' } });
    const small = decodeBase64Lenient('QUFBQUFBQUE=', 7);
    expect(!small.ok && small.error.code).toBe('input-too-large');
    expect(decodeBase64Lenient('QUFBQUFBQUE=', 8).ok).toBe(true);
  });
  it(`JSON nested deeper than ${JSON_MAX_DEPTH} levels is refused before JSON.parse`, () => {
    for (const input of ['['.repeat(200000) + ']'.repeat(200000), JSON.stringify({ log: { entries: [{ request: { url: 'x', postData: { params: [{ name: 'RelayState', value: JSON.parse('['.repeat(80) + ']'.repeat(80)) }] } } }] } })]) {
      const r = decodeInput(input);
      expect(r.errors[0]).toMatchObject({ code: 'input-too-large', limit: { name: 'JSON_MAX_DEPTH' } });
    }
    // Brackets inside strings do not count.
    expect(decodeInput(JSON.stringify({ SAMLRequest: b64(XML), RelayState: '['.repeat(500) })).errors).toEqual([]);
  });
  it(`a HAR with more than ${CAPTURE_MAX_PAYLOADS} SAML messages yields the first ${CAPTURE_MAX_PAYLOADS} and input-too-large`, () => {
    const url = redirect(XML);
    const entries = Array.from({ length: CAPTURE_MAX_PAYLOADS + 20 }, () => ({ request: { method: 'GET', url } }));
    const r = decodeInput(JSON.stringify({ log: { entries } }));
    expect(r.payloads).toHaveLength(CAPTURE_MAX_PAYLOADS);
    expect(r.errors).toEqual([expect.objectContaining({ code: 'input-too-large', limit: expect.objectContaining({ name: 'CAPTURE_MAX_PAYLOADS' }) })]);
    const tracer = decodeInput(JSON.stringify({ requests: Array.from({ length: CAPTURE_MAX_PAYLOADS + 1 }, () => ({ method: 'GET', url })) }));
    expect(tracer.payloads).toHaveLength(CAPTURE_MAX_PAYLOADS);
    expect(tracer.errors[0]?.code).toBe('input-too-large');
  });
  it(`base64 inside base64 is opened up to ${CONTAINER_MAX_DEPTH} levels, then refused`, () => {
    let wrapped = XML;
    for (let depth = 1; depth <= CONTAINER_MAX_DEPTH + 2; depth++) {
      wrapped = b64(wrapped);
      const r = decodeInput(wrapped);
      // depth 1 is plain base64; each further level is one nested container.
      if (depth - 1 <= CONTAINER_MAX_DEPTH) {
        expect(r.errors, `depth ${depth}`).toEqual([]);
        expect(r.payloads[0]!.xml).toBe(XML);
      } else {
        expect(r.errors[0], `depth ${depth}`).toMatchObject({ code: 'input-too-large', limit: { name: 'CONTAINER_MAX_DEPTH' } });
      }
    }
    // A Redirect URL and a HAR, base64-encoded, are opened too.
    expect(decodeInput(b64(redirect(XML))).payloads[0]!.xml).toBe(XML);
    expect(decodeInput(b64(JSON.stringify({ log: { entries: [{ request: { method: 'GET', url: redirect(XML) } }] } }))).detected).toBe('har');
  });
});

describe('HTML forms are scanned in linear time', () => {
  // Was /<input\b[^>]*>/g: 20,000 unclosed "<input " (140 KB) took 12.7 s, growing quadratically.
  const WATCHDOG_MS = 5000;
  for (const [name, tail] of [['unclosed <input', '<input '], ['unclosed <textarea>', '<textarea>'], ['unclosed <form', '<form ']] as const) {
    it(`200,000 × ${name}`, () => {
      const html = `<form method="post"><input name="SAMLResponse" value="${b64(XML)}">${tail.repeat(200000)}`;
      const t0 = performance.now();
      const r = decodeInput(html);
      expect(performance.now() - t0).toBeLessThan(WATCHDOG_MS);
      expect(r.payloads[0]?.xml).toBe(XML);
    });
  }
});

describe('captured URLs are cut at their fragment in linear time', () => {
  // Was url.replace(/#.*$/, ''): 50,000 '#' before a line break took 8.7 s, growing quadratically.
  it('a HAR and a SAML-tracer URL with 200,000 "#" before a line break', () => {
    const url = `${redirect(XML)}${'#'.repeat(200000)}\nx`;
    for (const input of [JSON.stringify({ log: { entries: [{ request: { method: 'GET', url } }] } }), JSON.stringify({ requests: [{ method: 'GET', url }] })]) {
      const t0 = performance.now();
      const r = decodeInput(input);
      expect(performance.now() - t0).toBeLessThan(5000);
      expect(r.payloads[0]?.xml).toBe(XML);
    }
  });
});

describe('lone UTF-16 surrogates are repaired and reported, never thrown', () => {
  const form = (relay: string) => `<form method="post" action="https://sp/acs"><input type="hidden" name="SAMLResponse" value="${b64(XML)}"/><input name="RelayState" value="${relay}"/></form>`;
  const inputs: [string, string][] = [
    ['HTML form (&#xD800;)', form('&#xD800;')],
    ['HTML form (&#xDC00; then &#xD800;)', form('a&#xDC00;b&#xD800;')],
    ['HAR params', JSON.stringify({ log: { entries: [{ request: { method: 'POST', url: 'https://sp/acs', postData: { params: [{ name: 'SAMLResponse', value: b64(XML) }, { name: 'RelayState', value: '\uD800' }] } } }] } })],
    ['HAR URL', JSON.stringify({ log: { entries: [{ request: { method: 'GET', url: `${redirect(XML)}&RelayState=x\uDBFF` } }] } })],
    ['SAML-tracer', JSON.stringify({ requests: [{ method: 'POST', url: 'https://sp/acs', post: [['SAMLResponse', b64(XML)], ['RelayState', '\uD800']] }] })],
    ['SAML-tracer GET pairs', JSON.stringify({ requests: [{ method: 'GET', url: 'https://idp/sso', get: [['SAMLRequest', b64(deflateRaw(XML))], ['RelayState', '\uDFFF']] }] })],
    ['JSON parameters', JSON.stringify({ SAMLRequest: b64(XML), RelayState: '\uD800' })],
    ['pasted URL', `${redirect(XML)}&RelayState=\uD800`],
  ];
  for (const [name, input] of inputs) {
    it(name, async () => {
      const report = await inspectInput(input, name, { at: new Date('2024-01-01T00:00:05Z') });
      expect(report.errors).toEqual([]);
      const m = report.messages[0]!;
      expect(m.payload.relayState).toMatch(/\uFFFD/);
      expect(m.payload.relayState).not.toMatch(/[\uD800-\uDFFF]/);
      const f = m.findings.find((x) => x.code === 'input-lone-surrogate');
      expect(f?.severity).toBe('warning');
      expect(f?.title).toContain('RelayState');
    });
  }
  it('a signed Redirect URL with a lone surrogate in its RelayState is verified without a URIError', async () => {
    // The query-signature diagnosis re-encodes the parameters (saml-signatures/redirect.ts): formDecode never hands it a lone surrogate.
    const sig = encodeURIComponent(Buffer.alloc(256, 1).toString('base64'));
    const url = `${redirect(XML)}&RelayState=x\uD800&SigAlg=http%3A%2F%2Fwww.w3.org%2F2001%2F04%2Fxmldsig-more%23rsa-sha256&Signature=${sig}`;
    const report = await inspectInput(url, 'signed', { trust: [readCorpus('crewjam__sp_cert.pem')] });
    expect(report.errors).toEqual([]);
    const codes = report.messages[0]!.findings.map((f) => f.code);
    expect(codes).toContain('input-lone-surrogate');
    expect(codes).toContain('query-signature-invalid');
  });
  it('a lone surrogate in pasted XML or SAML-tracer\'s decoded XML is shown as U+FFFD and reported', async () => {
    const xml = XML.replace('https://sp.example.com', 'https://sp.example.com/\uD800');
    for (const input of [xml, JSON.stringify({ requests: [{ method: 'POST', url: 'https://sp/acs', saml: xml }] })]) {
      const m = (await inspectInput(input, 'xml')).messages[0]!;
      expect(m.issuer).toBe('https://sp.example.com/\uFFFD');
      expect(m.findings.find((f) => f.code === 'input-lone-surrogate')?.title).toContain('XML');
    }
  });
  it('SAML-tracer timestamps outside the Date range do not throw', () => {
    const r = decodeInput(JSON.stringify({ requests: [{ method: 'GET', url: redirect(XML), timestamp: 1e300 }] }));
    expect(r.errors).toEqual([]);
  });
  it('null entries, params and pairs do not throw', () => {
    expect(() => decodeInput('{"log":{"entries":[null,1,"x",{"request":{"postData":{"params":[null,{"name":"SAMLRequest","value":[[1]]}]}}}]}}')).not.toThrow();
    expect(() => decodeInput('{"requests":[null,{"post":[null,["SAMLResponse",{}]]}]}')).not.toThrow();
  });
});
