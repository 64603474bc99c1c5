import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deflateRaw, deflate } from 'pako';
import { describe, expect, it } from 'vitest';
import { corpusDataFiles } from '../corpus/corpus.testutil';
import { decodeInput } from './detect';

const corpus = resolve(__dirname, '../../../test/corpus');
const read = (f: string) => readFileSync(resolve(corpus, f), 'utf8');
const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');
const XML = '<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_a1" Version="2.0" IssueInstant="2024-01-01T00:00:00Z"><saml:Issuer xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">https://sp.example.com/é</saml:Issuer></samlp:AuthnRequest>';

describe('decodeInput: bindings', () => {
  it('decodes a Redirect URL and keeps the raw octets', () => {
    const v = encodeURIComponent(b64(deflateRaw(XML)));
    const url = `https://idp.example.com/sso?SAMLRequest=${v}&RelayState=a%20b&SigAlg=http%3A%2F%2Fwww.w3.org%2F2001%2F04%2Fxmldsig-more%23rsa-sha256&Signature=AAAA`;
    const r = decodeInput(url);
    expect(r.detected).toBe('redirect-url');
    expect(r.errors).toEqual([]);
    const p = r.payloads[0]!;
    expect(p.xml).toBe(XML);
    expect(p.binding).toBe('HTTP-Redirect');
    expect(p.relayState).toBe('a b');
    expect(p.redirect?.rawMessageParam).toBe(`SAMLRequest=${v}`);
    expect(p.redirect?.rawRelayStateParam).toBe('RelayState=a%20b');
    expect(p.redirect?.sigAlg).toBe('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');
  });
  it('tolerates zlib framing, no compression, missing padding, double encoding and unescaped +', () => {
    const forms = [
      encodeURIComponent(b64(deflate(XML))),
      encodeURIComponent(b64(XML)),
      encodeURIComponent(b64(deflateRaw(XML)).replace(/=+$/, '')),
      encodeURIComponent(encodeURIComponent(b64(deflateRaw(XML)))),
      b64(deflateRaw(XML + ' '.repeat(7))),
    ];
    for (const f of forms) {
      const r = decodeInput(`https://idp.example.com/sso?SAMLRequest=${f}`);
      expect(r.errors).toEqual([]);
      expect(r.payloads[0]!.xml.trim()).toBe(XML);
    }
  });
  it('decodes a POST body and an HTML auto-submit form', () => {
    const body = `SAMLResponse=${encodeURIComponent(b64(XML).replace(/(.{60})/g, '$1\r\n'))}&RelayState=xyz`;
    const r = decodeInput(body);
    expect(r.detected).toBe('post-body');
    expect(r.payloads[0]!.binding).toBe('HTTP-POST');
    expect(r.payloads[0]!.xml).toBe(XML);
    const form = read('crewjam__authnrequest_post_form.html');
    const f = decodeInput(form);
    expect(f.detected).toBe('post-body');
    expect(f.payloads[0]!.xml).toContain('AuthnRequest');
  });
  it('decodes bare base64 and raw XML', () => {
    expect(decodeInput(b64(XML)).payloads[0]!.xml).toBe(XML);
    expect(decodeInput(b64(deflateRaw(XML))).payloads[0]!.xml).toBe(XML);
    expect(decodeInput(XML).detected).toBe('xml');
  });
  it('extracts every message from a HAR in time order', () => {
    const later = { startedDateTime: '2024-01-01T00:00:02Z', request: { method: 'POST', url: 'https://sp/acs', postData: { mimeType: 'application/x-www-form-urlencoded', text: `SAMLResponse=${encodeURIComponent(b64(XML))}` } }, response: { content: { text: '' } } };
    const earlier = { startedDateTime: '2024-01-01T00:00:01Z', request: { method: 'GET', url: `https://idp/sso?SAMLRequest=${encodeURIComponent(b64(deflateRaw(XML)))}` }, response: { content: { text: `<form method="post" action="https://sp/acs"><input type="hidden" name="SAMLResponse" value="${b64(XML)}"/></form>` } } };
    const r = decodeInput(JSON.stringify({ log: { version: '1.2', entries: [later, earlier] } }));
    expect(r.detected).toBe('har');
    expect(r.payloads.map((p) => [p.binding, p.method])).toEqual([['HTTP-Redirect', 'GET'], ['HTTP-POST', 'POST'], ['HTTP-POST', 'POST']]);
  });
  it('extracts SAML-tracer exports', () => {
    const r = decodeInput(JSON.stringify({ requests: [{ method: 'POST', url: 'https://sp/acs', post: [['SAMLResponse', b64(XML)]] }], timestamp: 1 }));
    expect(r.detected).toBe('saml-tracer');
    expect(r.payloads[0]!.xml).toBe(XML);
  });
});

describe('decodeInput: bad input never crashes and never decodes', () => {
  const cases: [string, string][] = [
    ['', 'input-unrecognized'],
    ['   \n ', 'input-unrecognized'],
    ['hello world, this is not SAML', 'input-unrecognized'],
    ['SAMLResponse=%%%%', 'input-bad-base64'],
    ['SAMLRequest=abc*def', 'input-bad-base64'],
    [`https://idp/sso?SAMLRequest=${encodeURIComponent(b64(deflateRaw(XML)).slice(0, 40))}`, 'input-bad-deflate'],
    ['QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=', 'input-bad-deflate'],
    ['{"foo": 1}', 'input-unrecognized'],
    ['{"log": {"entries": []}}', 'input-unrecognized'],
    ['{not json', 'input-unrecognized'],
  ];
  for (const [input, code] of cases) {
    it(`${JSON.stringify(input.slice(0, 40))} → ${code}`, () => {
      const r = decodeInput(input);
      expect(r.payloads).toEqual([]);
      expect(r.errors[0]?.code).toBe(code);
      expect(r.errors[0]?.message.length).toBeGreaterThan(10);
    });
  }
  it('survives random bytes', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let i = 0; i < 300; i++) {
      const s = Array.from({ length: Math.floor(rnd() * 200) }, () => String.fromCharCode(Math.floor(rnd() * 128))).join('');
      const r = decodeInput(s);
      expect(r.payloads.length + r.errors.length).toBeGreaterThan(0);
    }
  });
});

describe('decodeInput: corpus encodings', () => {
  const manifest = JSON.parse(read('manifest.json')) as { file: string; encoding?: string; decoded_file?: string }[];
  for (const m of manifest.filter((e) => e.decoded_file && e.encoding)) {
    it(`${m.file} decodes to ${m.decoded_file}`, () => {
      expect.hasAssertions();
      const r = decodeInput(read(m.file));
      expect(r.errors).toEqual([]);
      expect(r.payloads[0]!.xml.trim()).toBe(read(m.decoded_file!).trim());
    });
  }
  // Every fixture decodes to at least one payload and no error: the two malformed messages look
  // like XML (the XML reader refuses them later with an input-* code), and the JSON a redirect
  // query came from holds SAMLRequest/SAMLResponse fields.
  const files = corpusDataFiles().filter((f) => !f.endsWith('.pem'));
  it.each(files)('decodes %s to a payload', (f) => {
    expect.hasAssertions();
    const r = decodeInput(read(f));
    expect(r.errors).toEqual([]);
    expect(r.payloads.length).toBeGreaterThan(0);
    expect(r.payloads[0]!.xml).toMatch(/<[A-Za-z]/);
  });
});
