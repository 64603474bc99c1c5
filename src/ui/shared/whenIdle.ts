// Work the page does for later (prefetching a chunk, preparing the inspection worker) must not
// take the page's thread while the user waits for something: it runs when the page is idle
// (requestIdleCallback), or after `timeoutMs` on a page that is never idle.

/** Runs `work` once the page is idle; returns a cancel function. */
export function whenIdle(work: () => void, timeoutMs = 2000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(() => work(), { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(work, Math.min(timeoutMs, 1000));
  return () => clearTimeout(id);
}
