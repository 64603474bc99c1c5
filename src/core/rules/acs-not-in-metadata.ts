// acs-not-in-metadata: SAML profiles §4.1.4.1 — the IdP MUST check that the ACS URL (or index)
// requested is one of the SP's endpoints in its metadata, else it refuses to send the response.
import type { Rule } from '../diagnosis/context';
import { parts, quote, roles, rootElement } from '../diagnosis/helpers';

const REFS = ['SAML profiles §4.1.4.1', 'SAML metadata §2.4.4'];

export const acsNotInMetadataRule: Rule = {
  id: 'acs-not-in-metadata',
  codes: ['acs-not-in-metadata'],
  severity: 'error',
  category: 'metadata',
  title: 'Requested ACS is in the SP metadata',
  checks: 'The AssertionConsumerServiceURL (or AssertionConsumerServiceIndex) of an AuthnRequest is one of the SP metadata AssertionConsumerService endpoints.',
  references: REFS,
  check(ctx) {
    const { summary } = ctx.message;
    const ar = summary.authnRequest;
    if (summary.kind !== 'AuthnRequest' || !ar) return [];
    const spRoles = roles(ctx.spMetadata, 'SPSSODescriptor');
    const mine = spRoles.filter((r) => r.entityId === summary.issuer);
    const pool = (mine.length ? mine : spRoles).flatMap((r) => r.role.assertionConsumerServices);
    if (pool.length === 0) return [];
    const node = rootElement(ctx.message.doc);
    const listed = pool.map((e) => `${e.location} (${e.binding.split(':').pop()}${e.index !== null && e.index !== undefined ? `, index ${e.index}` : ''})`).join('; ');
    const fix = 'Make the SP request an ACS URL that is in its metadata, or add this URL as an AssertionConsumerService to the SP metadata registered at the IdP.';
    const fixParts = parts(undefined, { requested: ar.assertionConsumerServiceURL ?? ar.assertionConsumerServiceIndex });
    if (ar.assertionConsumerServiceURL !== null && !pool.some((e) => e.location === ar.assertionConsumerServiceURL)) {
      return [{
        code: 'acs-not-in-metadata', severity: 'error', title: 'Requested ACS URL is not in the SP metadata',
        explanation: `The AuthnRequest asks for the response at ${quote(ar.assertionConsumerServiceURL)}, which is not an AssertionConsumerService of the SP metadata (${listed}). An IdP must refuse to send assertions to an unregistered URL (SAML profiles §4.1.4.1).`,
        fix, fixParts, references: REFS, node,
      }];
    }
    if (ar.assertionConsumerServiceURL === null && ar.assertionConsumerServiceIndex !== null && !pool.some((e) => String(e.index) === ar.assertionConsumerServiceIndex)) {
      return [{
        code: 'acs-not-in-metadata', severity: 'error', title: 'Requested ACS index is not in the SP metadata',
        explanation: `The AuthnRequest asks for AssertionConsumerServiceIndex ${quote(ar.assertionConsumerServiceIndex)}, but the SP metadata has ${listed}.`,
        fix, fixParts, references: REFS, node,
      }];
    }
    return [];
  },
};
