import { describe, expect, it } from 'vitest';
import { inspectInput } from '../inspect';
import { summarizeMetadata } from '../metadata/summarize';
import { samlRootOf } from '../saml/summarize';
import { parseTrustInputs } from '../trust/anchors';
import { parseXmlSafely } from '../xml/parse';
import { buildAuthnRequest } from './authnRequest';
import { generateSpKeyPair } from './keys';
import { exportSpMetadata } from './metadata';
import { buildRedirect } from './send';
import { defaultSettings } from './settings';
import { withoutWhitespace } from '../encoding/whitespace';
import { signXmlEnveloped } from './sign';

const settings = { ...defaultSettings('https://samlscope.test'), destination: 'https://idp.example.com/sso', spEntityId: 'https://samlscope.test/mock-sp?a=1&b=2', acsIndex: 2 };

describe('exportSpMetadata', () => {
  it('parses back with the core: entity, role flags, keys, NameIDFormat, ACS and SLO', async () => {
    const signing = await generateSpKeyPair('RSA-2048', 'signing');
    const encryption = await generateSpKeyPair('RSA-2048', 'encryption');
    const xml = exportSpMetadata(settings, { signingCertPem: signing.certificatePem, encryptionCertPem: encryption.certificatePem, wantAssertionsSigned: true, authnRequestsSigned: true, validUntil: new Date('2031-01-01T00:00:00Z') });
    const doc = parseXmlSafely(xml);
    if (!doc.ok) throw new Error(doc.error.message);
    const meta = summarizeMetadata(samlRootOf(doc.value))!;
    expect(meta.validUntil).toBe('2031-01-01T00:00:00Z');
    expect(meta.entities).toHaveLength(1);
    const e = meta.entities[0]!;
    expect(e.entityId).toBe(settings.spEntityId);
    const role = e.roles[0]!;
    expect(role).toMatchObject({ role: 'SPSSODescriptor', authnRequestsSigned: true, wantAssertionsSigned: true, protocolSupportEnumeration: 'urn:oasis:names:tc:SAML:2.0:protocol' });
    expect(role.keyDescriptors.map((k) => [k.use, k.certificates.map(withoutWhitespace)])).toEqual([['signing', [signing.certificateDer]], ['encryption', [encryption.certificateDer]]]);
    expect(role.nameIdFormats).toEqual([settings.nameIdPolicyFormat]);
    expect(role.assertionConsumerServices).toEqual([{ binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST', location: settings.acsUrl, responseLocation: null, index: 2, isDefault: true }]);
    expect(role.singleLogoutServices.map((s) => s.location)).toEqual([settings.spSloUrl, settings.spSloUrl]);
    // Schema order of SPSSODescriptor children (SAML metadata §2.4.1, §2.4.2, §2.4.4).
    const order: string[] = [];
    for (let c = doc.value.documentElement!.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      for (let d = c.firstChild; d; d = d.nextSibling) if (d.nodeType === 1) order.push((d as Element).localName!);
    }
    expect(order).toEqual(['KeyDescriptor', 'KeyDescriptor', 'SingleLogoutService', 'SingleLogoutService', 'NameIDFormat', 'AssertionConsumerService']);
  });

  it('its signing certificate becomes a trust anchor that verifies the SP\'s signed requests', async () => {
    const kp = await generateSpKeyPair('EC-P256', 'anchor');
    const xml = exportSpMetadata(settings, { signingCertPem: kp.certificatePem, wantAssertionsSigned: true, authnRequestsSigned: true });
    const trust = await parseTrustInputs([xml]);
    expect(trust.errors).toEqual([]);
    expect(trust.anchors).toHaveLength(1);
    expect(trust.anchors[0]!.certificateDer).toBe(kp.certificateDer);
    expect(trust.anchors[0]!.source).toBe('metadata');

    const signed = await signXmlEnveloped(buildAuthnRequest(settings).xml, kp, 'ecdsa-sha256');
    if (!signed.ok) throw new Error(signed.error.message);
    const report = await inspectInput(signed.value, 'post', { trust: [xml] });
    expect(report.messages[0]!.signatures[0]).toMatchObject({ verdict: 'valid', key: { source: 'metadata' } });

    const redirect = await buildRedirect(buildAuthnRequest(settings).xml, { ...settings, sign: true, signatureAlgorithm: 'ecdsa-sha256' }, kp);
    if (!redirect.ok) throw new Error(redirect.error.message);
    const r2 = await inspectInput(redirect.value.url, 'url', { trust: [xml] });
    expect(r2.messages[0]!.signatures.find((s) => s.target === 'query')?.verdict).toBe('valid');
  });

  it('without certificates it is still valid metadata (no KeyDescriptor)', () => {
    const xml = exportSpMetadata({ ...settings, spSloUrl: '', acsBinding: 'HTTP-Redirect' }, { wantAssertionsSigned: false, authnRequestsSigned: false, signingCertPem: 'garbage' });
    const doc = parseXmlSafely(xml);
    if (!doc.ok) throw new Error(doc.error.message);
    const role = summarizeMetadata(doc.value.documentElement!)!.entities[0]!.roles[0]!;
    expect(role.keyDescriptors).toEqual([]);
    expect(role.singleLogoutServices).toEqual([]);
    expect(role.authnRequestsSigned).toBe(false);
    expect(role.assertionConsumerServices[0]!.binding).toBe('urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect');
  });
});
