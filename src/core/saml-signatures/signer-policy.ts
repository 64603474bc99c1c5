// SAML's answer to what XML-DSig leaves open (dsig/verify.ts, SignerPolicy): IDs are the `ID`
// attribute (SAML core §5.4.2), a signed element claims its signer by its Issuer (./signer-claim.ts),
// and a trust anchor vouches for it only when bound to that issuer in the role that sends it
// (trust/anchor-scope.ts).
import type { SignerPolicy } from '../dsig/verify';
import { ANY_ISSUER_REASON, judgeAnchor, type SignerClaim } from '../trust/anchor-scope';
import { signerClaimOf } from './signer-claim';

export const SAML_SIGNER_POLICY: SignerPolicy<SignerClaim> = {
  idAttribute: 'ID',
  claimOf: signerClaimOf,
  reportClaim: (claim) => ({ issuer: claim.issuer, issuerFrom: claim.issuerFrom, roles: claim.roles.filter((r) => r !== '*'), element: claim.element }),
  // The anchors that would be accepted are tried first. Only the order changes: parseTrustInputs
  // keeps one anchor per public key, so at most one anchor verifies a SignatureValue whatever the
  // order (in an aggregate of thousands, the others are tried only when none of these verifies).
  likelySigner: (anchor, claim) => judgeAnchor(anchor, claim).accepted,
  judge: judgeAnchor,
  acceptedBecause: (anchor, decision, claim) => (anchor?.scope === 'any-issuer' ? ANY_ISSUER_REASON : `accepted for this ${claim.element}: ${decision?.reason ?? ''}`),
  rejectedFinding(where, decision, claim, signature) {
    const wrongRole = decision.code === 'signature-key-wrong-role';
    return {
      code: decision.code!, severity: 'error',
      title: wrongRole ? 'Signed with a key of the wrong role' : 'Signed with another entity\'s key',
      explanation: `${where}: ${decision.reason} ${wrongRole ? 'An SP\'s key must not vouch for Responses and assertions, nor an IdP\'s key for AuthnRequests: a relying party looks up the key of the role that sends the message.' : 'Any member of a federation holds its own key; accepting it for another entity\'s messages would let every member impersonate every other.'}`,
      fix: wrongRole ? 'Give the metadata of the issuer in the role that sends this message (IdP metadata for Responses, SP metadata for AuthnRequests), or reject the message.' : `Reject the message unless ${claim.issuer ?? 'its issuer'} really uses this key; then its own metadata must list it.`,
      references: ['SAML metadata §2.4.1.1', 'SAML profiles §4.1.4.3'], node: signature,
    };
  },
};
