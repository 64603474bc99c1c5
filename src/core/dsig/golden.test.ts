import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectInput } from '../inspect';
import { URI, makeKey, responseTemplate, xmlsecSign } from './testing/xmlsec.testutil';

/**
 * Golden tests: fixed, checked-in messages (signed once with xmlsec1) and the verdicts and
 * finding codes samlscope must give them. Regenerate with UPDATE_GOLDEN=1 (new keys, new files).
 */
const dir = resolve(__dirname, 'golden');
const file = (n: string) => resolve(dir, n);
const AT = new Date('2030-01-01T00:01:00Z');

function generate(): void {
  const idp = makeKey('golden-idp', 'rsa2048');
  const other = makeKey('golden-other', 'rsa2048');
  writeFileSync(file('idp.cert.pem'), idp.certPem);
  const opts = { c14n: URI.exc, sigAlg: URI.rsa('sha256'), digest: URI.sha256, style: 'prefixed' as const, pretty: true, signResponse: false, signAssertion: true };
  const signed = xmlsecSign(responseTemplate(opts), idp);
  writeFileSync(file('signed.xml'), signed);
  writeFileSync(file('other-key.xml'), xmlsecSign(responseTemplate(opts), other));
  writeFileSync(file('signature-removed.xml'), signed.replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, ''));
  writeFileSync(file('tampered.xml'), signed.replace('admins', 'admin5'));
  // Duplicate ID: a forged copy of the signed assertion, same ID, placed first (what a consumer reads).
  const assertion = /<saml:Assertion[\s\S]*<\/saml:Assertion>/.exec(signed)![0];
  const forged = assertion.replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '').replace('alice@example.com</saml:NameID>', 'admin@example.com</saml:NameID>');
  writeFileSync(file('duplicate-id.xml'), signed.replace(assertion, `${forged}\n    ${assertion}`));
  // Wrapping (XSW #7 style): the signed assertion hidden in Extensions, a forged one consumed.
  const forgedOther = forged.replace('ID="_assertion1"', 'ID="_forged"');
  writeFileSync(file('wrapped-assertion.xml'), signed.replace(assertion, `<samlp:Extensions>${assertion}</samlp:Extensions>\n    ${forgedOther}`));
  // CVE-2018-7340: a comment inside NameID keeps the signature valid (comments are not signed).
  // The IdP signs "alice@example.com.evil.example"; the attacker adds a comment so that a
  // library reading the first text node sees "alice@example.com". The signature still verifies.
  const evil = xmlsecSign(responseTemplate({ ...opts, nameId: 'alice@example.com.evil.example' }), idp);
  writeFileSync(file('comment-injection.xml'), evil.replace('alice@example.com.evil.example</saml:NameID>', 'alice@example.com<!---->.evil.example</saml:NameID>'));
}

const CASES = ['signed', 'other-key', 'signature-removed', 'tampered', 'duplicate-id', 'wrapped-assertion', 'comment-injection'];

describe('golden signature verdicts', () => {
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file('signed.xml'))) generate();
  for (const name of CASES) {
    it(name, async () => {
      const r = await inspectInput(readFileSync(file(`${name}.xml`), 'utf8'), name, { trust: [readFileSync(file('idp.cert.pem'), 'utf8')], at: AT });
      const m = r.messages[0]!;
      const actual = {
        signatures: m.signatures.map((s) => ({ target: s.target, verdict: s.verdict, digestsValid: s.references.map((x) => x.digestValid) })),
        trusted: m.trusted,
        nameId: m.assertions[0]?.nameId?.value ?? null,
        codes: [...new Set(m.findings.map((f) => `${f.severity}:${f.code}`))].sort(),
      };
      const goldenFile = file(`${name}.expected.json`);
      if (process.env.UPDATE_GOLDEN === '1' || !existsSync(goldenFile)) writeFileSync(goldenFile, `${JSON.stringify(actual, null, 2)}\n`);
      expect(actual).toEqual(JSON.parse(readFileSync(goldenFile, 'utf8')));
    });
  }
});
