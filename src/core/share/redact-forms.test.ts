// Redaction of the input forms the masks tests do not reach (HTTP-Redirect URLs, HAR captures
// with several messages, inputs with undecodable parts), of trust documents (PEM, bare base64,
// metadata XML, free text), of the protocol attributes that are never rewritten, and of a whole
// share state (expectations, source label, reported verdicts, decrypted content). Small
// hand-made inputs only, so each test runs in milliseconds.
import { createHmac } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { decodeInput } from '../binding/detect';
import type { InspectReport } from '../types';
import { Redactor, redactInput, redactShareState } from './redact';
import type { ShareState } from './state';

const SALT = 'salt';
const h = (value: string) => createHmac('sha256', SALT).update(value).digest('hex').slice(0, 8);
const text = (v: string) => `redacted-${h(v)}`;
const email = (v: string) => `user-${h(v)}@redacted.invalid`;
const b64 = (v: string) => `REDACTED${h(v).toUpperCase()}`;
const b64of = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const deflated = (s: string) => encodeURIComponent(deflateRawSync(Buffer.from(s, 'utf8')).toString('base64'));

const P = 'xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" xmlns:ds="http://www.w3.org/2000/09/xmldsig#"';
const response = (inner: string, attrs = '') => `<samlp:Response ${P} ID="_r1"${attrs}>${inner}</samlp:Response>`;
const request = (inner: string) => `<samlp:AuthnRequest ${P} ID="_q1">${inner}</samlp:AuthnRequest>`;
const NAMEID = 'jdoe.smith';
const withNameId = response(`<saml:Subject><saml:NameID>${NAMEID}</saml:NameID></saml:Subject>`);
const redactedNameId = withNameId.replace(NAMEID, text(NAMEID));

