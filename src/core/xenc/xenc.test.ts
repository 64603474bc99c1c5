// XML Encryption against xmlsec1 (and OpenSSL for the OAEP variants xmlsec1 1.2.37 lacks):
// encrypt signed assertions there, decrypt here, compare with the plaintext and with xmlsec1's
// own decryption, and check the inner signature verdict after decryption.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectInput } from '../inspect';
import { toContractReport } from '../report';
import type { InspectedMessage } from '../types';
import { URI, makeKey, responseTemplate, xmlsecSign, type KeyPair, type TemplateOptions } from '../dsig/testing/xmlsec.testutil';
import { reencryptKeyTransport, xmlsecDecrypt, xmlsecEncryptAssertion, type EncryptOptions } from './testing/xmlsecEncrypt.testutil';
import { constants, publicEncrypt } from 'node:crypto';
import { parseDecryptionKeys } from './privateKeys';
import { rsaOaepDecrypt, rsaPkcs1v15Decrypt } from './rsa';

const AT = new Date('2030-01-01T00:01:00Z');
let idp: KeyPair, sp: KeyPair, otherSp: KeyPair;
let spPem: string, otherPem: string, signed: string, assertionText: string;

const base: TemplateOptions = { c14n: URI.exc, sigAlg: URI.rsa('sha256'), digest: URI.sha256, style: 'prefixed', pretty: false, signResponse: false, signAssertion: true };

beforeAll(() => {
  idp = makeKey('xenc-idp', 'rsa2048');
  sp = makeKey('xenc-sp', 'rsa2048');
  otherSp = makeKey('xenc-other-sp', 'rsa2048');
  spPem = readFileSync(sp.key, 'utf8');
  otherPem = readFileSync(otherSp.key, 'utf8');
  signed = xmlsecSign(responseTemplate(base), idp);
  assertionText = signed.slice(signed.indexOf('<saml:Assertion'), signed.lastIndexOf('</saml:Assertion>') + '</saml:Assertion>'.length);
});

async function inspectWith(xml: string, keys: string[] | undefined): Promise<InspectedMessage> {
  const r = await inspectInput(xml, 'test', { trust: [idp.certPem], at: AT, ...(keys ? { decryptionKeys: keys } : {}) });
  expect(r.errors).toEqual([]);
  return r.messages[0]!;
}

function flipBase64Byte(b64: string, index: number, mask: number): string {
  const bytes = Buffer.from(b64.replace(/\s+/g, ''), 'base64');
  bytes[index < 0 ? bytes.length + index : index]! ^= mask;
  return bytes.toString('base64');
}

/** The EncryptedData's own (last) CipherValue. */
function tamperContent(xml: string, index: number, mask: number): string {
  const at = xml.lastIndexOf('<xenc:CipherValue>') + '<xenc:CipherValue>'.length;
  const end = xml.indexOf('</xenc:CipherValue>', at);
  return xml.slice(0, at) + flipBase64Byte(xml.slice(at, end), index, mask) + xml.slice(end);
}

