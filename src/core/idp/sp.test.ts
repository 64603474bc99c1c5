import { describe, expect, it } from 'vitest';
import { buildAuthnRequest, buildLogoutRequest, deflateAndEncode, defaultSettings, exportSpMetadata } from '../mocksp';
import { inspectInput } from '../inspect';
import { buildLogoutResponse } from './logout';
import { formatResponse, samlResponseValue } from './output';
import { acsFor, readRequest, readSpMetadata } from './sp';
import { testKey } from './idp.testutil';

const settings = { ...defaultSettings('https://app.test'), spEntityId: 'https://sp.test/metadata', acsUrl: 'https://sp.test/acs', spSloUrl: 'https://sp.test/slo' };

describe('reading the SP', () => {
  it('SP metadata: entity, POST ACS, encryption certificate, SLO', async () => {
    const k = await testKey('sp-read');
    const md = exportSpMetadata(settings, { encryptionCertPem: k.certPem, wantAssertionsSigned: true, authnRequestsSigned: false });
    const r = readSpMetadata(md);
    expect(r).toMatchObject({ ok: true, value: { entityId: 'https://sp.test/metadata', acsUrl: 'https://sp.test/acs', encryptionCertificate: k.pair.certificateDer, sloUrl: 'https://sp.test/slo', wantAssertionsSigned: true } });
    expect(readSpMetadata('<x/>')).toMatchObject({ ok: false, error: { code: 'not-sp-metadata' } });
    expect(readSpMetadata('<!DOCTYPE x><x/>')).toMatchObject({ ok: false, error: { code: 'input-dtd-forbidden' } });
  });

  it('an AuthnRequest by Redirect URL and by POST body: ID, ACS, RelayState', () => {
    const req = buildAuthnRequest(settings);
    const url = `https://app.test/mock-idp/sso?SAMLRequest=${encodeURIComponent(deflateAndEncode(req.xml))}&RelayState=abc`;
    const r = readRequest(url);
    expect(r).toMatchObject({ ok: true, value: { kind: 'AuthnRequest', id: req.id, acsUrl: 'https://sp.test/acs', relayState: 'abc', binding: 'HTTP-Redirect', issuer: 'https://sp.test/metadata' } });
    const post = `SAMLRequest=${encodeURIComponent(btoa(req.xml))}&RelayState=xyz`;
    expect(readRequest(post)).toMatchObject({ ok: true, value: { id: req.id, relayState: 'xyz', binding: 'HTTP-POST' } });
    expect(readRequest('hello')).toMatchObject({ ok: false });
    if (r.ok) expect(acsFor(r.value, null)).toBe('https://sp.test/acs');
    expect(acsFor(null, { acsUrl: 'https://md.test/acs' } as never)).toBe('https://md.test/acs');
  });
});

describe('LogoutRequest → LogoutResponse', () => {
  it('answers the request ID, signed, and inspect trusts it', async () => {
    const k = await testKey('slo-idp');
    const lr = buildLogoutRequest(settings, { nameId: { value: 'jdoe' }, sessionIndexes: ['_s1'] });
    const facts = readRequest(lr.xml);
    expect(facts).toMatchObject({ ok: true, value: { kind: 'LogoutRequest', nameId: 'jdoe' } });
    if (!facts.ok) return;
    const resp = await buildLogoutResponse({ idpEntityId: 'https://idp.test/', inResponseTo: facts.value.id, destination: 'https://sp.test/slo' }, k.pair);
    expect(resp.ok).toBe(true);
    if (!resp.ok) return;
    const rep = await inspectInput(resp.value, 'lr', { trust: [k.certPem] });
    const m = rep.messages[0]!;
    expect(m.kind).toBe('LogoutResponse');
    expect(m.inResponseTo).toBe(facts.value.id);
    expect(m.signatures.map((s) => s.verdict)).toEqual(['valid']);
  });
});

describe('output', () => {
  it('xml, base64 and an escaped auto-submit form', () => {
    const xml = '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_1"/>';
    expect(formatResponse(xml, 'xml', 'https://sp.test/acs')).toBe(`${xml}\n`);
    expect(atob(formatResponse(xml, 'base64', 'https://sp.test/acs').trim())).toBe(xml);
    const form = formatResponse(xml, 'form', 'https://sp.test/acs?a=1&b="2"', 'r"s');
    expect(form).toContain('action="https://sp.test/acs?a=1&amp;b=&quot;2&quot;"');
    expect(form).toContain(`name="SAMLResponse" value="${samlResponseValue(xml)}"`);
    expect(form).toContain('name="RelayState" value="r&quot;s"');
  });
});