async function redacted(input: string, fields: Parameters<typeof redactInput>[1] = ['nameid']) {
  const r = await redactInput(input, fields, null, { salt: SALT });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('HTTP-Redirect inputs', () => {
  const req = request(`<saml:Subject><saml:NameID>${NAMEID}</saml:NameID></saml:Subject>`);
  test('a Redirect URL is re-deflated on the same endpoint, RelayState scrubbed, query signature dropped with a note', async () => {
    const url = `https://idp.example.com/sso?SAMLRequest=${deflated(req)}&RelayState=${encodeURIComponent(`https://app/?u=${NAMEID}`)}&SigAlg=${encodeURIComponent('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256')}&Signature=c2ln#frag`;
    const out = await redacted(url);
    expect(out.format).toBe('redirect-url');
    expect(out.input).toMatch(/^https:\/\/idp\.example\.com\/sso\?SAMLRequest=[^&]+&RelayState=[^&]+$/);
    expect(out.notes).toEqual([expect.stringMatching(/^HTTP-Redirect query signatures \(SigAlg, Signature\) were dropped/)]);
    const d = decodeInput(out.input);
    expect(d.payloads).toHaveLength(1);
    expect(d.payloads[0]!.binding).toBe('HTTP-Redirect');
    expect(d.payloads[0]!.parameter).toBe('SAMLRequest');
    expect(d.payloads[0]!.xml).toBe(req.replace(NAMEID, text(NAMEID)));
    expect(d.payloads[0]!.relayState).toBe(`https://app/?u=${text(NAMEID)}`);
    expect(d.payloads[0]!.redirect?.signature).toBeFalsy();
  });
  test('an unsigned Redirect URL without RelayState gets no note and no RelayState parameter', async () => {
    const out = await redacted(`https://idp.example.com/sso?SAMLRequest=${deflated(req)}`);
    expect(out.format).toBe('redirect-url');
    expect(out.notes).toEqual([]);
    expect(out.input).toMatch(/^https:\/\/idp\.example\.com\/sso\?SAMLRequest=[^&]+$/);
  });
  test('a Redirect SAMLResponse keeps its parameter name', async () => {
    const out = await redacted(`https://sp.example.com/slo?SAMLResponse=${deflated(withNameId)}`);
    expect(out.input).toMatch(/^https:\/\/sp\.example\.com\/slo\?SAMLResponse=[^&]+$/);
    expect(decodeInput(out.input).payloads[0]!.xml).toBe(redactedNameId);
  });
});

describe('HTTP-POST inputs', () => {
  test('a POST body without RelayState gets none, and keeps SAMLRequest as its parameter', async () => {
    const req = request(`<saml:Subject><saml:NameID>${NAMEID}</saml:NameID></saml:Subject>`);
    const out = await redacted(`SAMLRequest=${encodeURIComponent(b64of(req))}`);
    expect(out.format).toBe('post-body');
    expect(out.input).toBe(`SAMLRequest=${encodeURIComponent(b64of(req.replace(NAMEID, text(NAMEID))))}`);
  });
  test('an auto-submit form escapes &, <, > and " in its action and values, and keeps its parameter and method', async () => {
    const form = `<html><body><form method="post" action="https://sp.example.com/acs?a=1&amp;b=&lt;x&gt;"><input type="hidden" name="SAMLResponse" value="${b64of(withNameId)}"/></form></body></html>`;
    const out = await redacted(form);
    expect(out.format).toBe('html-form');
    expect(out.input).toBe(`<html><body><form method="POST" action="https://sp.example.com/acs?a=1&amp;b=&lt;x&gt;"><input type="hidden" name="SAMLResponse" value="${b64of(redactedNameId)}"/></form></body></html>`);
  });
  test('a form without RelayState has no RelayState field', async () => {
    const form = `<form method="POST" action="https://sp.example.com/acs"><input type="hidden" name="SAMLResponse" value="${b64of(withNameId)}"/></form>`;
    const out = await redacted(form);
    expect(out.input).not.toContain('RelayState');
    expect(out.input).toContain('method="POST"');
  });
});

describe('captures with several messages become a minimal HAR', () => {
  const req = request(`<saml:Subject><saml:NameID>${NAMEID}</saml:NameID></saml:Subject>`);
  const har = (entries: unknown[]) => JSON.stringify({ log: { version: '1.2', entries } });
  const redirectEntry = {
    startedDateTime: '2024-01-01T00:00:00.000Z',
    request: { method: 'GET', url: `https://idp.example.com/sso?SAMLRequest=${deflated(req)}&RelayState=rs-${NAMEID}&SigAlg=x&Signature=c2ln` },
    response: { status: 200 },
  };
  const postEntry = {
    startedDateTime: '2024-01-01T00:00:01.000Z',
    request: { method: 'POST', url: `https://sp.example.com/acs?u=${NAMEID}`, headers: [{ name: 'Cookie', value: 'secret=1' }], postData: { mimeType: 'application/x-www-form-urlencoded', text: `SAMLResponse=${encodeURIComponent(b64of(withNameId))}` } },
  };

  test('one entry per message: time, method, URL and body only, the capture note and the signature note', async () => {
    const out = await redacted(har([redirectEntry, postEntry, { request: { method: 'GET', url: 'https://other.example/' } }]));
    expect(out.format).toBe('har');
    expect(out.maskedCount).toBe(1);
    expect(out.notes).toEqual([
      expect.stringMatching(/^HTTP-Redirect query signatures/),
      'Only the SAML messages of the capture are kept (no headers, cookies, responses or other requests).',
    ]);
    expect(out.input).not.toContain(NAMEID);
    expect(out.input).not.toContain('Cookie');
    const parsed = JSON.parse(out.input);
    expect(parsed.log.version).toBe('1.2');
    expect(parsed.log.creator).toEqual({ name: 'samlscope redaction', version: '1' });
    const [first, second] = parsed.log.entries;
    expect(parsed.log.entries).toHaveLength(2);
    expect(Object.keys(first).sort()).toEqual(['request', 'startedDateTime']);
    expect(first.startedDateTime).toBe('2024-01-01T00:00:00.000Z');
    expect(first.request.method).toBe('GET');
    expect(first.request.url).toMatch(new RegExp(`^https://idp\\.example\\.com/sso\\?SAMLRequest=[^&]+&RelayState=rs-${text(NAMEID)}$`));
    expect(first.request.postData).toBeUndefined();
    expect(second).toEqual({
      startedDateTime: '2024-01-01T00:00:01.000Z',
      request: { method: 'POST', url: `https://sp.example.com/acs?u=${text(NAMEID)}`, postData: { mimeType: 'application/x-www-form-urlencoded', text: `SAMLResponse=${encodeURIComponent(b64of(redactedNameId))}` } },
    });
    const again = decodeInput(out.input);
    expect(again.detected).toBe('har');
    expect(again.payloads.map((p) => [p.binding, p.xml])).toEqual([
      ['HTTP-Redirect', req.replace(NAMEID, text(NAMEID))],
      ['HTTP-POST', redactedNameId],
    ]);
  });
  test('a capture with a single message is still a HAR, and entries without a time get none', async () => {
    const { startedDateTime: _drop, ...untimed } = postEntry;
    void _drop;
    const out = await redacted(har([untimed]));
    expect(out.format).toBe('har');
    expect(out.notes).toEqual(['Only the SAML messages of the capture are kept (no headers, cookies, responses or other requests).']);
    const entry = JSON.parse(out.input).log.entries[0];
    expect(Object.keys(entry)).toEqual(['request']);
  });
  test('a message that does not parse is left out of a capture with a note, the others kept', async () => {
    const broken = { request: { method: 'POST', url: 'https://sp.example.com/acs', postData: { mimeType: 'application/x-www-form-urlencoded', text: `SAMLResponse=${encodeURIComponent(b64of('<samlp:Response><unclosed>'))}` } } };
    const out = await redacted(har([postEntry, broken]));
    expect(out.notes[0]).toMatch(/^A message that is not well-formed XML was left out of the redacted copy \(.+\)\.$/);
    expect(JSON.parse(out.input).log.entries).toHaveLength(1);
  });
  test('a part of the input that does not decode is counted in a note', async () => {
    const bad = { request: { method: 'POST', url: 'https://sp.example.com/acs', postData: { mimeType: 'application/x-www-form-urlencoded', text: 'SAMLResponse=%%%not-base64%%%' } } };
    const d = decodeInput(har([postEntry, bad]));
    expect(d.errors.length).toBeGreaterThan(0);
    const out = await redacted(har([postEntry, bad]));
    expect(out.notes[0]).toBe(`${d.errors.length} part(s) of the input could not be decoded and are left out of the redacted copy.`);
  });
  test('a single message that does not parse is a typed error', async () => {
    const r = await redactInput(`SAMLResponse=${encodeURIComponent(b64of('<samlp:Response><unclosed>'))}`, ['nameid'], null, { salt: SALT });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/^Cannot redact a message that does not parse: .+/);
  });
});

