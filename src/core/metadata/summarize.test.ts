// KeyDescriptor certificates are kept as the metadata writes them (line breaks included), and
// every reader that needs one compact or parsed still gets the same certificate.
import { beforeAll, describe, expect, test } from 'vitest';
import { withoutWhitespace } from '../encoding/whitespace';
import { readSpMetadata } from '../idp/sp';
import { inspectInput } from '../inspect';
import { idpEndpointsFromMetadata } from '../mocksp/endpoints';
import { toContractReport } from '../report';
import { parseTrustInputs } from '../trust/anchors';
import { parseXmlSafely } from '../xml/parse';
import { x509 } from '../x509/peculiar';
import { signingCertificatesOf, summarizeMetadata } from './summarize';

let der = '';
let written = '';

beforeAll(async () => {
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = await crypto.subtle.generateKey(alg, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({ serialNumber: '01', name: 'CN=idp.example.com', notBefore: new Date('2024-01-01T00:00:00Z'), notAfter: new Date('2034-01-01T00:00:00Z'), signingAlgorithm: alg, keys });
  der = cert.toString('base64');
  // As xmlsec1 and most IdPs write it: 64-character lines, indented.
  written = `\n        ${der.match(/.{1,64}/g)!.join('\n        ')}\n      `;
});

const MD = 'xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#"';
const kd = (text: string, use: string) => `<md:KeyDescriptor use="${use}"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${text}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`;
const idpXml = (text: string) => `<md:EntityDescriptor ${MD} entityID="https://idp.example.com"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${kd(text, 'signing')}<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://idp.example.com/sso"/></md:IDPSSODescriptor></md:EntityDescriptor>`;
const spXml = (text: string) => `<md:EntityDescriptor ${MD} entityID="https://sp.example.com"><md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${kd(text, 'encryption')}<md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://sp.example.com/acs" index="0"/></md:SPSSODescriptor></md:EntityDescriptor>`;

function summaryOf(xml: string) {
  const doc = parseXmlSafely(xml);
  if (!doc.ok) throw new Error(doc.error.message);
  return summarizeMetadata(doc.value.documentElement!)!;
}

describe('KeyDescriptor certificates', () => {
  test('are kept as written, white space included', () => {
    const meta = summaryOf(idpXml(written));
    expect(meta.entities[0]!.roles[0]!.keyDescriptors[0]!.certificates).toEqual([written]);
    expect(signingCertificatesOf(meta)).toEqual([{ entityId: 'https://idp.example.com', role: 'IDPSSODescriptor', der: written }]);
  });

  test('become the same trust anchor as the compact text', async () => {
    const [lines, compact] = await Promise.all([parseTrustInputs([idpXml(written)]), parseTrustInputs([idpXml(der)])]);
    expect(lines.errors).toEqual([]);
    expect(lines.anchors).toHaveLength(1);
    expect(lines.anchors[0]!.spkiDer).toBe(compact.anchors[0]!.spkiDer);
    expect(lines.anchors[0]!.bindings).toEqual([{ entityId: 'https://idp.example.com', role: 'IDPSSODescriptor' }]);
  });

  test('are printed compact in the JSON report, and listed among the message certificates', async () => {
    const report = await inspectInput(idpXml(written), 'metadata.xml');
    const json = toContractReport(report, 'cli') as { messages: { metadata: { entities: { roles: { keyDescriptors: { certificates: string[] }[] }[] }[] } }[] };
    expect(json.messages[0]!.metadata.entities[0]!.roles[0]!.keyDescriptors[0]!.certificates).toEqual([der]);
    expect(report.messages[0]!.certificates).toHaveLength(1);
    expect(report.messages[0]!.certificates[0]!.subject).toContain('idp.example.com');
  });

  test('are handed compact to the mock SP and the mock IdP', () => {
    const idp = idpEndpointsFromMetadata(idpXml(written));
    expect(idp.ok && idp.value[0]!.signingCertificates).toEqual([der]);
    const sp = readSpMetadata(spXml(written));
    expect(sp.ok && sp.value.encryptionCertificate).toBe(der);
    expect(withoutWhitespace(written)).toBe(der);
  });
});
