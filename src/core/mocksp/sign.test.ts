import { describe, expect, it } from 'vitest';
import { decodeBase64Lenient } from '../encoding/base64';
import { inspectInput } from '../inspect';
import { buildAuthnRequest, buildLogoutRequest, parseAuthnRequestFields } from './authnRequest';
import { generateSpKeyPair, importSpKeyPair, type SpKeyPair } from './keys';
import { opensslKey, opensslVerifies, xmlsecVerifies } from './mocksp.testutil';
import { buildRedirect } from './send';
import { defaultSettings, type MockSpSettings, type SpSignatureAlgorithm } from './settings';
import { checkKeyForAlgorithm, signRedirectQuery, signXmlEnveloped } from './sign';

const settings: MockSpSettings = {
  ...defaultSettings('https://samlscope.test'),
  destination: 'https://idp.example.com/sso',
  sloUrl: 'https://idp.example.com/slo',
  relayState: 'return to /app?x=1&y=é',
  requestedAuthnContext: { classRefs: ['urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport'], comparison: 'minimum' },
};

const AT = new Date();
const unwrap = <T,>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

const cases: { kind: 'RSA-2048' | 'EC-P256'; hash?: 'SHA-256' | 'SHA-384' | 'SHA-512'; alg: SpSignatureAlgorithm }[] = [
  { kind: 'RSA-2048', alg: 'rsa-sha256' },
  { kind: 'RSA-2048', hash: 'SHA-512', alg: 'rsa-sha512' },
  { kind: 'EC-P256', alg: 'ecdsa-sha256' },
  { kind: 'EC-P256', alg: 'ecdsa-sha384' },
];

const keys = new Map<string, SpKeyPair>();
async function keyFor(c: (typeof cases)[number]): Promise<SpKeyPair> {
  const k = `${c.kind}/${c.hash ?? ''}`;
  if (!keys.has(k)) keys.set(k, await generateSpKeyPair(c.kind, 'mock sp test', c.hash ? { rsaHash: c.hash } : {}));
  return keys.get(k)!;
}