describe('protocol attributes are never rewritten, even when they hold a masked value', () => {
  const NAMES = ['Version', 'Format', 'NameFormat', 'AllowCreate', 'ForceAuthn', 'IsPassive', 'Algorithm', 'Binding', 'ProtocolBinding', 'Method', 'Comparison', 'Consent', 'Value', 'use', 'protocolSupportEnumeration', 'WantAuthnRequestsSigned', 'AuthnRequestsSigned', 'WantAssertionsSigned', 'isDefault', 'index', 'PrefixList', 'Namespace'];
  test.each(NAMES)('%s', async (name) => {
    const xml = response(`<saml:Subject><saml:NameID>user1234</saml:NameID></saml:Subject><saml:Extra ${name}="user1234" Other="user1234"/>`);
    const out = await redacted(xml);
    expect(out.input).toContain(`<saml:Extra ${name}="user1234" Other="${text('user1234')}"/>`);
  });
  test('xsi:type', async () => {
    const xml = response('<saml:Subject><saml:NameID>user1234</saml:NameID></saml:Subject><saml:Extra xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="user1234" xsi:nil="user1234"/>');
    const out = await redacted(xml);
    expect(out.input).toContain(`xsi:type="user1234" xsi:nil="${text('user1234')}"`);
  });
});

describe('details of masking in a document', () => {
  test('CDATA content is masked like text, in place and elsewhere', async () => {
    const out = await redacted(response('<saml:Subject><saml:NameID><![CDATA[cdata.user]]></saml:NameID></saml:Subject><saml:Issuer><![CDATA[issuer cdata.user]]></saml:Issuer>'));
    expect(out.input).toContain(`<saml:NameID>${text('cdata.user')}</saml:NameID>`);
    expect(out.input).toContain(`<saml:Issuer><![CDATA[issuer ${text('cdata.user')}]]></saml:Issuer>`);
  });
  test('a NameID with a CDATA piece and a comment: each piece masked, the comment emptied', async () => {
    const out = await redacted(response('<saml:Subject><saml:NameID><![CDATA[first.part]]><!--c--> second.part</saml:NameID></saml:Subject>'));
    expect(out.input).toContain(`<saml:NameID><![CDATA[${text('first.part')}]]><!----> ${text('second.part')}</saml:NameID>`);
    expect(out.maskedCount).toBe(2);
  });
  test('a blank piece of a split NameID is kept as it is and not counted', async () => {
    const out = await redacted(response('<saml:Subject><saml:NameID>piece.one<!--c-->   </saml:NameID></saml:Subject>'));
    expect(out.input).toContain(`<saml:NameID>${text('piece.one')}<!---->   </saml:NameID>`);
    expect(out.maskedCount).toBe(1);
  });
  test('only SAML-namespaced NameID and AttributeValue elements are masked', async () => {
    const out = await redacted(response('<saml:Subject><saml:NameID>real.user</saml:NameID></saml:Subject><x:NameID xmlns:x="urn:other">other.user</x:NameID><saml:Issuer>issuer.name</saml:Issuer>'), ['nameid', 'attributes']);
    expect(out.input).toContain('<x:NameID xmlns:x="urn:other">other.user</x:NameID>');
    expect(out.input).toContain('<saml:Issuer>issuer.name</saml:Issuer>');
    expect(out.maskedCount).toBe(1);
  });
  test('an AttributeValue that is an e-mail gets the e-mail shape; an X509SubjectName stays text', async () => {
    const out = await redacted(response('<saml:Attribute Name="m"><saml:AttributeValue>jane@corp.example</saml:AttributeValue></saml:Attribute><ds:X509SubjectName>CN=x,E=ca@corp.example</ds:X509SubjectName>'), ['attributes', 'certificates']);
    expect(out.input).toContain(`<saml:AttributeValue>${email('jane@corp.example')}</saml:AttributeValue>`);
    expect(out.input).toContain(`<ds:X509SubjectName>${text('CN=x,E=ca@corp.example')}</ds:X509SubjectName>`);
  });
  test('e-mails in CDATA are found with the e-mails field only', async () => {
    const xml = response('<saml:Issuer><![CDATA[ops@corp.example]]></saml:Issuer>');
    expect((await redacted(xml, ['emails'])).input).toContain(`<![CDATA[${email('ops@corp.example')}]]>`);
    expect((await redacted(xml, ['nameid'])).input).toContain('ops@corp.example');
  });
  test('a base64 value is collected without its blanks and replaced without them', async () => {
    const out = await redacted(response('<ds:Signature><ds:SignatureValue>\n  QUJD\n  REVG\n</ds:SignatureValue></ds:Signature>'), ['signatures']);
    expect(out.input).toContain(`<ds:SignatureValue>${b64('QUJDREVG')}</ds:SignatureValue>`);
  });
  test('a whole e-mail address in domain parts with several letters is one value', async () => {
    const out = await redacted(response('<saml:Issuer>mail a.b@mail.corp.example.org now</saml:Issuer>'), ['emails']);
    expect(out.input).toContain(`<saml:Issuer>mail ${email('a.b@mail.corp.example.org')} now</saml:Issuer>`);
  });
});

