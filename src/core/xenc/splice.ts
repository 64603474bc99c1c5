// Exact text surgery on a well-formed XML document: find where the N-th element starts and ends,
// so a decrypted element can replace its Encrypted* element without re-serializing anything else.
// (Re-serializing with xmldom would change octets a later signature check reads: it writes a
// text node's carriage return raw, which the next parse turns into a line feed.)

/** Pre-order index of `el` among the document's elements (0 = document element). */
export function preorderIndexOf(doc: Document, el: Element): number {
  let i = 0;
  let n: Node | null = doc.documentElement;
  while (n) {
    if (n.nodeType === 1) {
      if (n === el) return i;
      i++;
      if (n.firstChild) {
        n = n.firstChild;
        continue;
      }
    }
    while (n && !n.nextSibling) n = n.parentNode;
    n = n ? n.nextSibling : null;
  }
  return -1;
}

/**
 * [start, end) of the element whose start tag is the `index`-th (0-based) in the text. The text
 * must be well-formed (it was parsed already): '<' only opens markup, a '>' inside a start tag
 * can only be inside a quoted attribute value.
 */
export function elementSpan(text: string, index: number): { start: number; end: number } | null {
  let seen = 0;
  let depth = 0;
  let start = -1;
  let p = text.indexOf('<');
  while (p >= 0 && p < text.length) {
    if (text.startsWith('<!--', p)) p = text.indexOf('-->', p + 4) + 3;
    else if (text.startsWith('<![CDATA[', p)) p = text.indexOf(']]>', p + 9) + 3;
    else if (text.startsWith('<?', p)) p = text.indexOf('?>', p + 2) + 2;
    else if (text.startsWith('<!', p)) p = text.indexOf('>', p) + 1;
    else if (text.startsWith('</', p)) {
      const close = text.indexOf('>', p) + 1;
      if (start >= 0 && --depth === 0) return { start, end: close };
      p = close;
    } else {
      let q = p + 1;
      let quote = '';
      for (; q < text.length; q++) {
        const c = text[q]!;
        if (quote) {
          if (c === quote) quote = '';
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '>') break;
      }
      const selfClosing = text[q - 1] === '/';
      if (start >= 0) {
        if (!selfClosing) depth++;
      } else if (seen++ === index) {
        if (selfClosing) return { start: p, end: q + 1 };
        start = p;
        depth = 1;
      }
      p = q + 1;
    }
    if (p <= 0) return null;
    p = text.indexOf('<', p);
  }
  return null;
}

/** Namespace declarations made on the element itself: prefix ('' for default) → URI. */
export function ownNamespaceDeclarations(el: Element): Map<string, string> {
  const out = new Map<string, string>();
  const attrs = el.attributes;
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs[i]!;
    if (a.name === 'xmlns') out.set('', a.value);
    else if (a.name.startsWith('xmlns:')) out.set(a.name.slice(6), a.value);
  }
  return out;
}

const escapeAttr = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** Add namespace declarations right after the root element's name in an XML fragment. */
export function declareOnRoot(fragment: string, decls: Map<string, string>): string {
  if (decls.size === 0) return fragment;
  const m = /^(\s*<[^\s/>]+)/.exec(fragment);
  if (!m) return fragment;
  const add = [...decls].map(([p, uri]) => ` ${p ? `xmlns:${p}` : 'xmlns'}="${escapeAttr(uri)}"`).join('');
  return m[1] + add + fragment.slice(m[1]!.length);
}
