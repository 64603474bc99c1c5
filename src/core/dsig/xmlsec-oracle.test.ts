import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectInput } from '../inspect';
import type { InspectedMessage } from '../types';
import { URI, makeKey, responseTemplate, xmlsecSign, xmlsecVerify, type KeyPair, type TemplateOptions } from './testing/xmlsec.testutil';

const AT = new Date('2030-01-01T00:01:00Z');
let rsa: KeyPair, p256: KeyPair, p384: KeyPair, p521: KeyPair, attacker: KeyPair;

beforeAll(() => {
  rsa = makeKey('idp-rsa', 'rsa2048');
  p256 = makeKey('idp-p256', 'P-256');
  p384 = makeKey('idp-p384', 'P-384');
  p521 = makeKey('idp-p521', 'P-521');
  attacker = makeKey('attacker', 'rsa2048');
});

async function inspectOne(xml: string, trust: KeyPair[]): Promise<InspectedMessage> {
  const r = await inspectInput(xml, 'test', { trust: trust.map((k) => k.certPem), at: AT });
  expect(r.errors).toEqual([]);
  return r.messages[0]!;
}

const base: TemplateOptions = { c14n: URI.exc, sigAlg: URI.rsa('sha256'), digest: URI.sha256, style: 'prefixed', pretty: false, signResponse: true, signAssertion: true };

interface Case { name: string; opts: Partial<TemplateOptions>; key: () => KeyPair }
const cases: Case[] = [];
for (const h of ['sha1', 'sha256', 'sha384', 'sha512']) cases.push({ name: `rsa-${h}`, opts: { sigAlg: URI.rsa(h) }, key: () => rsa });
for (const [curve, key] of [['P-256', () => p256], ['P-384', () => p384], ['P-521', () => p521]] as const) {
  for (const h of ['sha1', 'sha256', 'sha384', 'sha512']) cases.push({ name: `ecdsa-${h} ${curve}`, opts: { sigAlg: URI.ecdsa(h) }, key });
}
for (const d of ['sha1', 'sha256', 'sha384', 'sha512'] as const) cases.push({ name: `digest ${d}`, opts: { digest: URI[d] }, key: () => rsa });
for (const [n, c] of [['exc-c14n', URI.exc], ['exc-c14n#WithComments', URI.excC], ['c14n', URI.inc], ['c14n#WithComments', URI.incC]] as const) {
  for (const style of ['prefixed', 'default', 'odd'] as const) {
    for (const pretty of [false, true]) cases.push({ name: `${n} ${style} ${pretty ? 'pretty' : 'minified'}`, opts: { c14n: c, style, pretty }, key: () => rsa });
  }
}
cases.push({ name: 'exc-c14n PrefixList "xs xsi"', opts: { prefixList: 'xs xsi' }, key: () => rsa });
cases.push({ name: 'exc-c14n PrefixList "#default saml"', opts: { prefixList: '#default saml', style: 'prefixed' }, key: () => rsa });
cases.push({ name: 'assertion only', opts: { signResponse: false }, key: () => rsa });
cases.push({ name: 'response only', opts: { signAssertion: false }, key: () => rsa });
cases.push({ name: 'comments in content', opts: { nameId: 'alice@example.com<!-- a comment -->', c14n: URI.excC }, key: () => rsa });

describe('xmlsec1 as oracle: messages it signs verify, with the same verdict', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const opts = { ...base, ...c.opts };
      const key = c.key();
      const signed = xmlsecSign(responseTemplate(opts), key);
      const nSigs = (opts.signResponse ? 1 : 0) + (opts.signAssertion ? 1 : 0);
      for (let i = 1; i <= nSigs; i++) expect(xmlsecVerify(signed, key.cert, i), `xmlsec1 verifies signature ${i}`).toBe(true);
      const m = await inspectOne(signed, [key]);
      expect(m.signatures.map((s) => [s.verdict, s.reason])).toEqual(m.signatures.map((s) => ['valid', s.reason]));
      expect(m.signatures.length).toBe(nSigs);
      if (c.opts.nameId) {
        // A comment inside NameID: valid signature, but never trusted (comment injection shape).
        expect(m.trusted).toBe(false);
        expect(m.findings.map((f) => f.code)).toContain('nameid-comment');
      } else {
        expect(m.trusted).toBe(true);
        expect(m.findings.filter((f) => f.severity === 'error')).toEqual([]);
      }
      // Not trusting the signer: mathematically right, but untrusted.
      const u = await inspectOne(signed, [attacker]);
      expect(u.signatures.every((s) => s.verdict === 'untrusted')).toBe(true);
      expect(u.trusted).toBe(false);
      expect(u.findings.map((f) => f.code)).toContain('signature-untrusted-key');
    });
  }
});