// ---- trust documents and whole states ----

function report(messages: Partial<InspectReport['messages'][number]>[] = []): InspectReport {
  return { messages: messages.map((m) => ({ signatures: [], trusted: false, findings: [], assertions: [], ...m })) } as unknown as InspectReport;
}
const state = (over: Partial<ShareState> = {}): ShareState => ({
  v: 1, input: withNameId, trust: [], expectations: {}, at: '2024-01-01T00:00:00.000Z', skewSeconds: 0, profile: 'saml2int' as ShareState['profile'], selected: 0, ...over,
});
async function redactState(s: ShareState, fields: Parameters<typeof redactShareState>[1], rep = report()) {
  const r = await redactShareState(s, fields, rep, { salt: SALT });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('trust documents', () => {
  const CERT = 'MIIBcert\nAAAABBBB';
  test('a PEM certificate is replaced by its mask in base64 shape, keeping the PEM armour', async () => {
    const pem = `subject=CN=x\n-----BEGIN CERTIFICATE-----\n${CERT}\n-----END CERTIFICATE-----\n`;
    const r = await redactState(state({ trust: [pem] }), ['certificates']);
    expect(r.state.trust).toEqual([`subject=CN=x\n-----BEGIN CERTIFICATE-----\n${b64('MIIBcertAAAABBBB')}\n-----END CERTIFICATE-----\n`]);
    expect(r.maskedCount).toBe(1);
  });
  test('a PEM certificate is kept without the certificates field', async () => {
    const pem = `-----BEGIN CERTIFICATE-----\n${CERT}\n-----END CERTIFICATE-----`;
    const r = await redactState(state({ trust: [pem] }), ['nameid']);
    expect(r.state.trust).toEqual([pem]);
  });
  test('a bare base64 certificate (blanks around it) is replaced by its mask', async () => {
    const r = await redactState(state({ trust: [`  ${CERT}\n`] }), ['certificates']);
    expect(r.state.trust).toEqual([b64('MIIBcertAAAABBBB')]);
    expect(r.maskedCount).toBe(1);
  });
  test('free text that is not base64 is only scrubbed', async () => {
    const r = await redactState(state({ trust: ['fingerprint AB:CD for jdoe.smith, ops@corp.example'] }), ['certificates', 'emails', 'nameid']);
    expect(r.state.trust).toEqual([`fingerprint AB:CD for ${text(NAMEID)}, ${email('ops@corp.example')}`]);
  });
  test('metadata XML: its certificates masked by DOM, and the same certificate in the message gets the same mask', async () => {
    const md = `  <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://idp.example.com"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${CERT}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor></md:IDPSSODescriptor></md:EntityDescriptor>`;
    const msg = response(`<ds:Signature><ds:KeyInfo><ds:X509Data><ds:X509Certificate>MIIBcertAAAABBBB</ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature>`);
    const r = await redactState(state({ input: msg, trust: [md] }), ['certificates']);
    expect(r.state.trust[0]).toMatch(/^  <md:EntityDescriptor/);
    expect(r.state.trust[0]).toContain(`<ds:X509Certificate>${b64('MIIBcertAAAABBBB')}</ds:X509Certificate>`);
    expect(r.state.trust[0]).toContain('use="signing"');
    expect(r.state.input).toContain(`<ds:X509Certificate>${b64('MIIBcertAAAABBBB')}</ds:X509Certificate>`);
    expect(r.maskedCount).toBe(1);
  });
  test('text starting with < that does not parse is handled as text', async () => {
    const r = await redactState(state({ trust: ['<not xml for jdoe.smith'] }), ['nameid']);
    expect(r.state.trust).toEqual([`<not xml for ${text(NAMEID)}`]);
  });
  test('a PEM inside text that also has other words: the text around is scrubbed', async () => {
    const pem = `owner ops@corp.example\n-----BEGIN CERTIFICATE-----\n${CERT}\n-----END CERTIFICATE-----`;
    const r = await redactState(state({ trust: [pem] }), ['certificates', 'emails']);
    expect(r.state.trust).toEqual([`owner ${email('ops@corp.example')}\n-----BEGIN CERTIFICATE-----\n${b64('MIIBcertAAAABBBB')}\n-----END CERTIFICATE-----`]);
    expect(r.maskedCount).toBe(2);
  });
});

describe('a whole share state', () => {
  test('expectations, source and the reported verdict texts are scrubbed; the rest of the state is kept', async () => {
    const s = state({
      trust: [],
      expectations: { audience: `https://sp/${NAMEID}`, destination: 'ops@corp.example' } as ShareState['expectations'],
      source: `capture of ${NAMEID}.har`,
      skewSeconds: 90, selected: 0,
    });
    const rep = report([{
      trusted: true,
      signatures: [{ target: 'assertion', targetId: `_id-${NAMEID}`, verdict: 'valid', reason: `signed for ${NAMEID} by ca@corp.example` }, { target: 'response', targetId: null, verdict: 'valid', reason: 'ok' }] as never,
      findings: [{ code: 'x-code', severity: 'warning', title: `About finder@corp.example and ${NAMEID}` }] as never,
    }]);
    const r = await redactState(s, ['nameid', 'emails', 'nameid'], rep);
    expect(r.state).toEqual({
      v: 1,
      input: redactedNameId,
      trust: [],
      expectations: { audience: `https://sp/${text(NAMEID)}`, destination: email('ops@corp.example') },
      at: '2024-01-01T00:00:00.000Z',
      skewSeconds: 90,
      profile: s.profile,
      selected: 0,
      source: `capture of ${text(NAMEID)}.har`,
      redacted: {
        fields: ['nameid', 'emails'],
        reportedVerdicts: [{
          trusted: true,
          signatures: [
            { target: 'assertion', targetId: `_id-${text(NAMEID)}`, verdict: 'valid', reason: `signed for ${text(NAMEID)} by ${email('ca@corp.example')}` },
            { target: 'response', targetId: null, verdict: 'valid', reason: 'ok' },
          ],
          findings: [{ code: 'x-code', severity: 'warning', title: `About ${email('finder@corp.example')} and ${text(NAMEID)}` }],
        }],
        maskedCount: 4,
      },
    });
    expect(r.maskedCount).toBe(4);
    expect(r.notes).toEqual([]);
  });
  test('e-mails found only in the expectations, source or verdicts are collected (same mask everywhere)', async () => {
    const r = await redactState(state({ input: response('<saml:Issuer>x</saml:Issuer>'), expectations: { audience: 'exp@corp.example' } as ShareState['expectations'], source: 'src@corp.example' }), ['emails'], report([{ findings: [{ code: 'c', severity: 'info', title: 't@corp.example' }] as never, signatures: [{ target: 'response', targetId: 'id@corp.example', verdict: 'invalid', reason: 'r@corp.example' }] as never }]));
    expect(r.maskedCount).toBe(5);
    expect(r.state.expectations).toEqual({ audience: email('exp@corp.example') });
    expect(r.state.source).toBe(email('src@corp.example'));
  });
  test('no source: none in the redacted state', async () => {
    const r = await redactState(state(), ['nameid']);
    expect('source' in r.state).toBe(false);
    expect(r.state.expectations).toEqual({});
  });
  test('an input that cannot be redacted is a typed error', async () => {
    const r = await redactShareState(state({ input: 'hello' }), ['nameid'], report(), { salt: SALT });
    expect(r.ok).toBe(false);
  });
  test('the input notes are returned', async () => {
    const url = `https://idp.example.com/sso?SAMLRequest=${deflated(request(''))}&SigAlg=x&Signature=c2ln`;
    const r = await redactState(state({ input: url }), ['nameid']);
    expect(r.notes).toEqual([expect.stringMatching(/^HTTP-Redirect query signatures/)]);
  });

  describe('decrypted content (the sharer gave an SP key)', () => {
    const enc = response('<saml:EncryptedAssertion><xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#"><xenc:CipherData><xenc:CipherValue>Y2lwaGVy</xenc:CipherValue></xenc:CipherData></xenc:EncryptedData></saml:EncryptedAssertion>', ' Destination="https://sp/secret.user/v1 v2"');
    const decryptedReport = (decryptedXml: string | null, decrypted = true) => report([{
      assertions: [
        { decrypted, nameId: { value: 'secret.user' }, attributes: { a: [' v1 ', '  ', 'attr.value'] } },
        { decrypted: false, nameId: { value: 'plain.user' }, attributes: { b: ['plain.attr'] } },
        { decrypted, nameId: null, attributes: {} },
      ] as never,
      decryption: { items: [{ decryptedXml }] } as never,
    }]);
    test('NameID and attribute values of decrypted assertions are masked wherever they occur, and the ciphertext too', async () => {
      const r = await redactState(state({ input: enc, trust: ['secret.user and attr.value'] }), ['nameid', 'attributes'], decryptedReport('<x>hidden@corp.example</x>'));
      expect(r.state.input).toContain(`<xenc:CipherValue>${b64('Y2lwaGVy')}</xenc:CipherValue>`);
      expect(r.state.input).toContain(`Destination="https://sp/${text('secret.user')}/v1 v2"`);
      expect(r.state.trust).toEqual([`${text('secret.user')} and ${text('attr.value')}`]);
      expect(r.maskedCount).toBe(4); // secret.user, v1, attr.value, the ciphertext; never plain.user
    });
    test('with only the NameID field, attribute values stay; with only attributes, the NameID stays', async () => {
      const n = await redactState(state({ input: enc, trust: ['secret.user attr.value'] }), ['nameid'], decryptedReport('<x/>'));
      expect(n.state.trust).toEqual([`${text('secret.user')} attr.value`]);
      const a = await redactState(state({ input: enc, trust: ['secret.user attr.value'] }), ['attributes'], decryptedReport('<x/>'));
      expect(a.state.trust).toEqual([`secret.user ${text('attr.value')}`]);
    });
    test('e-mails in the decrypted XML are collected with the e-mails field, and the ciphertext is masked whatever the fields', async () => {
      const r = await redactState(state({ input: enc, trust: ['mail hidden@corp.example'] }), ['emails'], decryptedReport('<x>hidden@corp.example</x>'));
      expect(r.state.trust).toEqual([`mail ${email('hidden@corp.example')}`]);
      expect(r.state.input).toContain(`<xenc:CipherValue>${b64('Y2lwaGVy')}</xenc:CipherValue>`);
      expect(r.maskedCount).toBe(2);
    });
    test('an item that failed to decrypt, or no field chosen, changes nothing', async () => {
      const failed = await redactState(state({ input: enc, trust: ['secret.user'] }), ['emails'], decryptedReport(null));
      expect(failed.state.input).toContain('<xenc:CipherValue>Y2lwaGVy</xenc:CipherValue>');
      expect(failed.state.trust).toEqual(['secret.user']);
      const none = await redactState(state({ input: enc, trust: ['secret.user'] }), [], decryptedReport('<x/>'));
      expect(none.state.input).toContain('<xenc:CipherValue>Y2lwaGVy</xenc:CipherValue>');
      expect(none.maskedCount).toBe(0);
    });
    test('assertions that were not decrypted are not collected', async () => {
      const r = await redactState(state({ input: enc, trust: ['secret.user'] }), ['nameid'], decryptedReport('<x/>', false));
      expect(r.state.trust).toEqual(['secret.user']);
      expect(r.maskedCount).toBe(1); // the ciphertext only
    });
  });
});

describe('shapes and edges the masks depend on', () => {
  test('a text value is an e-mail only when the whole of it is one, with any number of domain labels', async () => {
    const r = new Redactor([], SALT);
    r.collectValue('jane@mail.corp.example', 'text');
    r.collectValue('jane@corp.example (work)', 'text');
    r.collectValue('raw@corp.example', 'base64');
    await r.prepare();
    expect(r.maskOf('jane@mail.corp.example')).toBe(email('jane@mail.corp.example'));
    expect(r.maskOf('jane@corp.example (work)')).toBe(text('jane@corp.example (work)'));
    expect(r.maskOf('raw@corp.example')).toBe(b64('raw@corp.example'));
  });
  test('an X509 name that is a whole e-mail gets the e-mail shape', async () => {
    const out = await redacted(response('<ds:X509IssuerName>ca@corp.example</ds:X509IssuerName>'), ['certificates']);
    expect(out.input).toContain(`<ds:X509IssuerName>${email('ca@corp.example')}</ds:X509IssuerName>`);
  });
  test('protocol vocabulary is recognised only at the start of a value', async () => {
    const out = await redacted(response('<saml:Subject><saml:NameID>id:urn:mace:x</saml:NameID></saml:Subject><saml:Issuer>id:urn:mace:x</saml:Issuer>'));
    expect(out.input).toContain(`<saml:Issuer>${text('id:urn:mace:x')}</saml:Issuer>`);
  });
  test('short pieces of a split NameID are masked in place', async () => {
    const out = await redacted(response('<saml:Subject><saml:NameID>ab<!--c-->cd</saml:NameID></saml:Subject>'));
    expect(out.input).toContain(`<saml:NameID>${text('ab')}<!---->${text('cd')}</saml:NameID>`);
  });
  test('a processing instruction inside a split NameID is kept; only comments are emptied', async () => {
    const out = await redacted(response('<saml:Subject><saml:NameID>ab<?pi keep?>cd</saml:NameID></saml:Subject>'));
    expect(out.input).toContain(`<saml:NameID>${text('ab')}<?pi keep?>${text('cd')}</saml:NameID>`);
  });
  test('a piece of a split NameID keeps all of its leading blanks', async () => {
    const out = await redacted(response('<saml:Subject><saml:NameID>ab<!--c-->\n   cd</saml:NameID></saml:Subject>'));
    expect(out.input).toContain(`<!---->\n   ${text('cd')}</saml:NameID>`);
  });
  test('the default namespace declaration is never rewritten', async () => {
    const out = await redacted(`<Response xmlns="urn:acme:jdoe.smith"><samlp:Response ${P} ID="_r"><saml:Subject><saml:NameID>urn:acme:jdoe.smith</saml:NameID></saml:Subject></samlp:Response></Response>`);
    expect(out.input).toMatch(/^<Response xmlns="urn:acme:jdoe\.smith"><samlp:Response /);
  });
  test('an address that only contains @redacted.invalid is not taken for a mask', async () => {
    const r = new Redactor(['emails'], SALT);
    await r.prepare();
    expect(r.scrub('leak@redacted.invalid.example.com')).toBe('user-00000000@redacted.invalid');
  });
  test('an input with nothing SAML: the decoder\'s own error, with its code', async () => {
    const d = decodeInput('hello');
    expect(d.errors.length).toBeGreaterThan(0);
    const r = await redactInput('hello', ['nameid'], null, { salt: SALT });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(d.errors[0]!.code);
      expect(r.error.message).toBe(`Cannot redact: ${d.errors[0]!.message}`);
    }
  });
  test('e-mails in the RelayState and the URL are collected (their own mask, counted)', async () => {
    const form = `<form method="POST" action="https://sp.example.com/acs?m=url@corp.example"><input type="hidden" name="SAMLResponse" value="${b64of(withNameId)}"/><input type="hidden" name="RelayState" value="rs@corp.example"/></form>`;
    const out = await redacted(form, ['emails']);
    expect(out.maskedCount).toBe(2);
    expect(out.input).toBe(`<html><body><form method="POST" action="https://sp.example.com/acs?m=${email('url@corp.example')}"><input type="hidden" name="SAMLResponse" value="${b64of(withNameId)}"/><input type="hidden" name="RelayState" value="${email('rs@corp.example')}"/></form></body></html>`);
  });
  test('a form posting a SAMLRequest with method GET keeps both', async () => {
    const req = request(`<saml:Subject><saml:NameID>${NAMEID}</saml:NameID></saml:Subject>`);
    const form = `<form method="get" action="https://idp.example.com/sso"><input type="hidden" name="SAMLRequest" value="${b64of(req)}"/></form>`;
    const d = decodeInput(form);
    const out = await redacted(form);
    expect(out.format).toBe('html-form');
    expect(out.input).toBe(`<html><body><form method="${d.payloads[0]!.method}" action="https://idp.example.com/sso"><input type="hidden" name="SAMLRequest" value="${b64of(req.replace(NAMEID, text(NAMEID)))}"/></form></body></html>`);
    expect(d.payloads[0]!.method).not.toBe('POST');
  });
  test('an empty PEM block becomes REDACTED', async () => {
    const r = await redactState(state({ trust: ['-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----'] }), ['certificates']);
    expect(r.state.trust).toEqual(['-----BEGIN CERTIFICATE-----\nREDACTED\n-----END CERTIFICATE-----']);
  });
});

