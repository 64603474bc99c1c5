// One test per lint code on metadata built with openssl (certificates) and xmlsec1 (signatures),
// each with a passing counterpart so that a check that always fires fails too.
import { describe, expect, it } from 'vitest';
import { DAY, aggregateXml, entityXml, iso, makeCert, signWithXmlsec } from '../testing/fixtures.testutil';
import { lintHasErrors, lintMetadata } from './lint';

const NOW = Date.now();
const AT = new Date(NOW + DAY);

async function codes(xml: string, at = AT): Promise<string[]> {
  const r = await lintMetadata(xml, 'test.xml', { at, schema: false });
  expect(r.errors).toEqual([]);
  return [...r.findings, ...r.entities.flatMap((e) => e.findings)].map((f) => f.code);
}

describe('lint: a healthy entity', () => {
  it('finds nothing of severity error or warning in good IdP and SP metadata', async () => {
    for (const xml of [entityXml({ validUntil: iso(NOW + 10 * DAY) }), entityXml({ sp: true, validUntil: iso(NOW + 10 * DAY), encryption: makeCert({ cn: 'enc' }) })]) {
      const r = await lintMetadata(xml, 't', { at: AT, schema: false });
      expect(r.entities[0]!.findings.filter((f) => f.severity !== 'info')).toEqual([]);
      expect(lintHasErrors(r)).toBe(false);
    }
  });
});

describe('lint: validity', () => {
  it('md-expired when validUntil is past, not when it is ahead', async () => {
    expect(await codes(entityXml({ validUntil: iso(NOW - DAY) }))).toContain('md-expired');
    expect(await codes(entityXml({ validUntil: iso(NOW + 5 * DAY) }))).not.toContain('md-expired');
  });
  it('md-validuntil-too-far beyond 28 days (eduGAIN), not at 20', async () => {
    expect(await codes(entityXml({ validUntil: iso(NOW + 60 * DAY) }))).toContain('md-validuntil-too-far');
    expect(await codes(entityXml({ validUntil: iso(NOW + 20 * DAY) }))).not.toContain('md-validuntil-too-far');
  });
  it('an aggregate validUntil bounds every entity, reported once for too-far', async () => {
    const past = await lintMetadata(aggregateXml([entityXml({}, false), entityXml({ entityID: 'https://b.example.org' }, false)], ` validUntil="${iso(NOW - DAY)}"`), 't', { at: AT, schema: false });
    expect(past.findings.map((f) => f.code)).toContain('md-expired');
    expect(past.entities.every((e) => e.findings.some((f) => f.code === 'md-expired'))).toBe(true);
    const far = await lintMetadata(aggregateXml([entityXml({}, false)], ` validUntil="${iso(NOW + 90 * DAY)}"`), 't', { at: AT, schema: false });
    expect(far.findings.map((f) => f.code)).toContain('md-validuntil-too-far');
    expect(far.entities[0]!.findings.map((f) => f.code)).not.toContain('md-validuntil-too-far');
  });
  it('md-no-validuntil (info) on a standalone entity without it', async () => {
    expect(await codes(entityXml({}))).toContain('md-no-validuntil');
  });
  it('md-cache-duration-invalid and md-cache-duration-too-long', async () => {
    expect(await codes(entityXml({ cacheDuration: '6 hours' }))).toContain('md-cache-duration-invalid');
    expect(await codes(entityXml({ cacheDuration: 'P10D', validUntil: iso(NOW + 5 * DAY) }))).toContain('md-cache-duration-too-long');
    const ok = await codes(entityXml({ cacheDuration: 'PT6H', validUntil: iso(NOW + 5 * DAY) }));
    expect(ok).not.toContain('md-cache-duration-invalid');
    expect(ok).not.toContain('md-cache-duration-too-long');
  });
});

describe('lint: certificates (openssl)', () => {
  const short = makeCert({ days: 10, cn: 'short' });
  it('md-cert-expired once the certificate has ended', async () => {
    expect(await codes(entityXml({ signing: short }), new Date(NOW + 20 * DAY))).toContain('md-cert-expired');
  });
  it('md-cert-expiring within 30 days of --at, not before', async () => {
    const c = await codes(entityXml({ signing: short }));
    expect(c).toContain('md-cert-expiring');
    expect(c).not.toContain('md-cert-expired');
    expect(await codes(entityXml({ signing: makeCert({ days: 400, cn: 'long' }) }))).not.toContain('md-cert-expiring');
  });
  it('md-cert-not-yet-valid before notBefore', async () => {
    expect(await codes(entityXml({}), new Date(NOW - 3 * DAY))).toContain('md-cert-not-yet-valid');
  });
  it('md-key-too-small for RSA 1024, not 2048 or EC P-256', async () => {
    expect(await codes(entityXml({ signing: makeCert({ bits: 1024 }) }))).toContain('md-key-too-small');
    expect(await codes(entityXml({}))).not.toContain('md-key-too-small');
    expect(await codes(entityXml({ signing: makeCert({ ec: true }) }))).not.toContain('md-key-too-small');
  });
  it('md-weak-signature for a SHA-1 certificate', async () => {
    expect(await codes(entityXml({ signing: makeCert({ sha1: true }) }))).toContain('md-weak-signature');
    expect(await codes(entityXml({}))).not.toContain('md-weak-signature');
  });
  it('md-cert-unreadable for a broken X509Certificate', async () => {
    const xml = entityXml({}).replace(/<ds:X509Certificate>[^<]+/, '<ds:X509Certificate>MIIBroken');
    expect(await codes(xml)).toContain('md-cert-unreadable');
  });
});

