// The next task on the page's thread, without the clamp of nested timers: Chromium delays a
// setTimeout(…, 0) nested five deep by at least 4 ms, which, between the slices of a pasted 10 MB
// text (inputSlices.ts), was a third of the time the text took to reach the worker.
// scheduler.postTask (Chromium 94+) queues a task with no clamp, rendering still runs between
// tasks; elsewhere (Node, in tests; browsers without it) a timer does.

type PostTask = (callback: () => void, options?: { priority?: 'user-blocking' | 'user-visible' | 'background' }) => Promise<unknown>;

export function nextTask(callback: () => void): void {
  const scheduler = (globalThis as { scheduler?: { postTask?: PostTask } }).scheduler;
  if (typeof scheduler?.postTask === 'function') {
    // The callback reports its own failures; a rejection here would only be an unhandled one.
    scheduler.postTask(callback, { priority: 'user-blocking' }).catch(() => undefined);
  } else {
    setTimeout(callback, 0);
  }
}
