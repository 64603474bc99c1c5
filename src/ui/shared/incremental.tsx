// Long lists render in slices (issue 10 point 4, issue 15): a capture's messages, a message's
// findings, 10,000 attributes, an aggregate's thousands of entities. Rendering all of them at
// once is one main-thread task that grows with the list (10,004 attribute rows took seconds);
// a slice is a bounded task, and the next slice is rendered when the end of the list scrolls
// into view (or on the button, for keyboard users and tests), so the cost follows what is read.
import { useEffect, useRef, useState } from 'react';
import { PAGE_LIMITS } from '../../core/limits';

/** Items rendered at first, and added per slice. */
export const FIRST_SLICE: number = PAGE_LIMITS.listFirstSlice;
export const NEXT_SLICE: number = PAGE_LIMITS.listNextSlice;

/** How many of `total` items to render; resets when `resetKey` changes (another message). */
export function useSliceLimit(total: number, resetKey: unknown, first = FIRST_SLICE): { limit: number; more: () => void } {
  const [state, setState] = useState({ key: resetKey, limit: first });
  const limit = state.key === resetKey ? state.limit : first;
  const more = () => setState((s) => ({ key: resetKey, limit: Math.min(total, (s.key === resetKey ? s.limit : first) + NEXT_SLICE) }));
  return { limit: Math.min(limit, total), more };
}

/**
 * Under a sliced list: how many are not shown yet and a button for the next slice; the next
 * slice also comes when this comes into view (IntersectionObserver), so scrolling reads on.
 */
export function MoreItems({ shown, total, noun, onMore }: { shown: number; total: number; noun: string; onMore: () => void }) {
  const ref = useRef<HTMLParagraphElement>(null);
  const onMoreRef = useRef(onMore);
  onMoreRef.current = onMore;
  useEffect(() => {
    const el = ref.current;
    if (!el || shown >= total || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) onMoreRef.current();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [shown, total]);
  if (shown >= total) return null;
  return (
    <p className="show-more small" ref={ref} data-show-more={noun} data-shown={shown} data-total={total}>
      <span className="muted">
        {shown.toLocaleString('en')} of {total.toLocaleString('en')} {noun} shown.
      </span>{' '}
      <button type="button" onClick={onMore}>
        Show {Math.min(NEXT_SLICE, total - shown).toLocaleString('en')} more
      </button>
    </p>
  );
}
