// XML canonicalization over @xmldom/xmldom DOM nodes, byte-for-byte as xmlsec1/libxml2 does it:
// - Canonical XML 1.0 (W3C REC-xml-c14n-20010315), with and without comments;
// - Exclusive XML Canonicalization 1.0 (W3C REC-xml-exc-c14n-20020718), with and without
//   comments, including the InclusiveNamespaces PrefixList.
//
// The node-set is always "a subtree minus (optionally) one excluded subtree": that is all an
// XML-DSig verifier of SAML needs (URI="#id" / URI="" references, enveloped-signature transform,
// SignedInfo). The walk is iterative (no recursion-depth limit) and writes into an array of string
// chunks joined once, so 10 MB metadata aggregates canonicalize in linear time.
//
// Written here, not taken from a library, because the digest is only right if every byte is:
// the oracle tests (xmlsec-corpus, xmllint-corpus) hold it to libxml2's output, byte for byte,
// over the corpus; and because of speed: xml-crypto (xmldom and its canonicalizer) takes 5.6 s
// to parse and verify the 10 MB metadata aggregate that samlscope parses and verifies in 0.26 s,
// 70 ms of it this canonicalization (docs/performance.md). Like the XML reader
// (xml/reader.ts), it is the one kind of primitive samlscope keeps hand-written; cryptography
// comes from WebCrypto, @peculiar/x509 and node-forge (xenc/forge.ts).
//
// Framework-free: runs unchanged in Node 20 and in the browser.

export const C14N_URIS = {
  exclusive: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  exclusiveWithComments: 'http://www.w3.org/2001/10/xml-exc-c14n#WithComments',
  inclusive: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
  inclusiveWithComments: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments',
  /** Canonical XML 1.1 (used by Okta): 1.0 without xml:id inheritance and with xml:base fixup (not implemented: refused). */
  inclusive11: 'http://www.w3.org/2006/12/xml-c14n11',
  inclusive11WithComments: 'http://www.w3.org/2006/12/xml-c14n11#WithComments',
} as const;

export interface CanonicalizeOptions {
  /** One of C14N_URIS. */
  algorithm: string;
  /** Exclusive C14N InclusiveNamespaces PrefixList ("#default" for the default namespace). */
  inclusivePrefixes?: string[];
  /** Enveloped-signature transform: this element (and its subtree) is left out of the node-set. */
  excludeElement?: Element | null;
}

export type CanonicalizeError = { code: 'unsupported-algorithm'; message: string };

export type CanonicalizeResult = { ok: true; value: string } | { ok: false; error: CanonicalizeError };

export type CanonicalizeBytesResult = { ok: true; value: Uint8Array } | { ok: false; error: CanonicalizeError };

interface Mode {
  exclusive: boolean;
  withComments: boolean;
  /** Canonical XML 1.1 (W3C REC-xml-c14n11-20080502). */
  version11?: boolean;
}

const MODES: Record<string, Mode> = {
  [C14N_URIS.exclusive]: { exclusive: true, withComments: false },
  [C14N_URIS.exclusiveWithComments]: { exclusive: true, withComments: true },
  [C14N_URIS.inclusive]: { exclusive: false, withComments: false },
  [C14N_URIS.inclusiveWithComments]: { exclusive: false, withComments: true },
  [C14N_URIS.inclusive11]: { exclusive: false, withComments: false, version11: true },
  [C14N_URIS.inclusive11WithComments]: { exclusive: false, withComments: true, version11: true },
};

/** True when `algorithm` is one of the canonicalization methods implemented here. */
export function isSupportedC14nAlgorithm(algorithm: string): boolean {
  return Object.prototype.hasOwnProperty.call(MODES, algorithm);
}

/**
 * Canonicalize the subtree rooted at `node` (an Element, or a Document for URI="").
 *
 * Note for callers (XML-DSig §4.3.3.3): a same-document reference URI="" or URI="#id" selects
 * the node-set *without comments*, whatever the later c14n transform says; only XPointer forms
 * (`#xpointer(/)`, `#xpointer(id('x'))`) keep them. Pass the without-comments algorithm URI for
 * the former.
 */
