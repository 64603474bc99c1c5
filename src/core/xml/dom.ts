/** Namespaces of SAML 2.0 and XML-DSig. */
export const NS = {
  protocol: 'urn:oasis:names:tc:SAML:2.0:protocol',
  assertion: 'urn:oasis:names:tc:SAML:2.0:assertion',
  metadata: 'urn:oasis:names:tc:SAML:2.0:metadata',
  dsig: 'http://www.w3.org/2000/09/xmldsig#',
  xenc: 'http://www.w3.org/2001/04/xmlenc#',
  dsig11: 'http://www.w3.org/2009/xmldsig11#',
  exc: 'http://www.w3.org/2001/10/xml-exc-c14n#',
} as const;

export function childElements(parent: Node | null | undefined, ns?: string, localName?: string): Element[] {
  const out: Element[] = [];
  if (!parent) return out;
  for (let c = parent.firstChild; c; c = c.nextSibling) {
    if (c.nodeType !== 1) continue;
    const el = c as Element;
    if (ns !== undefined && el.namespaceURI !== ns) continue;
    if (localName !== undefined && el.localName !== localName) continue;
    out.push(el);
  }
  return out;
}

export function firstChild(parent: Node | null | undefined, ns: string, localName: string): Element | null {
  return childElements(parent, ns, localName)[0] ?? null;
}

/** All descendant elements (document order) with this namespace and local name. */
export function descendants(root: Node | null | undefined, ns: string, localName: string): Element[] {
  const out: Element[] = [];
  if (!root) return out;
  // Walks the sibling/parent links instead of keeping a stack: no allocation per node, which
  // matters on 10 MB metadata aggregates (docs/performance.md).
  let n: Node | null = root.firstChild;
  while (n) {
    if (n.nodeType === 1) {
      const el = n as Element;
      if (el.localName === localName && el.namespaceURI === ns) out.push(el);
      if (el.firstChild) {
        n = el.firstChild;
        continue;
      }
    }
    while (n && !n.nextSibling) {
      n = n.parentNode;
      if (n === root) return out;
    }
    n = n ? n.nextSibling : null;
  }
  return out;
}

export function attr(el: Element | null | undefined, name: string): string | null {
  // One lookup: hasAttribute then getAttribute searched the attributes twice, for every field of
  // every entity of an aggregate.
  const a = el ? el.getAttributeNode(name) : null;
  return a ? a.value : null;
}

/** Whole text content (all descendant text, as a relying party using textContent reads it). */
export function textOf(el: Element | null | undefined): string | null {
  if (!el) return null;
  return el.textContent ?? '';
}

export function trimmedText(el: Element | null | undefined): string | null {
  const t = textOf(el);
  return t === null ? null : t.trim();
}

export function boolAttr(el: Element | null | undefined, name: string): boolean | null {
  const v = attr(el, name);
  if (v === null) return null;
  return v === 'true' || v === '1';
}