interface Case { name: string; enc: EncryptOptions; oaep?: Parameters<typeof reencryptKeyTransport>[3]; rsa: 'WebCrypto' | 'node-forge'; digest: string | null; mgf: string | null }
const cases: Case[] = [
  { name: 'rsa-oaep-mgf1p + aes128-cbc', enc: { cipher: 'aes128-cbc', transport: 'rsa-oaep-mgf1p' }, rsa: 'WebCrypto', digest: 'SHA-1', mgf: 'SHA-1' },
  { name: 'rsa-oaep-mgf1p + aes192-cbc', enc: { cipher: 'aes192-cbc', transport: 'rsa-oaep-mgf1p' }, rsa: 'WebCrypto', digest: 'SHA-1', mgf: 'SHA-1' },
  { name: 'rsa-oaep-mgf1p + aes256-cbc', enc: { cipher: 'aes256-cbc', transport: 'rsa-oaep-mgf1p', withCertificate: true }, rsa: 'WebCrypto', digest: 'SHA-1', mgf: 'SHA-1' },
  { name: 'rsa-oaep-mgf1p + aes128-gcm', enc: { cipher: 'aes128-gcm', transport: 'rsa-oaep-mgf1p' }, rsa: 'WebCrypto', digest: 'SHA-1', mgf: 'SHA-1' },
  { name: 'rsa-oaep-mgf1p + aes256-gcm', enc: { cipher: 'aes256-gcm', transport: 'rsa-oaep-mgf1p' }, rsa: 'WebCrypto', digest: 'SHA-1', mgf: 'SHA-1' },
  { name: 'rsa-1_5 + aes256-cbc', enc: { cipher: 'aes256-cbc', transport: 'rsa-1_5' }, rsa: 'node-forge', digest: null, mgf: null },
  { name: 'rsa-oaep-mgf1p + tripledes-cbc (node-forge)', enc: { cipher: 'tripledes-cbc', transport: 'rsa-oaep-mgf1p' }, rsa: 'WebCrypto', digest: 'SHA-1', mgf: 'SHA-1' },
  { name: 'rsa-oaep-mgf1p (SHA-256 digest, MGF1-SHA1) + aes256-cbc', enc: { cipher: 'aes256-cbc', transport: 'rsa-oaep-mgf1p' }, oaep: { uri: 'rsa-oaep-mgf1p', digest: 'sha256', mgf: 'sha1' }, rsa: 'node-forge', digest: 'SHA-256', mgf: 'SHA-1' },
  { name: 'xmlenc11 rsa-oaep (SHA-256, MGF1-SHA256) + aes256-gcm', enc: { cipher: 'aes256-gcm', transport: 'rsa-oaep-mgf1p' }, oaep: { uri: 'rsa-oaep', digest: 'sha256', mgf: 'sha256' }, rsa: 'WebCrypto', digest: 'SHA-256', mgf: 'SHA-256' },
  { name: 'xmlenc11 rsa-oaep (SHA-512, MGF1-SHA1) + aes128-gcm', enc: { cipher: 'aes128-gcm', transport: 'rsa-oaep-mgf1p' }, oaep: { uri: 'rsa-oaep', digest: 'sha512', mgf: 'sha1' }, rsa: 'node-forge', digest: 'SHA-512', mgf: 'SHA-1' },
];

describe('decrypting what xmlsec1 encrypted', () => {
  for (const c of cases) {
    it(`${c.name}: the plaintext, its signature verdict and the trace`, async () => {
      let enc = xmlsecEncryptAssertion(signed, sp.cert, c.enc);
      if (c.oaep) enc = reencryptKeyTransport(enc, sp.key, sp.cert, c.oaep);
      // The oracle decrypts it too (xmlsec1 cannot read the OAEP variants it does not implement).
      if (!c.oaep) expect(xmlsecDecrypt(enc, sp.key)).toContain(assertionText);
      const m = await inspectWith(enc, [spPem]);
      expect(m.decryption?.outcome).toBe('ok');
      const t = m.decryption!.items[0]!;
      expect(t.decryptedXml).toBe(assertionText);
      expect([t.rsaImplementation, t.oaepDigest, t.oaepMgf]).toEqual([c.rsa, c.digest, c.mgf]);
      expect(t.key?.index).toBe(1);
      expect(m.signatures.map((s) => `${s.target}:${s.verdict}`)).toEqual(['Assertion:valid']);
      expect(m.trusted).toBe(true);
      expect(m.assertions[0]).toMatchObject({ encrypted: true, decrypted: true, nameId: { value: 'alice@example.com' }, audiences: ['https://sp.example.com/'] });
      const codes = m.findings.map((f) => f.code);
      expect(codes).toContain('assertion-decrypted');
      expect(codes.includes('weak-algorithm')).toBe(c.enc.transport === 'rsa-1_5' || c.enc.cipher === 'tripledes-cbc');
      if (c.enc.withCertificate) expect(t.recipientCertificates.map((r) => r.matchingKey)).toEqual([1]);
    });
  }
});

