// HTTP-Redirect query signatures (SAML bindings §3.4.4.1) checked directly: which octets are
// signed, each incomplete/unsupported/untrusted case, and the diagnosis of octets that differ.
// Keys are generated in-process with node:crypto (RSA 2048 for the signatures, P-256 as a key
// of the wrong family).
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type { RedirectSignatureParts, TrustAnchor } from '../types';
import { redirectSignedOctets, verifyRedirectSignature } from './redirect';

const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const RSA_SHA1 = 'http://www.w3.org/2000/09/xmldsig#rsa-sha1';
const REFS = ['SAML bindings §3.4.4.1'];

const idp = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });

function anchor(pub: KeyObject, description: string): TrustAnchor {
  const spki = pub.export({ type: 'spki', format: 'der' });
  return { certificateDer: null, spkiDer: spki.toString('base64'), sha256Fingerprint: createHash('sha256').update(spki).digest('hex'), subject: `CN=${description}`, source: 'cert', description, scope: 'any-issuer', bindings: [] };
}
const IDP = anchor(idp.publicKey, 'idp key');
const OTHER = anchor(other.publicKey, 'other key');
const EC = anchor(ec.publicKey, 'ec key');

/**
 * A query as received: `wire` parameters in URL order; the sender signs `signed` (default: the
 * §3.4.4.1 string of the wire parameters) with `key`.
 */
function query(o: { message?: string; relay?: string; sigAlg?: string; signed?: (prescribed: string) => string; key?: KeyObject; hash?: string; order?: 'prescribed' | 'sigalg-first' } = {}): RedirectSignatureParts {
  const sigAlg = o.sigAlg ?? RSA_SHA256;
  const rawMessageParam = `SAMLRequest=${o.message ?? 'fZJNb4MwDIbv%2BRWoe8ki'}`;
  const rawRelayStateParam = o.relay === undefined ? undefined : `RelayState=${o.relay}`;
  const rawSigAlgParam = `SigAlg=${encodeURIComponent(sigAlg)}`;
  const prescribed = [rawMessageParam, rawRelayStateParam, rawSigAlgParam].filter(Boolean).join('&');
  const toSign = o.signed ? o.signed(prescribed) : prescribed;
  const signature = sign(o.hash ?? 'sha256', Buffer.from(toSign), o.key ?? idp.privateKey).toString('base64');
  const inUrl = o.order === 'sigalg-first' ? [rawSigAlgParam, rawMessageParam, rawRelayStateParam] : [rawMessageParam, rawRelayStateParam, rawSigAlgParam];
  return { rawMessageParam, rawRelayStateParam, rawSigAlgParam, sigAlg, signature, rawQuery: [...inUrl.filter(Boolean), `Signature=${encodeURIComponent(signature)}`].join('&') };
}

describe('the signed octets (§3.4.4.1)', () => {
  test('message, RelayState, SigAlg joined by "&", exactly as received, absent ones left out', () => {
    expect(redirectSignedOctets({ rawMessageParam: 'SAMLResponse=a%2Fb', rawRelayStateParam: 'RelayState=x%20y', rawSigAlgParam: 'SigAlg=z', rawQuery: '' })).toBe('SAMLResponse=a%2Fb&RelayState=x%20y&SigAlg=z');
    expect(redirectSignedOctets({ rawMessageParam: 'SAMLRequest=a', rawSigAlgParam: 'SigAlg=z', rawQuery: '' })).toBe('SAMLRequest=a&SigAlg=z');
    expect(redirectSignedOctets({ rawMessageParam: 'SAMLRequest=a', rawRelayStateParam: '', rawQuery: '' })).toBe('SAMLRequest=a');
  });
});