export function canonicalize(node: Node, options: CanonicalizeOptions): CanonicalizeResult {
  const mode = Object.prototype.hasOwnProperty.call(MODES, options.algorithm) ? MODES[options.algorithm] : undefined;
  if (!mode) {
    return {
      ok: false,
      error: {
        code: 'unsupported-algorithm',
        message: `Unsupported canonicalization algorithm "${options.algorithm}"; supported: ${Object.values(C14N_URIS).join(', ')}.`,
      },
    };
  }
  if (mode.version11 && node.nodeType === ELEMENT_NODE && hasXmlBaseOnApexOrAbove(node as Element)) {
    // C14N 1.1 §2.4 requires xml:base values of omitted ancestors to be merged into the apex
    // (RFC 3986 resolution with libxml2's own quirks); SAML never uses xml:base, so rather than
    // risk a different byte stream we refuse it.
    return {
      ok: false,
      error: { code: 'unsupported-algorithm', message: 'Canonical XML 1.1 of a document subset whose apex or ancestors carry xml:base (xml:base fixup) is not supported.' },
    };
  }
  const bytes = canonicalBytes(node, mode, options);
  return { ok: true, value: utf8Decoder.decode(bytes) };
}

/** canonicalize() as the UTF-8 octets a digest is computed over (without building the string). */
export function canonicalizeToBytes(node: Node, options: CanonicalizeOptions): CanonicalizeBytesResult {
  const mode = Object.prototype.hasOwnProperty.call(MODES, options.algorithm) ? MODES[options.algorithm] : undefined;
  if (!mode || (mode.version11 && node.nodeType === ELEMENT_NODE && hasXmlBaseOnApexOrAbove(node as Element))) {
    const refused = canonicalize(node, options);
    return refused.ok ? { ok: true, value: utf8Encoder.encode(refused.value) } : refused;
  }
  return { ok: true, value: canonicalBytes(node, mode, options) };
}

/**
 * The canonical octets of an element produced one child at a time, for documents too large to
 * hold whole (a 256 MB federation aggregate: docs/performance.md, "Aggregates up to 256 MB").
 * The octets go to `sink` in chunks as they are written (the chunk's memory is reused at once:
 * consume it synchronously, e.g. an incremental hash). The bytes are those canonicalizeToBytes
 * gives for `apex` — the same walk of the same writer, only interrupted between the apex's
 * children — provided each child is handed over, in document order, once it is complete and
 * before it is removed from the tree: a child's canonical form depends on its own subtree and its
 * ancestors only, never on its siblings (C14N 1.0 §2.3, Exc-C14N §3: namespace and xml:*
 * attribute inheritance come from ancestors).
 */
export class IncrementalCanonicalizer {
  private readonly writer: CanonicalWriter;

  private constructor(private readonly apex: Element, mode: Mode, options: CanonicalizeOptions, sink: (chunk: Uint8Array) => void) {
    this.writer = new CanonicalWriter(mode, options.inclusivePrefixes ?? [], options.excludeElement ?? null, sink);
    this.writer.openApex(apex);
  }

  /** Null for an algorithm the one-pass writer does not do the same way (unknown, or C14N 1.1 with its xml:base fixup). */
  static start(apex: Element, options: CanonicalizeOptions, sink: (chunk: Uint8Array) => void): IncrementalCanonicalizer | null {
    const mode = Object.prototype.hasOwnProperty.call(MODES, options.algorithm) ? MODES[options.algorithm] : undefined;
    if (!mode || mode.version11) return null;
    return new IncrementalCanonicalizer(apex, mode, options, sink);
  }

  /** The next child of the apex (element, text, comment or PI), complete. */
  child(node: Node): void {
    this.writer.walkChild(node);
  }

  /** The apex's end tag; everything left goes to the sink. */
  finish(): void {
    this.writer.closeApex(this.apex);
  }
}

function canonicalBytes(node: Node, mode: Mode, options: CanonicalizeOptions): Uint8Array {
  const writer = new CanonicalWriter(mode, options.inclusivePrefixes ?? [], options.excludeElement ?? null);
  return writer.run(node);
}

const utf8Decoder = new TextDecoder();
const utf8Encoder = new TextEncoder();

/** Convenience wrappers with self-explaining names. */
export function canonicalizeExclusive(node: Node, options: { withComments?: boolean; inclusivePrefixes?: string[]; excludeElement?: Element | null } = {}): string {
  const r = canonicalize(node, {
    algorithm: options.withComments ? C14N_URIS.exclusiveWithComments : C14N_URIS.exclusive,
    inclusivePrefixes: options.inclusivePrefixes,
    excludeElement: options.excludeElement,
  });
  return r.ok ? r.value : '';
}

