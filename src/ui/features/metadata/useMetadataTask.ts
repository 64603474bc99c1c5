// One metadata run at a time in its own inspection worker, with the metadata budget
// (METADATA_RUN_TIME_BUDGET_MS: an aggregate takes far longer than one message) and the same
// watchdog, cancel and progress display as the other pages.
import { useCallback, useEffect, useRef, useState } from 'react';
import { METADATA_RUN_TIME_BUDGET_MS } from '../../../core/limits';
import type { RequestOf, ResponseOf, RunError, WorkerRequestKind } from '../../worker/protocol';
import { loweredBudgetMs } from '../../worker/runBudget';
import { WorkerRunner } from '../../worker/runner';
import { spawnInspectionWorker } from '../../worker/spawn';
import type { RunActivity } from '../../worker/useWorkerRun';

export interface MetadataTask<K extends WorkerRequestKind> extends RunActivity {
  result: ResponseOf<K> | null;
  error: RunError | null;
  start(request: RequestOf<K>): void;
  clear(): void;
}

export function useMetadataTask<K extends WorkerRequestKind>(kind: K): MetadataTask<K> {
  const runnerRef = useRef<WorkerRunner | null>(null);
  useEffect(() => () => runnerRef.current?.dispose(), []);
  const [state, setState] = useState<{ result: ResponseOf<K> | null; error: RunError | null; pending: boolean; startedAt: number | null; budgetMs: number }>({ result: null, error: null, pending: false, startedAt: null, budgetMs: 0 });
  const cancelRef = useRef<() => void>(() => {});
  const seq = useRef(0);
  const start = useCallback(
    (request: RequestOf<K>) => {
      const mine = ++seq.current;
      const budget = (): number => loweredBudgetMs() ?? METADATA_RUN_TIME_BUDGET_MS;
      runnerRef.current ??= new WorkerRunner(spawnInspectionWorker, budget);
      const handle = runnerRef.current.run(kind, request);
      cancelRef.current = handle.cancel;
      setState((s) => ({ ...s, error: null, pending: true, startedAt: Date.now(), budgetMs: budget() }));
      void handle.outcome.then((o) => {
        if (mine !== seq.current) return;
        setState((s) => (o.ok ? { result: o.value as ResponseOf<K>, error: null, pending: false, startedAt: null, budgetMs: s.budgetMs } : { result: null, error: o.error, pending: false, startedAt: null, budgetMs: s.budgetMs }));
      });
    },
    [kind],
  );
  const cancel = useCallback(() => cancelRef.current(), []);
  const clear = useCallback(() => {
    seq.current++;
    cancelRef.current();
    setState({ result: null, error: null, pending: false, startedAt: null, budgetMs: 0 });
  }, []);
  return { ...state, start, cancel, clear };
}