/** Single-byte tampering of each signed part: both verifiers must reject. */
describe('xmlsec1 as oracle: single-byte tampering', () => {
  const tampers: { name: string; apply: (xml: string) => string }[] = [
    { name: 'NameID', apply: (x) => x.replace('alice@example.com</saml:NameID>', 'alicf@example.com</saml:NameID>') },
    { name: 'assertion Issuer', apply: (x) => x.replace(/(<saml:Assertion[\s\S]*?<saml:Issuer>https:\/\/idp\.example\.)com/, '$1con') },
    { name: 'attribute value', apply: (x) => x.replace('admins', 'admint') },
    { name: 'Audience', apply: (x) => x.replace('<saml:Audience>https://sp.example.com/', '<saml:Audience>https://sp.example.org/') },
    { name: 'NotOnOrAfter', apply: (x) => x.replace('NotOnOrAfter="2030-01-01T00:05:00Z"', 'NotOnOrAfter="2031-01-01T00:05:00Z"') },
    { name: 'DigestValue', apply: (x) => x.replace(/<ds:DigestValue>(.)/, (_m, c: string) => `<ds:DigestValue>${c === 'A' ? 'B' : 'A'}`) },
    { name: 'SignatureValue', apply: (x) => x.replace(/<ds:SignatureValue>(\s*)(.)/, (_m, ws: string, c: string) => `<ds:SignatureValue>${ws}${c === 'A' ? 'B' : 'A'}`) },
    { name: 'SignedInfo (extra attribute)', apply: (x) => x.replace('<ds:Reference URI="#', '<ds:Reference Id="x" URI="#') },
  ];
  for (const t of tampers) {
    for (const [label, opts] of [['assertion signed', { signResponse: false }], ['response signed', { signAssertion: false }]] as const) {
      it(`${t.name} (${label})`, async () => {
        const signed = xmlsecSign(responseTemplate({ ...base, ...opts }), rsa);
        const tampered = t.apply(signed);
        expect(tampered).not.toBe(signed);
        const xmlsecOk = xmlsecVerify(tampered, rsa.cert, 1);
        const m = await inspectOne(tampered, [rsa]);
        const oursOk = m.signatures.length > 0 && m.signatures.every((s) => s.verdict === 'valid');
        expect(oursOk, 'samlscope agrees with xmlsec1').toBe(xmlsecOk);
        expect(oursOk).toBe(false);
        expect(m.trusted).toBe(false);
      });
    }
  }
});

/**
 * Random single-character mutations anywhere in signed Responses (both signatures present):
 * for every mutation, each signature's verdict agrees with xmlsec1 — invalid when a signed byte
 * changes meaning, still valid when the change is one canonicalization erases (white space in a
 * tag, quote style). Exercises the reader, c14n and reference resolution together.
 */
describe('xmlsec1 as oracle: 300 random mutations of signed Responses', () => {
  const pieces = [' ', '\n', '\t', '"', "'", '=', '<', '>', '&', '/', ':', 'a', 'Z', '0', '#', ''];
  for (const [label, opts] of [
    ['exc-c14n, pretty', { pretty: true }],
    ['c14n, minified, default namespaces', { c14n: URI.inc, style: 'default' }],
    ['exc-c14n#WithComments, odd prefixes, pretty', { c14n: URI.excC, style: 'odd', pretty: true }],
  ] as const) {
    it(label, async () => {
      const signed = xmlsecSign(responseTemplate({ ...base, ...opts }), rsa);
      let seed = 20261123;
      const random = (n: number): number => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed % n;
      };
      const disagreements: string[] = [];
      let stillValid = 0;
      // SAMLSCOPE_MUTATIONS=1000 for a deeper local run (each mutation spawns xmlsec1).
      const count = Number(process.env.SAMLSCOPE_MUTATIONS ?? 100);
      for (let k = 0; k < count; k++) {
        const at = random(signed.length);
        const piece = pieces[random(pieces.length)]!;
        const mutated = signed.slice(0, at) + piece + signed.slice(at + (random(2) === 0 ? 1 : 0));
        if (mutated === signed) continue;
        const r = await inspectInput(mutated, 'mutation', { trust: [rsa.certPem], at: AT });
        const m = r.messages[0];
        const refused = !m || m.error !== undefined || r.errors.length > 0;
        // libxml2 recovers from namespace errors (an undeclared prefix) and xmlsec1 may then verify
        // another signature; the reader refuses such a document outright (Namespaces in XML §5).
        if (refused && /namespace error/.test(spawnSync('/usr/bin/xmllint', ['--noout', '-'], { input: mutated, encoding: 'utf8' }).stderr)) continue;
        const ours = refused ? [] : m.signatures.filter((s) => s.target !== 'query').map((s) => s.verdict === 'valid');
        for (let i = 0; i < Math.max(ours.length, 1); i++) {
          const theirs = xmlsecVerify(mutated, rsa.cert, i + 1);
          const mine = ours[i] ?? false;
          if (mine !== theirs) disagreements.push(`#${k} at ${at} (${JSON.stringify(signed.slice(at, at + 1))} -> ${JSON.stringify(piece)}), signature ${i + 1}: xmlsec1 ${theirs ? 'OK' : 'fails'}, samlscope ${mine ? 'valid' : m?.signatures[i]?.verdict ?? 'no signature'}: …${mutated.slice(Math.max(0, at - 40), at + 40)}…`);
          if (mine && theirs) stillValid++;
        }
      }
      expect(disagreements).toEqual([]);
      // Some mutations are erased by canonicalization: the test sees both outcomes.
      expect(stillValid).toBeGreaterThan(0);
    }, 300_000); // up to 200 xmlsec1 processes: minutes on a loaded machine; correctness, not speed
  }
});
