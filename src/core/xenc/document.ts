// Decrypting a whole message: every SAML Encrypted* element is replaced by what it encrypts, in
// the text, giving a new document a relying party would consume. Signatures are then verified in
// the form they were made on (dsig/verify.ts, DerivedDocument): a Response signature over the
// encrypted form, an Assertion signature over the decrypted assertion.
import type { DerivedDocument } from '../dsig/verify';
import { NS, descendants, firstChild } from '../xml/dom';
import { parseXmlSafely } from '../xml/parse';
import { XENC } from './algorithms';
import { decryptEncryptedData, type DecryptionTrace } from './decrypt';
import { xencError } from './errors';
import type { DecryptionKey } from './privateKeys';
import { declareOnRoot, elementSpan, ownNamespaceDeclarations, preorderIndexOf } from './splice';

/**
 * What each SAML encrypted element holds once decrypted: SAML core §2.3.4 (EncryptedAssertion),
 * §2.2.4 (EncryptedID: a BaseID or NameID), §2.7.3.2 (EncryptedAttribute).
 */
const EXPECTED_CONTENT: Record<string, string[]> = {
  EncryptedAssertion: ['Assertion'],
  EncryptedID: ['NameID', 'BaseID'],
  EncryptedAttribute: ['Attribute'],
};
/**
 * Two stages: assertions first, then identifiers and attributes — which usually sit inside a
 * signed assertion, so that signature must be checked on the assertion with them still encrypted.
 */
const STAGES = [['EncryptedAssertion'], ['EncryptedID', 'EncryptedAttribute']];

type Path = number[];

function pathOf(node: Node): Path | null {
  let n: Node | null = node;
  if (n.nodeType === 2) n = (n as Attr).ownerElement;
  else if (n.nodeType !== 1 && n.nodeType !== 9) n = n.parentNode;
  const path: Path = [];
  while (n && n.nodeType === 1) {
    let i = 0;
    for (let s = n.previousSibling; s; s = s.previousSibling) if (s.nodeType === 1) i++;
    path.unshift(i);
    n = n.parentNode;
  }
  return n && n.nodeType === 9 ? path : null;
}

function elementAt(doc: Document, path: Path): Node | null {
  let n: Node | null = doc;
  for (const i of path) {
    let k = -1;
    let c: Node | null = n ? n.firstChild : null;
    for (; c; c = c.nextSibling) if (c.nodeType === 1 && ++k === i) break;
    if (!c) return null;
    n = c;
  }
  return n;
}

const isPrefix = (prefix: Path, path: Path) => prefix.length <= path.length && prefix.every((v, i) => path[i] === v);

/** One decryption stage: `doc` is `origin` with some Encrypted* elements replaced by their plaintext. */
export class DecryptionStage implements DerivedDocument {
  constructor(
    readonly doc: Document,
    readonly text: string,
    readonly origin: Document,
    readonly originDerivation: DecryptionStage | undefined,
    /** Paths (element indices from the root) of the replaced elements, the same in both documents. */
    private readonly replaced: Path[],
  ) {}

  /** The decrypted elements of this stage, in `doc`. */
  get decryptedElements(): Element[] {
    return this.replaced.map((p) => elementAt(this.doc, p) as Element);
  }

  toOrigin(node: Node): Node | null {
    const path = pathOf(node);
    if (!path || this.replaced.some((r) => isPrefix(r, path))) return null;
    return path.length === 0 ? this.origin : elementAt(this.origin, path);
  }

  fromOrigin(node: Node): Node | null {
    const path = pathOf(node);
    if (!path) return null;
    const r = this.replaced.find((p) => isPrefix(p, path));
    if (r) return elementAt(this.doc, r);
    return path.length === 0 ? this.doc : elementAt(this.doc, path);
  }

  /** Whether the node is (inside) content that exists only after decryption, at this or an earlier stage. */
  isDecrypted(node: Node): boolean {
    const path = pathOf(node);
    if (!path) return false;
    if (this.replaced.some((r) => isPrefix(r, path))) return true;
    const o = this.toOrigin(node);
    return !!(o && this.originDerivation?.isDecrypted(o));
  }

