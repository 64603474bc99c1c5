// The pasted text waits outside the editor while its answer is computed (issue 15: a verdict in
// ≤ 50 ms): Monaco taking a 5 KB message costs ~20 ms idle, and the frame that re-renders it as
// much again, on the page's thread that must also render the verdict. The text enters the editor
// after the verdict is painted (CodeEditor holdValue), or after HOLD_MAX_MS for a slow input, so
// the user always sees what was pasted.
import { useEffect, useMemo, useState } from 'react';

/** Longest the text is held back: a typical verdict arrives well within it, a slow run must not hide the input. */
export const HOLD_MAX_MS = 250;

/**
 * Above this a text enters the editor at once, as before: its answer takes long anyway, and
 * Monaco's edit (~150 ms per MB) deferred would land while the user already interacts.
 */
export const HOLD_MAX_CHARS = 256 * 1024;

/** True while `input` waits for its answer (`answered`), for at most HOLD_MAX_MS after it changed. */
export function useHoldUntilAnswered(input: string, answered: boolean): boolean {
  // A new token per change of the input, also when the same text is pasted again after a clear.
  const token = useMemo(() => ({ input }), [input]);
  const [expired, setExpired] = useState<object | null>(null);
  const waiting = input !== '' && input.length <= HOLD_MAX_CHARS && !answered;
  useEffect(() => {
    if (!waiting) return;
    const timer = window.setTimeout(() => setExpired(token), HOLD_MAX_MS);
    return () => window.clearTimeout(timer);
  }, [waiting, token]);
  return waiting && expired !== token;
}
