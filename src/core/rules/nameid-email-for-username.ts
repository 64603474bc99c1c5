// nameid-email-for-username: the third Scaleway failure of 000_bbefa757859ef489.txt — "The user
// user@example.com was not found inside the organization": Scaleway matches the NameID against
// usernames, authentik sent the email.
import type { Rule } from './context';
import { allNS, answeredRequest, assertionElement, consumedAssertion, EMAIL_LIKE, fixFor, quote } from './helpers';
import { canonicalNameIdFormat, NAMEID_EMAIL, NAMEID_PERSISTENT } from './nameid-formats';

const REFS = ['000_bbefa757859ef489.txt', 'SAML core §8.3.7'];

export const nameIdEmailForUsernameRule: Rule = {
  id: 'nameid-email-for-username',
  codes: ['nameid-email-for-username'],
  severity: 'error',
  title: 'NameID is a username where the SP matches usernames',
  checks: 'Scaleway profile: the NameID must be the username, not an email address (error). Other profiles: an email address sent as a persistent identifier is flagged (info).',
  references: REFS,
  check(ctx) {
    if (ctx.message.summary.kind !== 'Response') return [];
    const consumed = consumedAssertion(ctx.message);
    const nameId = consumed?.assertion.nameId;
    if (!consumed || !nameId || !EMAIL_LIKE.test(nameId.value.trim())) return [];
    const node = allNS(assertionElement(ctx.message, consumed.index), 'NameID')[0] ?? null;
    const format = canonicalNameIdFormat(nameId.format);
    if (ctx.profile === 'scaleway') {
      return [{
        code: 'nameid-email-for-username', severity: 'error', title: 'NameID is an email address, Scaleway expects the username',
        explanation: `The NameID is ${quote(nameId.value)}, an email address. Scaleway matches the NameID against the usernames of the IAM members of the organization and answers "The user ${nameId.value} was not found inside the organization" — even when a member with that email exists.`,
        fix: 'In the authentik SAML provider set `name_id_mapping = data.authentik_property_mapping_provider_saml.username.id` (managed mapping goauthentik.io/providers/saml/username) instead of the email mapping. Also make sure the user exists as an IAM member of the Scaleway organization with that username (no SCIM: users must be pre-provisioned; the organization owner alone is not enough).',
        references: REFS, node,
      }];
    }
    const request = answeredRequest(ctx);
    const requested = request?.summary.authnRequest?.nameIdPolicyFormat ? canonicalNameIdFormat(request.summary.authnRequest.nameIdPolicyFormat) : null;
    if (format === NAMEID_PERSISTENT && requested !== NAMEID_EMAIL) {
      return [{
        code: 'nameid-email-for-username', severity: 'info', title: 'Email address used as a persistent identifier',
        explanation: `The NameID ${quote(nameId.value)} is an email address but is declared persistent. A persistent identifier should never change (SAML core §8.3.7); an email changes when the user is renamed, and an SP matching on usernames will not find the user.`,
        fix: fixFor(ctx.profile, {
          generic: 'Send an immutable identifier (user ID, username) as persistent NameID, or declare the format as emailAddress if the SP matches by email.',
          'authentik-provider': 'In the authentik SAML provider choose a NameID Property Mapping matching what the SP uses to find users (username, hashed user ID, or email with the emailAddress format).',
          'authentik-source': 'authentik links the source connection by NameID: prefer an immutable identifier from the IdP for the NameID Policy.',
        }),
        references: REFS, node,
      }];
    }
    return [];
  },
};