describe('generateSpKeyPair', () => {
  it('makes a non-extractable signing key and a self-signed certificate', async () => {
    const kp = await generateSpKeyPair('EC-P256', 'samlscope mock SP');
    expect(kp.privateKey.extractable).toBe(false);
    expect(kp.privateKey.usages).toEqual(['sign']);
    expect(kp.privateKeyPkcs8Pem).toBeNull();
    expect(kp.certificatePem).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    expect(kp.subject).toBe('CN=samlscope mock SP');
    expect(kp.signatureAlgorithms).toContain('ecdsa-sha256');
    // Plain data besides the CryptoKey (the pair is stored in IndexedDB as is): a structured clone keeps
    // every field with its type, and the key itself is a CryptoKey.
    const { privateKey, ...rest } = kp;
    expect(privateKey).toBeInstanceOf(CryptoKey);
    expect(Object.keys(rest).sort()).toEqual(['certificateDer', 'certificatePem', 'description', 'keyType', 'notAfter', 'notBefore', 'privateKeyPkcs8Pem', 'sha256Fingerprint', 'signatureAlgorithms', 'subject']);
    expect(structuredClone(rest)).toStrictEqual(rest);
  });

  it('exports PKCS#8 only when asked, and the export re-imports', async () => {
    const kp = await generateSpKeyPair('RSA-2048', 'exportable', { exportPrivateKey: true });
    expect(kp.privateKey.extractable).toBe(false);
    expect(kp.privateKeyPkcs8Pem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const again = unwrap(await importSpKeyPair(kp.privateKeyPkcs8Pem!, kp.certificatePem));
    expect(again.sha256Fingerprint).toBe(kp.sha256Fingerprint);
  });
});

describe('importSpKeyPair', () => {
  for (const kind of ['rsa', 'ec'] as const) {
    for (const flavour of ['pkcs8', 'traditional'] as const) {
      it(`imports an openssl ${kind} key (${flavour === 'pkcs8' ? 'PKCS#8' : kind === 'rsa' ? 'PKCS#1' : 'SEC1'}) that then signs verifiably`, async () => {
        const { keyPem, certPem } = opensslKey(kind, flavour);
        const kp = unwrap(await importSpKeyPair(keyPem, certPem));
        expect(kp.keyType).toBe(kind === 'rsa' ? 'RSA' : 'EC');
        const alg = kind === 'rsa' ? 'rsa-sha256' : 'ecdsa-sha256';
        const signed = unwrap(await signXmlEnveloped(buildAuthnRequest(settings).xml, kp, alg));
        expect(xmlsecVerifies(signed, certPem, 'AuthnRequest').ok).toBe(true);
      });
    }
  }

  it('refuses a key that is not the certificate\'s, encrypted keys, and non-keys, with typed errors', async () => {
    const a = opensslKey('rsa', 'pkcs8');
    const b = opensslKey('rsa', 'pkcs8');
    const ec = opensslKey('ec', 'traditional');
    const mismatch = await importSpKeyPair(a.keyPem, b.certPem);
    expect(!mismatch.ok && mismatch.error.code).toBe('key-certificate-mismatch');
    const wrongType = await importSpKeyPair(ec.keyPem, a.certPem);
    expect(!wrongType.ok && wrongType.error.code).toBe('key-certificate-mismatch');
    const encrypted = await importSpKeyPair('-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----', a.certPem);
    expect(!encrypted.ok && encrypted.error.code).toBe('key-encrypted');
    const notPem = await importSpKeyPair('hello', a.certPem);
    expect(!notPem.ok && notPem.error.code).toBe('key-not-pem');
    const certAsKey = await importSpKeyPair(a.certPem, a.certPem);
    expect(!certAsKey.ok && certAsKey.error.code).toBe('key-unsupported');
    const badCert = await importSpKeyPair(a.keyPem, 'not a cert');
    expect(!badCert.ok && badCert.error.code).toBe('certificate-invalid');
  });
});

describe('signXmlEnveloped', () => {
  for (const c of cases) {
    it(`${c.alg}: AuthnRequest and LogoutRequest verify with xmlsec1 and with our verifier`, async () => {
      const kp = await keyFor(c);
      const request = buildAuthnRequest(settings);
      const signed = unwrap(await signXmlEnveloped(request.xml, kp, c.alg));
      const x = xmlsecVerifies(signed, kp.certificatePem, 'AuthnRequest');
      expect(x.ok, x.stderr).toBe(true);
      const report = await inspectInput(signed, 'signed', { trust: [kp.certificatePem], at: AT });
      const sig = report.messages[0]!.signatures[0]!;
      expect(sig.verdict, sig.reason).toBe('valid');
      expect(sig.target).toBe('AuthnRequest');
      expect(sig.targetId).toBe(request.id);
      expect(report.messages[0]!.trusted).toBe(true);
      // Without trust the same signature is mathematically right but untrusted.
      const untrusted = await inspectInput(signed, 'signed', { at: AT });
      expect(untrusted.messages[0]!.signatures[0]!.verdict).toBe('untrusted');

      const logout = buildLogoutRequest(settings, { nameId: { value: 'alice' }, sessionIndexes: ['_s1'] });
      const signedLogout = unwrap(await signXmlEnveloped(logout.xml, kp, c.alg));
      expect(xmlsecVerifies(signedLogout, kp.certificatePem, 'LogoutRequest').ok).toBe(true);
      const lr = await inspectInput(signedLogout, 'logout', { trust: [kp.certificatePem], at: AT });
      expect(lr.messages[0]!.signatures[0]!.verdict).toBe('valid');
    });
  }

  it('puts the Signature right after Issuer, keeps the fields, and re-signs an edited request', async () => {
    const kp = await keyFor(cases[0]!);
    const request = buildAuthnRequest(settings);
    const signed = unwrap(await signXmlEnveloped(request.xml, kp, 'rsa-sha256'));
    expect(signed).toMatch(/<\/saml:Issuer><ds:Signature xmlns:ds=/);
    const fields = unwrap(parseAuthnRequestFields(signed));
    const { signed: isSigned, ...rest } = fields;
    const { signed: _s, ...original } = unwrap(parseAuthnRequestFields(request.xml));
    expect(isSigned).toBe(true);
    expect(rest).toEqual(original);
    // The user edits the signed XML in the editor: re-signing replaces the old signature.
    const edited = signed.replace('ForceAuthn', 'X').replace('Version="2.0"', 'Version="2.0" ForceAuthn="true"');
    const resigned = unwrap(await signXmlEnveloped(edited, kp, 'rsa-sha256'));
    expect(resigned.match(/<ds:Signature /g)).toHaveLength(1);
    expect(xmlsecVerifies(resigned, kp.certificatePem, 'AuthnRequest').ok).toBe(true);
    // The oracle really checks the key: another key's certificate does not verify it.
    expect(xmlsecVerifies(signed, (await keyFor(cases[1]!)).certificatePem, 'AuthnRequest').ok).toBe(false);
    // Tampering after signing is caught by both verifiers.
    const tampered = signed.replace(settings.acsUrl, 'https://evil.example/acs');
    expect(xmlsecVerifies(tampered, kp.certificatePem, 'AuthnRequest').ok).toBe(false);
    const r = await inspectInput(tampered, 't', { trust: [kp.certificatePem], at: AT });
    expect(r.messages[0]!.signatures[0]!.verdict).toBe('invalid');
  });

  it('works on pretty-printed, default-namespace XML a user typed', async () => {
    const kp = await keyFor(cases[2]!);
    const xml = `<?xml version="1.0"?>\n<AuthnRequest xmlns="urn:oasis:names:tc:SAML:2.0:protocol" ID="_typed1" Version="2.0" IssueInstant="2030-01-01T00:00:00Z">\n  <Issuer xmlns="urn:oasis:names:tc:SAML:2.0:assertion">https://sp.test/</Issuer>\n  <NameIDPolicy AllowCreate="true"/>\n</AuthnRequest>\n`;
    const signed = unwrap(await signXmlEnveloped(xml, kp, 'ecdsa-sha256'));
    expect(xmlsecVerifies(signed, kp.certificatePem, 'AuthnRequest').ok).toBe(true);
    expect((await inspectInput(signed, 'x', { trust: [kp.certificatePem], at: AT })).messages[0]!.signatures[0]!.verdict).toBe('valid');
  });

  it('returns typed errors: no ID, not XML, key/algorithm mismatch', async () => {
    const rsa = await keyFor(cases[0]!);
    const ec = await keyFor(cases[2]!);
    const noId = await signXmlEnveloped('<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"/>', rsa, 'rsa-sha256');
    expect(!noId.ok && noId.error.code).toBe('no-id');
    const notXml = await signXmlEnveloped('hello', rsa, 'rsa-sha256');
    expect(!notXml.ok && notXml.error.code).toBe('not-xml');
    const wrongFamily = await signXmlEnveloped(buildAuthnRequest(settings).xml, rsa, 'ecdsa-sha256');
    expect(!wrongFamily.ok && wrongFamily.error.code).toBe('key-algorithm-mismatch');
    expect(checkKeyForAlgorithm(rsa.privateKey, 'rsa-sha512').ok).toBe(false); // RSA key bound to SHA-256
    expect(checkKeyForAlgorithm(ec.privateKey, 'ecdsa-sha512').ok).toBe(true);
  });
});

describe('HTTP-Redirect query signature (SAML bindings §3.4.4.1)', () => {
  for (const c of cases) {
    it(`${c.alg}: verifies with openssl over the exact URL octets and with our verifier`, async () => {
      const kp = await keyFor(c);
      const request = buildAuthnRequest(settings);
      const sent = unwrap(await buildRedirect(request.xml, { ...settings, sign: true, signatureAlgorithm: c.alg }, kp));
      const query = sent.url.slice(sent.url.indexOf('?') + 1);
      const sigParam = query.lastIndexOf('&Signature=');
      expect(query.slice(0, sigParam)).toBe(sent.signedOctets);
      expect(sent.signedOctets).toMatch(/^SAMLRequest=[^&]+&RelayState=[^&]+&SigAlg=[^&]+$/);
      const signature = unwrap(decodeBase64Lenient(decodeURIComponent(query.slice(sigParam + '&Signature='.length)))).bytes;
      const hash = c.alg.split('-')[1] as 'sha256' | 'sha384' | 'sha512';
      expect(opensslVerifies(sent.signedOctets!, signature, kp.certificatePem, hash, c.kind === 'EC-P256')).toBe(true);
      expect(opensslVerifies(sent.signedOctets!.replace('RelayState=', 'RelayState=x'), signature, kp.certificatePem, hash, c.kind === 'EC-P256')).toBe(false);

      const report = await inspectInput(sent.url, 'url', { trust: [kp.certificatePem], at: AT });
      expect(report.detected).toBe('redirect-url');
      const m = report.messages[0]!;
      expect(m.id).toBe(request.id);
      expect(m.payload.relayState).toBe(settings.relayState);
      const q = m.signatures.find((s) => s.target === 'query')!;
      expect(q.verdict, q.reason).toBe('valid');
      expect(m.findings.filter((f) => f.code.startsWith('query-signature'))).toEqual([]);
    });
  }

  it('signs without RelayState when there is none', async () => {
    const kp = await keyFor(cases[0]!);
    const q = unwrap(await signRedirectQuery({ parameter: 'SAMLRequest', encodedMessage: 'abc+/=', relayState: null }, kp.privateKey, 'rsa-sha256'));
    expect(q.signedOctets).toBe('SAMLRequest=abc%2B%2F%3D&SigAlg=http%3A%2F%2Fwww.w3.org%2F2001%2F04%2Fxmldsig-more%23rsa-sha256');
    expect(q.query.startsWith(`${q.signedOctets}&Signature=`)).toBe(true);
    expect(opensslVerifies(q.signedOctets!, unwrap(decodeBase64Lenient(q.signature!)).bytes, kp.certificatePem, 'sha256', false)).toBe(true);
  });
});
