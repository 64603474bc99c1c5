// The answer first (issue 15: paste-to-verdict): what follows a verdict (the details, the XML
// editor) is rendered once the frame showing the verdict has been painted, as a transition React
// can interrupt, so neither its rendering nor its layout delays that frame.
import { startTransition, useEffect, useState } from 'react';
import { afterNextPaint } from './afterNextPaint';

/** `value` once a frame has been painted since it was first rendered; undefined until then. */
export function useAfterPaint<T>(value: T): T | undefined {
  const [shown, setShown] = useState<{ value: T } | null>(null);
  const caughtUp = shown !== null && Object.is(shown.value, value);
  useEffect(() => {
    if (caughtUp) return;
    return afterNextPaint(() => startTransition(() => setShown({ value })));
  }, [value, caughtUp]);
  return caughtUp ? value : undefined;
}