describe('decryption failures are typed findings, never crashes', () => {
  it('wrong key: xenc-wrong-key, naming the certificate it was encrypted for', async () => {
    const enc = xmlsecEncryptAssertion(signed, sp.cert, { cipher: 'aes256-cbc', transport: 'rsa-oaep-mgf1p', withCertificate: true });
    const m = await inspectWith(enc, [otherPem]);
    expect(m.decryption?.outcome).toBe('failed');
    expect(m.decryption!.items[0]!.error?.code).toBe('xenc-wrong-key');
    expect(m.decryption!.items[0]!.error?.message).toContain('CN=xenc-sp.samlscope.test');
    expect(m.findings.map((f) => f.code)).toContain('decryption-failed');
    expect(m.assertions[0]).toMatchObject({ encrypted: true });
    expect(m.trusted).toBe(false);
  });
  it('several keys: each is tried, the certificate orders them, the trace says which worked', async () => {
    const enc = xmlsecEncryptAssertion(signed, sp.cert, { cipher: 'aes128-gcm', transport: 'rsa-oaep-mgf1p', withCertificate: true });
    const m = await inspectWith(enc, [otherPem, spPem]);
    const t = m.decryption!.items[0]!;
    expect(t.outcome).toBe('ok');
    expect(t.key?.index).toBe(2);
    expect(t.attempts).toHaveLength(1); // the certificate named key 2: tried first
  });
  it('wrong key with rsa-1_5 (no certificate): every key fails cleanly', async () => {
    const enc = xmlsecEncryptAssertion(signed, sp.cert, { cipher: 'aes256-cbc', transport: 'rsa-1_5' });
    const m = await inspectWith(enc, [otherPem]);
    expect(m.decryption!.items[0]!.error?.code).toBe('xenc-wrong-key');
  });
  it('tampered GCM ciphertext: xenc-auth-failed', async () => {
    const enc = xmlsecEncryptAssertion(signed, sp.cert, { cipher: 'aes256-gcm', transport: 'rsa-oaep-mgf1p' });
    const m = await inspectWith(tamperContent(enc, 40, 0x01), [spPem]);
    expect(m.decryption!.items[0]!.error?.code).toBe('xenc-auth-failed');
    expect(m.findings.find((f) => f.code === 'decryption-failed')?.severity).toBe('error');
  });
  it('tampered CBC padding: xenc-bad-padding', async () => {
    const enc = xmlsecEncryptAssertion(signed, sp.cert, { cipher: 'aes128-cbc', transport: 'rsa-oaep-mgf1p' });
    // Flipping bit 7 of the last octet of the next-to-last block flips it in the last plaintext
    // octet too (CBC): the pad length becomes ≥ 128.
    const m = await inspectWith(tamperContent(enc, -17, 0x80), [spPem]);
    expect(m.decryption!.items[0]!.error?.code).toBe('xenc-bad-padding');
  });
  it('an unreadable key is reported, not thrown', async () => {
    const enc = xmlsecEncryptAssertion(signed, sp.cert, { cipher: 'aes128-cbc', transport: 'rsa-oaep-mgf1p' });
    const r = await inspectInput(enc, 'test', { trust: [idp.certPem], at: AT, decryptionKeys: ['-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----'] });
    expect(r.decryptionKeyErrors?.[0]?.code).toBe('xenc-key-invalid');
    expect(r.messages[0]!.decryption?.outcome).toBe('failed');
  });
});

