// Test-only (Node APIs allowed): encrypt assertions with xmlsec1 (and OpenSSL for the key
// transports xmlsec1 1.2.37 lacks: xmlenc11#rsa-oaep and OAEP with a SHA-256 digest).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLSEC1 } from '../../dsig/testing/xmlsec.testutil';

const XENC = 'http://www.w3.org/2001/04/xmlenc#';
const XENC11 = 'http://www.w3.org/2009/xmlenc11#';
const dir = mkdtempSync(join(tmpdir(), 'samlscope-xenc-'));
let counter = 0;

export interface EncryptOptions {
  /** Block cipher URI fragment: aes128-cbc, aes256-cbc (xmlenc#), aes128-gcm, aes256-gcm (xmlenc11#). */
  cipher: 'aes128-cbc' | 'aes192-cbc' | 'aes256-cbc' | 'aes128-gcm' | 'aes256-gcm' | 'tripledes-cbc';
  transport: 'rsa-oaep-mgf1p' | 'rsa-1_5';
  /** Put the SP certificate into the EncryptedKey's KeyInfo. */
  withCertificate?: boolean;
}

/**
 * Wrap the (first) saml:Assertion of a Response in saml:EncryptedAssertion and let xmlsec1
 * replace it with an EncryptedData (Type Element) for the SP certificate.
 */
export function xmlsecEncryptAssertion(xml: string, spCertFile: string, o: EncryptOptions): string {
  const start = xml.indexOf('<saml:Assertion');
  const endTag = '</saml:Assertion>';
  const end = xml.lastIndexOf(endTag) + endTag.length;
  if (start < 0 || end < endTag.length) throw new Error('no saml:Assertion to encrypt');
  const wrapped = `${xml.slice(0, start)}<saml:EncryptedAssertion>${xml.slice(start, end)}</saml:EncryptedAssertion>${xml.slice(end)}`;
  const cipherNs = o.cipher.endsWith('gcm') ? XENC11 : XENC;
  const template = `<xenc:EncryptedData xmlns:xenc="${XENC}" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" Type="${XENC}Element"><xenc:EncryptionMethod Algorithm="${cipherNs}${o.cipher}"/><ds:KeyInfo><xenc:EncryptedKey><xenc:EncryptionMethod Algorithm="${XENC}${o.transport}"/>${o.withCertificate ? '<ds:KeyInfo><ds:X509Data/></ds:KeyInfo>' : ''}<xenc:CipherData><xenc:CipherValue/></xenc:CipherData></xenc:EncryptedKey></ds:KeyInfo><xenc:CipherData><xenc:CipherValue/></xenc:CipherData></xenc:EncryptedData>`;
  const n = counter++;
  const docFile = join(dir, `doc${n}.xml`);
  const tmplFile = join(dir, `tmpl${n}.xml`);
  writeFileSync(docFile, wrapped);
  writeFileSync(tmplFile, template);
  const r = spawnSync(XMLSEC1, ['--encrypt', '--pubkey-cert-pem', spCertFile, '--session-key', o.cipher === 'tripledes-cbc' ? 'des-192' : `aes-${o.cipher.slice(3, 6)}`, '--xml-data', docFile, '--node-xpath', "//*[local-name()='Assertion']", tmplFile], { maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`xmlsec1 --encrypt failed: ${r.stderr.toString()}`);
  return r.stdout.toString('utf8');
}

/** xmlsec1's own decryption of a document (the oracle), with the SP private key. */
export function xmlsecDecrypt(xml: string, spKeyFile: string): string | null {
  const file = join(dir, `dec${counter++}.xml`);
  writeFileSync(file, xml);
  const r = spawnSync(XMLSEC1, ['--decrypt', '--privkey-pem', spKeyFile, file], { maxBuffer: 64 * 1024 * 1024 });
  return r.status === 0 ? r.stdout.toString('utf8') : null;
}

/**
 * Re-encrypt the content key of an rsa-oaep-mgf1p EncryptedKey with OpenSSL under another OAEP
 * parameter set, and rewrite its EncryptionMethod: `xmlenc11#rsa-oaep` with a digest and MGF, or
 * `rsa-oaep-mgf1p` with a SHA-256 DigestMethod (MGF1 stays SHA-1, as that URI requires).
 */
export function reencryptKeyTransport(xml: string, spKeyFile: string, spCertFile: string, target: { uri: 'rsa-oaep' | 'rsa-oaep-mgf1p'; digest: 'sha256' | 'sha512'; mgf: 'sha1' | 'sha256' }): string {
  const m = /(<xenc:EncryptedKey>)<xenc:EncryptionMethod Algorithm="[^"]*rsa-oaep-mgf1p"\/>([\s\S]*?<xenc:CipherValue>)([^<]*)(<\/xenc:CipherValue>)/.exec(xml);
  if (!m) throw new Error('no rsa-oaep-mgf1p EncryptedKey');
  const n = counter++;
  const encFile = join(dir, `ek${n}.bin`);
  writeFileSync(encFile, Buffer.from(m[3]!.replace(/\s+/g, ''), 'base64'));
  const cek = execFileSync('openssl', ['pkeyutl', '-decrypt', '-inkey', spKeyFile, '-in', encFile, '-pkeyopt', 'rsa_padding_mode:oaep', '-pkeyopt', 'rsa_oaep_md:sha1', '-pkeyopt', 'rsa_mgf1_md:sha1']);
  const cekFile = join(dir, `cek${n}.bin`);
  writeFileSync(cekFile, cek);
  const reenc = execFileSync('openssl', ['pkeyutl', '-encrypt', '-certin', '-inkey', spCertFile, '-in', cekFile, '-pkeyopt', 'rsa_padding_mode:oaep', '-pkeyopt', `rsa_oaep_md:${target.digest}`, '-pkeyopt', `rsa_mgf1_md:${target.mgf}`]);
  const digestUri = target.digest === 'sha256' ? `${XENC}sha256` : `${XENC}sha512`;
  const method = target.uri === 'rsa-oaep'
    ? `<xenc:EncryptionMethod Algorithm="${XENC11}rsa-oaep"><ds:DigestMethod xmlns:ds="http://www.w3.org/2000/09/xmldsig#" Algorithm="${digestUri}"/><xenc11:MGF xmlns:xenc11="${XENC11}" Algorithm="${XENC11}mgf1${target.mgf}"/></xenc:EncryptionMethod>`
    : `<xenc:EncryptionMethod Algorithm="${XENC}rsa-oaep-mgf1p"><ds:DigestMethod xmlns:ds="http://www.w3.org/2000/09/xmldsig#" Algorithm="${digestUri}"/></xenc:EncryptionMethod>`;
  return xml.replace(m[0], `${m[1]}${method}${m[2]}${reenc.toString('base64')}${m[4]}`);
}