export function canonicalizeInclusive(node: Node, options: { withComments?: boolean; excludeElement?: Element | null } = {}): string {
  const r = canonicalize(node, {
    algorithm: options.withComments ? C14N_URIS.inclusiveWithComments : C14N_URIS.inclusive,
    excludeElement: options.excludeElement,
  });
  return r.ok ? r.value : '';
}

// ---------------------------------------------------------------------------------------------

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const PROCESSING_INSTRUCTION_NODE = 7;
const COMMENT_NODE = 8;
const DOCUMENT_NODE = 9;

/** prefix ("" = default namespace) → namespace URI ("" = no namespace / undeclared). */
type NsMap = Map<string, string>;

const EMPTY_NS: NsMap = new Map();

/** Position relative to the document element (C14N 1.0 §2.1: line breaks around top-level comments/PIs). */
const enum DocPosition {
  Before,
  Inside,
  After,
}

/**
 * An attribute as it is output: the element's own attribute node (DOM Attr or the light DOM's),
 * or an xml:* attribute inherited by the apex (C14N 1.0 §2.4).
 */
interface OutAttr {
  readonly namespaceURI: string | null;
  readonly localName: string | null;
  readonly name: string;
  readonly value: string;
}

const nsOfAttr = (a: OutAttr): string => a.namespaceURI ?? '';
const localOfAttr = (a: OutAttr): string => a.localName ?? a.name;
// C14N 1.0 §2.2: attributes sorted by namespace URI (none first), then local name.
const compareAttrs = (x: OutAttr, y: OutAttr): number => {
  const nx = nsOfAttr(x);
  const ny = nsOfAttr(y);
  return nx === ny ? compareCodePoints(localOfAttr(x), localOfAttr(y)) : compareCodePoints(nx, ny);
};

/**
 * UTF-8 output written straight into a growing byte buffer: a 10 MB document yields a million
 * small pieces, and joining them into a string first (then encoding it) doubled the time and
 * the garbage (docs/performance.md).
 */
class Utf8Sink {
  private buf = new Uint8Array(1 << 16);
  private pos = 0;
  private readonly encoder = new TextEncoder();

  /** With `drain`, the buffer is handed over and reused whenever it holds SINK_CHUNK bytes. */
  constructor(private readonly drain: ((chunk: Uint8Array) => void) | null = null) {}

  write(s: string): void {
    if (this.drain !== null && this.pos >= SINK_CHUNK) this.flush();
    const n = s.length;
    if (this.pos + 3 * n > this.buf.length) this.grow(3 * n);
    const buf = this.buf;
    let p = this.pos;
    if (n > 256) {
      this.pos = p + this.encoder.encodeInto(s, buf.subarray(p)).written;
      return;
    }
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        // Not ASCII: let the platform encoder do the rest (surrogate pairs included; a pair
        // always starts at or after i since both halves are >= 0x80).
        this.pos = p + this.encoder.encodeInto(s.slice(i), buf.subarray(p)).written;
        return;
      }
      buf[p++] = c;
    }
    this.pos = p;
  }

  /**
   * Character data escaped as C14N text (& < > CR, §2.2 "Text Nodes"), in the pass that copies
   * its bytes: testing every text node with a regular expression first took ~6 ms of a 10 MB
   * aggregate, most of whose text nodes are indentation. Long or non-ASCII text goes through
   * escapeText and the platform encoder.
   */
  writeText(s: string): void {
    if (this.drain !== null && this.pos >= SINK_CHUNK) this.flush();
    const n = s.length;
    if (n > 256) {
      this.write(escapeText(s));
      return;
    }
    if (this.pos + 5 * n > this.buf.length) this.grow(5 * n);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        this.pos = p;
        this.write(escapeText(s.slice(i)));
        return;
      }
      const escape = TEXT_ESCAPE_BYTES[c];
      if (escape === undefined) buf[p++] = c;
      else for (let k = 0; k < escape.length; k++) buf[p++] = escape[k]!;
    }
    this.pos = p;
  }

  bytes(): Uint8Array {
    return this.buf.subarray(0, this.pos);
  }

  flush(): void {
    if (this.pos > 0) this.drain?.(this.buf.subarray(0, this.pos));
    this.pos = 0;
  }

  private grow(need: number): void {
    let size = this.buf.length * 2;
    while (size < this.pos + need) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }
}

