// A federation aggregate read one entity at a time (issue 15, docs/performance.md "Aggregates up
// to 256 MB"). Read whole, a 256 MB EntitiesDescriptor becomes a DOM of ~2.8× its size, its
// canonical form another copy, and every entity stays in memory until the report is written.
// Here each child of the root is, as soon as its end tag is read: fed to the canonicalizer of the
// root's enveloped signature (whose octets go straight into an incremental hash), summarized,
// searched for what the verifier and the rules need from the whole document, and then unlinked.
// What remains is a skeleton — the root, its signature, and every child that holds a Signature or
// an ID the rest of the document may refer to — which the ordinary verifier and rules read; the
// root signature's digest is handed to the verifier as computed (dsig/verify.ts
// registerStreamedDigest), and any other canonicalization of the pruned tree is refused there.
//
// Everything the whole-document path reports must come out the same (aggregate/read-in-parts.test.ts
// compares both on the same inputs, hostile ones included). Where this path cannot be sure of
// that — a second signature over the root or the whole document, a Reference to an element it
// has let go, duplicate IDs among pruned elements — it says so, and the caller reads the
// document whole or refuses it with a typed error; it never guesses a verdict.
//
// Framework-free: the hash is @noble/hashes (WebCrypto has no incremental digest), unless the host
// hands in a native one (InspectOptions.incrementalDigest: the CLI does).
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import type { HashName } from '../dsig/algorithms';
import { IncrementalCanonicalizer } from '../dsig/c14n/index';
import { CANONICAL_TRACE_MAX_BYTES, referenceDigestPlan, registerStreamedDigest, type StreamedDigest } from '../dsig/verify';
import { encodeBase64 } from '../encoding/base64';
import { summarizeEntity } from '../metadata/summarize';
import { SAML_SIGNER_POLICY } from '../saml-signatures/signer-policy';
import type { EntitySummary, IncrementalDigest, InputError, InspectOptions, Result } from '../types';
import { NS, attr, childElements, descendants, firstChild } from '../xml/dom';
import { parseXmlSafelyInParts } from '../xml/parse';

/** The ID attribute the SAML verifier indexes. */
const ID_ATTRIBUTE = SAML_SIGNER_POLICY.idAttribute;

const INCREMENTAL_HASHES: Record<HashName, () => IncrementalDigest> = {
  'SHA-1': () => sha1.create(),
  'SHA-256': () => sha256.create(),
  'SHA-384': () => sha384.create(),
  'SHA-512': () => sha512.create(),
};

export interface AggregateInParts {
  /** The skeleton: the root, its signature and the children kept (see above). */
  doc: Document;
  /** Every EntityDescriptor of the document, in document order, as summarizeMetadata gives them. */
  entities: EntitySummary[];
  /** Position of a kept element among all the document's elements in document order (for line numbers). */
  elementIndexOf(el: Element): number | undefined;
}

export type ReadInParts =
  | { kind: 'parts'; value: AggregateInParts }
  /** Not an aggregate, or one this path cannot answer for: read it whole (the reason says why). */
  | { kind: 'whole'; reason: string; doc: Result<Document> | null }
  | { kind: 'error'; error: InputError };

class NotInParts extends Error {}

/**
 * Past this length of text the canonical octets are not even collected for the trace: the root's
 * canonical form is then all but surely over CANONICAL_TRACE_MAX_BYTES (only comments, white space
 * inside tags and the XML declaration shrink a document when canonicalized), and copying its first
 * megabyte cost ~10 ms of a 10 MB aggregate before being dropped. At worst the trace of such a
 * document shows no canonical form, as it does past the limit.
 */
const TRACE_TEXT_MAX_CHARS = 2 * CANONICAL_TRACE_MAX_BYTES;

/**
 * Read `xml` in parts if it is an EntitiesDescriptor. `whole` comes back with the parsed document
 * when it turned out not to be an aggregate before anything was pruned (nothing to redo), and
 * without one (`doc: null`) when the parts already pruned cannot answer: read it again whole.
 * With `refuseWhole`, reading stops as soon as the document is known not to be readable in parts.
 */
export function readAggregateInParts(xml: string, refuseWhole: boolean, nativeDigest?: InspectOptions['incrementalDigest']): ReadInParts {
  const reader = new PartsReader(refuseWhole, nativeDigest, xml.length <= TRACE_TEXT_MAX_CHARS);
  let parsed: Result<Document>;
  try {
    parsed = parseXmlSafelyInParts(xml, (child) => reader.rootChildClosed(child));
  } catch (e) {
    if (e instanceof NotInParts) return { kind: 'whole', reason: e.message, doc: null };
    throw e;
  }
  if (!parsed.ok) return { kind: 'error', error: parsed.error };
  return reader.finish(parsed.value);
}

