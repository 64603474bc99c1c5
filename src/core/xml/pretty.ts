import formatXml from 'xml-formatter';

export interface PrettyXml {
  text: string;
  /** 1-based line (and column) of an element's start tag in `text`, or null. */
  lineOfNode(node: Node | null | undefined): { line: number; column: number } | null;
}

/**
 * Display-only pretty printing. Verification always works on the exact decoded bytes; this
 * text is what the user sees, so findings need a map from DOM elements to its lines. The n-th
 * element in document order is the n-th start tag of the formatted text (xml-formatter keeps
 * every element), which gives that map without a second parser.
 */
/**
 * xml-formatter's tokenizer rescans the remaining input for each token, so its time grows with
 * the square of the size (9–20 s on a 10 MB aggregate, bench/); above this size the exact text
 * is shown as it is (large metadata aggregates usually come formatted anyway).
 */
export const PRETTY_PRINT_MAX_CHARS = 512 * 1024;

export function prettyPrintXml(xml: string, doc: Document): PrettyXml {
  let text: string;
  try {
    if (xml.length > PRETTY_PRINT_MAX_CHARS) throw new Error('too large to pretty-print');
    text = formatXml(xml, { indentation: '  ', collapseContent: true, lineSeparator: '\n', whiteSpaceAtEndOfSelfclosingTag: false, throwOnFailure: true });
  } catch {
    text = xml;
  }
  let starts = startTagPositions(text);
  const elements = elementsInOrder(doc);
  if (starts.length !== elements.length) {
    text = xml; // the formatter changed the structure; fall back to the exact text
    starts = startTagPositions(text);
  }
  const index = new Map<Node, number>();
  elements.forEach((el, i) => index.set(el, i));
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const toLineCol = (offset: number) => {
    let lo = 0, hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid; else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (lineStarts[lo] ?? 0) + 1 };
  };
  return {
    text,
    lineOfNode(node) {
      let n: Node | null | undefined = node;
      while (n && n.nodeType !== 1) n = n.nodeType === 2 ? (n as Attr).ownerElement : n.parentNode;
      if (!n) return null;
      const i = index.get(n);
      const offset = i === undefined ? undefined : starts[i];
      return offset === undefined ? null : toLineCol(offset);
    },
  };
}

/**
 * The exact text, with line numbers for a document read in parts (core/aggregate/): only some of
 * its elements are still in the tree, each knowing its position among all of them. The offsets
 * are found on the first call (most reports locate a finding or two on a 256 MB text) and kept
 * in typed arrays: a number array of ~7 million line starts would weigh several times more.
 */
export function exactTextLocator(xml: string, elementIndexOf: (el: Element) => number | undefined): PrettyXml {
  let starts: Float64Array | null = null;
  let lines: Float64Array | null = null;
  return {
    text: xml,
    lineOfNode(node) {
      let n: Node | null | undefined = node;
      while (n && n.nodeType !== 1) n = n.nodeType === 2 ? (n as Attr).ownerElement : n.parentNode;
      const i = n ? elementIndexOf(n as Element) : undefined;
      if (i === undefined) return null;
      starts ??= Float64Array.from(startTagPositions(xml));
      const offset = starts[i];
      if (offset === undefined) return null;
      if (lines === null) {
        const found: number[] = [0];
        for (let at = xml.indexOf('\n'); at >= 0; at = xml.indexOf('\n', at + 1)) found.push(at + 1);
        lines = Float64Array.from(found);
      }
      let lo = 0, hi = lines.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (lines[mid]! <= offset) lo = mid; else hi = mid - 1;
      }
      return { line: lo + 1, column: offset - lines[lo]! + 1 };
    },
  };
}

function elementsInOrder(doc: Document): Element[] {
  const out: Element[] = [];
  const stack: Node[] = doc.documentElement ? [doc.documentElement] : [];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeType !== 1) continue;
    out.push(n as Element);
    for (let c = n.lastChild; c; c = c.previousSibling) if (c.nodeType === 1) stack.push(c);
  }
  return out;
}

function startTagPositions(text: string): number[] {
  const out: number[] = [];
  let i = 0;
  for (;;) {
    i = text.indexOf('<', i);
    if (i < 0) break;
    if (text.startsWith('<!--', i)) { const e = text.indexOf('-->', i + 4); i = e < 0 ? text.length : e + 3; continue; }
    if (text.startsWith('<![CDATA[', i)) { const e = text.indexOf(']]>', i + 9); i = e < 0 ? text.length : e + 3; continue; }
    if (text.startsWith('<?', i)) { const e = text.indexOf('?>', i + 2); i = e < 0 ? text.length : e + 2; continue; }
    if (text.startsWith('<!', i) || text.startsWith('</', i)) { i += 2; continue; }
    out.push(i);
    i += 1;
  }
  return out;
}
