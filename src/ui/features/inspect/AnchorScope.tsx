// CONTRACT §2: which entity and role each trust anchor vouches for, and why a key that verifies a
// signature was or was not accepted for the Issuer of the signed element.
import type { AnchorDecision, SignatureReport, TrustAnchor } from '../../../core/types';
import { ANY_ISSUER_REASON, describeRole } from '../../../core/trust/anchor-scope';

/** The (entity, role) bindings of one trust anchor, or "trusted for any issuer". */
export function AnchorScope({ anchor }: { anchor: Pick<TrustAnchor, 'scope' | 'bindings'> }) {
  // Reports made before anchors were bound (an old shared link) carry neither field.
  const bindings = anchor.bindings ?? [];
  if (anchor.scope === 'any-issuer' || (!anchor.scope && bindings.length === 0)) {
    return (
      <div className="small anchor-scope" data-anchor-scope="any-issuer">
        Scope: {ANY_ISSUER_REASON}
      </div>
    );
  }
  return (
    <div className="small anchor-scope" data-anchor-scope="entity">
      Anchors only:
      <ul className="anchor-bindings">
        {bindings.map((b, i) => (
          <li key={i} data-anchor-entity={b.entityId} data-anchor-role={b.role}>
            <code>{b.entityId || '(no entityID)'}</code> as {describeRole(b.role)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The Issuer a signature was judged against, and each verifying trusted key's decision. */
export function SignerDecisions({ sig }: { sig: SignatureReport }) {
  const claim = sig.claimedSigner;
  const decisions = sig.anchorDecisions ?? [];
  if (!claim && decisions.length === 0) return null;
  return (
    <div className="signer-decisions">
      <h4>Trust for this issuer</h4>
      {claim && (
        <p className="small" data-claimed-issuer={claim.issuer ?? ''}>
          The {claim.element} claims issuer <code>{claim.issuer ?? '(none)'}</code> ({claim.issuerFrom})
          {claim.roles.length ? <>; it is signed by the key of its {claim.roles.map(describeRole).join(' or ')}.</> : '.'}
        </p>
      )}
      {decisions.length > 0 && (
        <ul className="anchor-decisions">
          {decisions.map((d, i) => (
            <DecisionItem key={i} decision={d} />
          ))}
        </ul>
      )}
    </div>
  );
}

function DecisionItem({ decision }: { decision: AnchorDecision }) {
  return (
    <li className={`anchor-decision ${decision.accepted ? 'accepted' : 'rejected'}`} data-anchor-decision={decision.accepted ? 'accepted' : (decision.code ?? 'rejected')}>
      <strong>{decision.accepted ? 'Accepted' : 'Not accepted'}</strong>: {decision.reason}
      <AnchorScope anchor={decision} />
    </li>
  );
}
