// Finding categories, in the order a person debugs a failed login: what did the IdP say, can the
// message be trusted, who sent it, who is it for, who is the user, how did it travel, when, and
// the metadata. A rule declares its category in its own file (Rule.category); the codes the
// verifier, the decrypter and the pipeline raise outside the rules are declared here, next to the
// category list; the worker stamps each finding with its category (Finding.category), so no
// list lives in the UI and the page never loads the rules.
import type { CategoryId } from '../findings/categories';
import type { Severity } from '../findings/severity';

export { CATEGORIES, categoryTitle, type CategoryId } from '../findings/categories';

/** A code raised outside the rule registry, as the rules page lists it. */
export interface VerifierCode {
  code: string;
  severity: Severity;
  category: CategoryId;
  meaning: string;
}

/**
 * Codes raised outside the rule registry — by the signature verifier (src/core/dsig), the query
 * signature check and the decrypter — declared once, with their category ("signatures and
 * trust" of the contract's code table).
 */
export const VERIFIER_CODES: readonly VerifierCode[] = [
  { code: 'signature-missing', severity: 'error', category: 'signature', meaning: 'Neither the Response nor the Assertion is signed (SAML profiles §4.1.3.5).' },
  { code: 'signature-invalid', severity: 'error', category: 'signature', meaning: 'The SignatureValue does not verify over the canonicalized SignedInfo.' },
  { code: 'digest-mismatch', severity: 'error', category: 'signature', meaning: 'A Reference digest does not match the referenced element: the content was changed after signing.' },
  { code: 'signature-untrusted-key', severity: 'error', category: 'signature', meaning: 'The signature is correct only with a key that is not a trust anchor (e.g. the certificate in KeyInfo).' },
  { code: 'signature-key-wrong-entity', severity: 'error', category: 'signature', meaning: 'The signature verifies with a pasted metadata key, but of another entity than the Issuer of the signed element: a metadata key anchors only its own entity\'s messages.' },
  { code: 'signature-key-wrong-role', severity: 'error', category: 'signature', meaning: 'The signature verifies with a key of the right entity but of the wrong role (an SP key on a Response, an IdP key on an AuthnRequest).' },
  { code: 'signature-limit-exceeded', severity: 'error', category: 'signature', meaning: 'More References, Signatures, Transforms or KeyInfo certificates than samlscope\'s documented resource limits: the rest is not computed, the signature is never valid.' },
  { code: 'signature-no-trust-anchor', severity: 'info', category: 'signature', meaning: 'Nothing was given to verify against: add the IdP metadata or certificate under Trust.' },
  { code: 'signature-wrapping', severity: 'error', category: 'signature', meaning: 'The element a relying party would consume is not the element the signature covers (XML signature wrapping).' },
  { code: 'duplicate-id', severity: 'error', category: 'signature', meaning: 'Two elements share an ID: a reference could resolve to either.' },
  { code: 'multiple-assertions', severity: 'warning', category: 'signature', meaning: 'More than one Assertion: SPs differ in which one they consume.' },
  { code: 'nameid-comment', severity: 'error', category: 'signature', meaning: 'A comment or split text node inside NameID or an attribute value (CVE-2018-7340 class).' },
  { code: 'weak-algorithm', severity: 'warning', category: 'signature', meaning: 'SHA-1 signature or digest algorithm.' },
  { code: 'unsupported-algorithm', severity: 'warning', category: 'signature', meaning: 'An algorithm or transform samlscope does not implement.' },
  { code: 'cert-expired', severity: 'warning', category: 'signature', meaning: 'The signing certificate is outside its validity period.' },
  { code: 'query-signature-invalid', severity: 'error', category: 'signature', meaning: 'The HTTP-Redirect query signature does not verify (SAML bindings §3.4.4.1).' },
  { code: 'query-signature-missing', severity: 'warning', category: 'signature', meaning: 'An HTTP-Redirect message without Signature where one is expected.' },
];
