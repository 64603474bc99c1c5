// assertion-unsigned / response-unsigned: which elements a profile requires to be signed.
// Scaleway requires both the Response and the Assertion signed (000_bbefa757859ef489.txt:
// sign_assertion = true, sign_response = true); SP metadata WantAssertionsSigned="true" requires
// the assertion signature (SAML metadata §2.4.4). Whether a signature verifies is the verifier's
// job (signature-invalid …); here only its presence counts.
import type { RawFinding } from '../types';
import type { Rule } from '../diagnosis/context';
import { assertionElement, consumedAssertion, expects, isOpaque, roles, rootElement } from '../diagnosis/helpers';
import { SOURCES } from '../diagnosis/sources';

const REFS = ['SAML profiles §4.1.3.5', 'SAML metadata §2.4.4', SOURCES.scalewayAuthentik];

export const signaturePolicyRule: Rule = {
  id: 'signature-policy',
  codes: ['assertion-unsigned', 'response-unsigned'],
  severity: 'error',
  category: 'signature',
  title: 'Required signatures are present',
  checks: 'Scaleway profile: both Response and Assertion carry a signature. Any profile: SP metadata WantAssertionsSigned="true" requires an Assertion signature. (A message with no signature at all is the verifier\'s signature-missing.)',
  references: REFS,
  check(ctx) {
    const msg = ctx.message;
    if (msg.summary.kind !== 'Response' || msg.summary.status?.code?.endsWith(':Success') === false) return [];
    const consumed = consumedAssertion(msg);
    if (!consumed) return [];
    const out: RawFinding[] = [];
    const responseSigned = msg.signatures.some((s) => s.target === 'Response' && (s.targetId === null || s.targetId === msg.summary.id));
    // An encrypted assertion's inner signature is invisible until decrypted: do not claim it is missing.
    const assertionSigned = isOpaque(consumed.assertion) || msg.signatures.some((s) => s.target === 'Assertion' && (s.targetId === null || s.targetId === consumed.assertion.id));
    const wantAssertionsSigned = roles(ctx.spMetadata, 'SPSSODescriptor').some((r) => r.role.wantAssertionsSigned === true && (!ctx.expectations.spEntityId || r.entityId === ctx.expectations.spEntityId.value));
    const both = expects(ctx).signedResponseAndAssertion === true;

    if (!assertionSigned && (both || wantAssertionsSigned)) {
      out.push({
        code: 'assertion-unsigned', severity: 'error', title: 'Assertion is not signed',
        // The profile's wording adds which product requires both signatures.
        explanation: both ? 'The Assertion has no signature.' : 'The Assertion has no signature, but the SP metadata says WantAssertionsSigned="true": the SP rejects it.',
        fix: 'Enable assertion signing for this SP at the IdP.',
        references: REFS, node: assertionElement(msg, consumed.index),
      });
    }
    if (!responseSigned && both) {
      out.push({
        code: 'response-unsigned', severity: 'error', title: 'Response is not signed',
        explanation: 'The Response element has no signature.',
        fix: 'Configure the IdP to sign the Response as well as the Assertion for this SP.',
        references: REFS, node: rootElement(msg.doc),
      });
    }
    return out;
  },
};
