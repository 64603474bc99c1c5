import type { CelEvaluation } from '../../../core/oidc';
import { CopyableValue } from '../../shared/CopyButton';
import { OIDC_LIMITS } from '../../../core/limits';

const LABEL = {
  granted: 'access granted',
  // Claims nobody authenticated: what would happen, never a grant (inspectOidc's gate).
  'granted-if-authentic': 'would be granted if the token were authentic',
  denied: 'access denied',
  error: 'evaluation error',
} as const;

/** Outcome of Exoscale's CEL authorization expression (data-cel-outcome). */
export function OidcCelPanel({ cel }: { cel: CelEvaluation }) {
  const cls = cel.outcome === 'granted' ? 'verdict-valid' : cel.outcome === 'granted-if-authentic' ? 'verdict-untrusted' : 'verdict-invalid';
  return (
    <section className="panel" aria-labelledby="oidc-cel-heading">
      <h2 id="oidc-cel-heading">Authorization expression</h2>
      <div className={`signature ${cls}`} data-cel-outcome={cel.outcome}>
        <div className="signature-head">
          <h3>CEL outcome</h3>
          <span className={`verdict-badge ${cls}`}>{LABEL[cel.outcome]}</span>
        </div>
        <p className="verdict-reason">{cel.reason}</p>
        <dl className="fields">
          {cel.roleUuid && (
            <div className="field">
              <dt>{cel.outcome === 'granted' ? 'IAM role UUID' : 'IAM role UUID (if authentic)'}</dt>
              <dd>
                <CopyableValue value={cel.roleUuid} label="IAM role UUID" />
              </dd>
            </div>
          )}
          {cel.returned !== null && (
            <div className="field">
              <dt>Returned</dt>
              <dd>
                <code>{cel.returned}</code> <span className="muted">({cel.returnedType})</span>
              </dd>
            </div>
          )}
          <div className="field">
            <dt>Evaluation cost</dt>
            <dd data-cel-cost={cel.cost}>
              {cel.cost.toLocaleString('en')} of {OIDC_LIMITS.celCost.toLocaleString('en')} units <span className="muted">(the evaluation budget every expression gets)</span>
            </dd>
          </div>
          <div className="field">
            <dt>Claims read</dt>
            <dd>{cel.referencedClaims.length ? cel.referencedClaims.map((c) => <code key={c} className={cel.missingClaims.includes(c) ? 'oidc-missing-claim' : undefined}>{c} </code>) : <span className="muted">none</span>}</dd>
          </div>
        </dl>
      </div>
    </section>
  );
}