describe('a query that verifies', () => {
  test('valid with the anchor that verifies, its identity recorded, no findings', async () => {
    const parts = query({ relay: 'https%3A%2F%2Fsp.example.com%2Fapp' });
    const { signature, findings } = await verifyRedirectSignature(parts, [IDP]);
    expect(findings).toEqual([]);
    expect(signature).toEqual({
      target: 'query', targetId: null, signatureAlgorithm: RSA_SHA256, canonicalization: 'SAML bindings §3.4.4.1 (query octets as received)',
      references: [], verdict: 'valid', reason: 'The query signature verifies over the octets as received with idp key.',
      key: { source: 'cert', sha256Fingerprint: IDP.sha256Fingerprint, subject: 'CN=idp key', anchor: 'idp key', scope: 'any-issuer', bindings: [] },
      signedInfoCanonical: redirectSignedOctets(parts), index: 0, keyInfoCertificates: [],
    });
  });
  test('the matching anchor is found after others, including one of another key family', async () => {
    const { signature } = await verifyRedirectSignature(query(), [EC, OTHER, IDP]);
    expect([signature?.verdict, signature?.key.anchor]).toEqual(['valid', 'idp key']);
  });
  test('SHA-1 still verifies but is flagged weak', async () => {
    const { signature, findings } = await verifyRedirectSignature(query({ sigAlg: RSA_SHA1, hash: 'sha1' }), [IDP]);
    expect(signature?.verdict).toBe('valid');
    expect(findings).toEqual([{ code: 'weak-algorithm', severity: 'warning', title: 'SHA-1 query signature', explanation: `SigAlg is ${RSA_SHA1}. SHA-1 collisions are practical.`, fix: 'Sign with rsa-sha256.', references: ['RFC 6931'] }]);
  });
});

describe('missing, incomplete, unsupported, unreadable, untrusted', () => {
  test('no SigAlg and no Signature: not signed, an info finding, no report', async () => {
    const r = await verifyRedirectSignature({ rawMessageParam: 'SAMLRequest=a', rawQuery: 'SAMLRequest=a' }, [IDP]);
    expect(r.signature).toBeNull();
    expect(r.findings).toEqual([{
      code: 'query-signature-missing', severity: 'info', title: 'Redirect binding message without signature',
      explanation: 'The URL has no SigAlg and Signature parameters, so the message is not signed. Many IdPs accept unsigned AuthnRequests; an IdP with WantAuthnRequestsSigned="true" rejects them.',
      // Issue 14: profile-neutral here; the authentik source profile names its "Signing keypair".
      fix: 'If the IdP requires signed requests, configure the SP to sign AuthnRequests (its metadata then says AuthnRequestsSigned="true").', fixParts: { variant: 'unsigned' }, references: REFS,
    }]);
  });
  test('Signature without SigAlg: invalid, the algorithm is unknown', async () => {
    const { rawSigAlgParam: _drop, sigAlg: _alg, ...parts } = query();
    const r = await verifyRedirectSignature(parts, [IDP]);
    expect([r.signature?.verdict, r.signature?.reason, r.signature?.signatureAlgorithm]).toEqual(['invalid', 'Signature without SigAlg: the algorithm is unknown.', '']);
    expect(r.findings).toEqual([{ code: 'query-signature-missing', severity: 'error', title: 'Incomplete query signature', explanation: 'Signature without SigAlg: the algorithm is unknown.', fix: 'Send both SigAlg and Signature (SAML bindings §3.4.4.1).', references: REFS }]);
  });
  test('a decoded SigAlg without its raw parameter is incomplete too (nothing to rebuild the octets from)', async () => {
    const { rawSigAlgParam: _drop, ...parts } = query();
    const r = await verifyRedirectSignature(parts, [IDP]);
    expect([r.signature?.verdict, r.findings.map((f) => f.code)]).toEqual(['invalid', ['query-signature-missing']]);
  });
  test('SigAlg without Signature', async () => {
    const { signature: _drop, ...parts } = query();
    const r = await verifyRedirectSignature(parts, [IDP]);
    expect([r.signature?.verdict, r.signature?.reason, r.findings.map((f) => `${f.severity}:${f.code}:${f.explanation}`)]).toEqual(['invalid', 'SigAlg without Signature.', ['error:query-signature-missing:SigAlg without Signature.']]);
  });
  test('an unknown SigAlg is unsupported', async () => {
    const alg = 'http://example.com/rsa-md5';
    const r = await verifyRedirectSignature({ ...query(), sigAlg: alg }, [IDP]);
    expect([r.signature?.verdict, r.signature?.reason]).toEqual(['unsupported', `SigAlg ${alg} is not supported.`]);
    expect(r.findings).toEqual([{ code: 'unsupported-algorithm', severity: 'error', title: 'Unsupported query signature algorithm', explanation: `SigAlg ${alg} is not supported.`, fix: 'Use http://www.w3.org/2001/04/xmldsig-more#rsa-sha256.', references: REFS }]);
  });
  test('a Signature that is not base64', async () => {
    const r = await verifyRedirectSignature({ ...query(), signature: 'abc!def' }, [IDP]);
    expect(r.signature?.verdict).toBe('invalid');
    expect(r.signature?.reason).toBe('The Signature parameter is not base64: Not base64: character "!" at position 4 is outside the base64 alphabet.');
    expect(r.findings).toEqual([{ code: 'query-signature-invalid', severity: 'error', title: 'Query signature is not base64', explanation: r.signature?.reason, fix: 'The Signature parameter was damaged in transit (often a "+" that was not percent-encoded).', references: REFS }]);
  });
  test('no trust anchor: untrusted, never valid', async () => {
    const r = await verifyRedirectSignature(query(), []);
    expect([r.signature?.verdict, r.signature?.key.source]).toEqual(['untrusted', 'none']);
    expect(r.findings).toEqual([{ code: 'signature-no-trust-anchor', severity: 'info', title: 'Nothing to verify the query signature against', explanation: "A query signature carries no certificate: paste the sender's metadata or certificate to check it.", fix: "Give the sender's metadata (SP metadata for an AuthnRequest, IdP metadata for a response) as trusted material.", fixParts: { surface: { page: 'Paste it into the trust field.', cli: 'Pass it with --metadata or --cert.' } }, references: REFS }]);
  });
});

