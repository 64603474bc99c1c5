// React side of the inspection worker. useWorkerRun: the inspect and OIDC pages' debounced,
// latest-wins runs (typing waits, a paste runs at once). useWorkerTask: one-off runs (opening a
// share link, building share artefacts). Both go through a WorkerRunner, hence its watchdog.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type DependencyList } from 'react';
import { flushSync } from 'react-dom';
import type { RequestOf, ResponseOf, RunError, WorkerRequestKind } from './protocol';
import { runBudgetMs } from './runBudget';
import { WorkerRunner, type RunOutcome } from './runner';
import { spawnInspectionWorker } from './spawn';
import { whenIdle } from '../shared/whenIdle';

export interface RunActivity {
  pending: boolean;
  /** Date.now() when the run in flight was posted to the worker; null when idle or debouncing. */
  startedAt: number | null;
  /** The budget of the run in flight. */
  budgetMs: number;
  /** Stops the run in flight (the outcome is `run-cancelled`). */
  cancel(): void;
}

export interface WorkerRun<T> extends RunActivity {
  result: T | null;
  /**
   * The result answers an earlier request than the one the page now shows (the input, trust or
   * options changed and the new run has not answered yet). A page must not present a stale
   * result as the answer for what is on screen: a verdict of the previous paste beside the new
   * input would read as this input's verdict (CONTRACT §4 data-verdict).
   */
  stale: boolean;
  /**
   * The outcome held (result or error) answers the request the page now shows: no run is
   * pending or waiting for its debounce, and the input, trust and options have not changed since.
   */
  answered: boolean;
  /** Why the latest run produced no result (timeout, cancel, a bug in the core). */
  error: RunError | null;
  /** Run the latest request again (after a cancel). */
  retry(): void;
  /** The runner (and so the worker) the runs go through: follow-up requests about a result use it. */
  runner(): WorkerRunner;
}

/**
 * A runner owned by the calling component: created on first use, terminated on unmount. With
 * `warmUp`, its worker is started and warmed up while the page is idle (runner.ts prepareWhenIdle).
 */
export function useWorkerRunner(warmUp?: () => RequestOf<'warm-up'> | undefined): () => WorkerRunner {
  const ref = useRef<WorkerRunner | null>(null);
  const warmUpRef = useRef(warmUp);
  warmUpRef.current = warmUp;
  useEffect(
    () => () => {
      ref.current?.dispose();
      ref.current = null;
    },
    [],
  );
  const runner = useCallback(() => (ref.current ??= new WorkerRunner(spawnInspectionWorker, runBudgetMs, { whenIdle, warmUp: () => warmUpRef.current?.() })), []);
  const preparing = warmUp !== undefined;
  useEffect(() => {
    if (preparing) runner().prepareWhenIdle();
  }, [preparing, runner]);
  return runner;
}

/**
 * `request` null clears the result; otherwise it is called when the run starts (so "now" is
 * taken then). `delayMs` is read when the run is scheduled. A newer run supersedes an older one,
 * terminating its worker if it is still busy.
 */
export function useWorkerRun<K extends WorkerRequestKind>(
  kind: K,
  request: (() => RequestOf<K>) | null,
  delayMs: () => number,
  deps: DependencyList,
  /** The inspection a fresh worker runs while the page is idle, so that the first run is not its first. */
  warmUp?: () => RequestOf<'warm-up'> | undefined,
): WorkerRun<ResponseOf<K>> {
  const runner = useWorkerRunner(warmUp);
  const [state, setState] = useState<Omit<WorkerRun<ResponseOf<K>>, 'cancel' | 'retry' | 'runner' | 'stale' | 'answered'>>({ result: null, error: null, pending: false, startedAt: null, budgetMs: 0 });
  const cancelRef = useRef<() => void>(() => {});
  const runRef = useRef(0);
  const [attempt, setAttempt] = useState(0);
  const requestDeps = [...deps, attempt];
  // The dependencies of the request the shown result answers: compared during render, so the very
  // render that shows a new input already knows the result is not its answer (the effect that
  // marks the run pending comes one render later).
  const [resultDeps, setResultDeps] = useState<DependencyList | null>(null);
  // A layout effect: a run that starts at once (a paste) is posted to the worker during the
  // commit, before the page's own effects (Monaco taking the pasted text: ~20 ms for a 5 KB
  // message) and before the frame is painted, so the worker inspects while the page renders
  // the input (issue 15: paste-to-verdict). With a passive effect and a 0 ms timer the request
  // left ~50 ms after the paste.
  useLayoutEffect(() => {
    const run = ++runRef.current;
    if (!request) {
      cancelRef.current();
      setState({ result: null, error: null, pending: false, startedAt: null, budgetMs: 0 });
      setResultDeps(null);
      return;
    }
    setState((s) => ({ ...s, pending: true }));
    const start = () => {
      const req = request();
      const budgetMs = runBudgetMs(kind, req);
      const handle = runner().run(kind, req);
      cancelRef.current = handle.cancel;
      setState((s) => ({ ...s, pending: true, startedAt: Date.now(), budgetMs }));
      void handle.outcome.then((o: RunOutcome<ResponseOf<K>>) => {
        if (run !== runRef.current) return;
        // The answer renders in the task of the worker's reply. Left to React's scheduler, its
        // render waited for a task of its own, behind whatever the page had queued (frames,
        // Monaco's timers): 35–70 ms in traces at load 25–29 (issue 15: paste-to-verdict).
        flushSync(() => {
          setResultDeps(requestDeps);
          setState(o.ok ? { result: o.value, error: null, pending: false, startedAt: null, budgetMs } : { result: null, error: o.error, pending: false, startedAt: null, budgetMs });
        });
      });
    };
    const delay = delayMs();
    if (delay <= 0) {
      start();
      return;
    }
    const timer = window.setTimeout(start, delay);
    return () => window.clearTimeout(timer);
    // The caller lists what `request` reads, as for useEffect.
  }, requestDeps);
  const cancel = useCallback(() => cancelRef.current(), []);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const current = sameDeps(resultDeps, requestDeps);
  const stale = state.result !== null && !current;
  return { ...state, stale, answered: current && !state.pending, cancel, retry, runner };
}

/** React's own comparison of effect dependencies (Object.is per position). */
function sameDeps(a: DependencyList | null, b: DependencyList): boolean {
  return a !== null && a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

export interface WorkerTask extends RunActivity {
  run<K extends WorkerRequestKind>(kind: K, request: RequestOf<K>): Promise<RunOutcome<ResponseOf<K>>>;
}

/** One-off runs with their own worker; a new run supersedes one in flight. */
export function useWorkerTask(): WorkerTask {
  const runner = useWorkerRunner();
  const [activity, setActivity] = useState<{ pending: boolean; startedAt: number | null; budgetMs: number }>({ pending: false, startedAt: null, budgetMs: 0 });
  const cancelRef = useRef<() => void>(() => {});
  const seq = useRef(0);
  const run = useCallback(
    async <K extends WorkerRequestKind>(kind: K, request: RequestOf<K>): Promise<RunOutcome<ResponseOf<K>>> => {
      const mine = ++seq.current;
      const budgetMs = runBudgetMs(kind, request);
      const handle = runner().run(kind, request);
      cancelRef.current = handle.cancel;
      setActivity({ pending: true, startedAt: Date.now(), budgetMs });
      const outcome = await handle.outcome;
      if (mine === seq.current) setActivity({ pending: false, startedAt: null, budgetMs });
      return outcome;
    },
    [runner],
  );
  const cancel = useCallback(() => cancelRef.current(), []);
  return { ...activity, run, cancel };
}
