// application/x-www-form-urlencoded parsing (WHATWG URL §5.1) into ordered name/value pairs,
// what both export formats list. Hand-written rather than URLSearchParams so that a malformed
// percent-escape keeps its text instead of being silently replaced by U+FFFD.

function decodeFormComponent(s: string): string {
  const spaced = s.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/** Ordered [name, value] pairs of a query string or urlencoded body ("" yields none). */
export function formPairs(text: string): [string, string][] {
  if (text === '') return [];
  return text.split('&').filter((p) => p !== '').map((p) => {
    const eq = p.indexOf('=');
    return eq >= 0 ? [decodeFormComponent(p.slice(0, eq)), decodeFormComponent(p.slice(eq + 1))] : [decodeFormComponent(p), ''];
  });
}

/** The query of a URL without its fragment ("" when there is none). */
export function queryOf(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return '';
  const h = url.indexOf('#', q);
  return url.slice(q + 1, h >= 0 ? h : undefined);
}