  /** The stage (this or an earlier one) whose document holds the node, if any. */
  stageOf(node: Node): DecryptionStage | null {
    let root: Node | null = node.nodeType === 2 ? (node as Attr).ownerElement : node;
    while (root && root.parentNode) root = root.parentNode;
    for (let s: DecryptionStage | undefined = this; s; s = s.originDerivation) if (s.doc === root) return s;
    return null;
  }

  /** The received-document node this node stands for; decrypted content maps to its Encrypted* element. */
  toReceived(node: Node): Node | null {
    const path = pathOf(node);
    if (!path) return null;
    const r = this.replaced.find((p) => isPrefix(p, path));
    const inOrigin = r ? elementAt(this.origin, r) : path.length === 0 ? this.origin : elementAt(this.origin, path);
    if (!inOrigin) return null;
    return this.originDerivation ? this.originDerivation.toReceived(inOrigin) : inOrigin;
  }
}

/** In-scope namespace declarations of an element (XML Namespaces §6.1): nearest declaration wins. */
function inScopeNamespaces(el: Element): Map<string, string> {
  const out = new Map<string, string>();
  for (let n: Node | null = el; n && n.nodeType === 1; n = n.parentNode) {
    for (const [p, uri] of ownNamespaceDeclarations(n as Element)) if (!out.has(p)) out.set(p, uri);
  }
  return out;
}

/** Prefixes the fragment's elements and attributes use without declaring them inside the fragment. */
function undeclaredPrefixes(root: Element): Set<string> {
  const out = new Set<string>();
  const walk = (el: Element, declared: Set<string>) => {
    const here = new Set(declared);
    for (const p of ownNamespaceDeclarations(el).keys()) here.add(p);
    const use = (prefix: string | null, ns: string | null) => {
      const p = prefix ?? '';
      if (ns && p !== 'xml' && !here.has(p)) out.add(p);
    };
    use(el.prefix, el.namespaceURI);
    for (let i = 0; i < el.attributes.length; i++) {
      const a = el.attributes[i]!;
      if (a.prefix && a.prefix !== 'xmlns') use(a.prefix, a.namespaceURI);
    }
    for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) walk(c as Element, here);
  };
  walk(root, new Set());
  return out;
}

const CONTEXT_NS = 'urn:samlscope:decryption-context';

/**
 * Turn decrypted octets into the text that replaces the Encrypted* element. XML Encryption 1.1
 * §4.4 (step 5: Type Element) replaces the EncryptedData with the plaintext *in its context*, so
 * prefixes the plaintext uses may be declared by its ancestors (§4.5 on serializing in context):
 * it is parsed inside a wrapper carrying the in-scope declarations, and the declarations the
 * Encrypted* element itself made (gone once it is replaced) are copied onto the plaintext root.
 */
function replacementFor(encrypted: Element, plaintext: string, trace: DecryptionTrace): string | null {
  const fragment = plaintext.replace(/^\s*<\?xml[^?]*\?>/, '');
  const decls = [...inScopeNamespaces(encrypted)].map(([p, uri]) => ` ${p ? `xmlns:${p}` : 'xmlns'}="${uri.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"`).join('');
  const wrapped = parseXmlSafely(`<samlscope:context xmlns:samlscope="${CONTEXT_NS}"${decls}>${fragment}</samlscope:context>`);
  const failWith = (message: string) => {
    trace.outcome = 'failed';
    trace.error = xencError('xenc-plaintext-not-xml', message);
    return null;
  };
  if (!wrapped.ok) return failWith(`The decrypted content is not well-formed XML: ${wrapped.error.message}`);
  const ctx = wrapped.value.documentElement!;
  const elements: Element[] = [];
  for (let c = ctx.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1) elements.push(c as Element);
    else if ((c.nodeType === 3 || c.nodeType === 4) && (c.nodeValue ?? '').trim()) return failWith('The decrypted content has text outside its element.');
  }
  const expected = EXPECTED_CONTENT[encrypted.localName ?? ''] ?? [];
  if (elements.length !== 1) return failWith(`The decrypted content of ${encrypted.localName} holds ${elements.length} elements; SAML expects exactly one ${expected.join(' or ')}.`);
  const el = elements[0]!;
  if (el.namespaceURI !== NS.assertion || !expected.includes(el.localName ?? '')) {
    return failWith(`${encrypted.localName} decrypts to {${el.namespaceURI ?? ''}}${el.localName}, not a SAML ${expected.join(' or ')} (SAML core §2.2.4, §2.3.4, §2.7.3.2).`);
  }
  const own = ownNamespaceDeclarations(encrypted);
  const needed = new Map<string, string>();
  for (const p of undeclaredPrefixes(el)) if (own.has(p)) needed.set(p, own.get(p)!);
  return declareOnRoot(fragment.trim(), needed);
}