describe('SAML-tracer exports', () => {
  const tracer = (requests: unknown[]) => JSON.stringify({ requests });
  test('a message from the decoded view only, posted: a HAR entry posting it as SAMLResponse', async () => {
    const out = await redacted(tracer([{ method: 'POST', url: 'https://sp.example.com/acs', saml: withNameId }]));
    expect(out.format).toBe('har');
    expect(out.notes).toEqual(['Only the SAML messages of the capture are kept (no headers, cookies, responses or other requests).']);
    expect(JSON.parse(out.input).log.entries).toEqual([
      { request: { method: 'POST', url: 'https://sp.example.com/acs', postData: { mimeType: 'application/x-www-form-urlencoded', text: `SAMLResponse=${encodeURIComponent(b64of(redactedNameId))}` } } },
    ]);
  });
  test('a message from the decoded view only, by GET: a Redirect URL with SAMLRequest', async () => {
    const req = request(`<saml:Subject><saml:NameID>${NAMEID}</saml:NameID></saml:Subject>`);
    const out = await redacted(tracer([{ method: 'GET', url: 'https://idp.example.com/sso', saml: req, timestamp: 0 }]));
    const [entry] = JSON.parse(out.input).log.entries;
    expect(entry.startedDateTime).toBe('1970-01-01T00:00:00.000Z');
    expect(entry.request.method).toBe('GET');
    expect(entry.request.url).toMatch(/^https:\/\/idp\.example\.com\/sso\?SAMLRequest=[^&]+$/);
    expect(decodeInput(out.input).payloads[0]!.xml).toBe(req.replace(NAMEID, text(NAMEID)));
  });
});

