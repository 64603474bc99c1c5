import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DAY, entityXml, makeCert } from '../testing/fixtures.testutil';
import { pairExitStatus, pairMetadata } from './pair';

const corpus = (f: string): string => readFileSync(join(__dirname, '../../../../test/corpus', f), 'utf8');
const AT = new Date(Date.now() + DAY);
const IDP = entityXml({});
const SP = entityXml({ sp: true, encryption: makeCert({ cn: 'enc' }) });
const codes = (idp: string, sp: string, at = AT): string[] => pairMetadata(idp, sp, 'idp', 'sp', { at }).findings.map((f) => f.code);

describe('metadata pair', () => {
  it('a compatible IdP and SP: no error or warning (exit 0)', () => {
    const r = pairMetadata(IDP, SP, 'idp', 'sp', { at: AT });
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(pairExitStatus(r)).toBe(0);
    expect(r.common.nameIdFormats).toEqual(['urn:oasis:names:tc:SAML:2.0:nameid-format:persistent']);
  });
  it('pair-no-common-binding when the SP only has an Artifact ACS and the IdP no ArtifactResolutionService', () => {
    expect(codes(IDP, entityXml({ sp: true, binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact' }))).toContain('pair-no-common-binding');
    expect(codes(entityXml({ binding: 'urn:oasis:names:tc:SAML:2.0:bindings:SOAP' }), SP)).toContain('pair-no-common-binding');
  });
  it('pair-nameid-format-unsupported when the formats do not meet; unspecified meets anything', () => {
    const sp = entityXml({ sp: true, nameIdFormats: ['urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress'] });
    expect(codes(IDP, sp)).toContain('pair-nameid-format-unsupported');
    expect(codes(entityXml({ nameIdFormats: ['urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified'] }), sp)).not.toContain('pair-nameid-format-unsupported');
  });
  it('pair-signing-required when the IdP wants signed requests the SP does not send', () => {
    const idp = entityXml({ wantAuthnRequestsSigned: true });
    expect(codes(idp, SP)).toContain('pair-signing-required');
    expect(codes(idp, entityXml({ sp: true, authnRequestsSigned: true, signing: null }))).toContain('pair-signing-required');
    expect(codes(idp, entityXml({ sp: true, authnRequestsSigned: true }))).not.toContain('pair-signing-required');
  });
  it('pair-idp-no-signing-key and pair-assertions-must-be-signed', () => {
    expect(codes(entityXml({ signing: null }), SP)).toContain('pair-idp-no-signing-key');
    expect(codes(IDP, entityXml({ sp: true, wantAssertionsSigned: true }))).toContain('pair-assertions-must-be-signed');
  });
  it('pair-encryption-key-missing and pair-encryption-key-expired', () => {
    expect(codes(IDP, entityXml({ sp: true }))).toContain('pair-encryption-key-missing');
    expect(codes(IDP, entityXml({ sp: true, encryption: makeCert({ cn: 'enc10', days: 10 }) }), new Date(Date.now() + 20 * DAY))).toContain('pair-encryption-key-expired');
  });
  it('pair-acs-not-https and pair-sso-not-https', () => {
    expect(codes(IDP, entityXml({ sp: true, acsLocation: 'http://sp.example.org/acs' }))).toContain('pair-acs-not-https');
    expect(codes(entityXml({ ssoLocation: 'http://idp.example.org/sso' }), SP)).toContain('pair-sso-not-https');
  });
  it('pair-metadata-expired, pair-idp-cert-expired, pair-idp-cert-expiring, pair-same-entity-id', () => {
    expect(codes(entityXml({ validUntil: new Date(Date.now() - DAY).toISOString() }), SP)).toContain('pair-metadata-expired');
    const short = entityXml({ signing: makeCert({ days: 10, cn: 'short' }) });
    expect(codes(short, SP)).toContain('pair-idp-cert-expiring');
    expect(codes(short, SP, new Date(Date.now() + 20 * DAY))).toContain('pair-idp-cert-expired');
    expect(codes(IDP, entityXml({ sp: true, entityID: 'https://idp.example.org/idp' }))).toContain('pair-same-entity-id');
  });
  it('pair-no-common-signing-algorithm when both announce disjoint alg:SigningMethod', () => {
    const alg = (a: string): string => `<alg:SigningMethod xmlns:alg="urn:oasis:names:tc:SAML:metadata:algsupport" Algorithm="${a}"/>`;
    expect(codes(entityXml({ entityExtensions: alg('http://www.w3.org/2001/04/xmldsig-more#rsa-sha512') }), entityXml({ sp: true, entityExtensions: alg('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256') }))).toContain('pair-no-common-signing-algorithm');
  });
  it('words the fix for authentik (IdP) and Scaleway (SP)', () => {
    const idp = entityXml({ wantAuthnRequestsSigned: true, ssoLocation: 'https://auth.example.com/application/saml/scaleway/sso/binding/post/', binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST' });
    const sp = entityXml({ sp: true, entityID: 'https://iam.scaleway.com/saml/11111111-2222-3333-4444-555555555555', acsLocation: 'https://api.scaleway.com/iam/v1/saml/11111111-2222-3333-4444-555555555555/login' });
    const r = pairMetadata(idp, sp, 'idp', 'sp', { at: AT });
    expect(r.findings.find((f) => f.code === 'pair-signing-required')!.fix).toContain('Verification Certificate');
    expect(r.findings.find((f) => f.code === 'pair-assertions-must-be-signed')!.fix).toContain('Sign assertions');
  });
  it('pairs real corpus metadata: the Okta IdP with the crewjam SP', () => {
    const r = pairMetadata(corpus('crewjam__okta_idp_metadata.xml'), corpus('crewjam__sp_metadata_both_certs.xml'), 'okta', 'sp', { at: new Date('2018-01-01T00:00:00Z') });
    expect(r.errors).toEqual([]);
    expect(r.idp.entityID).toMatch(/okta/);
  });
  it('an input without the role is an error of that side (exit 2)', () => {
    const r = pairMetadata(SP, SP, 'a', 'b');
    expect(r.errors.map((e) => e.side)).toEqual(['idp']);
    expect(pairExitStatus(r)).toBe(2);
  });
});
