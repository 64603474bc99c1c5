// What becomes a trust anchor from what the user pastes: metadata (every signing key), PEM
// blocks, bare base64 DER, <X509Certificate> elements; and the coded errors for the rest.
// Certificates are generated in-process (self-signed P-256, @peculiar/x509 over WebCrypto).
import { beforeAll, describe, expect, test } from 'vitest';
import { x509 } from '../x509/peculiar';
import { describeBinding } from './anchor-scope';
import { parseTrustInputs } from './anchors';

interface Cert { pem: string; b64: string; subject: string }
let a: Cert;
let b: Cert;
let c: Cert;

async function selfSigned(cn: string): Promise<Cert> {
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = await crypto.subtle.generateKey(alg, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({ serialNumber: '01', name: `CN=${cn}`, notBefore: new Date('2024-01-01T00:00:00Z'), notAfter: new Date('2034-01-01T00:00:00Z'), signingAlgorithm: alg, keys });
  return { pem: cert.toString('pem'), b64: cert.toString('base64'), subject: `CN=${cn}` };
}

beforeAll(async () => {
  [a, b, c] = await Promise.all([selfSigned('idp-a.example.com'), selfSigned('idp-b.example.com'), selfSigned('sp.example.com')]);
});

const MD = 'xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#"';
const kd = (cert: Cert, use?: string) => `<md:KeyDescriptor${use ? ` use="${use}"` : ''}><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${cert.b64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`;
const idp = (entityId: string, keys: string) => `<md:EntityDescriptor ${MD} entityID="${entityId}"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${keys}<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://idp.example.com/sso"/></md:IDPSSODescriptor></md:EntityDescriptor>`;

describe('metadata', () => {
  test('every signing key becomes an anchor, numbered per entity; encryption keys do not', async () => {
    const md = `<md:EntitiesDescriptor ${MD}>${idp('https://idp1.example.com', kd(a, 'signing') + kd(c, 'encryption') + kd(b))}${idp('https://idp2.example.com', kd(c, 'signing'))}</md:EntitiesDescriptor>`;
    const t = await parseTrustInputs([md]);
    expect(t.errors).toEqual([]);
    expect(t.anchors.map((x) => x.scope)).toEqual(['entity', 'entity', 'entity']);
    expect(t.anchors.map((x) => [x.description, x.source, x.subject])).toEqual([
      ['signing key 1 of https://idp1.example.com (IDPSSODescriptor, metadata)', 'metadata', a.subject],
      ['signing key 2 of https://idp1.example.com (IDPSSODescriptor, metadata)', 'metadata', b.subject],
      ['signing key 1 of https://idp2.example.com (IDPSSODescriptor, metadata)', 'metadata', c.subject],
    ]);
    expect(t.metadata.map((m) => m.entities.map((e) => e.entityId))).toEqual([['https://idp1.example.com', 'https://idp2.example.com']]);
    expect(t.certificates.map((x) => [x.subject, x.foundIn])).toEqual(t.anchors.map((x) => [x.subject, x.description]));
  });
  test('an anchor carries the certificate, its public key and its SHA-256 fingerprint', async () => {
    const [anchor] = (await parseTrustInputs([idp('https://idp.example.com', kd(a))])).anchors;
    const cert = new x509.X509Certificate(a.b64);
    expect(anchor!.certificateDer).toBe(a.b64);
    expect(anchor!.spkiDer).toBe(Buffer.from(cert.publicKey.rawData).toString('base64'));
    const digest = Buffer.from(await crypto.subtle.digest('SHA-256', Buffer.from(a.b64, 'base64'))).toString('hex').toUpperCase().match(/../g)!.join(':');
    expect(anchor!.sha256Fingerprint).toBe(digest);
  });
  test('metadata without a signing certificate: kept for its expectations, with an error', async () => {
    const t = await parseTrustInputs([idp('https://idp.example.com', kd(a, 'encryption'))]);
    expect(t.anchors).toEqual([]);
    expect(t.metadata).toHaveLength(1);
    expect(t.errors).toEqual([{ code: 'input-unrecognized', message: 'trust input: the metadata has no signing certificate (no KeyDescriptor with use="signing" or without use).' }]);
  });
  test('XML that is not metadata is refused, with a coded error', async () => {
    const t = await parseTrustInputs(['<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"/>']);
    expect(t).toEqual({ anchors: [], metadata: [], certificates: [], errors: [{ code: 'input-unrecognized', message: 'trust input: this XML is not SAML metadata (EntityDescriptor or EntitiesDescriptor).' }] });
  });
  test('XML that does not parse: the parser\'s code, prefixed with which input', async () => {
    const t = await parseTrustInputs([a.pem, '<md:EntityDescriptor']);
    expect(t.anchors).toHaveLength(1);
    expect(t.errors).toHaveLength(1);
    expect(t.errors[0]!.code).toMatch(/^input-/);
    expect(t.errors[0]!.message).toMatch(/^trust input 2: /);
  });
});

describe('certificates', () => {
  test('one PEM block', async () => {
    const t = await parseTrustInputs([a.pem]);
    expect(t.anchors.map((x) => [x.description, x.source, x.subject, x.certificateDer])).toEqual([['pasted certificate', 'cert', a.subject, a.b64]]);
    expect(t.anchors.map((x) => [x.scope, x.bindings])).toEqual([['any-issuer', []]]);
    expect(t.certificates.map((x) => x.foundIn)).toEqual(['pasted certificate']);
    expect(t.errors).toEqual([]);
  });
  test('several PEM blocks in one input, with text around them, numbered', async () => {
    const t = await parseTrustInputs([`old key:\n${a.pem}\nnew key:\n${b.pem}\n`]);
    expect(t.anchors.map((x) => [x.description, x.subject])).toEqual([['pasted certificate 1', a.subject], ['pasted certificate 2', b.subject]]);
  });
  test('bare base64 DER, and base64 wrapped over lines', async () => {
    const t = await parseTrustInputs([a.b64, b.b64.replace(/(.{64})/g, '$1\n')]);
    expect(t.anchors.map((x) => x.subject)).toEqual([a.subject, b.subject]);
    expect(t.errors).toEqual([]);
  });
  test('<X509Certificate> elements, prefixed or not, are certificates, not XML documents', async () => {
    const t = await parseTrustInputs([`<ds:X509Certificate>${a.b64}</ds:X509Certificate>`, `<X509Certificate xmlns="http://www.w3.org/2000/09/xmldsig#">${b.b64}</X509Certificate>`]);
    expect(t.errors).toEqual([]);
    expect(t.metadata).toEqual([]);
    expect(t.anchors.map((x) => [x.description, x.subject])).toEqual([['pasted certificate', a.subject], ['pasted certificate', b.subject]]);
  });
  test('an <X509Certificate> element whose base64 is wrapped over lines (as metadata writes it)', async () => {
    const t = await parseTrustInputs([`<ds:X509Certificate>\n  ${a.b64.replace(/(.{64})/g, '$1\n  ')}\n</ds:X509Certificate>`]);
    expect(t.errors).toEqual([]);
    expect(t.anchors.map((x) => [x.description, x.subject])).toEqual([['pasted certificate', a.subject]]);
  });
  test('two <X509Certificate> elements in one input, numbered', async () => {
    const t = await parseTrustInputs([`<ds:X509Certificate>${a.b64}</ds:X509Certificate>\n<ds:X509Certificate>${b.b64}</ds:X509Certificate>`]);
    expect(t.anchors.map((x) => [x.description, x.subject])).toEqual([['pasted certificate 1', a.subject], ['pasted certificate 2', b.subject]]);
  });
  test('one anchor per public key: the same certificate pasted twice is one anchor', async () => {
    expect((await parseTrustInputs([a.pem, a.pem])).anchors.map((x) => [x.description, x.scope])).toEqual([['pasted certificate', 'any-issuer']]);
    expect((await parseTrustInputs([`${a.pem}\n${a.pem}`])).anchors.map((x) => x.description)).toEqual(['pasted certificate 2, also pasted certificate 1']);
  });
  test('a metadata key also pasted as a certificate is trusted for any issuer', async () => {
    const t = await parseTrustInputs([idp('https://idp.example.com', kd(a)), a.pem]);
    expect(t.anchors.map((x) => [x.description, x.source, x.scope])).toEqual([['pasted certificate, also signing key 1 of https://idp.example.com (IDPSSODescriptor, metadata)', 'cert', 'any-issuer']]);
  });
  test('a key published by two entities is one anchor bound to both', async () => {
    const md = `<md:EntitiesDescriptor ${MD}>${idp('https://idp1.example.com', kd(a))}${idp('https://idp2.example.com', kd(a))}${idp('https://idp2.example.com', kd(a))}</md:EntitiesDescriptor>`;
    const [anchor, ...rest] = (await parseTrustInputs([md])).anchors;
    expect(rest).toEqual([]);
    const second = { entityId: 'https://idp2.example.com', role: 'IDPSSODescriptor' };
    expect([anchor!.scope, anchor!.bindings]).toEqual(['entity', [{ entityId: 'https://idp1.example.com', role: 'IDPSSODescriptor' }, second]]);
    expect(anchor!.description).toBe(`signing key 1 of https://idp1.example.com (IDPSSODescriptor, metadata); also ${describeBinding(second as never)}`);
  });
  test('a key an entity publishes in two roles is bound to each role', async () => {
    const sp = `<md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${kd(a)}<md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://idp.example.com/acs" index="0"/></md:SPSSODescriptor>`;
    const md = idp('https://idp.example.com', kd(a)).replace('</md:EntityDescriptor>', `${sp}</md:EntityDescriptor>`);
    const [anchor, ...rest] = (await parseTrustInputs([md])).anchors;
    expect(rest).toEqual([]);
    expect(anchor!.bindings).toEqual([{ entityId: 'https://idp.example.com', role: 'IDPSSODescriptor' }, { entityId: 'https://idp.example.com', role: 'SPSSODescriptor' }]);
  });
  test('the key named by a metadata document\'s own signature is bound to publishing metadata only', async () => {
    const signed = (root: string, name: string) => `<md:${root} ${MD} ${name}><ds:Signature><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${c.b64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature>${root === 'EntitiesDescriptor' ? idp('https://idp.example.com', kd(a)) : `<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${kd(a)}</md:IDPSSODescriptor>`}</md:${root}>`;
    const agg = await parseTrustInputs([signed('EntitiesDescriptor', 'Name="https://fed.example.org"')]);
    expect(agg.anchors.map((x) => x.source)).toEqual(['metadata', 'metadata']);
    expect(agg.anchors.map((x) => [x.description, x.bindings])).toEqual([
      ['signing key 1 of https://idp.example.com (IDPSSODescriptor, metadata)', [{ entityId: 'https://idp.example.com', role: 'IDPSSODescriptor' }]],
      ['publisher key 1 of the EntitiesDescriptor https://fed.example.org (the key its metadata signature names)', [{ entityId: 'https://fed.example.org', role: 'metadata-publisher' }]],
    ]);
    const one = await parseTrustInputs([signed('EntityDescriptor', 'entityID="https://idp.example.com"')]);
    expect(one.anchors[1]!.description).toBe('publisher key 1 of the EntityDescriptor https://idp.example.com (the key its metadata signature names)');
    const unnamed = await parseTrustInputs([signed('EntitiesDescriptor', '')]);
    expect(unnamed.anchors[1]!.description).toBe('publisher key 1 of the EntitiesDescriptor (the key its metadata signature names)');
  });
  test('a byte-order mark and surrounding blank space are ignored; empty inputs skipped', async () => {
    const t = await parseTrustInputs(['', '   \n', `\uFEFF  ${a.pem}  `]);
    expect(t.errors).toEqual([]);
    expect(t.anchors.map((x) => x.description)).toEqual(['pasted certificate']);
    const md = await parseTrustInputs([`\uFEFF\n${idp('https://idp.example.com', kd(a))}`]);
    expect(md.anchors.map((x) => x.source)).toEqual(['metadata']);
  });
  test('text that is neither metadata, PEM, base64 nor an element: a coded error naming the input', async () => {
    const t = await parseTrustInputs([a.pem, 'this is not a certificate']);
    expect(t.anchors).toHaveLength(1);
    expect(t.errors).toEqual([{ code: 'input-unrecognized', message: 'trust input 2: expected SAML metadata, a PEM certificate, base64 DER or an <X509Certificate> element.' }]);
  });
  test('base64 that is not a certificate: input-bad-base64, with what was wrong', async () => {
    const t = await parseTrustInputs(['AAAAAAAA']);
    expect(t.anchors).toEqual([]);
    expect(t.errors).toHaveLength(1);
    expect(t.errors[0]!.code).toBe('input-bad-base64');
    expect(t.errors[0]!.message).toMatch(/^pasted certificate: Not an X\.509 certificate/);
  });
  test('a damaged PEM block: input-bad-base64 with the description of the block', async () => {
    const t = await parseTrustInputs([`-----BEGIN CERTIFICATE-----\n${a.b64.slice(0, 40)}!!\n-----END CERTIFICATE-----`]);
    expect(t.errors.map((e) => e.code)).toEqual(['input-bad-base64']);
    expect(t.errors[0]!.message).toMatch(/^pasted certificate: The certificate is not base64\/PEM/);
  });
});
