import { decodeBase64Lenient } from '../encoding/base64';
import { formDecode } from '../encoding/form';
import type { RawFinding, RedirectSignatureParts, SignatureReport, TrustAnchor } from '../types';
import { SIGNATURE_ALGORITHMS } from '../dsig/algorithms';
import { importVerifyKey, verifyWithKey } from '../dsig/keys';
import { GIVE_TRUST } from '../findings/fix';
import { judgeAnchor, type SignerClaim } from '../trust/anchor-scope';

const utf8 = new TextEncoder();

/** SAML bindings §3.4.4.1: the signed string, built from the parameters exactly as received. */
export function redirectSignedOctets(parts: RedirectSignatureParts): string {
  return [parts.rawMessageParam, parts.rawRelayStateParam, parts.rawSigAlgParam].filter((p): p is string => !!p).join('&');
}

/** Strict RFC 3986 encoding with upper-case hex, as most SAML libraries re-encode. */
function reEncode(raw: string, lower: boolean): string {
  const eq = raw.indexOf('=');
  const value = encodeURIComponent(formDecode(raw.slice(eq + 1))).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${raw.slice(0, eq)}=${lower ? value.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()) : value}`;
}

/** The classic ways a sender's signed string differs from what arrived, for the diagnosis. */
function alternatives(parts: RedirectSignatureParts): { why: string; octets: string }[] {
  const out: { why: string; octets: string }[] = [];
  const params = [parts.rawMessageParam, parts.rawRelayStateParam, parts.rawSigAlgParam].filter((p): p is string => !!p);
  out.push({ why: 'the sender signed the values re-encoded with upper-case percent escapes, not the octets it sent', octets: params.map((p) => reEncode(p, false)).join('&') });
  out.push({ why: 'the sender signed the values re-encoded with lower-case percent escapes, not the octets it sent', octets: params.map((p) => reEncode(p, true)).join('&') });
  if (parts.rawRelayStateParam) out.push({ why: 'the sender signed without the RelayState parameter it then sent', octets: [parts.rawMessageParam, parts.rawSigAlgParam].filter(Boolean).join('&') });
  // Parameters in the order they appear in the URL rather than the order §3.4.4.1 prescribes.
  const inQueryOrder = parts.rawQuery.split('&').filter((p) => /^(SAMLRequest|SAMLResponse|RelayState|SigAlg)=/.test(p)).join('&');
  if (inQueryOrder !== redirectSignedOctets(parts)) out.push({ why: 'the sender signed the parameters in the order of its URL, not the order SAMLRequest/SAMLResponse, RelayState, SigAlg the binding prescribes', octets: inQueryOrder });
  return out;
}

/**
 * Verify an HTTP-Redirect query-string signature. Only trust anchors can make it `valid`:
 * the query carries no certificate, so without an anchor there is nothing to check against.
 */
export async function verifyRedirectSignature(parts: RedirectSignatureParts, anchors: TrustAnchor[], claim?: SignerClaim): Promise<{ signature: SignatureReport | null; findings: RawFinding[] }> {
  const findings: RawFinding[] = [];
  if (!parts.signature && !parts.sigAlg) {
    findings.push({ code: 'query-signature-missing', severity: 'info', title: 'Redirect binding message without signature', explanation: 'The URL has no SigAlg and Signature parameters, so the message is not signed. Many IdPs accept unsigned AuthnRequests; an IdP with WantAuthnRequestsSigned="true" rejects them.', fix: 'If the IdP requires signed requests, configure the SP to sign AuthnRequests (its metadata then says AuthnRequestsSigned="true").', fixParts: { variant: 'unsigned' }, references: ['SAML bindings §3.4.4.1'] });
    return { signature: null, findings };
  }
  const sigAlg = parts.sigAlg ?? '';
  const octets = redirectSignedOctets(parts);
  const report: SignatureReport = {
    target: 'query', targetId: null, signatureAlgorithm: sigAlg, canonicalization: 'SAML bindings §3.4.4.1 (query octets as received)',
    references: [], verdict: 'invalid', reason: '', key: { source: 'none', sha256Fingerprint: null, subject: null, anchor: null },
    signedInfoCanonical: octets, index: 0, keyInfoCertificates: [],
    ...(claim ? { claimedSigner: { issuer: claim.issuer, issuerFrom: claim.issuerFrom, roles: claim.roles.filter((r) => r !== '*'), element: claim.element }, anchorDecisions: [] } : {}),
  };
  const alg = SIGNATURE_ALGORITHMS[sigAlg];
  if (!parts.signature || !parts.rawSigAlgParam) {
    report.reason = parts.signature ? 'Signature without SigAlg: the algorithm is unknown.' : 'SigAlg without Signature.';
    findings.push({ code: 'query-signature-missing', severity: 'error', title: 'Incomplete query signature', explanation: report.reason, fix: 'Send both SigAlg and Signature (SAML bindings §3.4.4.1).', references: ['SAML bindings §3.4.4.1'] });
    return { signature: report, findings };
  }
  if (!alg) {
    report.verdict = 'unsupported';
    report.reason = `SigAlg ${sigAlg} is not supported.`;
    findings.push({ code: 'unsupported-algorithm', severity: 'error', title: 'Unsupported query signature algorithm', explanation: report.reason, fix: 'Use http://www.w3.org/2001/04/xmldsig-more#rsa-sha256.', references: ['SAML bindings §3.4.4.1'] });
    return { signature: report, findings };
  }
  if (alg.hash === 'SHA-1') findings.push({ code: 'weak-algorithm', severity: 'warning', title: 'SHA-1 query signature', explanation: `SigAlg is ${sigAlg}. SHA-1 collisions are practical.`, fix: 'Sign with rsa-sha256.', references: ['RFC 6931'] });
  const sig = decodeBase64Lenient(parts.signature);
  if (!sig.ok) {
    report.reason = `The Signature parameter is not base64: ${sig.error.message}`;
    findings.push({ code: 'query-signature-invalid', severity: 'error', title: 'Query signature is not base64', explanation: report.reason, fix: 'The Signature parameter was damaged in transit (often a "+" that was not percent-encoded).', references: ['SAML bindings §3.4.4.1'] });
    return { signature: report, findings };
  }
  if (anchors.length === 0) {
    report.verdict = 'untrusted';
    report.reason = 'A query signature carries no certificate: paste the sender\'s metadata or certificate to check it.';
    findings.push({ code: 'signature-no-trust-anchor', severity: 'info', title: 'Nothing to verify the query signature against', explanation: report.reason, fix: 'Give the sender\'s metadata (SP metadata for an AuthnRequest, IdP metadata for a response) as trusted material.', fixParts: { surface: GIVE_TRUST }, references: ['SAML bindings §3.4.4.1'] });
    return { signature: report, findings };
  }
  for (const a of anchors) {
    const key = await importVerifyKey(a.spkiDer, alg);
    if (key && (await verifyWithKey(key, alg, sig.value.bytes, utf8.encode(octets)))) {
      report.key = { source: a.source, sha256Fingerprint: a.sha256Fingerprint, subject: a.subject, anchor: a.description, scope: a.scope, bindings: a.bindings };
      // CONTRACT §2: the key must belong to the message's issuer, in the role that sends it.
      const decision = claim ? judgeAnchor(a, claim) : null;
      if (decision) report.anchorDecisions = [decision];
      if (decision && !decision.accepted) {
        report.verdict = 'untrusted';
        report.reason = `The query signature verifies over the octets as received, but with a key this ${claim!.element}'s issuer may not use: ${decision.reason}`;
        findings.push({ code: decision.code!, severity: 'error', title: decision.code === 'signature-key-wrong-role' ? 'Query signed with a key of the wrong role' : 'Query signed with another entity\'s key', explanation: decision.reason, fix: 'Give the metadata of the entity that issued this message, in the role that sends it; otherwise reject the message.', references: ['SAML metadata §2.4.1.1', 'SAML bindings §3.4.4.1'] });
        return { signature: report, findings };
      }
      report.verdict = 'valid';
      report.reason = `The query signature verifies over the octets as received with ${a.description}${decision ? `; ${decision.reason}` : ''}.`;
      return { signature: report, findings };
    }
  }
  for (const alt of alternatives(parts)) {
    for (const a of anchors) {
      const key = await importVerifyKey(a.spkiDer, alg);
      if (key && (await verifyWithKey(key, alg, sig.value.bytes, utf8.encode(alt.octets)))) {
        report.reason = `Does not verify over the octets as received, but does when ${alt.why}.`;
        findings.push({ code: 'query-signature-invalid', severity: 'error', title: 'Query signature computed over different octets', explanation: `The signature verifies with ${a.description} only if ${alt.why}. SAML bindings §3.4.4.1 requires signing the exact URL-encoded octets that are sent, so strict receivers reject this. Signed string expected: ${alt.octets.slice(0, 200)}…`, fix: 'Fix the sender to sign the query string exactly as it is put on the wire (same encoding, order SAMLRequest, RelayState, SigAlg).', references: ['SAML bindings §3.4.4.1'] });
        return { signature: report, findings };
      }
    }
  }
  report.reason = `The query signature does not verify with any of the ${anchors.length} trusted key(s), over the octets as received or any usual re-encoding.`;
  findings.push({ code: 'query-signature-invalid', severity: 'error', title: 'Query signature does not verify', explanation: `${report.reason} Either the trusted key is not the sender's signing key (rollover?), or the URL was modified (parameters re-encoded, RelayState changed or dropped).`, fix: 'Check the sender\'s current signing certificate, and make sure the URL is pasted exactly as sent.', references: ['SAML bindings §3.4.4.1'] });
  return { signature: report, findings };
}
