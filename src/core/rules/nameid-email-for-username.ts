// nameid-email-for-username: the third failure of the Scaleway + authentik guide — "The user
// user@example.com was not found inside the organization": an SP that matches the NameID against
// usernames (the profile's `expects.nameIdIsUsername`) was sent the email address.
import type { Rule } from '../diagnosis/context';
import { allNS, answeredRequest, assertionElement, consumedAssertion, EMAIL_LIKE, expects, parts, quote } from '../diagnosis/helpers';
import { canonicalNameIdFormat, NAMEID_EMAIL, NAMEID_PERSISTENT } from '../diagnosis/nameid-formats';
import { SOURCES } from '../diagnosis/sources';

const REFS = [SOURCES.scalewayAuthentik, 'SAML core §8.3.7'];

export const nameIdEmailForUsernameRule: Rule = {
  id: 'nameid-email-for-username',
  codes: ['nameid-email-for-username'],
  severity: 'error',
  category: 'nameid',
  title: 'NameID is a username where the SP matches usernames',
  checks: 'Where the SP matches the NameID against usernames (Scaleway profile), the NameID must be the username, not an email address (error). Otherwise an email address sent as a persistent identifier is flagged (info).',
  references: REFS,
  check(ctx) {
    if (ctx.message.summary.kind !== 'Response') return [];
    const consumed = consumedAssertion(ctx.message);
    const nameId = consumed?.assertion.nameId;
    if (!consumed || !nameId || !EMAIL_LIKE.test(nameId.value.trim())) return [];
    const node = allNS(assertionElement(ctx.message, consumed.index), 'NameID')[0] ?? null;
    const format = canonicalNameIdFormat(nameId.format);
    if (expects(ctx).nameIdIsUsername) {
      return [{
        code: 'nameid-email-for-username', severity: 'error', title: 'NameID is an email address, the SP expects the username',
        explanation: `The NameID is ${quote(nameId.value)}, an email address. The SP matches the NameID against the usernames of its users, so it does not find this user — even when a user with that email exists.`,
        fix: 'Configure the IdP to send the username as NameID for this SP instead of the email address, and make sure the user exists at the SP with that username.',
        fixParts: parts('username-expected', { nameId: nameId.value }),
        references: REFS, node,
      }];
    }
    const request = answeredRequest(ctx);
    const requested = request?.summary.authnRequest?.nameIdPolicyFormat ? canonicalNameIdFormat(request.summary.authnRequest.nameIdPolicyFormat) : null;
    if (format === NAMEID_PERSISTENT && requested !== NAMEID_EMAIL) {
      return [{
        code: 'nameid-email-for-username', severity: 'info', title: 'Email address used as a persistent identifier',
        explanation: `The NameID ${quote(nameId.value)} is an email address but is declared persistent. A persistent identifier should never change (SAML core §8.3.7); an email changes when the user is renamed, and an SP matching on usernames will not find the user.`,
        fix: 'Send an immutable identifier (user ID, username) as persistent NameID, or declare the format as emailAddress if the SP matches by email.',
        fixParts: parts('persistent', { nameId: nameId.value }),
        references: REFS, node,
      }];
    }
    return [];
  },
};
