// A slow run in the inspection worker: its elapsed time against the budget, and Cancel. Shown
// only once a run has taken RUN_SLOW_NOTICE_MS, so ordinary runs do not flash it.
import { useEffect, useState } from 'react';
import { RUN_SLOW_NOTICE_MS } from '../../core/limits';
import type { RunError } from '../worker/protocol';
import { loweredBudgetMs, RUN_BUDGET_TEST_KEY } from '../worker/runBudget';
import { formatSeconds } from '../worker/runner';
import type { RunActivity } from '../worker/useWorkerRun';

export function RunProgress({ activity, what }: { activity: RunActivity; what: string }) {
  const [now, setNow] = useState(() => Date.now());
  const { startedAt, budgetMs } = activity;
  useEffect(() => {
    if (startedAt === null) return;
    setNow(Date.now());
    const tick = window.setInterval(() => setNow(Date.now()), 200);
    return () => window.clearInterval(tick);
  }, [startedAt]);
  if (startedAt === null) return null;
  const elapsed = Math.max(0, now - startedAt);
  if (elapsed < RUN_SLOW_NOTICE_MS) return null;
  const lowered = loweredBudgetMs();
  return (
    <div className="run-progress notice" data-run-progress="true" role="status">
      <span>
        {what}… {formatSeconds(Math.floor(elapsed / 100) * 100)} of at most {formatSeconds(budgetMs)}
      </span>{' '}
      <progress max={budgetMs} value={Math.min(elapsed, budgetMs)} aria-label="Time used of the run-time budget" />{' '}
      <button type="button" onClick={activity.cancel}>
        Cancel
      </button>
      {lowered !== null && <span className="small muted"> (budget lowered for testing by localStorage “{RUN_BUDGET_TEST_KEY}”)</span>}
    </div>
  );
}

/** Why the latest run has no result. A timeout or a worker failure is an alert; a cancel is a note. */
export function RunErrorNotice({ error, onRetry }: { error: RunError | null; onRetry?: () => void }) {
  if (!error) return null;
  const retry = onRetry && (
    <button type="button" onClick={onRetry}>
      Run again
    </button>
  );
  if (error.code === 'run-cancelled') {
    return (
      <p className="run-error notice small" data-run-error={error.code}>
        <code className="finding-code">{error.code}</code> {error.message} {retry}
      </p>
    );
  }
  return (
    <div role="alert" className="input-error run-error" data-run-error={error.code}>
      {error.code === 'run-internal-error' && <strong>Internal error (a bug in samlscope, please report it): </strong>}
      <code className="finding-code">{error.code}</code> {error.message} {error.code === 'run-timeout' ? null : retry}
    </div>
  );
}