class PartsReader {
  private state: 'undecided' | 'parts' | 'whole' = 'undecided';
  private wholeReason = '';
  private root: Element | null = null;
  private rootId: string | null = null;
  /** Last root child processed (still linked), or null: processing resumes after it. */
  private cursor: Node | null = null;
  private canonicalizer: IncrementalCanonicalizer | null = null;
  private hasher: IncrementalDigest | null = null;
  private traceChunks: Uint8Array[] | null;
  private traceBytes = 0;
  private signature: Element | null = null;
  private plan: NonNullable<ReturnType<typeof referenceDigestPlan>> | null = null;
  private readonly entities: EntitySummary[] = [];
  private readonly keptIndex = new Map<Element, number>();
  private elementCount = 1;
  private readonly prunedIds = new Set<string>();
  private prunedDuplicateId = false;

  constructor(
    private readonly refuseWhole: boolean,
    private readonly nativeDigest: InspectOptions['incrementalDigest'],
    keepTrace: boolean,
  ) {
    this.traceChunks = keepTrace ? [] : null;
  }

  rootChildClosed(child: Element): void {
    if (this.state === 'whole') return;
    if (this.state === 'undecided') this.decide(child);
    if (this.state !== 'parts') return;
    this.processUpTo(child);
  }

  private goWhole(reason: string): void {
    this.state = 'whole';
    this.wholeReason = reason;
    if (this.refuseWhole) throw new NotInParts(reason);
  }

  /** At the first child element of the root: an aggregate, signed the way this path can digest, or not. */
  private decide(first: Element): void {
    const root = first.parentNode as Element;
    this.root = root;
    this.keptIndex.set(root, 0);
    this.rootId = root.getAttributeNode(ID_ATTRIBUTE)?.value ?? null;
    if (root.namespaceURI !== NS.metadata || root.localName !== 'EntitiesDescriptor') return this.goWhole(`the root element is ${root.localName}, not an EntitiesDescriptor`);
    // SAML metadata §2.3.1: the aggregate's Signature is its first child. Anything else first: an
    // unsigned aggregate (a later Signature over the root is found at the end, and sends it whole).
    if (first.namespaceURI !== NS.dsig || first.localName !== 'Signature') {
      this.state = 'parts';
      return;
    }
    const signedInfo = firstChild(first, NS.dsig, 'SignedInfo');
    const refs = childElements(signedInfo, NS.dsig, 'Reference');
    const plan = refs.length === 1 ? referenceDigestPlan(refs[0]!, root.ownerDocument!, ID_ATTRIBUTE) : null;
    const hashName = plan && Object.hasOwn(INCREMENTAL_HASHES, plan.hash) ? (plan.hash as HashName) : null;
    if (!plan || !hashName || plan.target !== root || !plan.enveloped) return this.goWhole('its signature is not one enveloped Reference to the root by ID with a supported digest');
    const hasher = this.nativeDigest?.(hashName) ?? INCREMENTAL_HASHES[hashName]();
    const canonicalizer = IncrementalCanonicalizer.start(root, { algorithm: plan.algorithm, ...(plan.inclusivePrefixes ? { inclusivePrefixes: plan.inclusivePrefixes } : {}), excludeElement: first }, (chunk) => {
      hasher.update(chunk);
      this.keepForTrace(chunk);
    });
    if (!canonicalizer) return this.goWhole(`its canonicalization ${plan.algorithm} is not streamed`);
    this.signature = first;
    this.plan = plan;
    this.hasher = hasher;
    this.canonicalizer = canonicalizer;
    this.state = 'parts';
  }

  /** The canonical octets, as long as they fit the page's trace (the whole-document path shows them up to that size). */
  private keepForTrace(chunk: Uint8Array): void {
    if (this.traceChunks === null) return;
    this.traceBytes += chunk.length;
    if (this.traceBytes > CANONICAL_TRACE_MAX_BYTES) this.traceChunks = null;
    else this.traceChunks.push(chunk.slice());
  }

  /** Every root child from the cursor up to `last`, in document order. */
  private processUpTo(last: Node | null): void {
    const root = this.root!;
    let n: Node | null = this.cursor ? this.cursor.nextSibling : root.firstChild;
    while (n) {
      const next: Node | null = n.nextSibling;
      const kept = this.process(n);
      if (kept) this.cursor = n;
      else unlink(n);
      if (n === last) break;
      n = next;
    }
  }

