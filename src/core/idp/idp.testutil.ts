// Test-only helpers (Node APIs allowed): openssl-made IdP and SP keys, and xmlsec1 as the
// independent oracle for what the mock IdP signs and encrypts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importSpKeyPair, type SpKeyPair } from '../mocksp/keys';
import { makeKey, type KeyPair } from '../dsig/testing/xmlsec.testutil';

export const XMLSEC1 = '/usr/bin/xmlsec1';
const NS_P = 'urn:oasis:names:tc:SAML:2.0:protocol';
const NS_A = 'urn:oasis:names:tc:SAML:2.0:assertion';
const DSIG = 'http://www.w3.org/2000/09/xmldsig#';

export interface TestKey extends KeyPair {
  keyPem: string;
  pair: SpKeyPair;
}

export async function testKey(name: string, kind: 'rsa2048' | 'P-256' = 'rsa2048'): Promise<TestKey> {
  const k = makeKey(name, kind);
  const keyPem = readFileSync(k.key, 'utf8');
  const pair = await importSpKeyPair(keyPem, k.certPem);
  if (!pair.ok) throw new Error(`import ${name}: ${pair.error.message}`);
  return { ...k, keyPem, pair: pair.value };
}

const dir = mkdtempSync(join(tmpdir(), 'samlscope-mockidp-'));
let n = 0;
function file(name: string, content: string): string {
  const f = join(dir, `idp-${n++}-${name}`);
  writeFileSync(f, content);
  return f;
}

/** How many ds:Signature elements `xml` holds. */
export function signatureCount(xml: string): number {
  return (xml.match(/<ds:Signature[\s>]/g) ?? []).length;
}

/** xmlsec1's verdict on the nth signature, with only `certFile` as key (KeyInfo ignored). */
export function xmlsecVerifies(xml: string, certFile: string, nth: number): { ok: boolean; stderr: string } {
  const f = file('verify.xml', xml);
  const r = spawnSync(XMLSEC1, ['--verify', '--enabled-key-data', 'key-name', '--pubkey-cert-pem', certFile, '--id-attr:ID', `${NS_P}:Response`, '--id-attr:ID', `${NS_A}:Assertion`, '--node-xpath', `(//*[local-name()='Signature' and namespace-uri()='${DSIG}'])[${nth}]`, f]);
  if (r.error) throw r.error;
  return { ok: r.status === 0, stderr: r.stderr.toString() };
}

/** xmlsec1 --decrypt with the SP's private key: the document with the EncryptedData replaced by its plaintext. */
export function xmlsecDecrypts(xml: string, keyFile: string): { ok: boolean; xml: string; stderr: string } {
  const f = file('encrypted.xml', xml);
  const r = spawnSync(XMLSEC1, ['--decrypt', '--privkey-pem', keyFile, f], { maxBuffer: 16 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { ok: r.status === 0, xml: r.stdout.toString('utf8'), stderr: r.stderr.toString() };
}
