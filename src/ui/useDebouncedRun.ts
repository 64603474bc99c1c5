// Run an async inspection after the user stops typing, keeping only the latest run's outcome:
// the inspect page (inspectInput) and the OIDC page (inspectOidc) both re-run on every edit.
import { useEffect, useRef, useState, type DependencyList } from 'react';

export interface DebouncedRun<T> {
  result: T | null;
  pending: boolean;
  /** An exception from the core: errors are values there, so this is a bug, shown rather than hidden. */
  internalError: string | null;
}

/**
 * `start` null clears the result. `delayMs` is read when the run is scheduled (a paste or a drop
 * runs at once, typing waits). An older run finishing after a newer one started is ignored.
 */
export function useDebouncedRun<T>(start: (() => Promise<T>) | null, delayMs: () => number, deps: DependencyList): DebouncedRun<T> {
  const [state, setState] = useState<DebouncedRun<T>>({ result: null, pending: false, internalError: null });
  const runRef = useRef(0);
  useEffect(() => {
    if (!start) {
      runRef.current++;
      setState({ result: null, pending: false, internalError: null });
      return;
    }
    const run = ++runRef.current;
    setState((s) => ({ ...s, pending: true }));
    const timer = window.setTimeout(() => {
      start().then(
        (result) => {
          if (run === runRef.current) setState({ result, pending: false, internalError: null });
        },
        (e: unknown) => {
          if (run === runRef.current) setState((s) => ({ ...s, pending: false, internalError: e instanceof Error ? `${e.name}: ${e.message}` : String(e) }));
        },
      );
    }, delayMs());
    return () => window.clearTimeout(timer);
    // The caller lists what `start` reads, as for useEffect.
  }, deps);
  return state;
}
