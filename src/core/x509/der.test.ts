// The light DER reader against @peculiar/x509, the library it stands in for on the inspection
// path: same subject, issuer, serial number, dates, SPKI bytes and key description, on every
// certificate of the corpus and on certificates openssl makes here with unusual names, keys and
// dates.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../corpus/corpus.testutil';
import { decodeBase64Lenient } from '../encoding/base64';
import { readCertificateBytes } from './certificate';
import { readCertificateDer, readPublicKeyAlgorithm, type CertificateView } from './der';
import { x509 } from './peculiar';

function derOf(b64: string): Uint8Array {
  const r = decodeBase64Lenient(b64);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.bytes;
}

function corpusCertificates(): { name: string; der: Uint8Array }[] {
  const out: { name: string; der: Uint8Array }[] = [];
  const seen = new Set<string>();
  for (const file of readdirSync(CORPUS_DIR, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())) {
    const text = readFileSync(join(file.parentPath, file.name), 'latin1');
    const bodies = [
      ...[...text.matchAll(/<(?:[\w.-]+:)?X509Certificate\b[^>]*>([\s\S]*?)<\//g)].map((m) => m[1]!),
      ...[...text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map((m) => m[1]!),
    ];
    for (const body of bodies) {
      const b64 = body.replace(/\s+/g, '');
      if (seen.has(b64) || !/^[A-Za-z0-9+/=]{100,}$/.test(b64)) continue;
      seen.add(b64);
      const der = derOf(b64);
      try {
        new x509.X509Certificate(der as Uint8Array<ArrayBuffer>);
      } catch {
        continue; // not a certificate for the reference either (damaged fixtures): checked below
      }
      out.push({ name: `${file.name} #${out.length}`, der });
    }
  }
  return out;
}

function keyFacts(alg: Algorithm): Record<string, unknown> {
  const a = alg as { name: string; modulusLength?: number; namedCurve?: string; publicExponent?: Uint8Array };
  return { name: a.name, modulusLength: a.modulusLength, namedCurve: a.namedCurve, publicExponent: a.publicExponent ? Array.from(a.publicExponent) : undefined };
}

function facts(c: CertificateView): Record<string, unknown> {
  return {
    serialNumber: c.serialNumber,
    subject: c.subject,
    issuer: c.issuer,
    notBefore: c.notBefore.toISOString(),
    notAfter: c.notAfter.toISOString(),
    spki: Buffer.from(c.publicKey.rawData).toString('hex'),
    key: keyFacts(c.publicKey.algorithm),
  };
}

function expectSameAsPeculiar(der: Uint8Array, name: string): void {
  const reference = new x509.X509Certificate(der as Uint8Array<ArrayBuffer>);
  const ours = readCertificateBytes(der);
  expect(ours.ok, `${name}: ${ours.ok ? '' : ours.message}`).toBe(true);
  if (!ours.ok) return;
  expect(facts(ours.value), name).toEqual(facts(reference));
  const alg = readPublicKeyAlgorithm(new Uint8Array(reference.publicKey.rawData));
  expect(alg.ok && keyFacts(alg.value), name).toEqual(keyFacts(reference.publicKey.algorithm));
}

describe('readCertificateDer matches @peculiar/x509', () => {
  const certificates = corpusCertificates();

  it('on every certificate of the corpus', () => {
    expect(certificates.length).toBeGreaterThan(20);
    for (const c of certificates) expectSameAsPeculiar(c.der, c.name);
  });

  const dir = mkdtempSync(join(tmpdir(), 'samlscope-der-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // string_mask=default lets openssl write T61String and BMPString, as older CAs did.
  writeFileSync(join(dir, 'openssl.cnf'), '[req]\ndistinguished_name=dn\nstring_mask=default\n[dn]\n');
  const make = (label: string, keyArgs: string[], subject: string, extra: string[] = []): Uint8Array => {
    const out = join(dir, `${label}.der`);
    execFileSync('openssl', ['req', '-config', join(dir, 'openssl.cnf'), '-x509', ...keyArgs, '-nodes', '-keyout', join(dir, `${label}.key`), '-outform', 'DER', '-out', out, '-subj', subject, '-utf8', ...extra], { stdio: 'ignore' });
    return new Uint8Array(readFileSync(out));
  };

  it.each([
    ['RSA 2048, plain name', ['-newkey', 'rsa:2048'], '/C=US/O=Example/CN=idp.example.com', []],
    ['RSA 3072, serial with the high bit set, 100 years', ['-newkey', 'rsa:3072'], '/CN=long', ['-set_serial', '0x80aabbccdd', '-days', '36500']],
    ['RSA-PSS key', ['-newkey', 'rsa-pss', '-pkeyopt', 'rsa_keygen_bits:2048'], '/CN=pss', []],
    ['EC P-256', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'], '/CN=p256', []],
    ['EC P-384', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384'], '/CN=p384', []],
    ['EC P-521', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-521'], '/CN=p521', []],
    ['Ed25519', ['-newkey', 'ed25519'], '/CN=ed', []],
    ['characters RFC 4514 escapes', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'], '/CN=a\\,b+c"d\\\\e<f>g;h/O= leading and trailing /OU=#hash', []],
    ['multi-valued RDN, email, DC, unknown OID', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'], '/DC=org/DC=example/CN=jane+UID=jdoe/emailAddress=jane@example.org/1.2.3.4.5=custom/serialNumber=1234', ['-multivalue-rdn']],
    ['Latin-1 (T61String) and CJK (BMPString) under string_mask=default', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'], '/O=Université de Genève/CN=東京大学', []],
    ['UTF-8 beyond the BMP', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'], '/CN=𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ✓', ['-reqopt', 'ca_default']],
  ])('on a generated certificate: %s', (label, keyArgs, subject, extra) => {
    expectSameAsPeculiar(make(label.replace(/\W+/g, '-'), keyArgs as string[], subject as string, extra as string[]), label as string);
  });

  it('refuses what is not a certificate, with a message, and never throws', () => {
    const good = certificates[0]!.der;
    for (const bad of [new Uint8Array(), new Uint8Array([0x30]), new Uint8Array([0x30, 0x80, 0, 0]), good.subarray(0, good.length >> 1), new Uint8Array([0x04, 0x02, 1, 2])]) {
      const r = readCertificateDer(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message.length).toBeGreaterThan(0);
    }
    // Every truncation and every single-byte change of a real certificate: a result, never an exception.
    for (let n = 0; n < good.length; n += 7) expect(() => readCertificateDer(good.subarray(0, n))).not.toThrow();
    for (let i = 0; i < Math.min(good.length, 400); i++) {
      const copy = good.slice();
      copy[i] = copy[i]! ^ 0xff;
      const r = readCertificateDer(copy);
      // Like @peculiar/x509's, the key's description is read on first use and may throw then,
      // but only our own error, never one from reading past the bytes.
      if (r.ok) {
        try {
          void r.value.publicKey.algorithm;
        } catch (e) {
          expect(e).not.toBeInstanceOf(TypeError);
          expect(e).not.toBeInstanceOf(RangeError);
        }
      }
    }
  });
});
