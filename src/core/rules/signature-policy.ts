// assertion-unsigned / response-unsigned: which elements a profile requires to be signed.
// Scaleway requires both the Response and the Assertion signed (000_bbefa757859ef489.txt:
// sign_assertion = true, sign_response = true); SP metadata WantAssertionsSigned="true" requires
// the assertion signature (SAML metadata §2.4.4). Whether a signature verifies is the verifier's
// job (signature-invalid …); here only its presence counts.
import type { RawFinding } from '../types';
import type { Rule } from './context';
import { assertionElement, consumedAssertion, isOpaque, fixFor, roles, rootElement } from './helpers';

const REFS = ['SAML profiles §4.1.3.5', 'SAML metadata §2.4.4', '000_bbefa757859ef489.txt'];

export const signaturePolicyRule: Rule = {
  id: 'signature-policy',
  codes: ['assertion-unsigned', 'response-unsigned'],
  severity: 'error',
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
    const scaleway = ctx.profile === 'scaleway';

    if (!assertionSigned && (scaleway || wantAssertionsSigned)) {
      out.push({
        code: 'assertion-unsigned', severity: 'error', title: 'Assertion is not signed',
        explanation: scaleway
          ? 'The Assertion has no signature. Scaleway requires both the Response and the Assertion to be signed.'
          : 'The Assertion has no signature, but the SP metadata says WantAssertionsSigned="true": the SP rejects it.',
        fix: fixFor(ctx.profile, {
          generic: 'Enable assertion signing for this SP at the IdP.',
          scaleway: 'In the authentik SAML provider set `sign_assertion = true` (and keep `sign_response = true`), with `signing_kp` set to the certificate uploaded to Scaleway.',
          'authentik-provider': 'In the authentik SAML provider enable "Sign assertions" (`sign_assertion = true`) and pick a Signing Certificate (`signing_kp`).',
          'authentik-source': 'Enable assertion signing at the external IdP for authentik\'s SP entry.',
        }),
        references: REFS, node: assertionElement(msg, consumed.index),
      });
    }
    if (!responseSigned && scaleway) {
      out.push({
        code: 'response-unsigned', severity: 'error', title: 'Response is not signed',
        explanation: 'The Response element has no signature. Scaleway requires both the Response and the Assertion to be signed.',
        fix: 'In the authentik SAML provider set `sign_response = true` (and keep `sign_assertion = true`), with `signing_kp` set to the certificate uploaded to Scaleway.',
        references: REFS, node: rootElement(msg.doc),
      });
    }
    return out;
  },
};