describe('a signature that does not verify over the received octets', () => {
  const diagnosis = async (parts: RedirectSignatureParts, anchors = [IDP]) => {
    const r = await verifyRedirectSignature(parts, anchors);
    expect(r.signature?.verdict).toBe('invalid');
    expect(r.findings.map((f) => [f.code, f.severity])).toEqual([['query-signature-invalid', 'error']]);
    return { reason: r.signature!.reason, finding: r.findings[0] };
  };
  test('signed with upper-case escapes, sent with lower-case ones', async () => {
    const { reason, finding } = await diagnosis(query({ relay: 'a%2fb%20c', signed: (p) => p.replace('a%2fb%20c', 'a%2Fb%20c') }));
    const why = 'the sender signed the values re-encoded with upper-case percent escapes, not the octets it sent';
    expect(reason).toBe(`Does not verify over the octets as received, but does when ${why}.`);
    expect(finding.title).toBe('Query signature computed over different octets');
    expect(finding.explanation).toBe(`The signature verifies with idp key only if ${why}. SAML bindings §3.4.4.1 requires signing the exact URL-encoded octets that are sent, so strict receivers reject this. Signed string expected: ${'SAMLRequest=fZJNb4MwDIbv%2BRWoe8ki&RelayState=a%2Fb%20c&SigAlg=http%3A%2F%2Fwww.w3.org%2F2001%2F04%2Fxmldsig-more%23rsa-sha256'.slice(0, 200)}…`);
    expect(finding.fix).toBe('Fix the sender to sign the query string exactly as it is put on the wire (same encoding, order SAMLRequest, RelayState, SigAlg).');
    expect(finding.references).toEqual(REFS);
  });
  test('signed with lower-case escapes, sent with upper-case ones', async () => {
    const { reason } = await diagnosis(query({ relay: 'a%2Fb', signed: (p) => p.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()) }));
    expect(reason).toContain('re-encoded with lower-case percent escapes');
  });
  test("re-encoding escapes RFC 3986's reserved !'()* and reads + as a space", async () => {
    // Sent raw: "(x)+y"; the sender signed the strict encoding "%28x%29%20y".
    const { reason } = await diagnosis(query({ relay: "(x)+y!'*", signed: (p) => p.replace("(x)+y!'*", '%28x%29%20y%21%27%2A') }));
    expect(reason).toContain('upper-case percent escapes');
    const lower = await diagnosis(query({ relay: '(x)', signed: (p) => p.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()).replace('(x)', '%28x%29') }));
    expect(lower.reason).toContain('lower-case percent escapes');
  });
  test('signed without the RelayState that was sent', async () => {
    const { reason } = await diagnosis(query({ relay: 'state1', signed: (p) => p.replace('&RelayState=state1', '') }));
    expect(reason).toBe('Does not verify over the octets as received, but does when the sender signed without the RelayState parameter it then sent.');
  });
  test('signed in the order of the URL, not the prescribed order', async () => {
    const parts = query({ relay: 'state1', order: 'sigalg-first', signed: (p) => p.replace(/^(.*?)&(RelayState=state1)&(SigAlg=[^&]*)$/, '$3&$1&$2') });
    const { reason, finding } = await diagnosis(parts);
    expect(reason).toContain('the sender signed the parameters in the order of its URL, not the order SAMLRequest/SAMLResponse, RelayState, SigAlg the binding prescribes');
    expect(finding.explanation).toContain(`Signed string expected: ${parts.rawQuery.replace(/&Signature=.*/, '')}…`);
  });
  test('only the known parameters count for the URL order', async () => {
    const parts = query({ order: 'sigalg-first', signed: (p) => p.replace(/^(.*?)&(SigAlg=[^&]*)$/, '$2&$1') });
    const { reason } = await diagnosis({ ...parts, rawQuery: `foo=1&${parts.rawQuery}&bar=2` });
    expect(reason).toContain('in the order of its URL');
  });
  test('a parameter whose name merely ends like a known one is not part of the URL order', async () => {
    const parts = query({ order: 'sigalg-first', signed: (p) => p.replace(/^(.*?)&(SigAlg=[^&]*)$/, '$2&$1') });
    const [sigAlg, ...rest] = parts.rawQuery.split('&');
    const { reason } = await diagnosis({ ...parts, rawQuery: [sigAlg, 'XRelayState=zz', ...rest].join('&') });
    expect(reason).toContain('in the order of its URL');
  });
  test('the alternative octets are tried with every anchor', async () => {
    const { finding } = await diagnosis(query({ relay: 'state1', signed: (p) => p.replace('&RelayState=state1', '') }), [EC, OTHER, IDP]);
    expect(finding.explanation).toMatch(/^The signature verifies with idp key only if/);
  });
  test('an expected signed string is cut at 200 characters', async () => {
    const long = 'x'.repeat(300);
    const { finding } = await diagnosis(query({ message: long, relay: 'state1', signed: (p) => p.replace('&RelayState=state1', '') }));
    expect(finding.explanation).toContain(`Signed string expected: SAMLRequest=${'x'.repeat(188)}…`);
  });
  test('nothing verifies: the count of keys tried and what to check', async () => {
    const r = await verifyRedirectSignature(query({ key: other.privateKey }), [IDP, EC]);
    expect([r.signature?.verdict, r.signature?.reason]).toEqual(['invalid', 'The query signature does not verify with any of the 2 trusted key(s), over the octets as received or any usual re-encoding.']);
    expect(r.findings).toEqual([{
      code: 'query-signature-invalid', severity: 'error', title: 'Query signature does not verify',
      explanation: "The query signature does not verify with any of the 2 trusted key(s), over the octets as received or any usual re-encoding. Either the trusted key is not the sender's signing key (rollover?), or the URL was modified (parameters re-encoded, RelayState changed or dropped).",
      fix: "Check the sender's current signing certificate, and make sure the URL is pasted exactly as sent.", references: REFS,
    }]);
  });
});
