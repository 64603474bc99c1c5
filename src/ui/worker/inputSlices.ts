// A long pasted text crosses to the worker in slices, one postMessage per task (issue 15: no
// main-thread task over 50 ms). postMessage copies a string whole in the task that posts it: in
// a CPU profile of a pasted 10 MB aggregate that was 50 ms of the commit that starts the run.
// TextEncoder plus a transferred buffer was tried instead and cost 235 ms (encoding 10 MB), so
// the text goes as slices of INPUT_SLICE_CHARS, each its own task; the worker joins them before
// it runs the request. `slice` makes no copy on the page: each slice is copied once, by its own
// postMessage. Slices are a few Mi characters: in Chromium a 10 MB ASCII string costs ~28 ms to
// post and as much to receive, so one slice of 4 Mi is ~11 ms on the page while the worker
// receives the one before; smaller slices only added task switches between them.
import type { RequestOf, WorkerRequestKind } from './protocol';

/** Characters per slice: a copy of about 10 ms on the page. */
export const INPUT_SLICE_CHARS = 4 << 20;

/** The request with its input cut to the first slice, and the slices that follow it in order. */
export function sliceInput<K extends WorkerRequestKind>(kind: K, request: RequestOf<K>, sliceChars = INPUT_SLICE_CHARS): { request: RequestOf<K>; rest: string[] } {
  if (kind !== 'inspect') return { request, rest: [] };
  const { input } = request as RequestOf<'inspect'>;
  if (input.length <= sliceChars) return { request, rest: [] };
  const rest: string[] = [];
  for (let i = sliceChars; i < input.length; i += sliceChars) rest.push(input.slice(i, i + sliceChars));
  return { request: { ...(request as RequestOf<'inspect'>), input: input.slice(0, sliceChars) } as RequestOf<K>, rest };
}

/**
 * The request whole again, in the worker: its first slice and the rest joined in one copy. (The
 * first slice `+` the rest joined made two: the rest's join, then the flattening of the pair on
 * the core's first read; each fresh 10 MB cost ~28 ms in Chromium's worker.)
 */
export function joinInput<R extends { input: string }>(request: R, rest: readonly string[]): R {
  return { ...request, input: [request.input, ...rest].join('') };
}