/** Bytes an incremental sink collects before handing them over. */
const SINK_CHUNK = 1 << 15;

class CanonicalWriter {
  private readonly out: Utf8Sink;
  /** Per open output element: namespaces in scope (XPath namespace axis). */
  private readonly inScopeStack: NsMap[] = [];
  /** Per open output element. Inclusive: its in-scope namespaces (= what it has rendered,
   *  cumulatively). Exclusive: declarations rendered by it and its output ancestors. */
  private readonly renderedStack: NsMap[] = [];
  private position: DocPosition = DocPosition.Inside;
  private readonly inclusivePrefixes: string[];
  // Scratch space of startElement, reused from element to element.
  private readonly attrs: OutAttr[] = [];
  private readonly declaredPrefixes: string[] = [];
  private readonly nsOutPrefixes: string[] = [];
  private readonly nsOutUris: string[] = [];
  // Used lengths of the scratch arrays (resetting an array's length is slow in V8).
  private attrCount = 0;
  private declaredCount = 0;
  private nsOutCount = 0;
  /** Exclusive: the rendered map being built for the current element. */
  private renderedNow: NsMap = EMPTY_NS;
  private renderedBefore: NsMap = EMPTY_NS;

  constructor(
    private readonly mode: Mode,
    inclusivePrefixes: string[],
    private readonly excluded: Element | null,
    drain: ((chunk: Uint8Array) => void) | null = null,
  ) {
    this.out = new Utf8Sink(drain);
    // Exc-C14N §3: "#default" names the default namespace; the list is whitespace-separated
    // tokens, callers may pass it split or not.
    const list: string[] = [];
    for (const item of inclusivePrefixes) {
      for (const token of item.split(/[ \t\r\n]+/)) {
        if (token === '') continue;
        const prefix = token === '#default' ? '' : token;
        if (!list.includes(prefix)) list.push(prefix);
      }
    }
    this.inclusivePrefixes = mode.exclusive ? list : [];
  }

  run(root: Node): Uint8Array {
    if (root.nodeType === DOCUMENT_NODE) this.position = DocPosition.Before;
    this.walk(root);
    return this.out.bytes();
  }

  // IncrementalCanonicalizer: run(apex) split into the apex's start tag, its children, its end tag.
  openApex(apex: Element): void {
    this.startElement(apex, true);
  }

  walkChild(node: Node): void {
    this.walk(node, false);
  }

  closeApex(apex: Element): void {
    this.leave(apex);
    this.out.flush();
  }

  /**
   * Iterative pre-order walk of the subtree of `root`, writing start tags on the way down and end
   * tags on the way up. `rootIsApex` false: `root` is a child of an apex already open.
   */
  private walk(root: Node, rootIsApex = true): void {
    let node: Node = root;
    for (;;) {
      const descend = this.enter(node, rootIsApex && node === root);
      if (descend && node.firstChild) {
        node = node.firstChild;
        continue;
      }
      if (descend) this.leave(node);
      // Climb until a next sibling is found or the root is done.
      for (;;) {
        if (node === root) return;
        const next: Node | null = node.nextSibling;
        if (next) {
          node = next;
          break;
        }
        node = node.parentNode as Node;
        this.leave(node);
      }
    }
  }

  /** Writes what comes before the node's children; returns true when the children must be walked (and leave() called). */
  private enter(node: Node, isApex: boolean): boolean {
    switch (node.nodeType) {
      case ELEMENT_NODE:
        if (node === this.excluded) return false;
        this.startElement(node as Element, isApex);
        return true;
      case DOCUMENT_NODE:
        return true;
      case TEXT_NODE:
      case CDATA_SECTION_NODE: {
        // C14N 1.0 §2.1: text outside the document element is not part of the data model.
        if (node.parentNode && node.parentNode.nodeType === DOCUMENT_NODE) return false;
        // CDATA sections are replaced with their character content (§1.1, §2.1).
        this.out.writeText((node as CharacterData).data);
        return false;
      }
      case COMMENT_NODE:
        if (this.mode.withComments) this.writeTopLevelAware('<!--' + escapeCr((node as Comment).data) + '-->');
        return false;
      case PROCESSING_INSTRUCTION_NODE: {
        const pi = node as ProcessingInstruction;
        // xmldom exposes the XML declaration as a PI with target "xml": it is not a PI (XML 1.0 §2.8).
        if (pi.target.toLowerCase() === 'xml' && pi.parentNode && pi.parentNode.nodeType === DOCUMENT_NODE) return false;
        const data = pi.data ?? '';
        this.writeTopLevelAware('<?' + pi.target + (data === '' ? '' : ' ' + escapeCr(data)) + '?>');
        return false;
      }
      default:
        // Doctype (refused earlier anyway), entity references: not in the canonical form.
        return false;
    }
  }