export interface DocumentDecryption {
  traces: DecryptionTrace[];
  /** The Encrypted* element of each trace, in the document (received or a stage) it was found in. */
  elements: Element[];
  /** The last stage (the document a relying party consumes), or null when nothing decrypted. */
  stage: DecryptionStage | null;
}

/** Whether a document holds anything to decrypt. */
export function hasEncryptedContent(doc: Document): boolean {
  return STAGES.flat().some((name) => descendants(doc, NS.assertion, name).length > 0);
}

/** Decrypt every EncryptedAssertion, then every EncryptedID and EncryptedAttribute, of a parsed message. */
export async function decryptDocument(doc: Document, text: string, keys: DecryptionKey[]): Promise<DocumentDecryption> {
  const traces: DecryptionTrace[] = [];
  const elements: Element[] = [];
  let stage: DecryptionStage | null = null;
  let curDoc = doc;
  let curText = text;
  for (const names of STAGES) {
    const targets = names.flatMap((n) => descendants(curDoc, NS.assertion, n)).map((el) => ({ el, index: preorderIndexOf(curDoc, el) })).sort((a, b) => a.index - b.index);
    const splices: { start: number; end: number; text: string; path: Path }[] = [];
    for (const { el, index } of targets) {
      const encryptedData = firstChild(el, XENC, 'EncryptedData');
      let trace: DecryptionTrace;
      if (!encryptedData) {
        trace = { element: el.localName ?? '', encryptedDataId: null, blockCipher: null, keyTransport: null, oaepDigest: null, oaepMgf: null, encryptedKeyFoundBy: null, recipientCertificates: [], key: null, rsaImplementation: null, outcome: 'failed', error: xencError('xenc-malformed', `${el.localName} has no xenc:EncryptedData child (SAML core §2.2.4).`), attempts: [], decryptedXml: null };
      } else trace = await decryptEncryptedData(encryptedData, curDoc, keys, el.localName ?? '');
      traces.push(trace);
      elements.push(el);
      if (trace.outcome !== 'ok' || trace.decryptedXml === null) continue;
      const replacement = replacementFor(el, trace.decryptedXml, trace);
      const span = replacement === null ? null : elementSpan(curText, index);
      const path = pathOf(el);
      if (replacement !== null && span && path) splices.push({ ...span, text: replacement, path });
    }
    if (splices.length === 0) continue;
    let next = curText;
    for (const s of [...splices].sort((a, b) => b.start - a.start)) next = next.slice(0, s.start) + s.text + next.slice(s.end);
    const parsed = parseXmlSafely(next);
    if (!parsed.ok) {
      // Each replacement parsed in context; together they should too. If not, say so, keep the received form.
      for (const t of traces.slice(-targets.length)) if (t.outcome === 'ok') {
        t.outcome = 'failed';
        t.error = xencError('xenc-plaintext-not-xml', `The message with its decrypted content does not parse: ${parsed.error.message}`);
      }
      continue;
    }
    stage = new DecryptionStage(parsed.value, next, curDoc, stage ?? undefined, splices.map((s) => s.path));
    curDoc = parsed.value;
    curText = next;
  }
  return { traces, elements, stage };
}
