// Findings of the metadata tools, shown as the inspect view shows its own: severity, title,
// code (data-finding-code, CONTRACT §4), explanation and fix.
import type { MdFinding } from '../../../core/mdtools/types';
import { FindingExplanation, FindingHead } from '../../shared/DiagnosisCategories';

export function MdFindingList({ findings, empty }: { findings: MdFinding[]; empty?: string }) {
  if (findings.length === 0) return empty ? <p className="muted">{empty}</p> : null;
  return (
    <ul className="finding-list">
      {findings.map((f, i) => (
        <li key={`${f.code}-${i}`} className={`finding sev-${f.severity}`} data-finding-code={f.code} data-severity={f.severity}>
          <FindingHead finding={f}>{f.line !== undefined && <span className="small muted">line {f.line}</span>}</FindingHead>
          <FindingExplanation explanation={f.explanation} fix={f.fix} />
        </li>
      ))}
    </ul>
  );
}
