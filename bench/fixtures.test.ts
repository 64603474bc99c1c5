// The benchmark's documents must be what it claims: signed by xmlsec1, and verified as `valid`
// by samlscope, xml-crypto and xmlsec1 alike (no timings here: speed is measured by the benchmark).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDocumentSignatures } from '../src/core/saml-signatures/verify';
import { summarizeMessage } from '../src/core/saml/summarize';
import { parseTrustInputs } from '../src/core/trust/anchors';
import { parseXmlSafely } from '../src/core/xml/parse';
import { aggregateTemplate, entityDescriptor, ID_ATTR, responseTemplate } from './fixtures';
import { makeKeyPair, signWithXmlsec, XMLSEC1, xmlsecVerifyArgs, type KeyPair } from './tools';
import { verifyWithXmlCrypto } from './xmlcrypto';

let dir = '';
let signer: KeyPair;
let entityCert = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'samlscope-bench-test-'));
  signer = makeKeyPair(dir, 'signer', '/CN=bench-test-signer');
  entityCert = makeKeyPair(dir, 'entity', '/CN=idp.example.edu').certDer;
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function signFile(name: string, xml: string, idAttr: string): string {
  const template = join(dir, `${name}.template.xml`);
  const signed = join(dir, `${name}.signed.xml`);
  writeFileSync(template, xml);
  signWithXmlsec(template, signed, signer, idAttr);
  return signed;
}

async function samlscopeVerdicts(xml: string, at: Date) {
  const trust = await parseTrustInputs([signer.certPem]);
  const doc = parseXmlSafely(xml);
  if (!doc.ok) throw new Error(doc.error.message);
  const v = await verifyDocumentSignatures(doc.value, trust.anchors, at);
  return { verdicts: v.signatures.map((s) => s.verdict), trusted: v.trusted, doc: doc.value };
}

describe('benchmark fixtures', () => {
  it('lays out a Response of about 5 KB once signed, accepted by all three verifiers', async () => {
    const fixture = responseTemplate();
    const file = signFile('response', fixture.xml, ID_ATTR.response);
    const xml = readFileSync(file, 'utf8');
    expect(xml.length).toBeGreaterThan(4000);
    expect(xml.length).toBeLessThan(7000);
    const ours = await samlscopeVerdicts(xml, fixture.at);
    expect(ours.verdicts).toEqual(['valid']);
    expect(ours.trusted).toBe(true);
    const summary = summarizeMessage(ours.doc);
    expect(summary.kind).toBe('Response');
    expect(summary.assertions[0]?.audiences).toEqual([fixture.audience]);
    expect(verifyWithXmlCrypto(xml, signer.certPem)).toBe(true);
    expect(spawnSync(XMLSEC1, xmlsecVerifyArgs(file, signer.certFile, ID_ATTR.response)).status).toBe(0);
  });

  it('generates an aggregate of the requested size, signed on its root, accepted by all three verifiers', async () => {
    const fixture = aggregateTemplate(200_000, [entityCert, signer.certDer]);
    expect(fixture.xml.length).toBeGreaterThanOrEqual(198_000);
    expect(fixture.entityCount).toBeGreaterThan(20);
    const file = signFile('aggregate', fixture.xml, ID_ATTR.entities);
    const xml = readFileSync(file, 'utf8');
    const ours = await samlscopeVerdicts(xml, new Date('2025-03-01T00:00:00Z'));
    expect(ours.verdicts).toEqual(['valid']);
    expect(ours.trusted).toBe(true);
    const summary = summarizeMessage(ours.doc);
    expect(summary.kind).toBe('EntitiesDescriptor');
    expect(summary.metadata?.entities).toHaveLength(fixture.entityCount);
    const first = summary.metadata!.entities[0]!;
    expect(first.roles[0]?.role).toBe('IDPSSODescriptor');
    expect(first.roles[0]?.keyDescriptors.map((k) => k.use)).toEqual(['signing', 'encryption']);
    expect(first.roles[0]?.singleSignOnServices).toHaveLength(3);
    expect(verifyWithXmlCrypto(xml, signer.certPem)).toBe(true);
    expect(spawnSync(XMLSEC1, xmlsecVerifyArgs(file, signer.certFile, ID_ATTR.entities)).status).toBe(0);
  });

  it('is caught as invalid when one byte of an entity changes after signing', async () => {
    const file = signFile('tampered', aggregateTemplate(50_000, [entityCert]).xml, ID_ATTR.entities);
    const xml = readFileSync(file, 'utf8').replace('Example University 3<', 'Example University 8<');
    expect((await samlscopeVerdicts(xml, new Date())).verdicts).toEqual(['invalid']);
  });

  it('gives every entity its own entityID and well-formed XML on its own', () => {
    const a = entityDescriptor(1, [entityCert]);
    const b = entityDescriptor(2, [entityCert]);
    expect(a).not.toBe(b);
    const wrapped = `<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xmlns:mdui="urn:oasis:names:tc:SAML:metadata:ui" xmlns:mdrpi="urn:oasis:names:tc:SAML:metadata:rpi" xmlns:shibmd="urn:mace:shibboleth:metadata:1.0">${a}${b}</md:EntitiesDescriptor>`;
    expect(parseXmlSafely(wrapped).ok).toBe(true);
  });
});
