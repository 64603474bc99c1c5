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
  const writer = new CanonicalWriter(mode, options.inclusivePrefixes ?? [], options.excludeElement ?? null);
  return { ok: true, value: writer.run(node) };
}

/** canonicalize() followed by UTF-8 encoding: the octets a digest is computed over. */
export function canonicalizeToBytes(node: Node, options: CanonicalizeOptions): CanonicalizeBytesResult {
  const result = canonicalize(node, options);
  if (!result.ok) return result;
  return { ok: true, value: new TextEncoder().encode(result.value) };
}

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

interface Frame {
  /** Namespaces in scope at this element (XPath namespace axis). */
  inScope: NsMap;
  /** Inclusive: in-scope namespaces of this output element (= what it has rendered, cumulatively).
   *  Exclusive: namespace declarations rendered by this element and its output ancestors. */
  rendered: NsMap;
}

interface OutAttr {
  nsUri: string;
  localName: string;
  qname: string;
  value: string;
}

class CanonicalWriter {
  private readonly out: string[] = [];
  private readonly frames: Frame[] = [];
  private position: DocPosition = DocPosition.Inside;
  private readonly inclusivePrefixes: string[];

  constructor(
    private readonly mode: Mode,
    inclusivePrefixes: string[],
    private readonly excluded: Element | null,
  ) {
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

  run(root: Node): string {
    if (root.nodeType === DOCUMENT_NODE) this.position = DocPosition.Before;
    this.walk(root);
    return this.out.join('');
  }

  /** Iterative pre-order walk of the subtree of `root`, writing start tags on the way down and end tags on the way up. */
  private walk(root: Node): void {
    let node: Node = root;
    for (;;) {
      const descend = this.enter(node, node === root);
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
        const data = (node as CharacterData).data;
        this.out.push(escapeText(data));
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
    if (this.position === DocPosition.After) this.out.push('\n' + markup);
    else if (this.position === DocPosition.Before) this.out.push(markup + '\n');
    else this.out.push(markup);
  }

  private leave(node: Node): void {
    if (node.nodeType !== ELEMENT_NODE) return;
    const el = node as Element;
    this.out.push('</' + el.nodeName + '>');
    this.frames.pop();
    if (el.parentNode && el.parentNode.nodeType === DOCUMENT_NODE) this.position = DocPosition.After;
  }

  private startElement(el: Element, isApex: boolean): void {
    if (el.parentNode && el.parentNode.nodeType === DOCUMENT_NODE) this.position = DocPosition.Inside;
    const parent = this.frames.length > 0 ? this.frames[this.frames.length - 1] : null;
    // The apex of a document subset inherits the namespaces its ancestors declare (XPath data
    // model: namespace nodes are in scope on every descendant), although none of them is output.
    const inheritedScope = parent ? parent.inScope : isApex ? namespacesInScopeAbove(el) : EMPTY_NS;
    const renderedAbove = parent ? parent.rendered : EMPTY_NS;

    // Split attributes into namespace declarations and ordinary attributes.
    let inScope = inheritedScope;
    const declaredPrefixes: string[] = [];
    const attrs: OutAttr[] = [];
    const list = el.attributes;
    for (let i = 0; i < list.length; i++) {
      const a = list[i];
      const name = a.name;
      if (a.namespaceURI === XMLNS_NS || name === 'xmlns' || name.startsWith('xmlns:')) {
        const prefix = name === 'xmlns' ? '' : name.slice(6);
        if (inScope === inheritedScope) inScope = new Map(inheritedScope);
        inScope.set(prefix, a.value);
        declaredPrefixes.push(prefix);
      } else {
        attrs.push({ nsUri: a.namespaceURI ?? '', localName: a.localName ?? name, qname: name, value: a.value });
      }
    }

    const nsOut: Array<[string, string]> = [];
    let rendered: NsMap;
    if (this.mode.exclusive) {
      rendered = this.exclusiveNamespaces(el, inScope, renderedAbove, attrs, nsOut);
    } else {
      rendered = inScope;
      this.inclusiveNamespaces(inScope, parent ? inheritedScope : EMPTY_NS, isApex || !parent, declaredPrefixes, nsOut);
      // C14N 1.0 §2.4: when the parent is not in the node-set, the element inherits the xml:*
      // attributes of its ancestors (nearest wins) unless it carries them itself.
      // C14N 1.1 §2.4: xml:id is not inherited (xml:base fixup is refused up front).
      if (isApex) inheritXmlAttributes(el, attrs, this.mode.version11 === true);
    }
    this.frames.push({ inScope, rendered });

    const out = this.out;
    out.push('<' + el.nodeName);
    if (nsOut.length > 1) nsOut.sort((x, y) => compareCodePoints(x[0], y[0]));
    for (const [prefix, uri] of nsOut) {
      out.push((prefix === '' ? ' xmlns="' : ' xmlns:' + prefix + '="') + escapeAttr(uri) + '"');
    }
    // C14N 1.0 §2.2: attributes sorted by namespace URI (none first), then local name.
    if (attrs.length > 1) {
      attrs.sort((x, y) => (x.nsUri === y.nsUri ? compareCodePoints(x.localName, y.localName) : compareCodePoints(x.nsUri, y.nsUri)));
    }
    for (const a of attrs) out.push(' ' + a.qname + '="' + escapeAttr(a.value) + '"');
    out.push('>');
  }

  /**
   * C14N 1.0 §2.3 / §4.6: a namespace node is output unless the nearest output ancestor has the
   * same one; the apex of a subset outputs every namespace in scope. xmlns="" is output when the
   * element has no default namespace but the nearest output ancestor had one.
   */
  private inclusiveNamespaces(inScope: NsMap, outputParentScope: NsMap, isTop: boolean, declared: string[], nsOut: Array<[string, string]>): void {
    if (isTop) {
      for (const [prefix, uri] of inScope) {
        if (prefix === 'xml' || uri === '') continue; // xml is implicit; empty = undeclared
        nsOut.push([prefix, uri]);
      }
      return;
    }
    if (declared.length === 0) return;
    const seen = new Set<string>();
    for (const prefix of declared) {
      if (prefix === 'xml' || seen.has(prefix)) continue;
      seen.add(prefix);
      const uri = inScope.get(prefix) ?? '';
      const before = outputParentScope.get(prefix) ?? '';
      if (uri === before) continue; // superfluous declaration
      if (uri === '' && prefix !== '') continue; // XML 1.1 prefix undeclaration: nothing to render in 1.0
      nsOut.push([prefix, uri]);
    }
  }

  /**
   * Exc-C14N §3: render only the namespaces visibly utilized by the element (its own prefix,
   * or the default namespace when unprefixed, and prefixes of its attributes) plus those of the
   * InclusiveNamespaces PrefixList that are in scope, unless an output ancestor already rendered
   * the same prefix with the same value. An unprefixed element with no namespace utilizes the
   * "empty" default: xmlns="" is emitted when an output ancestor rendered a non-empty default.
   * Returns the cumulative rendered map for the children.
   */
  private exclusiveNamespaces(el: Element, inScope: NsMap, renderedAbove: NsMap, attrs: OutAttr[], nsOut: Array<[string, string]>): NsMap {
    let rendered = renderedAbove;
    const consider = (prefix: string, uri: string): void => {
      if (prefix === 'xml') return;
      const current = rendered.get(prefix) ?? '';
      if (current === uri) return;
      if (prefix !== '' && uri === '') return;
      if (rendered === renderedAbove) rendered = new Map(renderedAbove);
      rendered.set(prefix, uri);
      nsOut.push([prefix, uri]);
    };
    // The InclusiveNamespaces prefixes are treated as in Canonical XML (libxml2 processes them first).
    for (const prefix of this.inclusivePrefixes) {
      const uri = inScope.get(prefix);
      if (uri === undefined) continue;
      consider(prefix, uri);
    }
    const elPrefix = el.prefix ?? '';
    consider(elPrefix, el.namespaceURI ?? inScope.get(elPrefix) ?? '');
    for (const a of attrs) {
      // Default namespaces do not apply to attributes (Namespaces in XML §6.2): only prefixed ones utilize.
      const colon = a.qname.indexOf(':');
      if (colon < 0) continue;
      consider(a.qname.slice(0, colon), a.nsUri);
    }
    return rendered;
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
function inheritXmlAttributes(el: Element, attrs: OutAttr[], version11: boolean): void {
  for (let p = el.parentNode; p && p.nodeType === ELEMENT_NODE; p = p.parentNode) {
    const list = (p as Element).attributes;
    for (let j = 0; j < list.length; j++) {
      const a = list[j];
      if (a.namespaceURI !== XML_NS && !a.name.startsWith('xml:')) continue;
      if (a.name.startsWith('xmlns')) continue;
      const localName = a.localName ?? a.name.slice(4);
      if (version11 && localName === 'id') continue;
      if (attrs.some((x) => x.nsUri === XML_NS && x.localName === localName)) continue;
      attrs.push({ nsUri: XML_NS, localName, qname: a.name, value: a.value });
    }
  }
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
