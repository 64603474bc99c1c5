// Where a share link keeps its state: the `share` parameter of the URL fragment. Apart from
// state.ts and fragment.ts (which inflate and deflate) so that a page can look for a link without
// loading DEFLATE: the inspect page's first screen only needs to know whether there is one.

/** The fragment parameter that carries the state: `#share=s1.…`. */
export const SHARE_FRAGMENT_PARAM = 'share';

/**
 * The shared-state value of a URL or `location.hash`, or null when it carries none.
 * Accepts `https://…/#share=s1.…`, `#share=s1.…` and `share=s1.…&other=…`.
 */
export function shareFragmentOf(urlOrHash: string): string | null {
  const hash = urlOrHash.indexOf('#');
  const frag = hash >= 0 ? urlOrHash.slice(hash + 1) : urlOrHash;
  for (const part of frag.split('&')) {
    if (part.startsWith(`${SHARE_FRAGMENT_PARAM}=`)) return part.slice(SHARE_FRAGMENT_PARAM.length + 1);
  }
  return null;
}
