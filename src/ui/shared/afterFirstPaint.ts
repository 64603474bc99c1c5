// The editor (Monaco, ~690 kB) is fetched and evaluated lazily, but when its import started with
// the first render, evaluating it landed before the page's first paint: measured with resource
// timing at idle, the first contentful paint of `/` came at ~1,060 ms with it and ~830 ms with its
// request held back. Waiting for the first contentful paint (Paint Timing) lets the page show
// first; a page that never paints (hidden, or a browser without paint entries) waits at most
// FIRST_PAINT_WAIT_MS.

const FIRST_PAINT_WAIT_MS = 1000;

let firstPaint: Promise<void> | null = null;

/** Resolves once the document has had its first contentful paint (at once if it already has). */
export function afterFirstPaint(): Promise<void> {
  firstPaint ??= new Promise<void>((resolve) => {
    const painted = () => performance.getEntriesByName('first-contentful-paint').length > 0;
    if (typeof PerformanceObserver === 'undefined' || painted()) return resolve();
    const timer = setTimeout(done, FIRST_PAINT_WAIT_MS);
    let observer: PerformanceObserver | null = null;
    function done() {
      clearTimeout(timer);
      observer?.disconnect();
      resolve();
    }
    try {
      observer = new PerformanceObserver((list) => {
        if (list.getEntriesByName('first-contentful-paint').length > 0) done();
      });
      observer.observe({ type: 'paint', buffered: true });
    } catch {
      done();
    }
  });
  return firstPaint;
}
