// Which trust anchor may vouch for which signed element (CONTRACT §2, last paragraph).
// A relying party does not trust "any key found in some metadata": it looks up the metadata of
// the entity named by the message's Issuer and uses the keys of the role that sends this kind of
// message (SAML metadata §2.4.1.1 KeyDescriptor belongs to one RoleDescriptor; SAML profiles
// §4.1.4.3 the IdP's signing key for Responses and Assertions; §4.1.4.1 the SP's for
// AuthnRequests; §4.4.3 either side's for Logout messages, whichever sent it).
import type { AnchorBinding, AnchorDecision, AnchorRole, TrustAnchor } from '../types';

export const ANY_ISSUER_REASON = 'trusted for any issuer (a certificate given without metadata)';

/** What a signed element claims about its signer: the Issuer and the roles that send it. */
export interface SignerClaim {
  /** Local name of the signed element (Response, Assertion, AuthnRequest, EntitiesDescriptor…). */
  element: string;
  /** The entity the element says issued it (entityID for metadata, Name for an aggregate); null when it names none. */
  issuer: string | null;
  /** Where `issuer` was read: "the Response's Issuer", "the assertion's Issuer (the Response has none)"… */
  issuerFrom: string;
  /** Roles whose keys may sign this element. `*` for an EntityDescriptor: any role of that entity signs its own metadata. */
  roles: AnchorRole[];
}

/** The roles that send each kind of element. Metadata is signed by its publisher. */
export function rolesThatSign(element: string): AnchorRole[] {
  switch (element) {
    case 'Response':
    case 'Assertion':
      return ['IDPSSODescriptor'];
    case 'AuthnRequest':
      return ['SPSSODescriptor'];
    case 'EntityDescriptor':
      // An entity publishing its own metadata signs it with one of its keys, or a federation
      // operator signs it (metadata-publisher).
      return ['*', 'metadata-publisher'];
    case 'EntitiesDescriptor':
      return ['metadata-publisher'];
    default:
      // LogoutRequest/LogoutResponse (and other protocol messages): either side sends them; the
      // Issuer decides which entity, any of its SSO roles may sign.
      return ['IDPSSODescriptor', 'SPSSODescriptor'];
  }
}

const ROLE_NAMES: Record<string, string> = {
  IDPSSODescriptor: 'IdP (IDPSSODescriptor)',
  SPSSODescriptor: 'SP (SPSSODescriptor)',
  'metadata-publisher': 'metadata publisher (the key the pasted metadata was signed with)',
  '*': 'any role of that entity',
};
export const describeRole = (role: AnchorRole): string => ROLE_NAMES[role] ?? role;
export const describeBinding = (b: AnchorBinding): string => `${b.entityId || '(no entityID)'} as ${describeRole(b.role)}`;
export const describeBindings = (bs: AnchorBinding[]): string => bs.map(describeBinding).join('; ');

function roleFits(role: AnchorRole, claim: SignerClaim): boolean {
  return claim.roles.includes(role) || (claim.roles.includes('*') && role !== 'metadata-publisher');
}

/**
 * Decide whether `anchor`, whose key verifies the signature, may vouch for the element described
 * by `claim`. Pure: the reasons name the anchor's entity and role and the Issuer the element claims.
 */
export function judgeAnchor(anchor: TrustAnchor, claim: SignerClaim): AnchorDecision {
  const base = { anchor: anchor.description, scope: anchor.scope, bindings: anchor.bindings };
  if (anchor.scope === 'any-issuer') return { ...base, accepted: true, code: null, reason: `${anchor.description}: ${ANY_ISSUER_REASON}.` };
  const claimed = claim.issuer === null ? `names no Issuer` : `claims Issuer ${claim.issuer} (${claim.issuerFrom})`;
  const wanted = claim.roles.filter((r) => r !== '*').map(describeRole).join(' or ');
  // A metadata publisher's key vouches for metadata documents only, never for the messages of
  // the entities listed in them: the operator of a federation does not log anyone in.
  const publisher = anchor.bindings.find((b) => b.role === 'metadata-publisher' && roleFits(b.role, claim));
  if (publisher) return { ...base, accepted: true, code: null, reason: `${anchor.description} is bound to ${describeBinding(publisher)}; it signs metadata such as this ${claim.element}.` };
  const sameEntity = claim.issuer === null ? [] : anchor.bindings.filter((b) => b.entityId === claim.issuer && b.role !== 'metadata-publisher');
  const fitting = sameEntity.find((b) => roleFits(b.role, claim));
  if (fitting) return { ...base, accepted: true, code: null, reason: `${anchor.description} is bound to ${describeBinding(fitting)}, and the ${claim.element} ${claimed}.` };
  if (sameEntity.length) {
    return { ...base, accepted: false, code: 'signature-key-wrong-role', reason: `${anchor.description} is bound to ${describeBindings(sameEntity)}, but a ${claim.element} is signed by the ${wanted} key of its issuer: the ${claim.element} ${claimed}. A key published for another role of the same entity is not accepted for it.` };
  }
  return { ...base, accepted: false, code: 'signature-key-wrong-entity', reason: `${anchor.description} is bound to ${describeBindings(anchor.bindings)}, not to the issuer of this ${claim.element}, which ${claimed}. A metadata key anchors only messages issued by its own entity.` };
}
