// nameid-transient: a transient NameID (SAML core §8.3.8) changes at every login, so it cannot
// identify a returning user: authentik's default transient NameID is session based (authentik
// docs: SAML Provider); the authentik source links users by NameID (authentik docs: SAML source).
// Where a profile knows a stable NameID is needed, its `expects.stableNameId` sets the severity.
import type { Rule } from '../diagnosis/context';
import { allNS, answeredRequest, assertionElement, consumedAssertion, expects, parts, quote, roles } from '../diagnosis/helpers';
import { canonicalNameIdFormat, NAMEID_TRANSIENT } from '../diagnosis/nameid-formats';
import { SOURCES } from '../diagnosis/sources';

const REFS = ['SAML core §8.3.8', SOURCES.authentikSamlProvider, SOURCES.authentikSamlSource];

export const nameIdTransientRule: Rule = {
  id: 'nameid-transient',
  codes: ['nameid-transient'],
  severity: 'warning',
  category: 'nameid',
  title: 'NameID is a stable identifier',
  checks: 'A transient NameID cannot identify a returning user: the profile\'s severity where it needs a stable NameID (error for Scaleway, warning for the authentik source), warning when SP metadata lists only other formats, info otherwise; nothing when the SP itself requested transient and the profile does not forbid it.',
  references: REFS,
  check(ctx) {
    if (ctx.message.summary.kind !== 'Response') return [];
    const consumed = consumedAssertion(ctx.message);
    const nameId = consumed?.assertion.nameId;
    if (!consumed || !nameId || canonicalNameIdFormat(nameId.format) !== NAMEID_TRANSIENT) return [];
    const request = answeredRequest(ctx);
    const requested = request?.summary.authnRequest?.nameIdPolicyFormat;
    const askedTransient = requested ? canonicalNameIdFormat(requested) === NAMEID_TRANSIENT : false;
    const profileNeeds = expects(ctx).stableNameId;
    if (askedTransient && !profileNeeds) return [];
    const node = allNS(assertionElement(ctx.message, consumed.index), 'NameID')[0] ?? null;
    // A stable identifier is known to be needed: by the profile, or by SP metadata that lists
    // NameID formats without transient. Otherwise many SPs are fine with transient (they map
    // users by attributes): info only.
    const spFormats = roles(ctx.spMetadata, 'SPSSODescriptor').flatMap((r) => r.role.nameIdFormats.map(canonicalNameIdFormat));
    const metadataNeeds = spFormats.length > 0 && !spFormats.includes(NAMEID_TRANSIENT);
    const severity = profileNeeds ?? (metadataNeeds ? 'warning' : 'info');
    return [{
      code: 'nameid-transient', severity, title: 'Transient NameID',
      explanation: `The NameID ${quote(nameId.value)} is transient: a one-time value that changes at every login (SAML core §8.3.8). An SP that finds or links accounts by NameID sees a new user each time.`,
      fix: 'Configure the IdP to send a persistent (or username/email) NameID for this SP, or have the SP request urn:oasis:names:tc:SAML:2.0:nameid-format:persistent.',
      fixParts: parts(undefined, { nameId: nameId.value }),
      references: REFS, node,
    }];
  },
};
