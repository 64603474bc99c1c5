// Every example of the examples menu still gives the verdict and finding codes it was made for,
// on the step the page opens on, with the trust and evaluation instant the example brings.
// The signatures themselves were checked by xmlsec1 when scripts/make-inspect-examples.mjs made
// them; here the check is that samlscope agrees with what each example is meant to teach.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectInput } from '../../../../core/inspect';
import { overallVerdictOf, worstMessageIndex } from '../reportView';
import { trustEntries } from '../trust';
import { EXAMPLES } from './index';

describe('the examples menu', () => {
  it('covers each documented seed failure and every signature verdict', () => {
    const codes = new Set(EXAMPLES.flatMap((e) => e.intended.codes));
    for (const c of ['binding-mismatch', 'issuer-is-sp-entity-id', 'nameid-email-for-username', 'digest-mismatch', 'signature-wrapping', 'signature-untrusted-key']) expect(codes).toContain(c);
    expect(new Set(EXAMPLES.map((e) => e.intended.verdict))).toEqual(new Set(['trusted', 'untrusted', 'invalid', 'unsigned']));
    expect(new Set(EXAMPLES.map((e) => e.id)).size).toBe(EXAMPLES.length);
  });

  for (const example of EXAMPLES) {
    it(`${example.id}: ${example.intended.verdict} with ${example.intended.codes.join(', ') || 'no error'}`, async () => {
      const report = await inspectInput(example.input, example.source, { trust: trustEntries(example.trust.map((t) => t.text)), at: new Date(example.at), skewSeconds: 180 });
      expect(report.errors).toEqual([]);
      const opened = report.messages[worstMessageIndex(report.messages)];
      expect(opened.kind).toBe(example.intended.kind);
      expect(overallVerdictOf(opened)).toBe(example.intended.verdict);
      const found = opened.findings.map((f) => f.code);
      for (const code of example.intended.codes) expect(found).toContain(code);
      // A valid example has nothing of severity error or warning anywhere in it.
      if (example.intended.codes.length === 0) expect(report.messages.flatMap((m) => m.findings.filter((f) => f.severity !== 'info').map((f) => f.code))).toEqual([]);
    });
  }

  it('the signed examples still verify with xmlsec1 against the committed metadata (the oracle must be installed)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'samlscope-examples-'));
    try {
      const cert = /<ds:X509Certificate>([^<]+)</.exec(EXAMPLES[0].trust[0].text)![1];
      const pem = `-----BEGIN CERTIFICATE-----\n${cert.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
      writeFileSync(path.join(dir, 'idp.crt'), pem);
      const verifies = (xml: string, element: 'Response' | 'Assertion'): boolean => {
        const file = path.join(dir, `${element}.xml`);
        writeFileSync(file, xml);
        try {
          execFileSync('xmlsec1', ['--verify', '--pubkey-cert-pem', path.join(dir, 'idp.crt'), '--id-attr:ID', 'urn:oasis:names:tc:SAML:2.0:protocol:Response', '--id-attr:ID', 'urn:oasis:names:tc:SAML:2.0:assertion:Assertion', '--node-xpath', `//*[local-name()='${element}']/*[local-name()='Signature']`, file], { stdio: 'pipe' });
          return true;
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('xmlsec1 is not installed: the oracle is required');
          return false;
        }
      };
      const byId = (id: string) => EXAMPLES.find((e) => e.id === id)!.input;
      expect(verifies(byId('valid'), 'Response')).toBe(true);
      expect(verifies(byId('valid'), 'Assertion')).toBe(true);
      expect(verifies(byId('scaleway-user-not-found'), 'Assertion')).toBe(true);
      expect(verifies(byId('wrapping'), 'Assertion')).toBe(true);
      expect(verifies(byId('tampered'), 'Assertion')).toBe(false);
      expect(verifies(byId('tampered'), 'Response')).toBe(false);
      // Signed by another key: xmlsec1 refuses it with the trusted IdP's certificate.
      expect(verifies(byId('untrusted-key'), 'Response')).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