describe('signatures and trust around decryption', () => {
  it('assertion tampered before encryption: inner signature invalid, not trusted', async () => {
    const tampered = signed.replace('>alice@example.com</saml:NameID>', '>mallory@example.com</saml:NameID>');
    const m = await inspectWith(xmlsecEncryptAssertion(tampered, sp.cert, { cipher: 'aes128-gcm', transport: 'rsa-oaep-mgf1p' }), [spPem]);
    expect(m.signatures.map((s) => `${s.target}:${s.verdict}`)).toEqual(['Assertion:invalid']);
    expect(m.findings.map((f) => f.code)).toContain('digest-mismatch');
    expect(m.trusted).toBe(false);
  });
  it('inner signature checked against the trust anchors: another IdP key is not trusted', async () => {
    const enc = xmlsecEncryptAssertion(signed, sp.cert, { cipher: 'aes128-gcm', transport: 'rsa-oaep-mgf1p' });
    const r = await inspectInput(enc, 'test', { trust: [otherSp.certPem], at: AT, decryptionKeys: [spPem] });
    expect(r.messages[0]!.signatures.map((s) => s.verdict)).toEqual(['untrusted']);
    expect(r.messages[0]!.trusted).toBe(false);
  });

  /** Sign, encrypt, then sign the Response over the encrypted form (SAML core §6.2 order). */
  function signedResponseOverEncrypted(enc: string): string {
    const tmpl = `<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="${URI.exc}"/><ds:SignatureMethod Algorithm="${URI.rsa('sha256')}"/><ds:Reference URI="#_response1"><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/><ds:Transform Algorithm="${URI.exc}"/></ds:Transforms><ds:DigestMethod Algorithm="${URI.sha256}"/><ds:DigestValue></ds:DigestValue></ds:Reference></ds:SignedInfo><ds:SignatureValue></ds:SignatureValue><ds:KeyInfo><ds:X509Data></ds:X509Data></ds:KeyInfo></ds:Signature>`;
    const at = enc.indexOf('</saml:Issuer>') + '</saml:Issuer>'.length;
    return xmlsecSign(enc.slice(0, at) + tmpl + enc.slice(at), idp);
  }

  it('Response signed over the encrypted form, assertion signed inside: both valid, trusted', async () => {
    const xml = signedResponseOverEncrypted(xmlsecEncryptAssertion(signed, sp.cert, { cipher: 'aes256-gcm', transport: 'rsa-oaep-mgf1p' }));
    const m = await inspectWith(xml, [spPem]);
    expect(m.signatures.map((s) => `${s.target}:${s.verdict}`)).toEqual(['Response:valid', 'Assertion:valid']);
    expect(m.trusted).toBe(true);
    // Without the key: the Response signature alone, exactly as before this feature.
    const without = await inspectWith(xml, undefined);
    expect(without.signatures.map((s) => `${s.target}:${s.verdict}`)).toEqual(['Response:valid']);
    expect(without.trusted).toBe(true);
    expect(without.decryption).toBeUndefined();
  });
  it('Response signature broken over a valid inner signature: the outermost decides, not trusted', async () => {
    const xml = signedResponseOverEncrypted(xmlsecEncryptAssertion(signed, sp.cert, { cipher: 'aes256-gcm', transport: 'rsa-oaep-mgf1p' })).replace('Destination="https://sp.example.com/acs"', 'Destination="https://evil.example.com/acs"');
    const m = await inspectWith(xml, [spPem]);
    expect(m.signatures.map((s) => `${s.target}:${s.verdict}`)).toEqual(['Response:invalid', 'Assertion:valid']);
    expect(m.trusted).toBe(false);
  });
  it('an unsigned Response with an unsigned encrypted assertion is never trusted', async () => {
    const unsigned = responseTemplate({ ...base, signAssertion: false });
    const m = await inspectWith(xmlsecEncryptAssertion(unsigned, sp.cert, { cipher: 'aes128-cbc', transport: 'rsa-oaep-mgf1p' }), [spPem]);
    expect(m.decryption?.outcome).toBe('ok');
    expect(m.trusted).toBe(false);
    expect(m.findings.map((f) => f.code)).toContain('signature-missing');
  });
});

