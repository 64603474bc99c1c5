import { describe, expect, it } from 'vitest';
import { decodeInput } from '../binding/detect';
import { inspectInput } from '../inspect';
import type { InspectReport } from '../types';
import { MIN_GLOBAL_MASK_LENGTH, redactInput, redactShareState, reportedVerdictsOf } from './redact';
import { REDACTION_FIELDS, createShareState, decodeShareFragment, inspectOptionsOf, shareFragmentOf, shareUrl } from './state';
import { FIXED_AT, manifest, readCorpus, trustOf, type Entry } from './share.testutil';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const VOCABULARY = /^(urn:oasis:names:tc:SAML:|http:\/\/www\.w3\.org\/|urn:mace:|http:\/\/schemas\.)/;

/** Every sensitive value of the original, taken independently of the redactor (report + regexes on the XML). */
function sensitiveValues(report: InspectReport, xmls: string[], trust: string[]): { kind: string; value: string }[] {
  const out: { kind: string; value: string }[] = [];
  for (const m of report.messages) {
    for (const a of m.assertions) {
      if (a.nameId) out.push({ kind: 'nameid', value: a.nameId.value.trim() });
      for (const vs of Object.values(a.attributes)) for (const v of vs) out.push({ kind: 'attribute', value: v.trim() });
    }
    if (m.logoutRequest?.nameId) out.push({ kind: 'nameid', value: m.logoutRequest.nameId.value.trim() });
    for (const c of m.certificates) out.push({ kind: 'certificate', value: c.der });
  }
  for (const x of [...xmls, ...trust]) {
    for (const re of [/<(?:\w+:)?(SignatureValue|DigestValue|X509Certificate|CipherValue)\b[^>]*>([^<]+)</g]) {
      for (const mm of x.matchAll(re)) out.push({ kind: mm[1]!, value: mm[2]!.replace(/\s+/g, '') });
    }
    for (const mm of x.matchAll(EMAIL)) out.push({ kind: 'email', value: mm[0] });
  }
  for (const t of trust) for (const mm of t.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END/g)) out.push({ kind: 'pem', value: mm[1]!.replace(/\s+/g, '') });
  // Booleans are protocol vocabulary too (AllowCreate="true"), not personal data.
  return out.filter((v) => v.value.length >= MIN_GLOBAL_MASK_LENGTH && !VOCABULARY.test(v.value) && !/^(true|false)$/i.test(v.value));
}

/** Also look for pieces of long values (a certificate split over lines is still a leak). */
function leaks(text: string, values: { kind: string; value: string }[]): string[] {
  // The masks themselves ("user-…@redacted.invalid") are not the original.
  const haystack = text.replace(/user-[0-9a-f]{8}@redacted\.invalid|redacted-[0-9a-f]{8}|REDACTED[0-9A-F]{8}/g, '#');
  const flat = haystack.replace(/\\n|\s+/g, '');
  const found: string[] = [];
  for (const v of values) {
    const probes = v.value.length > 64 ? [v.value.slice(0, 48), v.value.slice(-48)] : [v.value];
    for (const p of probes) if (haystack.includes(p) || flat.includes(p.replace(/\s+/g, ''))) found.push(`${v.kind}: ${v.value.slice(0, 60)}`);
  }
  return [...new Set(found)];
}

const entries = manifest().filter((e) => e.expected.signature !== 'malformed');

