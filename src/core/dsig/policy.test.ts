// dsig verifies XML signatures without knowing SAML: the caller's SignerPolicy says which
// attribute holds IDs and which anchors vouch for what. A document that is not SAML, signed by
// xmlsec1 (the oracle) over an `Id` attribute, verifies with a policy that says `Id`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseTrustInputs } from '../trust/anchors';
import type { TrustAnchor } from '../types';
import { parseXmlSafely } from '../xml/parse';
import { makeKey, XMLSEC1, type KeyPair } from './testing/xmlsec.testutil';
import { coversItsParent, verifySignatures, type SignerIdentity, type SignerPolicy } from './verify';

const ORDER_NS = 'urn:example:order';
const template = (item: string) => `<o:Order xmlns:o="${ORDER_NS}" Id="order-1"><o:Item>${item}</o:Item><ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/><ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/><ds:Reference URI="#order-1"><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/><ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/></ds:Transforms><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue/></ds:Reference></ds:SignedInfo><ds:SignatureValue/></ds:Signature></o:Order>`;

/** A policy that knows nothing of SAML: any trusted anchor vouches for the Order. */
function orderPolicy(idAttribute: string): SignerPolicy<SignerIdentity> {
  return {
    idAttribute,
    claimOf: (signed) => ({ element: signed?.localName ?? 'document', issuer: null }),
    reportClaim: (claim) => ({ issuer: null, issuerFrom: 'orders name no issuer', roles: [], element: claim.element }),
    likelySigner: () => true,
    judge: (anchor) => ({ anchor: anchor.description, scope: anchor.scope, bindings: anchor.bindings, accepted: true, code: null, reason: 'any trusted key signs orders' }),
    acceptedBecause: (_anchor, decision) => decision?.reason ?? '',
    rejectedFinding: () => {
      throw new Error('every anchor is accepted');
    },
  };
}

let signer: KeyPair;
let signed: string;
let anchors: TrustAnchor[];

beforeAll(async () => {
  signer = makeKey('order-signer', 'rsa2048');
  const dir = mkdtempSync(join(tmpdir(), 'samlscope-policy-'));
  const file = join(dir, 'order.xml');
  writeFileSync(file, template('book'));
  const r = spawnSync(XMLSEC1, ['--sign', '--privkey-pem', `${signer.key},${signer.cert}`, '--id-attr:Id', `${ORDER_NS}:Order`, file]);
  if (r.status !== 0) throw new Error(`xmlsec1 --sign failed: ${r.stderr.toString()}`);
  signed = r.stdout.toString('utf8');
  anchors = (await parseTrustInputs([signer.certPem])).anchors;
});

async function verify(xml: string, idAttribute: string) {
  const doc = parseXmlSafely(xml);
  if (!doc.ok) throw new Error(doc.error.message);
  return verifySignatures(doc.value, anchors, new Date('2030-01-01T00:00:00Z'), orderPolicy(idAttribute));
}

describe('dsig with a caller-given SignerPolicy (no SAML)', () => {
  it('verifies a non-SAML document signed by xmlsec1 over its Id attribute', async () => {
    const r = await verify(signed, 'Id');
    expect(r.signatureCount).toBe(1);
    expect(r.checks[0]!.report).toMatchObject({ verdict: 'valid', target: 'Order', targetId: 'order-1', claimedSigner: { element: 'Order', issuer: null } });
    expect(r.checks[0]!.report.reason).toContain('any trusted key signs orders');
    expect(coversItsParent(r.checks[0]!)).toBe(true);
    expect(r.findings).toEqual([]);
  });

  it('finds the change when the signed content is altered', async () => {
    const r = await verify(signed.replace('<o:Item>book</o:Item>', '<o:Item>car</o:Item>'), 'Id');
    expect(r.checks[0]!.report.verdict).toBe('invalid');
    expect(r.findings.map((f) => f.code)).toEqual(['digest-mismatch']);
  });

  it('resolves references by the attribute the policy names, and no other', async () => {
    const r = await verify(signed, 'ID');
    expect(r.checks[0]!.report.verdict).toBe('invalid');
    expect(r.findings.map((f) => f.explanation).join(' ')).toContain('no element has ID="order-1"');
  });
});