describe('the report', () => {
  it('without a key: no decryption section, fields as before', async () => {
    const enc = xmlsecEncryptAssertion(signed, sp.cert, { cipher: 'aes128-cbc', transport: 'rsa-oaep-mgf1p' });
    const r = await inspectInput(enc, 'test', { trust: [idp.certPem], at: AT });
    const json = toContractReport(r);
    expect(json).not.toHaveProperty('decryptionKeys');
    expect(json.messages[0]).not.toHaveProperty('decryption');
    expect(json.messages[0]!.assertions[0]).toEqual(expect.objectContaining({ encrypted: true }));
    expect(json.messages[0]!.assertions[0]).not.toHaveProperty('decrypted');
    expect(json.messages[0]!.findings.map((f) => f.code)).toEqual(['assertion-encrypted']);
  });
  it('with a key: decryption section with algorithms, key and plaintext, never the key', async () => {
    const enc = xmlsecEncryptAssertion(signed, sp.cert, { cipher: 'aes128-cbc', transport: 'rsa-oaep-mgf1p' });
    const r = await inspectInput(enc, 'test', { trust: [idp.certPem], at: AT, decryptionKeys: [spPem] });
    const text = JSON.stringify(toContractReport(r));
    const body = spPem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
    for (let i = 0; i + 64 <= body.length; i += 64) expect(text).not.toContain(body.slice(i, i + 64));
    expect(text).not.toContain('PRIVATE KEY');
    const json = toContractReport(r);
    expect(json.decryptionKeys?.[0]?.spkiSha256).toMatch(/^[0-9A-F:]+$/);
    expect(json.messages[0]!.decryption).toMatchObject({ outcome: 'ok', items: [{ element: 'EncryptedAssertion', blockCipher: 'http://www.w3.org/2001/04/xmlenc#aes128-cbc', keyTransport: 'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p', decryptedXml: assertionText }] });
    expect(json.messages[0]!.assertions[0]).toMatchObject({ encrypted: true, decrypted: true });
  });
});

describe('EME decoding (RFC 8017), through node-forge', () => {
  // Encoded messages built by hand and put through the raw RSA public operation (OpenSSL, no
  // padding), so that only the decoding of each one is under test.
  const K = 256;
  const encodedMessage = (...head: number[]) => {
    const em = new Uint8Array(K).fill(head.at(-1) ?? 0);
    em.set(head);
    return em;
  };
  const rawEncrypt = (em: Uint8Array) => new Uint8Array(publicEncrypt({ key: readFileSync(sp.cert), padding: constants.RSA_NO_PADDING }, em));

  it('rejects malformed encoded messages', async () => {
    const { keys: [key] } = await parseDecryptionKeys([spPem]);
    expect(key!.modulusBits).toBe(2048);
    expect(await rsaPkcs1v15Decrypt(key!, rawEncrypt(encodedMessage(0, 1, 1)))).toBeNull(); // block type 01 is for signatures
    expect(await rsaPkcs1v15Decrypt(key!, rawEncrypt(encodedMessage(0, 2, 1, 1, 0, 5)))).toBeNull(); // PS shorter than 8
    expect(await rsaPkcs1v15Decrypt(key!, rawEncrypt(encodedMessage(0, 2, 9)))).toBeNull(); // no 0x00 separator
    expect(await rsaPkcs1v15Decrypt(key!, new Uint8Array(K - 1).fill(7))).toBeNull(); // not the key's size
    expect(await rsaOaepDecrypt(key!, rawEncrypt(encodedMessage(7)), 'SHA-256', 'SHA-1', new Uint8Array())).toEqual({ plaintext: null, via: 'node-forge' });
    expect(await rsaOaepDecrypt(key!, rawEncrypt(encodedMessage(7)), 'SHA-1', 'SHA-1', new Uint8Array())).toEqual({ plaintext: null, via: 'WebCrypto' });
  });

  it('decodes well-formed ones (the controls of the test above)', async () => {
    const { keys: [key] } = await parseDecryptionKeys([spPem]);
    const message = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    const pem = readFileSync(sp.cert);
    expect(await rsaPkcs1v15Decrypt(key!, new Uint8Array(publicEncrypt({ key: pem, padding: constants.RSA_PKCS1_PADDING }, message)))).toEqual(message);
    // OpenSSL's OAEP with SHA-256 for the label and MGF1-SHA-256: the one-hash case WebCrypto decrypts too.
    expect(await rsaOaepDecrypt(key!, new Uint8Array(publicEncrypt({ key: pem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, message)), 'SHA-256', 'SHA-256', new Uint8Array())).toEqual({ plaintext: message, via: 'WebCrypto' });
  });
});
