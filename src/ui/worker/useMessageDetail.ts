// The shown message in full (issue 10 point 4): the inspection's reply carries the overview of
// every message and the selected one in full; selecting another asks the worker that kept the
// run for that message (`message-detail`). One request at a time: the runner supersedes a busy
// run by terminating its worker, which would drop the kept result, so a second selection waits
// for the first request to answer and then asks for whatever is selected by then.
import { useEffect, useState } from 'react';
import type { InspectedMessage } from '../../core/types';
import type { InspectRunView, RunError } from './protocol';
import type { WorkerRun } from './useWorkerRun';

/** Full messages kept on the page per run: the shown one and a few recently shown. */
const DETAILS_KEPT = 3;

export interface MessageDetailState {
  /** Message `selected` in full, once the worker sent it; null while it is on its way. */
  message: InspectedMessage | null;
  loading: boolean;
  error: RunError | null;
}

interface Cache {
  runId: number;
  /** Most recently received last. */
  details: { index: number; message: InspectedMessage }[];
}

function seeded(run: InspectRunView | null): Cache | null {
  if (!run) return null;
  return { runId: run.runId, details: run.selected ? [run.selected] : [] };
}

export function useMessageDetail(inspection: WorkerRun<InspectRunView>, selected: number): MessageDetailState {
  const run = inspection.result;
  const [cache, setCache] = useState<Cache | null>(() => seeded(run));
  const [inFlight, setInFlight] = useState(false);
  const [error, setError] = useState<{ runId: number; index: number; error: RunError } | null>(null);
  // A new run replaces what was kept of the previous one.
  const current = cache && run && cache.runId === run.runId ? cache : seeded(run);
  useEffect(() => {
    if (current !== cache) setCache(current);
  }, [current, cache]);

  const found = current?.details.find((d) => d.index === selected)?.message ?? null;
  const wanted = !!run && !found && selected < run.report.messages.length && !(error && error.runId === run.runId && error.index === selected);
  useEffect(() => {
    // Never while an inspection is pending: a request would supersede (and so stop) it.
    if (!wanted || inFlight || inspection.pending || !run) return;
    const { runId } = run;
    const index = selected;
    setInFlight(true);
    void inspection
      .runner()
      .run('message-detail', { runId, index })
      .outcome.then((o) => {
        setInFlight(false);
        if (o.ok && o.value) {
          const message = o.value;
          setCache((c) => (c && c.runId === runId ? { runId, details: [...c.details.filter((d) => d.index !== index), { index, message }].slice(-DETAILS_KEPT) } : c));
        } else if (o.ok) {
          // The worker no longer keeps this run (it was replaced or restarted): inspect again.
          inspection.retry();
        } else if (o.error.code !== 'run-cancelled') {
          setError({ runId, index, error: o.error });
        }
      });
  }, [wanted, inFlight, inspection.pending, run, selected]);

  const shownError = error && run && error.runId === run.runId && error.index === selected ? error.error : null;
  return { message: found, loading: wanted, error: shownError };
}