describe('lint: metadata signature (xmlsec1)', () => {
  const signer = makeCert({ cn: 'federation' });
  it('md-weak-signature for an rsa-sha1 signed document, not for rsa-sha256', async () => {
    const base = entityXml({ validUntil: iso(NOW + 10 * DAY) });
    expect(await codes(signWithXmlsec(base, signer, 'sha1'))).toContain('md-weak-signature');
    expect(await codes(signWithXmlsec(base, signer, 'sha256'))).not.toContain('md-weak-signature');
  });
  it('md-aggregate-unsigned for an unsigned aggregate, not for a signed one', async () => {
    const agg = aggregateXml([entityXml({}, false)], ` validUntil="${iso(NOW + 10 * DAY)}"`);
    expect(await codes(agg)).toContain('md-aggregate-unsigned');
    expect(await codes(signWithXmlsec(agg, signer, 'sha256'))).not.toContain('md-aggregate-unsigned');
  });
});

describe('lint: endpoints and keys', () => {
  it('md-http-endpoint (error) for http:, warning for loopback', async () => {
    const r = await lintMetadata(entityXml({ ssoLocation: 'http://idp.example.org/sso' }), 't', { at: AT, schema: false });
    expect(r.entities[0]!.findings.find((f) => f.code === 'md-http-endpoint')?.severity).toBe('error');
    const l = await lintMetadata(entityXml({ ssoLocation: 'http://localhost:8080/sso' }), 't', { at: AT, schema: false });
    expect(l.entities[0]!.findings.find((f) => f.code === 'md-http-endpoint')?.severity).toBe('warning');
  });
  it('md-endpoint-not-url for a relative Location', async () => {
    expect(await codes(entityXml({ ssoLocation: '/sso' }))).toContain('md-endpoint-not-url');
  });
  it('md-unknown-binding for a misspelt binding, suggesting the right one', async () => {
    const r = await lintMetadata(entityXml({ binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Post' }), 't', { at: AT, schema: false });
    const f = r.entities[0]!.findings.find((x) => x.code === 'md-unknown-binding');
    expect(f?.explanation).toContain('HTTP-POST');
  });
  it('md-missing-endpoint for an IdP without SingleSignOnService', async () => {
    expect(await codes(entityXml({}).replace(/<md:SingleSignOnService[^>]*\/>/, ''))).toContain('md-missing-endpoint');
  });
  it('md-no-signing-key: error for an IdP, error for an SP that signs requests, info otherwise', async () => {
    const idp = await lintMetadata(entityXml({ signing: null }), 't', { at: AT, schema: false });
    expect(idp.entities[0]!.findings.find((f) => f.code === 'md-no-signing-key')?.severity).toBe('error');
    const sp = await lintMetadata(entityXml({ sp: true, signing: null, authnRequestsSigned: true }), 't', { at: AT, schema: false });
    expect(sp.entities[0]!.findings.find((f) => f.code === 'md-no-signing-key')?.severity).toBe('error');
    const sp2 = await lintMetadata(entityXml({ sp: true, signing: null }), 't', { at: AT, schema: false });
    expect(sp2.entities[0]!.findings.find((f) => f.code === 'md-no-signing-key')?.severity).toBe('info');
    expect(await codes(entityXml({}))).not.toContain('md-no-signing-key');
  });
  it('md-no-encryption-key for an SP without one', async () => {
    expect(await codes(entityXml({ sp: true }))).toContain('md-no-encryption-key');
  });
  it('md-no-saml2-protocol when the role announces only SAML 1.1', async () => {
    expect(await codes(entityXml({}).replace('urn:oasis:names:tc:SAML:2.0:protocol', 'urn:oasis:names:tc:SAML:1.1:protocol'))).toContain('md-no-saml2-protocol');
  });
  it('md-entity-id-not-absolute and md-entity-id-too-long', async () => {
    expect(await codes(entityXml({ entityID: 'my-idp' }))).toContain('md-entity-id-not-absolute');
    expect(await codes(entityXml({ entityID: `https://x.example.org/${'a'.repeat(1100)}` }))).toContain('md-entity-id-too-long');
  });
});

describe('lint: federation rules', () => {
  it('md-no-contact, and md-contact-not-mailto for a bare address', async () => {
    expect(await codes(entityXml({ contactEmail: null }))).toContain('md-no-contact');
    expect(await codes(entityXml({ contactEmail: 'ops@example.org' }))).toContain('md-contact-not-mailto');
    expect(await codes(entityXml({}))).not.toContain('md-contact-not-mailto');
  });
  it('md-no-registration-info (warning in an aggregate) and md-registration-authority-missing', async () => {
    const agg = await lintMetadata(aggregateXml([entityXml({ registration: false }, false)]), 't', { at: AT, schema: false });
    expect(agg.entities[0]!.findings.find((f) => f.code === 'md-no-registration-info')?.severity).toBe('warning');
    expect(await codes(entityXml({}).replace(' registrationAuthority="https://fed.example.org"', ''))).toContain('md-registration-authority-missing');
  });
  it('md-no-mdui, md-mdui-misplaced, md-mdui-logo-not-https', async () => {
    expect(await codes(entityXml({ displayName: null }))).toContain('md-no-mdui');
    expect(await codes(entityXml({ entityExtensions: '<mdui:UIInfo><mdui:DisplayName xml:lang="en">X</mdui:DisplayName></mdui:UIInfo>' }))).toContain('md-mdui-misplaced');
    expect(await codes(entityXml({ displayName: 'T</mdui:DisplayName><mdui:Logo height="16" width="16">http://x.example.org/l.png</mdui:Logo><mdui:DisplayName xml:lang="de">T' }))).toContain('md-mdui-logo-not-https');
  });
  it('md-scope-regexp-invalid, md-scope-regexp-unanchored, md-scope-misplaced', async () => {
    expect(await codes(entityXml({ roleExtensions: '<shibmd:Scope regexp="true">^(ex$</shibmd:Scope>' }))).toContain('md-scope-regexp-invalid');
    expect(await codes(entityXml({ roleExtensions: '<shibmd:Scope regexp="true">example.org</shibmd:Scope>' }))).toContain('md-scope-regexp-unanchored');
    const good = await codes(entityXml({ roleExtensions: '<shibmd:Scope regexp="true">^([a-z0-9-]+\\.)*example\\.org$</shibmd:Scope><shibmd:Scope regexp="false">example.org</shibmd:Scope>' }));
    expect(good.filter((c) => c.startsWith('md-scope'))).toEqual([]);
    expect(await codes(entityXml({ sp: true, roleExtensions: '<shibmd:Scope regexp="false">example.org</shibmd:Scope>' }))).toContain('md-scope-misplaced');
  });
  it('md-entity-attributes-misplaced inside a role, not in the entity Extensions', async () => {
    const ea = '<mdattr:EntityAttributes><saml:Attribute Name="http://macedir.org/entity-category"><saml:AttributeValue>http://refeds.org/category/research-and-scholarship</saml:AttributeValue></saml:Attribute></mdattr:EntityAttributes>';
    expect(await codes(entityXml({ roleExtensions: ea }))).toContain('md-entity-attributes-misplaced');
    expect(await codes(entityXml({ entityExtensions: ea }))).not.toContain('md-entity-attributes-misplaced');
  });
  it('md-duplicate-entity on the second occurrence, naming the first line', async () => {
    const r = await lintMetadata(aggregateXml([entityXml({}, false), entityXml({}, false)]), 't', { at: AT, schema: false });
    expect(r.entities[0]!.findings.map((f) => f.code)).not.toContain('md-duplicate-entity');
    const f = r.entities[1]!.findings.find((x) => x.code === 'md-duplicate-entity');
    expect(f?.explanation).toContain('line 2');
  });
});

describe('lint: input and profiles', () => {
  it('reports an input error for XML that is not metadata', async () => {
    const r = await lintMetadata('<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"/>', 't', { schema: false });
    expect(r.errors[0]?.code).toBe('input-unrecognized');
    expect(lintHasErrors(r)).toBe(true);
  });
  it('words fixes for authentik when the metadata is authentik\'s', async () => {
    const r = await lintMetadata(entityXml({ signing: makeCert({ days: 10, cn: 'short' }), ssoLocation: 'https://auth.example.com/application/saml/scaleway/sso/binding/redirect/' }), 't', { at: AT, schema: false });
    expect(r.profile).toBe('authentik');
    expect(r.entities[0]!.findings.find((f) => f.code === 'md-cert-expiring')?.fix).toContain('System → Certificates');
  });
});
