// The category of each finding code in a report, computed in the worker: the mapping comes from
// the rule registry (core/diagnosis categoryOf reads every rule's codes), which the page's first
// screen does not load. The page groups findings with this map (FindingsList).
import { categoryOf } from '../../core/diagnosis/evaluate';
import type { CategoryId } from '../../core/diagnosis/categories';
import type { InspectReport } from '../../core/types';

export function findingCategoriesOf(report: InspectReport): Record<string, CategoryId> {
  const out: Record<string, CategoryId> = {};
  for (const m of report.messages) for (const f of m.findings) out[f.code] ??= categoryOf(f.code);
  return out;
}
