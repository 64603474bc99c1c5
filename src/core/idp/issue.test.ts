// xmlsec1 as the independent oracle: every signed Response the mock IdP makes verifies with
// xmlsec1 using only the IdP certificate, every encrypted one decrypts with `xmlsec1 --decrypt`
// and the SP key, and samlscope's own inspect trusts the result. The test fails (not skips)
// when xmlsec1 is missing: spawnSync's error is thrown.
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectInput } from '../inspect';
import { NAMEID_FORMATS } from '../mocksp/settings';
import { testKey, signatureCount, xmlsecDecrypts, xmlsecVerifies, type TestKey } from './idp.testutil';
import { IDP_BLOCK_CIPHERS, IDP_KEY_TRANSPORTS, type IdpBlockCipher, type IdpKeyTransport } from './encrypt';
import { issueResponse, type IssueOptions } from './issue';
import { SIGN_MODES } from './variants';

const AT = new Date('2030-01-01T00:00:00Z');
let idp: TestKey, idpEc: TestKey, sp: TestKey;

beforeAll(async () => {
  idp = await testKey('mockidp-rsa');
  idpEc = await testKey('mockidp-p256', 'P-256');
  sp = await testKey('mockidp-sp');
});

function base(key: TestKey): IssueOptions {
  return {
    idpEntityId: 'https://idp.samlscope.test/mock-idp',
    spEntityId: 'https://iam.scaleway.com/saml/provider-1',
    acsUrl: 'https://api.scaleway.com/iam/v1/saml/provider-1/login',
    inResponseTo: '_request-1',
    nameId: 'jdoe',
    nameIdFormat: NAMEID_FORMATS.unspecified,
    attributes: [
      { name: 'http://schemas.goauthentik.io/2021/02/saml/username', values: ['jdoe'] },
      { name: 'http://schemas.xmlsoap.org/claims/Group', values: ['scaleway-users', 'Développeurs & <ops>'] },
    ],
    at: AT,
    key: key.pair,
  };
}

const expectations = { at: AT, spEntityId: 'https://iam.scaleway.com/saml/provider-1', acsUrl: 'https://api.scaleway.com/iam/v1/saml/provider-1/login', idpEntityId: 'https://idp.samlscope.test/mock-idp', requestId: '_request-1' };

describe('signed Responses verify with xmlsec1 and are trusted by inspect', () => {
  for (const sign of SIGN_MODES) {
    for (const keyName of ['rsa', 'p256'] as const) {
      it(`sign=${sign}, ${keyName}`, async () => {
        const key = keyName === 'rsa' ? idp : idpEc;
        const r = await issueResponse({ ...base(key), sign });
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const expected = sign === 'both' ? 2 : sign === 'none' ? 0 : 1;
        expect(signatureCount(r.value.xml)).toBe(expected);
        for (let i = 1; i <= expected; i++) expect(xmlsecVerifies(r.value.xml, key.cert, i), `xmlsec1 signature ${i}`).toMatchObject({ ok: true });
        // The oracle says no with the wrong certificate (it is not just exiting 0).
        if (expected) expect(xmlsecVerifies(r.value.xml, sp.cert, 1).ok).toBe(false);
        const report = await inspectInput(r.value.xml, 'test', { ...expectations, trust: [key.certPem] });
        const m = report.messages[0]!;
        expect(m.kind).toBe('Response');
        expect(m.signatures.map((s) => s.verdict)).toEqual(Array(expected).fill('valid'));
        expect(m.trusted).toBe(sign !== 'none');
        // What the generic profile says of each choice (an unsigned part is an error there).
        const unsignedCodes = { both: [], response: ['assertion-unsigned'], assertion: ['response-unsigned'], none: ['signature-missing', 'assertion-unsigned', 'response-unsigned'] }[sign];
        expect(m.findings.filter((f) => f.severity === 'error').map((f) => f.code).sort()).toEqual([...unsignedCodes].sort());
        expect(m.assertions[0]!.attributes['http://schemas.xmlsoap.org/claims/Group']).toEqual(['scaleway-users', 'Développeurs & <ops>']);
      });
    }
  }
});

describe('encrypted assertions decrypt with xmlsec1 --decrypt and with inspect', () => {
  for (const cipher of Object.keys(IDP_BLOCK_CIPHERS) as IdpBlockCipher[]) {
    for (const transport of Object.keys(IDP_KEY_TRANSPORTS) as IdpKeyTransport[]) {
      it(`${cipher} + ${transport}, sign=both`, async () => {
        const r = await issueResponse({ ...base(idp), sign: 'both', encrypt: { certificate: sp.certPem, blockCipher: cipher, keyTransport: transport } });
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.value.xml).toContain('EncryptedAssertion');
        expect(r.value.xml).not.toContain('jdoe');
        // The Response signature (over the EncryptedAssertion) verifies before decryption.
        expect(xmlsecVerifies(r.value.xml, idp.cert, 1)).toMatchObject({ ok: true });
        const dec = xmlsecDecrypts(r.value.xml, sp.key);
        if (transport === 'rsa-oaep-sha256') {
          // xmlsec1 1.2.x does not know XML Encryption 1.1's rsa-oaep (it came with xmlsec 1.3.0):
          // the oracle refuses the algorithm itself, and samlscope's decryptor is the check below.
          expect(dec.ok).toBe(false);
          expect(dec.stderr).toContain('href=http://www.w3.org/2009/xmlenc11#rsa-oaep');
        } else {
          expect(dec, dec.stderr).toMatchObject({ ok: true });
          expect(dec.xml).toContain('>jdoe</saml:NameID>');
          // Inside the plaintext, the assertion's own signature verifies too (signature 2 = the assertion's).
          expect(xmlsecVerifies(dec.xml, idp.cert, 2)).toMatchObject({ ok: true });
        }
        const report = await inspectInput(r.value.xml, 'test', { ...expectations, trust: [idp.certPem], decryptionKeys: [sp.keyPem] });
        const m = report.messages[0]!;
        expect(m.decryption?.outcome).toBe('ok');
        expect(m.assertions[0]!.nameId?.value).toBe('jdoe');
        expect(m.signatures.map((s) => s.verdict)).toEqual(['valid', 'valid']);
        expect(m.trusted).toBe(true);
        expect(m.findings.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual([]);
      });
    }
  }
});

describe('errors are values', () => {
  it('an unknown variant, a missing key, an EC encryption certificate', async () => {
    expect(await issueResponse({ ...base(idp), variant: 'xsw9' })).toMatchObject({ ok: false, error: { code: 'unknown-variant' } });
    expect(await issueResponse({ ...base(idp), key: null })).toMatchObject({ ok: false, error: { code: 'key-required' } });
    expect(await issueResponse({ ...base(idp), key: null, sign: 'none' })).toMatchObject({ ok: true });
    expect(await issueResponse({ ...base(idp), encrypt: { certificate: idpEc.certPem } })).toMatchObject({ ok: false, error: { code: 'encryption-key-not-rsa' } });
    expect(await issueResponse({ ...base(idp), encrypt: { certificate: sp.certPem }, variant: 'xsw3' })).toMatchObject({ ok: false, error: { code: 'variant-not-encryptable' } });
  });
});