describe('what is collected, counted by maskedCount', () => {
  const CERT1 = 'MIIBcertAAAABBBB';
  test('without the certificates field, a one-line certificate in the trust is neither collected nor replaced', async () => {
    const r = await redactState(state({ trust: [`-----BEGIN CERTIFICATE-----\n${CERT1}\n-----END CERTIFICATE-----`, CERT1] }), ['nameid']);
    expect(r.state.trust).toEqual([`-----BEGIN CERTIFICATE-----\n${CERT1}\n-----END CERTIFICATE-----`, CERT1]);
    expect(r.maskedCount).toBe(1); // the NameID of the input
  });
  test('free text in the trust is not taken as one base64 value', async () => {
    const r = await redactState(state({ trust: ['fingerprint AB:CD', 'ABCD:EF', '-----BEGIN CERTIFICATE-----\n'] }), ['certificates']);
    expect(r.maskedCount).toBe(0);
    expect(r.state.trust).toEqual(['fingerprint AB:CD', 'ABCD:EF', '-----BEGIN CERTIFICATE-----\n']);
  });
  test('e-mails only in the decrypted XML are collected', async () => {
    const enc = response('<saml:EncryptedAssertion><xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#"><xenc:CipherData><xenc:CipherValue>Y2lwaGVy</xenc:CipherValue></xenc:CipherData></xenc:EncryptedData></saml:EncryptedAssertion>');
    const rep = report([{ assertions: [] as never, decryption: { items: [{ decryptedXml: '<x>only.here@corp.example</x>' }] } as never }]);
    const r = await redactState(state({ input: enc }), ['emails'], rep);
    expect(r.maskedCount).toBe(2); // the ciphertext and the e-mail
  });
  test('decrypted attribute values are collected without their surrounding blanks', async () => {
    const rep = report([{ assertions: [{ decrypted: true, nameId: null, attributes: { a: [' long.value '] } }] as never, decryption: { items: [{ decryptedXml: '<x/>' }] } as never }]);
    const r = await redactState(state({ trust: ['[long.value]'] }), ['attributes'], rep);
    expect(r.state.trust).toEqual([`[${text('long.value')}]`]);
  });
  test('a decrypted NameID or attribute that is an e-mail keeps the e-mail shape', async () => {
    const rep = report([{ assertions: [{ decrypted: true, nameId: { value: 'n@corp.example' }, attributes: { a: ['a@corp.example'] } }] as never, decryption: { items: [{ decryptedXml: '<x/>' }] } as never }]);
    const r = await redactState(state({ trust: ['n@corp.example a@corp.example'] }), ['nameid', 'attributes'], rep);
    expect(r.state.trust).toEqual([`${email('n@corp.example')} ${email('a@corp.example')}`]);
  });
  test('messages without decryption never switch on ciphertext masking', async () => {
    const enc = response('<xenc:CipherValue xmlns:xenc="http://www.w3.org/2001/04/xmlenc#">Y2lwaGVy</xenc:CipherValue>');
    const r = await redactState(state({ input: enc }), ['emails'], report([{}]));
    expect(r.state.input).toContain('>Y2lwaGVy</xenc:CipherValue>');
    expect(r.maskedCount).toBe(0);
  });
  test('a HAR request that carries a Redirect query with another method keeps that method', async () => {
    const req = request(`<saml:Subject><saml:NameID>${NAMEID}</saml:NameID></saml:Subject>`);
    const out = await redacted(JSON.stringify({ log: { entries: [{ request: { method: 'POST', url: `https://idp.example.com/sso?SAMLRequest=${deflated(req)}` } }] } }));
    expect(JSON.parse(out.input).log.entries[0].request.method).toBe('POST');
  });
  test('an HTTP-POST message of a capture is always posted, whatever the request method was', async () => {
    const out = await redacted(JSON.stringify({ requests: [{ method: 'GET', url: 'https://sp.example.com/acs', post: [['SAMLResponse', b64of(withNameId)]] }] }));
    const d = decodeInput(JSON.stringify({ requests: [{ method: 'GET', url: 'https://sp.example.com/acs', post: [['SAMLResponse', b64of(withNameId)]] }] }));
    expect(d.payloads[0]!.binding).toBe('HTTP-POST');
    expect(d.payloads[0]!.method).toBe('GET');
    expect(JSON.parse(out.input).log.entries[0].request).toEqual({ method: 'POST', url: 'https://sp.example.com/acs', postData: { mimeType: 'application/x-www-form-urlencoded', text: `SAMLResponse=${encodeURIComponent(b64of(redactedNameId))}` } });
  });
});
