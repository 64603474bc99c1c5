// nameid-transient: a transient NameID (SAML core §8.3.8) changes at every login, so it cannot
// identify a returning user: authentik's default transient NameID is session based
// (003_32bc8d65e57764cd.txt); the authentik source links users by NameID (001_2b1aa7e2892a19c8.txt).
import type { Rule } from './context';
import { allNS, answeredRequest, assertionElement, consumedAssertion, fixFor, quote, roles } from './helpers';
import { canonicalNameIdFormat, NAMEID_TRANSIENT } from './nameid-formats';

const REFS = ['SAML core §8.3.8', '003_32bc8d65e57764cd.txt', '001_2b1aa7e2892a19c8.txt'];

export const nameIdTransientRule: Rule = {
  id: 'nameid-transient',
  codes: ['nameid-transient'],
  severity: 'warning',
  title: 'NameID is a stable identifier',
  checks: 'A transient NameID cannot identify a returning user: error for Scaleway (username needed), warning for the authentik source or when SP metadata lists only other formats, info otherwise; nothing when the SP itself requested transient.',
  references: REFS,
  check(ctx) {
    if (ctx.message.summary.kind !== 'Response') return [];
    const consumed = consumedAssertion(ctx.message);
    const nameId = consumed?.assertion.nameId;
    if (!consumed || !nameId || canonicalNameIdFormat(nameId.format) !== NAMEID_TRANSIENT) return [];
    const request = answeredRequest(ctx);
    const requested = request?.summary.authnRequest?.nameIdPolicyFormat;
    const askedTransient = requested ? canonicalNameIdFormat(requested) === NAMEID_TRANSIENT : false;
    if (askedTransient && ctx.profile !== 'scaleway' && ctx.profile !== 'authentik-source') return [];
    const node = allNS(assertionElement(ctx.message, consumed.index), 'NameID')[0] ?? null;
    // A stable identifier is known to be needed: Scaleway (username), the authentik source
    // (connection identifier), or SP metadata that lists NameID formats without transient.
    // Otherwise many SPs are fine with transient (they map users by attributes): info only.
    const spFormats = roles(ctx.spMetadata, 'SPSSODescriptor').flatMap((r) => r.role.nameIdFormats.map(canonicalNameIdFormat));
    const needsStable = ctx.profile === 'authentik-source' || (spFormats.length > 0 && !spFormats.includes(NAMEID_TRANSIENT));
    const severity = ctx.profile === 'scaleway' ? 'error' : needsStable ? 'warning' : 'info';
    return [{
      code: 'nameid-transient', severity, title: 'Transient NameID',
      explanation: `The NameID ${quote(nameId.value)} is transient: a one-time value that changes at every login (SAML core §8.3.8). An SP that finds or links accounts by NameID sees a new user each time.${ctx.profile === 'authentik-source' ? ' The authentik source uses the NameID as the source connection identifier, so every login creates a new connection (and possibly a new user with a random username).' : ''}${ctx.profile === 'scaleway' ? ' Scaleway matches the NameID against usernames and will not find the user.' : ''}`,
      fix: fixFor(ctx.profile, {
        generic: 'Configure the IdP to send a persistent (or username/email) NameID for this SP, or have the SP request urn:oasis:names:tc:SAML:2.0:nameid-format:persistent.',
        scaleway: 'Set the authentik provider `name_id_mapping` to the username mapping (goauthentik.io/providers/saml/username).',
        'authentik-provider': 'Set a NameID Property Mapping in the authentik provider (username or email), or have the SP request the persistent format (authentik then sends the hashed user ID).',
        'authentik-source': 'In the authentik SAML source set NameID Policy to Persistent, Email address or Windows (the docs suggest Email address or Windows if the persistent ID is a random string).',
      }),
      references: REFS, node,
    }];
  },
};
