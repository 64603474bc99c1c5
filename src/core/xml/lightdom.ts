// A read-only DOM for inspecting and verifying parsed messages.
//
// Why not @xmldom/xmldom here: on a 10 MB metadata aggregate its nodes (a NodeList per node, a
// NamedNodeMap per element, live-collection bookkeeping, several prototype levels) cost three
// times xmlsec1's whole parse-and-verify (docs/performance.md). The core only reads the tree, so
// this module keeps what it reads — the DOM Level 2 navigation, names, namespaces, attributes and
// text — in one monomorphic node class (one hidden class for every tree walk) plus Attr.
// Documents that are edited (redaction, signing in the mock SP) still go through xmldom
// (parseXmlForEditing in ./parseForEditing).
//
// The classes are cast to the lib.dom types at the boundary (parse.ts); only the members below
// exist, which the core's tests exercise.

export const ELEMENT_NODE = 1;
export const ATTRIBUTE_NODE = 2;
export const TEXT_NODE = 3;
export const CDATA_SECTION_NODE = 4;
export const PROCESSING_INSTRUCTION_NODE = 7;
export const COMMENT_NODE = 8;
export const DOCUMENT_NODE = 9;

export class LightAttr {
  constructor(
    readonly name: string,
    readonly prefix: string | null,
    readonly localName: string,
    readonly namespaceURI: string | null,
    readonly value: string,
    readonly ownerElement: LightNode,
  ) {}
  // Constant members live on the prototype: fewer fields per attribute, less to allocate and copy.
  get nodeType(): number {
    return ATTRIBUTE_NODE;
  }
  get parentNode(): null {
    return null;
  }
  get firstChild(): null {
    return null;
  }
  get lastChild(): null {
    return null;
  }
  get nextSibling(): null {
    return null;
  }
  get previousSibling(): null {
    return null;
  }
  get specified(): boolean {
    return true;
  }
  get nodeName(): string {
    return this.name;
  }
  get nodeValue(): string {
    return this.value;
  }
  get textContent(): string {
    return this.value;
  }
  get ownerDocument(): LightNode | null {
    return this.ownerElement.ownerDocument;
  }
}

/** Element attributes: indexable like a NamedNodeMap (`list[i]`, `length`, `item`, `getNamedItem*`). */
export class LightAttrList extends Array<LightAttr> {
  item(i: number): LightAttr | null {
    return this[i] ?? null;
  }
  getNamedItem(name: string): LightAttr | null {
    for (let i = 0; i < this.length; i++) if (this[i]!.name === name) return this[i]!;
    return null;
  }
  getNamedItemNS(ns: string | null, localName: string): LightAttr | null {
    const want = ns === '' ? null : ns;
    for (let i = 0; i < this.length; i++) {
      const a = this[i]!;
      if (a.localName === localName && a.namespaceURI === want) return a;
    }
    return null;
  }
}

const NO_ATTRIBUTES = new LightAttrList();
Object.freeze(NO_ATTRIBUTES);

/** The name of a node, shared by every element with the same qualified name and namespace. */
export class LightName {
  constructor(
    /** Element: qualified name; PI: target; others: '#text', '#comment', '#cdata-section', '#document'. */
    readonly nodeName: string,
    readonly localName: string | null,
    readonly prefix: string | null,
    readonly namespaceURI: string | null,
  ) {}
}

export const TEXT_NAME = new LightName('#text', null, null, null);
export const COMMENT_NAME = new LightName('#comment', null, null, null);
export const CDATA_NAME = new LightName('#cdata-section', null, null, null);
export const DOCUMENT_NAME = new LightName('#document', null, null, null);

/**
 * Every node kind but attributes. One class, so that the walks of c14n, reference resolution
 * and rules see a single shape; `nodeType` says which members are meaningful. A 10 MB aggregate
 * has hundreds of thousands of nodes, so a node holds only what varies: names are shared
 * (LightName) and the owner document is found by walking up.
 */
export class LightNode {
  parentNode: LightNode | null = null;
  firstChild: LightNode | null = null;
  lastChild: LightNode | null = null;
  nextSibling: LightNode | null = null;
  previousSibling: LightNode | null = null;
  constructor(
    readonly nodeType: number,
    readonly name: LightName,
    /** Character data of text, CDATA, comments and PIs; '' otherwise. */
    readonly data: string,
    readonly attributes: LightAttrList,
  ) {}

  get nodeName(): string {
    return this.name.nodeName;
  }
  get localName(): string | null {
    return this.name.localName;
  }
  get prefix(): string | null {
    return this.name.prefix;
  }
  get namespaceURI(): string | null {
    return this.name.namespaceURI;
  }
  get ownerDocument(): LightNode | null {
    if (this.nodeType === DOCUMENT_NODE) return null;
    let n: LightNode = this;
    while (n.parentNode) n = n.parentNode;
    return n.nodeType === DOCUMENT_NODE ? n : null;
  }