  /** C14N 1.0 §2.1 / §4.1 (libxml2 xmlC14NProcessNode): top-level comments and PIs are separated from the document element by #xA. */
  private writeTopLevelAware(markup: string): void {
    if (this.position === DocPosition.After) this.out.write('\n' + markup);
    else if (this.position === DocPosition.Before) this.out.write(markup + '\n');
    else this.out.write(markup);
  }

  private leave(node: Node): void {
    if (node.nodeType !== ELEMENT_NODE) return;
    const el = node as Element;
    this.out.write('</');
    this.out.write(el.nodeName);
    this.out.write('>');
    this.inScopeStack.pop();
    this.renderedStack.pop();
    if (el.parentNode && el.parentNode.nodeType === DOCUMENT_NODE) this.position = DocPosition.After;
  }

  private startElement(el: Element, isApex: boolean): void {
    if (el.parentNode && el.parentNode.nodeType === DOCUMENT_NODE) this.position = DocPosition.Inside;
    const depth = this.inScopeStack.length;
    const hasParent = depth > 0;
    // The apex of a document subset inherits the namespaces its ancestors declare (XPath data
    // model: namespace nodes are in scope on every descendant), although none of them is output.
    const inheritedScope = hasParent ? this.inScopeStack[depth - 1]! : isApex ? namespacesInScopeAbove(el) : EMPTY_NS;
    const renderedAbove = hasParent ? this.renderedStack[depth - 1]! : EMPTY_NS;

    // Split attributes into namespace declarations and ordinary attributes.
    let inScope = inheritedScope;
    const declaredPrefixes = this.declaredPrefixes;
    const attrs = this.attrs;
    let declaredCount = 0;
    let attrCount = 0;
    const list = el.attributes;
    for (let i = 0; i < list.length; i++) {
      const a = list[i] as OutAttr;
      const name = a.name;
      if (a.namespaceURI === XMLNS_NS || name === 'xmlns' || name.startsWith('xmlns:')) {
        const prefix = name === 'xmlns' ? '' : name.slice(6);
        if (inScope === inheritedScope) inScope = new Map(inheritedScope);
        inScope.set(prefix, a.value);
        declaredPrefixes[declaredCount++] = prefix;
      } else {
        attrs[attrCount++] = a;
      }
    }
    this.attrCount = attrCount;
    this.declaredCount = declaredCount;
    this.nsOutCount = 0;
    let rendered: NsMap;
    if (this.mode.exclusive) {
      rendered = this.exclusiveNamespaces(el, inScope, renderedAbove);
    } else {
      rendered = inScope;
      this.inclusiveNamespaces(inScope, hasParent ? inheritedScope : EMPTY_NS, isApex || !hasParent);
      // C14N 1.0 §2.4: when the parent is not in the node-set, the element inherits the xml:*
      // attributes of its ancestors (nearest wins) unless it carries them itself.
      // C14N 1.1 §2.4: xml:id is not inherited (xml:base fixup is refused up front).
      if (isApex) this.attrCount = inheritXmlAttributes(el, attrs, this.attrCount, this.mode.version11 === true);
    }
    this.inScopeStack.push(inScope);
    this.renderedStack.push(rendered);

    const out = this.out;
    out.write('<');
    out.write(el.nodeName);
    const prefixes = this.nsOutPrefixes;
    const uris = this.nsOutUris;
    const nsCount = this.nsOutCount;
    if (nsCount > 1) sortPairs(prefixes, uris, nsCount);
    for (let i = 0; i < nsCount; i++) {
      const prefix = prefixes[i]!;
      if (prefix === '') out.write(' xmlns="');
      else {
        out.write(' xmlns:');
        out.write(prefix);
        out.write('="');
      }
      out.write(escapeAttr(uris[i]!));
      out.write('"');
    }
    const count = this.attrCount;
    if (count > 1) sortAttrs(attrs, count);
    for (let i = 0; i < count; i++) {
      const a = attrs[i]!;
      out.write(' ');
      out.write(a.name);
      out.write('="');
      out.write(escapeAttr(a.value));
      out.write('"');
    }
    out.write('>');
  }

