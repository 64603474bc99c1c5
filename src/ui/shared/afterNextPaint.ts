// Work that must not delay what the page is about to show (issue 15: the verdict first, then
// the rest). A requestAnimationFrame callback runs just before the frame's style, layout and
// paint; a message posted from it is delivered as a new task, after that frame (the HTML event
// loop paints between tasks, never inside one). A 0 ms timer instead of the message would be
// clamped to 4 ms once nested (HTML §8.6 timers).

/**
 * A hidden page gets no animation frames (HTML §8.1.7.3 "update the rendering" skips it): the
 * work then runs after this long, so it is never held up indefinitely.
 */
const HIDDEN_PAGE_FALLBACK_MS = 100;

/** Runs `work` once, in a task after the next frame has been painted; returns a cancel function. */
export function afterNextPaint(work: () => void): () => void {
  let done = false;
  let channel: MessageChannel | null = null;
  const run = () => {
    if (done) return;
    done = true;
    cancel();
    work();
  };
  const frame = requestAnimationFrame(() => {
    if (done) return;
    channel = new MessageChannel();
    channel.port1.onmessage = run;
    channel.port2.postMessage(null);
  });
  const timer = setTimeout(run, HIDDEN_PAGE_FALLBACK_MS);
  function cancel() {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    channel?.port1.close();
  }
  return cancel;
}
