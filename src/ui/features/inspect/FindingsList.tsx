import { lazy, Suspense } from 'react';
import { fixText } from '../../../core/findings/fix';
import { severityRank } from '../../../core/findings/severity';
import type { Finding, InspectedMessage } from '../../../core/types';
import { CATEGORIES, FindingExplanation, FindingHead, SeverityCounts, SeverityIcon } from '../../shared/DiagnosisCategories';
import { MoreItems, useSliceLimit } from '../../shared/incremental';
import type { RequestSource } from './DiagnosisFindingDetails';

// The status-code and NameID-format tables under some findings: loaded with the first finding
// list, not with the first screen.
const FindingDetails = lazy(() => import('./DiagnosisFindingDetails').then((m) => ({ default: m.FindingDetails })));

/** Findings grouped by category, worst first inside each. Each carries data-finding-code
 * (CONTRACT §4); clicking one with a location reveals it in the XML view. `highlightCodes`
 * marks the findings a symptom search pointed at. */
export function FindingsList({
  findings,
  onReveal,
  message,
  messages,
  highlightCodes,
}: {
  findings: Finding[];
  onReveal: (f: Finding) => void;
  message?: InspectedMessage;
  messages?: readonly RequestSource[];
  highlightCodes?: ReadonlySet<string>;
}) {
  // An aggregate or a hostile message can raise thousands of findings: the worst come first
  // (groups with an error lead, errors lead each group) and the rest render in slices.
  const { limit, more } = useSliceLimit(findings.length, findings);
  if (findings.length === 0) {
    return (
      <section className="panel findings" aria-labelledby="findings-heading">
        <h2 id="findings-heading">Findings</h2>
        <p className="muted">No findings for this message.</p>
      </section>
    );
  }
  const groups = CATEGORIES.map((c) => ({
    ...c,
    findings: findings.filter((f) => (f.category ?? 'other') === c.id).sort((a, b) => severityRank(a.severity) - severityRank(b.severity)),
  })).filter((g) => g.findings.length > 0);
  // Groups with an error first, so the reason a login fails is at the top.
  groups.sort((a, b) => severityRank(a.findings[0].severity) - severityRank(b.findings[0].severity));
  let budget = limit;
  const shownGroups = groups.flatMap((g) => {
    const take = g.findings.slice(0, budget);
    budget -= take.length;
    return take.length > 0 ? [{ ...g, shown: take }] : [];
  });
  return (
    <section className="panel findings" aria-labelledby="findings-heading">
      <h2 id="findings-heading">
        Findings{' '}
        <SeverityCounts findings={findings} />
      </h2>
      {shownGroups.map((g) => (
        <section key={g.id} className="finding-group" data-category={g.id} aria-labelledby={`findings-${g.id}`}>
          <h3 id={`findings-${g.id}`}>
            <SeverityIcon severity={g.findings[0].severity} /> {g.title}
          </h3>
          <ul className="finding-list">
            {g.shown.map((f, i) => (
              <FindingItem key={`${f.code}-${i}`} finding={f} onReveal={onReveal} message={message} messages={messages} matched={!!highlightCodes?.has(f.code)} />
            ))}
          </ul>
        </section>
      ))}
      <MoreItems shown={limit} total={findings.length} noun="findings" onMore={more} />
    </section>
  );
}

function FindingItem({
  finding: f,
  onReveal,
  message,
  messages,
  matched,
}: {
  finding: Finding;
  onReveal: (f: Finding) => void;
  message?: InspectedMessage;
  messages?: readonly RequestSource[];
  matched: boolean;
}) {
  return (
    <li
      className={`finding sev-${f.severity} ${f.location ? 'has-location' : ''} ${matched ? 'symptom-match' : ''}`}
      data-finding-code={f.code}
      data-severity={f.severity}
      data-symptom-match={matched ? 'true' : undefined}
      // Mouse users click anywhere on the finding; keyboard users have the button below.
      onClick={f.location ? () => onReveal(f) : undefined}
    >
      <FindingHead finding={f}>
        {matched && <span className="pill symptom-pill">matches the error message</span>}
        {f.location && (
          <button
            type="button"
            className="link-button"
            onClick={(e) => {
              e.stopPropagation();
              onReveal(f);
            }}
          >
            Show line {f.location.line} in XML
          </button>
        )}
      </FindingHead>
      <FindingExplanation explanation={f.explanation} fix={fixText(f, 'page')} />
      <Suspense fallback={null}>
        <FindingDetails finding={f} message={message} messages={messages} />
      </Suspense>
      {f.references && f.references.length > 0 && (
        <p className="finding-references small muted">
          References: {f.references.join(' · ')}
        </p>
      )}
    </li>
  );
}