  /**
   * C14N 1.0 §2.3 / §4.6: a namespace node is output unless the nearest output ancestor has the
   * same one; the apex of a subset outputs every namespace in scope. xmlns="" is output when the
   * element has no default namespace but the nearest output ancestor had one.
   */
  private inclusiveNamespaces(inScope: NsMap, outputParentScope: NsMap, isTop: boolean): void {
    if (isTop) {
      for (const [prefix, uri] of inScope) {
        if (prefix === 'xml' || uri === '') continue; // xml is implicit; empty = undeclared
        this.addNamespaceOut(prefix, uri);
      }
      return;
    }
    const declared = this.declaredPrefixes;
    for (let i = 0; i < this.declaredCount; i++) {
      const prefix = declared[i]!;
      if (prefix === 'xml' || declared.indexOf(prefix) < i) continue;
      const uri = inScope.get(prefix) ?? '';
      const before = outputParentScope.get(prefix) ?? '';
      if (uri === before) continue; // superfluous declaration
      if (uri === '' && prefix !== '') continue; // XML 1.1 prefix undeclaration: nothing to render in 1.0
      this.addNamespaceOut(prefix, uri);
    }
  }

  private addNamespaceOut(prefix: string, uri: string): void {
    this.nsOutPrefixes[this.nsOutCount] = prefix;
    this.nsOutUris[this.nsOutCount] = uri;
    this.nsOutCount++;
  }

  /**
   * Exc-C14N §3: render only the namespaces visibly utilized by the element (its own prefix,
   * or the default namespace when unprefixed, and prefixes of its attributes) plus those of the
   * InclusiveNamespaces PrefixList that are in scope, unless an output ancestor already rendered
   * the same prefix with the same value. An unprefixed element with no namespace utilizes the
   * "empty" default: xmlns="" is emitted when an output ancestor rendered a non-empty default.
   * Returns the cumulative rendered map for the children.
   */
  private exclusiveNamespaces(el: Element, inScope: NsMap, renderedAbove: NsMap): NsMap {
    this.renderedNow = renderedAbove;
    this.renderedBefore = renderedAbove;
    // The InclusiveNamespaces prefixes are treated as in Canonical XML (libxml2 processes them first).
    for (const prefix of this.inclusivePrefixes) {
      const uri = inScope.get(prefix);
      if (uri === undefined) continue;
      this.considerExclusive(prefix, uri);
    }
    const elPrefix = el.prefix ?? '';
    this.considerExclusive(elPrefix, el.namespaceURI ?? inScope.get(elPrefix) ?? '');
    const attrs = this.attrs;
    for (let i = 0; i < this.attrCount; i++) {
      const a = attrs[i]!;
      // Default namespaces do not apply to attributes (Namespaces in XML §6.2): only prefixed ones utilize.
      const colon = a.name.indexOf(':');
      if (colon < 0) continue;
      this.considerExclusive(a.name.slice(0, colon), nsOfAttr(a));
    }
    return this.renderedNow;
  }

  private considerExclusive(prefix: string, uri: string): void {
    if (prefix === 'xml') return;
    const current = this.renderedNow.get(prefix) ?? '';
    if (current === uri) return;
    if (prefix !== '' && uri === '') return;
    if (this.renderedNow === this.renderedBefore) this.renderedNow = new Map(this.renderedBefore);
    this.renderedNow.set(prefix, uri);
    this.addNamespaceOut(prefix, uri);
  }
}

/** Sorts namespace declarations by prefix (C14N 1.0 §2.2; the default namespace, '', first). */
function sortPairs(prefixes: string[], uris: string[], count: number): void {
  for (let i = 1; i < count; i++) {
    const p = prefixes[i]!;
    const u = uris[i]!;
    let j = i - 1;
    while (j >= 0 && compareCodePoints(prefixes[j]!, p) > 0) {
      prefixes[j + 1] = prefixes[j]!;
      uris[j + 1] = uris[j]!;
      j--;
    }
    prefixes[j + 1] = p;
    uris[j + 1] = u;
  }
}

/** Insertion sort of the first `count` attributes (an element has a handful; no allocation). */
function sortAttrs(attrs: OutAttr[], count: number): void {
  for (let i = 1; i < count; i++) {
    const a = attrs[i]!;
    let j = i - 1;
    while (j >= 0 && compareAttrs(attrs[j]!, a) > 0) {
      attrs[j + 1] = attrs[j]!;
      j--;
    }
    attrs[j + 1] = a;
  }
}

