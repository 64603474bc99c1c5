// A long pasted text crosses to the worker apart from its request, in slices, each posted from a
// task of its own (issue 15: no main-thread task over 50 ms). postMessage copies a string whole
// in the task that posts it: ~28 ms for a 10 MB ASCII text in Chromium on the page, and as much
// to receive it in the worker (first-touched memory, ~2.8 ms per MB on the benchmark machine).
// - Up to INPUT_INLINE_MAX_CHARS the text travels inside the request, posted in the commit that
//   starts the run (a typical paste: paste-to-verdict).
// - Longer, the request goes with an empty input, and the text follows in slices of
//   INPUT_SLICE_CHARS, the first from the next task, so the commit that starts the run stays
//   short; the worker joins them in one copy. On a pasted 10 MB aggregate, slices of 1 Mi from
//   nested timers and a two-copy join took ~115 ms before the core could start; 4 Mi slices
//   ~60–90 ms. One slice of 12 Mi (no join) saved another ~20 ms but made a task of 32–58 ms.
//   (TextEncoder plus a transferred buffer was tried first: encoding 10 MB took 150–235 ms.)
// `slice` makes no copy on the page: each slice is copied once, by its own postMessage.
import type { RequestOf, WorkerRequestKind } from './protocol';

/** Characters that travel inside the request: a copy of ~3 ms on the page. */
export const INPUT_INLINE_MAX_CHARS = 1 << 20;

/** Characters per slice: a copy of ~11 ms on the page. */
export const INPUT_SLICE_CHARS = 4 << 20;

/** The request with its input taken out when long, and the slices that follow it in order. */
export function sliceInput<K extends WorkerRequestKind>(kind: K, request: RequestOf<K>, sliceChars = INPUT_SLICE_CHARS, inlineMaxChars = INPUT_INLINE_MAX_CHARS): { request: RequestOf<K>; rest: string[] } {
  if (kind !== 'inspect') return { request, rest: [] };
  const { input } = request as RequestOf<'inspect'>;
  if (input.length <= inlineMaxChars) return { request, rest: [] };
  const rest: string[] = [];
  for (let i = 0; i < input.length; i += sliceChars) rest.push(input.slice(i, i + sliceChars));
  return { request: { ...(request as RequestOf<'inspect'>), input: '' } as RequestOf<K>, rest };
}

/**
 * The request whole again, in the worker. One slice is the text itself; more are joined in one
 * copy (the request's own input, empty when the text came in slices, first).
 */
export function joinInput<R extends { input: string }>(request: R, rest: readonly string[]): R {
  const parts = request.input ? [request.input, ...rest] : rest;
  return { ...request, input: parts.length === 1 ? parts[0]! : parts.join('') };
}