  /** One root child: canonicalized, summarized, searched; true when it must stay in the skeleton. */
  private process(n: Node): boolean {
    this.canonicalizer?.child(n);
    if (n.nodeType !== 1) return false;
    const el = n as Element;
    const elements = subtreeElements(el);
    // In document order, nested ones included, as summarizeMetadata lists them.
    for (const e of elements) if (e.namespaceURI === NS.metadata && e.localName === 'EntityDescriptor') this.entities.push(summarizeEntity(e));
    // Kept: the aggregate's signature, anything holding a Signature (verified on the skeleton,
    // with everything it can reference), and anything carrying the root's ID (an ambiguous
    // reference must be seen as such).
    const keep = el === this.signature || elements.some((e) => (e.namespaceURI === NS.dsig && e.localName === 'Signature') || (this.rootId !== null && e.getAttributeNode(ID_ATTRIBUTE)?.value === this.rootId));
    if (keep) {
      for (const e of elements) this.keptIndex.set(e, this.elementCount++);
      return true;
    }
    this.elementCount += elements.length;
    for (const e of elements) {
      const id = e.getAttributeNode(ID_ATTRIBUTE)?.value;
      if (id === undefined) continue;
      if (this.prunedIds.has(id)) this.prunedDuplicateId = true;
      else this.prunedIds.add(id);
    }
    return false;
  }

  finish(doc: Document): ReadInParts {
    if (this.state === 'undecided') return { kind: 'whole', reason: 'the root element has no child element', doc: { ok: true, value: doc } };
    if (this.state === 'whole') return { kind: 'whole', reason: this.wholeReason, doc: { ok: true, value: doc } };
    this.processUpTo(null);
    const root = this.root!;
    const unsure = this.unsureWhy(doc);
    if (unsure) return { kind: 'whole', reason: unsure, doc: null };
    if (this.canonicalizer && this.hasher && this.plan && this.signature) {
      this.canonicalizer.finish();
      const canonical = this.traceChunks === null ? null : concat(this.traceChunks, this.traceBytes);
      const streamed: StreamedDigest = { target: root, algorithm: this.plan.algorithm, inclusivePrefixes: this.plan.inclusivePrefixes, excluded: this.signature, hash: this.plan.hash, digest: encodeBase64(this.hasher.digest()), canonical };
      registerStreamedDigest(doc, streamed);
    }
    const keptIndex = this.keptIndex;
    return { kind: 'parts', value: { doc, entities: this.entities, elementIndexOf: (el) => keptIndex.get(el) } };
  }

  /** Why the skeleton cannot stand for the whole document, or null. */
  private unsureWhy(doc: Document): string | null {
    if (this.prunedDuplicateId) return 'two pruned elements share an ID';
    const keptIds = new Set<string>();
    for (const e of subtreeElements(doc.documentElement!)) {
      const id = e.getAttributeNode(ID_ATTRIBUTE)?.value;
      if (id === undefined) continue;
      if (this.prunedIds.has(id)) return `a pruned element shares the ID ${id} of a kept one`;
      keptIds.add(id);
    }
    for (const s of descendants(doc, NS.dsig, 'Signature')) {
      if (s === this.signature) continue;
      for (const ref of descendants(firstChild(s, NS.dsig, 'SignedInfo') ?? s, NS.dsig, 'Reference')) {
        const uri = attr(ref, 'URI') ?? '';
        if (uri === '' || uri.startsWith('#xpointer(')) return 'a second signature refers to the whole document';
        const id = uri.startsWith('#') ? uri.slice(1) : null;
        if (id !== null && (id === this.rootId || this.prunedIds.has(id))) return `a signature refers to ${uri}, which is the root or a pruned element`;
      }
    }
    return null;
  }
}

/** The element and its descendant elements, in document order. */
function subtreeElements(el: Element): Element[] {
  const out: Element[] = [];
  let n: Node | null = el;
  while (n) {
    if (n.nodeType === 1) {
      out.push(n as Element);
      if (n.firstChild) {
        n = n.firstChild;
        continue;
      }
    }
    while (n && n !== el && !n.nextSibling) n = n.parentNode;
    n = n && n !== el ? n.nextSibling : null;
  }
  return out;
}

/** Take a child of the root out of the tree (the light DOM's links are plain fields). */
function unlink(n: Node): void {
  const node = n as unknown as { parentNode: Linked | null; previousSibling: Linked | null; nextSibling: Linked | null };
  const parent = node.parentNode!;
  if (node.previousSibling) node.previousSibling.nextSibling = node.nextSibling;
  else parent.firstChild = node.nextSibling;
  if (node.nextSibling) node.nextSibling.previousSibling = node.previousSibling;
  else parent.lastChild = node.previousSibling;
  node.parentNode = node.previousSibling = node.nextSibling = null;
}

interface Linked {
  firstChild: Linked | null;
  lastChild: Linked | null;
  nextSibling: Linked | null;
  previousSibling: Linked | null;
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