/** Namespace declarations in scope on `el`'s parent chain (nearest declaration wins). */
function namespacesInScopeAbove(el: Element): NsMap {
  const chain: Element[] = [];
  for (let p = el.parentNode; p && p.nodeType === ELEMENT_NODE; p = p.parentNode) chain.push(p as Element);
  const map: NsMap = new Map();
  for (let i = chain.length - 1; i >= 0; i--) {
    const list = chain[i].attributes;
    for (let j = 0; j < list.length; j++) {
      const a = list[j];
      const name = a.name;
      if (name === 'xmlns') map.set('', a.value);
      else if (name.startsWith('xmlns:')) map.set(name.slice(6), a.value);
    }
  }
  return map;
}

/** C14N 1.0 §2.4 (and libxml2 xmlC14NProcessAttrsAxis): xml:* attributes of ancestors, nearest first, not overriding the element's own. */
function inheritXmlAttributes(el: Element, attrs: OutAttr[], count: number, version11: boolean): number {
  let n = count;
  for (let p = el.parentNode; p && p.nodeType === ELEMENT_NODE; p = p.parentNode) {
    const list = (p as Element).attributes;
    for (let j = 0; j < list.length; j++) {
      const a = list[j];
      if (a.namespaceURI !== XML_NS && !a.name.startsWith('xml:')) continue;
      if (a.name.startsWith('xmlns')) continue;
      const localName = a.localName ?? a.name.slice(4);
      if (version11 && localName === 'id') continue;
      let present = false;
      for (let k = 0; k < n; k++) if (nsOfAttr(attrs[k]!) === XML_NS && localOfAttr(attrs[k]!) === localName) present = true;
      if (present) continue;
      attrs[n++] = { namespaceURI: XML_NS, localName, name: a.name, value: a.value };
    }
  }
  return n;
}

function hasXmlBaseOnApexOrAbove(el: Element): boolean {
  for (let p: Node | null = el; p && p.nodeType === ELEMENT_NODE; p = p.parentNode) {
    if ((p as Element).hasAttributeNS(XML_NS, 'base') || (p as Element).hasAttribute('xml:base')) return true;
  }
  return false;
}

// ---- escaping (C14N 1.0 §2.2 / libxml2 xmlC11NNormalizeString) ----

const TEXT_SPECIAL = /[&<>\r]/;
const TEXT_SPECIAL_G = /[&<>\r]/g;
const ATTR_SPECIAL = /[&<"\t\n\r]/;
const ATTR_SPECIAL_G = /[&<"\t\n\r]/g;
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#x9;',
  '\n': '&#xA;',
  '\r': '&#xD;',
};
const replaceEscape = (c: string): string => ESCAPES[c];
/** The escapes of TEXT_SPECIAL's characters as bytes, indexed by character code (Utf8Sink.writeText). */
const TEXT_ESCAPE_BYTES: Array<Uint8Array | undefined> = [];
for (const c of '&<>\r') TEXT_ESCAPE_BYTES[c.charCodeAt(0)] = new TextEncoder().encode(ESCAPES[c]);

/** Text nodes: & < > and CR are escaped (§2.2 "Text Nodes"). */
function escapeText(s: string): string {
  return TEXT_SPECIAL.test(s) ? s.replace(TEXT_SPECIAL_G, replaceEscape) : s;
}

/** Attribute values: & < " TAB LF CR are escaped (§2.2 "Attribute Nodes"). */
function escapeAttr(s: string): string {
  return ATTR_SPECIAL.test(s) ? s.replace(ATTR_SPECIAL_G, replaceEscape) : s;
}

/** Comments and PIs: only CR is escaped (libxml2 XMLC14N_NORMALIZE_COMMENT / _PI). */
function escapeCr(s: string): string {
  return s.indexOf('\r') < 0 ? s : s.replace(/\r/g, '&#xD;');
}

/**
 * C14N sorts by UCS code point (libxml2 compares UTF-8 bytes, which orders the same way);
 * JS string comparison orders UTF-16 code units, which differs for astral vs U+E000–U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x !== y) {
      if (x >= 0xd800 && y >= 0xd800) {
        // Surrogates (astral code points) sort after U+E000..U+FFFF.
        x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
        y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
      }
      return x - y;
    }
  }
  return a.length - b.length;
}