  // ---- names and values ----
  get tagName(): string {
    return this.nodeName;
  }
  get target(): string {
    return this.nodeName;
  }
  get nodeValue(): string | null {
    return this.nodeType === ELEMENT_NODE || this.nodeType === DOCUMENT_NODE ? null : this.data;
  }
  get length(): number {
    return this.data.length;
  }
  get textContent(): string | null {
    const t = this.nodeType;
    if (t === DOCUMENT_NODE) return null;
    if (t !== ELEMENT_NODE) return this.data;
    // DOM §4.4: the concatenation of the descendant Text (and CDATA) nodes, in tree order.
    let out = '';
    let n: LightNode | null = this.firstChild;
    while (n) {
      if (n.nodeType === TEXT_NODE || n.nodeType === CDATA_SECTION_NODE) out += n.data;
      if (n.nodeType === ELEMENT_NODE && n.firstChild) {
        n = n.firstChild;
        continue;
      }
      while (n && !n.nextSibling) {
        n = n.parentNode;
        if (n === this) return out;
      }
      n = n ? n.nextSibling : null;
    }
    return out;
  }

  // ---- tree ----
  get documentElement(): LightNode | null {
    if (this.nodeType !== DOCUMENT_NODE) return null;
    for (let c = this.firstChild; c; c = c.nextSibling) if (c.nodeType === ELEMENT_NODE) return c;
    return null;
  }
  get parentElement(): LightNode | null {
    const p = this.parentNode;
    return p && p.nodeType === ELEMENT_NODE ? p : null;
  }
  get childNodes(): LightNode[] {
    const out: LightNode[] = [];
    for (let c = this.firstChild; c; c = c.nextSibling) out.push(c);
    return out;
  }
  get children(): LightNode[] {
    const out: LightNode[] = [];
    for (let c = this.firstChild; c; c = c.nextSibling) if (c.nodeType === ELEMENT_NODE) out.push(c);
    return out;
  }
  get firstElementChild(): LightNode | null {
    for (let c = this.firstChild; c; c = c.nextSibling) if (c.nodeType === ELEMENT_NODE) return c;
    return null;
  }
  hasChildNodes(): boolean {
    return this.firstChild !== null;
  }
  hasAttributes(): boolean {
    return this.attributes.length > 0;
  }
  contains(other: LightNode | null): boolean {
    for (let n = other; n; n = n.parentNode) if (n === this) return true;
    return false;
  }
  isSameNode(other: unknown): boolean {
    return other === this;
  }

  // ---- attributes ----
  getAttribute(name: string): string | null {
    const list = this.attributes;
    for (let i = 0; i < list.length; i++) if (list[i]!.name === name) return list[i]!.value;
    return null;
  }
  hasAttribute(name: string): boolean {
    return this.getAttributeNode(name) !== null;
  }
  getAttributeNode(name: string): LightAttr | null {
    return this.attributes.getNamedItem(name);
  }
  getAttributeNS(ns: string | null, localName: string): string | null {
    const a = this.attributes.getNamedItemNS(ns, localName);
    return a ? a.value : null;
  }
  hasAttributeNS(ns: string | null, localName: string): boolean {
    return this.attributes.getNamedItemNS(ns, localName) !== null;
  }
  getAttributeNodeNS(ns: string | null, localName: string): LightAttr | null {
    return this.attributes.getNamedItemNS(ns, localName);
  }

  // ---- namespaces ----
  /** DOM §4.4 "locate a namespace": the nearest in-scope declaration of `prefix` (null = default). */
  lookupNamespaceURI(prefix: string | null): string | null {
    const p = prefix === '' ? null : prefix;
    if (p === 'xml') return 'http://www.w3.org/XML/1998/namespace';
    if (p === 'xmlns') return 'http://www.w3.org/2000/xmlns/';
    let n: LightNode | null = this.nodeType === DOCUMENT_NODE ? this.documentElement : this;
    while (n && n.nodeType !== ELEMENT_NODE) n = n.parentNode;
    for (; n && n.nodeType === ELEMENT_NODE; n = n.parentNode) {
      const v = p === null ? n.getAttribute('xmlns') : n.getAttribute('xmlns:' + p);
      if (v !== null) return v === '' ? null : v;
    }
    return null;
  }

  // ---- search ----
  getElementsByTagName(qualifiedName: string): LightNode[] {
    return this.collect((el) => qualifiedName === '*' || el.nodeName === qualifiedName);
  }
  getElementsByTagNameNS(ns: string | null, localName: string): LightNode[] {
    const anyNs = ns === '*';
    const want = ns === '' ? null : ns;
    const anyName = localName === '*';
    return this.collect((el) => (anyNs || el.namespaceURI === want) && (anyName || el.localName === localName));
  }

  /** Descendant elements (not this node) in document order that satisfy `test`. */
  private collect(test: (el: LightNode) => boolean): LightNode[] {
    const out: LightNode[] = [];
    let n: LightNode | null = this.firstChild;
    while (n) {
      if (n.nodeType === ELEMENT_NODE) {
        if (test(n)) out.push(n);
        if (n.firstChild) {
          n = n.firstChild;
          continue;
        }
      }
      while (n && !n.nextSibling) {
        n = n.parentNode;
        if (n === this) return out;
      }
      n = n ? n.nextSibling : null;
    }
    return out;
  }
}

/** A list of exactly `count` attributes, filled by the reader (no spare capacity to allocate). */
export function newAttributeList(count: number): LightAttrList {
  return new LightAttrList(count);
}

export const EMPTY_ATTRIBUTES: LightAttrList = NO_ATTRIBUTES;
