// Findings of the metadata tools, shown as the inspect view shows its own: severity, title,
// code (data-finding-code, CONTRACT §4), explanation and fix.
import type { MdFinding } from '../../../core/mdtools/types';
import { FindingExplanation, SeverityIcon } from '../../shared/DiagnosisCategories';

export function MdFindingList({ findings, empty }: { findings: MdFinding[]; empty?: string }) {
  if (findings.length === 0) return empty ? <p className="muted">{empty}</p> : null;
  return (
    <ul className="finding-list">
      {findings.map((f, i) => (
        <li key={`${f.code}-${i}`} className={`finding sev-${f.severity}`} data-finding-code={f.code} data-severity={f.severity}>
          <div className="finding-head">
            <SeverityIcon severity={f.severity} />
            <span className={`pill sev-${f.severity}`}>{f.severity}</span>
            <strong className="finding-title">{f.title}</strong>
            <code className="finding-code">{f.code}</code>
            {f.line !== undefined && <span className="small muted">line {f.line}</span>}
          </div>
          <FindingExplanation explanation={f.explanation} fix={f.fix} />
        </li>
      ))}
    </ul>
  );
}
