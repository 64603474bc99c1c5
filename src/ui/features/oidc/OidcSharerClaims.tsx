// A redacted OIDC link carries the sharer's verdicts from before masking. They are claims, never
// believed (docs/sharing.md "The sharer's verdicts are claims"): shown in neutral words with
// their own attributes (data-claimed-*), beside this browser's own verdicts, with every point
// where the two differ and whether masking explains it.
import type { OidcReport } from '../../../core/oidc';
import type { OidcRedactionField, OidcReportedVerdict } from '../../../core/share/oidc';

interface Difference {
  what: string;
  /** Masking changed signed content or the signature, so this difference is expected. */
  explainedByMasking: boolean;
}

export function differencesFrom(reported: OidcReportedVerdict, report: OidcReport, fields: readonly OidcRedactionField[]): Difference[] {
  const masked = fields.length > 0;
  // The CEL expression reads claims: masked claim values or e-mails can change its outcome either way.
  const claimsMasked = fields.includes('claims') || fields.includes('emails');
  const out: Difference[] = [];
  const own = report.signature?.verdict ?? null;
  // Masking can only break a signature, never make one verify: a claim of "not valid" about a
  // token this browser finds valid is never explained by it.
  if (reported.signature !== own) out.push({ what: `signature: claimed ${reported.signature ?? 'none'}, found ${own ?? 'none'}`, explainedByMasking: masked && reported.signature === 'valid' });
  if (reported.trusted !== report.trusted) out.push({ what: `trusted: claimed ${reported.trusted}, found ${report.trusted}`, explainedByMasking: masked && reported.trusted });
  const cel = report.cel?.outcome ?? null;
  if (reported.cel !== cel) out.push({ what: `authorization: claimed ${reported.cel ?? 'none'}, found ${cel ?? 'none'}`, explainedByMasking: claimsMasked || (masked && reported.cel === 'granted' && cel === 'granted-if-authentic') });
  return out;
}

export function OidcSharerClaims({ reported, report, fields }: { reported: OidcReportedVerdict; report: OidcReport; fields: readonly OidcRedactionField[] }) {
  const diffs = differencesFrom(reported, report, fields);
  const unexplained = diffs.filter((d) => !d.explainedByMasking);
  return (
    <section className="panel sharer-claims" aria-labelledby="oidc-claims-by-sharer" data-claimed-trusted={String(reported.trusted)} data-claimed-verdict={reported.signature ?? 'none'}>
      <h2 id="oidc-claims-by-sharer">What the sharer claims (not verified)</h2>
      <p className="small">
        The sharer masked values before sharing, so the token's signature cannot be checked on this copy. Before masking, the sharer saw: signature{' '}
        <strong>claimed {reported.signature ?? 'none'}</strong>, trusted <strong>claimed {String(reported.trusted)}</strong>, authorization{' '}
        <strong>claimed {reported.cel ?? 'none'}</strong>.
      </p>
      {reported.findings.length > 0 && (
        <ul className="claimed-findings small">
          {reported.findings.map((f, i) => (
            <li key={i} data-claimed-finding-code={f.code}>
              <span className="pill claim">claimed {f.severity}</span> {f.title} <code>{f.code}</code>
            </li>
          ))}
        </ul>
      )}
      {unexplained.length > 0 && (
        <div role="alert" className="claim-disagreements">
          <p>
            <strong>The link's claims disagree with what this browser finds, in ways masking cannot explain:</strong>
          </p>
          <ul>
            {unexplained.map((d, i) => (
              <li key={i} data-disagreement>
                {d.what}
              </li>
            ))}
          </ul>
        </div>
      )}
      {diffs.length > unexplained.length && (
        <p className="small muted claim-masked-differences">
          Explained by masking (neither confirmed nor refuted): {diffs.filter((d) => d.explainedByMasking).map((d) => d.what).join('; ')}.
        </p>
      )}
    </section>
  );
}