describe('redaction over the corpus: no masked value survives in the link', () => {
  for (const e of entries) {
    it(e.file, async () => {
      expect.hasAssertions();
      const input = readCorpus(e.file);
      const trust = trustOf(e);
      const options = { trust, at: new Date(e.at_time ?? FIXED_AT) };
      const report = await inspectInput(input, e.file, options);
      const state = createShareState({ input, options, source: e.file });
      const red = await redactShareState(state, REDACTION_FIELDS, report, { salt: 'test-salt' });
      if (!red.ok) throw new Error(red.error.message);
      const url = shareUrl('https://samlscope.example/', red.value.state);
      const back = decodeShareFragment(shareFragmentOf(url)!);
      if (!back.ok) throw new Error(back.error.message);
      expect(back.value).toStrictEqual(red.value.state);
      const s = back.value;
      // Every string of the state, without the JSON keys and booleans.
      const strings = [s.input, ...s.trust, ...Object.values(s.expectations), s.source ?? '', JSON.stringify(s.redacted)].join('\n');
      const xmls = decodeInput(input).payloads.map((p) => p.xml);
      const values = sensitiveValues(report, xmls, trust);
      expect(leaks(strings, values)).toEqual([]);
      // Nor in the encoded forms: decode the redacted input's payloads (base64, DEFLATE) and search again.
      const redactedXml = decodeInput(s.input).payloads.map((p) => p.xml).join('\n');
      expect(leaks(redactedXml, values)).toEqual([]);
      // The original encoded payload must not ride along either (when anything in it was masked).
      const encodedInput = !input.trim().startsWith('<') || /name="SAML(Request|Response)"/.test(input);
      if (encodedInput && values.some((v) => xmls.some((x) => x.includes(v.value)))) {
        const unescaped = input.replace(/&#43;/g, '+').replace(/%2B/gi, '+').replace(/%2F/gi, '/').replace(/%3D/gi, '=');
        for (const run of unescaped.match(/[A-Za-z0-9+/]{200,}/g) ?? []) expect(JSON.stringify(s).includes(run), `original encoded payload of ${e.file}`).toBe(false);
      }
      // The verdicts shown for a redacted link are the sharer's.
      expect(back.value.redacted?.reportedVerdicts.map((v) => v.signatures.map((s) => s.verdict))).toEqual(report.messages.map((m) => m.signatures.map((s) => s.verdict)));
      expect(back.value.redacted?.reportedVerdicts.map((v) => v.findings.map((f) => f.code))).toEqual(report.messages.map((m) => m.findings.map((f) => f.code)));
      // The redacted copy still decodes and parses as the same messages.
      const again = await inspectInput(back.value.input, e.file, inspectOptionsOf(back.value));
      expect(again.errors).toEqual([]);
      expect(again.messages.map((m) => m.kind)).toEqual(report.messages.filter((m) => !m.error).map((m) => m.kind));
      expect(again.messages.map((m) => m.binding)).toEqual(report.messages.filter((m) => !m.error).map((m) => m.binding));
    });
  }

  it('a message that does not parse cannot be redacted (typed error)', async () => {
    const r = await redactInput(readCorpus('crewjam__google_response_malformed_attr.xml'), ['nameid']);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toMatch(/^input-/);
  });
});

describe('masking', () => {
  const xml = `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r1" Version="2.0" IssueInstant="2020-01-01T00:00:00Z" Destination="https://sp.example.com/acs?hint=alice@example.com"><saml:Issuer>https://idp.example.com</saml:Issuer><saml:Assertion ID="_a1" Version="2.0" IssueInstant="2020-01-01T00:00:00Z"><saml:Issuer>https://idp.example.com</saml:Issuer><saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">alice@example.com</saml:NameID></saml:Subject><saml:AttributeStatement><saml:Attribute Name="mail"><saml:AttributeValue>alice@example.com</saml:AttributeValue></saml:Attribute><saml:Attribute Name="uid"><saml:AttributeValue>alice.smith</saml:AttributeValue><saml:AttributeValue>a|b*c</saml:AttributeValue></saml:Attribute><saml:Attribute Name="note"><saml:AttributeValue>contact bob@corp.example.org please</saml:AttributeValue></saml:Attribute></saml:AttributeStatement></saml:Assertion></samlp:Response>`;

  it('is deterministic for one salt, correlates equal values, and keeps e-mail shape', async () => {
    const a = await redactInput(xml, ['nameid', 'attributes', 'emails'], 'xml', { salt: 's' });
    const b = await redactInput(xml, ['nameid', 'attributes', 'emails'], 'xml', { salt: 's' });
    const c = await redactInput(xml, ['nameid', 'attributes', 'emails'], 'xml', { salt: 'other' });
    if (!a.ok || !b.ok || !c.ok) throw new Error('redaction failed');
    expect(a.value.input).toBe(b.value.input);
    expect(a.value.input).not.toBe(c.value.input);
    expect(a.value.format).toBe('xml');
    const nameId = /<saml:NameID[^>]*>([^<]*)</.exec(a.value.input)![1]!;
    expect(nameId).toMatch(/^user-[0-9a-f]{8}@redacted\.invalid$/);
    expect(a.value.input).toContain(`<saml:AttributeValue>${nameId}</saml:AttributeValue>`);
    expect(a.value.input).toContain(`hint=${nameId}`);
    expect(a.value.input).toMatch(/<saml:AttributeValue>redacted-[0-9a-f]{8}<\/saml:AttributeValue>/);
    for (const v of ['alice@example.com', 'alice.smith', 'a|b*c', 'bob@corp.example.org']) expect(a.value.input).not.toContain(v);
    expect(a.value.maskedCount).toBe(5);
  });

  it('masks only the chosen fields', async () => {
    const r = await redactInput(xml, ['emails'], null, { salt: 's' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.input).toContain('alice.smith');
    expect(r.value.input).not.toContain('alice@example.com');
    expect(r.value.input).toContain('contact user-');
    const n = await redactInput(xml, ['nameid'], null, { salt: 's' });
    if (!n.ok) throw new Error(n.error.message);
    // The NameID's value is masked wherever it appears, even in fields not chosen.
    expect(n.value.input).not.toContain('alice@example.com');
    expect(n.value.input).toContain('alice.smith');
    expect(n.value.input).toContain('bob@corp.example.org');
  });

  it('keeps the structure of a NameID split by a comment (nameid-comment still shows)', async () => {
    const input = readCorpus('crewjam__google_response_cve_2018_7340_comment.xml');
    const at = new Date('2016-01-05T16:55:39Z');
    const before = await inspectInput(input, 'x', { at });
    const r = await redactInput(input, REDACTION_FIELDS, null, { salt: 's' });
    if (!r.ok) throw new Error(r.error.message);
    const after = await inspectInput(r.value.input, 'x', { at });
    const codes = (x: InspectReport) => x.messages[0]!.findings.map((f) => f.code);
    expect(codes(before)).toContain('nameid-comment');
    expect(codes(after)).toContain('nameid-comment');
  });

  it('re-encodes a Redirect URL without the original query signature', async () => {
    const input = readCorpus('crewjam__signed_authnrequest_redirect_query.txt');
    const r = await redactInput(input, ['signatures'], null, { salt: 's' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.format).toBe('redirect-url');
    expect(r.value.input).not.toMatch(/[?&](Signature|SigAlg)=/);
    expect(r.value.notes.join(' ')).toMatch(/query signatures/);
    const d = decodeInput(r.value.input);
    expect(d.detected).toBe('redirect-url');
    expect(d.payloads[0]!.binding).toBe('HTTP-Redirect');
  });

  it('reportedVerdictsOf keeps verdicts, trust and finding codes only', async () => {
    const e = manifest().find((x) => x.file === 'crewjam__xsw_permutation_one.xml') as Entry;
    const report = await inspectInput(readCorpus(e.file), e.file, { trust: trustOf(e), at: new Date(e.at_time!) });
    const v = reportedVerdictsOf(report);
    expect(v).toHaveLength(report.messages.length);
    expect(v[0]!.trusted).toBe(false);
    expect(v[0]!.findings.map((f) => f.code)).toContain('signature-wrapping');
    expect(Object.keys(v[0]!.findings[0]!).sort()).toEqual(['code', 'severity', 'title']);
  });
});
