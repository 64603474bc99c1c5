// A Reference digest computed while an aggregate was read in parts (core/aggregate/): dsig answers
// exactly that digest for exactly that canonicalization of the pruned tree, shows the streamed
// octets in the trace when they were kept, and refuses every other canonicalization of the pruned
// tree rather than digest what is left of it. Issue 12: mutation testing found nothing in dsig's
// own tests reaching these paths. Signed by xmlsec1 (the oracle), read by the aggregate reader
// that produces streamed digests in the product.
import { beforeAll, describe, expect, it } from 'vitest';
import { readAggregateInParts } from '../aggregate/read-in-parts';
import { SAML_SIGNER_POLICY } from '../saml-signatures/signer-policy';
import { parseTrustInputs } from '../trust/anchors';
import type { TrustAnchor } from '../types';
import { NS, descendants, firstChild } from '../xml/dom';
import { parseXmlSafely } from '../xml/parse';
import { C14N_URIS, canonicalizeToBytes } from './c14n/index';
import { AT, IDP_A, IDP_B, aggregate, entityDescriptor } from './testing/federation.testutil';
import { DSIG, type KeyPair, URI, makeKey } from './testing/xmlsec.testutil';
import { registerStreamedDigest, referenceDigestPlan, verifySignatures, type StreamedDigest } from './verify';

const REFUSED = 'This canonicalization of the whole document was not computed while it was read in parts (a large aggregate): it is not checked.';

let operator: KeyPair;
let signed: string;
let anchors: TrustAnchor[];
/** The canonical form of the signed root, read whole (what the streamed octets must be). */
let wholeCanonical: string;

beforeAll(async () => {
  operator = makeKey('streamed-digest-operator', 'rsa2048');
  const member = makeKey('streamed-digest-member', 'rsa2048');
  signed = aggregate([entityDescriptor(IDP_A, { idp: member }), entityDescriptor(IDP_B, { idp: member })], operator);
  anchors = (await parseTrustInputs([operator.certPem])).anchors;
  const whole = parseXmlSafely(signed);
  if (!whole.ok) throw new Error(whole.error.message);
  const root = whole.value.documentElement!;
  const c14n = canonicalizeToBytes(root, { algorithm: C14N_URIS.exclusive, excludeElement: firstChild(root, NS.dsig, 'Signature') });
  if (!c14n.ok) throw new Error(c14n.error.message);
  wholeCanonical = new TextDecoder().decode(c14n.value);
});

/** The skeleton the aggregate reader leaves (entities pruned) and the digest it registered. */
function readInParts(): { doc: Document; root: Element; signature: Element } {
  const read = readAggregateInParts(signed, true);
  if (read.kind !== 'parts') throw new Error(`not read in parts: ${JSON.stringify(read)}`);
  const root = read.value.doc.documentElement!;
  return { doc: read.value.doc, root, signature: firstChild(root, NS.dsig, 'Signature')! };
}

const verify = async (doc: Document) => (await verifySignatures(doc, anchors, AT, SAML_SIGNER_POLICY)).checks[0]!.report;

describe('a streamed digest', () => {
  it('verifies the pruned tree, and the trace shows the streamed octets, not what is left of the tree', async () => {
    const { doc, root } = readInParts();
    expect(descendants(root, NS.metadata, 'EntityDescriptor')).toEqual([]);
    const report = await verify(doc);
    expect(report.verdict).toBe('valid');
    const ref = report.references[0]!;
    expect(ref.digestValid).toBe(true);
    expect(ref.computedDigest).toBe(ref.expectedDigest);
    expect(ref.canonicalForm).toBe(wholeCanonical);
    expect(ref.canonicalForm).toContain(IDP_B);
  });

  it('octets not kept (too large for the trace): valid, no canonical form shown', async () => {
    const { doc, root, signature } = readInParts();
    const first = await verify(doc);
    registerStreamedDigest(doc, { target: root, algorithm: C14N_URIS.exclusive, inclusivePrefixes: undefined, excluded: signature, hash: 'SHA-256', digest: first.references[0]!.computedDigest!, canonical: null });
    const report = await verify(doc);
    expect(report.verdict).toBe('valid');
    expect(report.references[0]!.canonicalForm).toBeNull();
    expect(report.references[0]!.digestValid).toBe(true);
  });

  it('a streamed digest that differs from the signed one: a digest mismatch naming the streamed value', async () => {
    const { doc, root, signature } = readInParts();
    const other = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
    registerStreamedDigest(doc, { target: root, algorithm: C14N_URIS.exclusive, inclusivePrefixes: undefined, excluded: signature, hash: 'SHA-256', digest: other, canonical: null });
    const r = await verifySignatures(doc, anchors, AT, SAML_SIGNER_POLICY);
    expect(r.checks[0]!.report.verdict).toBe('invalid');
    expect(r.checks[0]!.report.references[0]).toMatchObject({ computedDigest: other, digestValid: false });
    expect(r.findings.map((f) => f.code)).toEqual(['digest-mismatch']);
  });

  it('any other canonicalization of the pruned tree is refused, never digested from what is left', async () => {
    const variants: Partial<StreamedDigest>[] = [
      { algorithm: C14N_URIS.inclusive },
      { inclusivePrefixes: ['md'] },
      { inclusivePrefixes: [] },
      { excluded: null as unknown as Element },
    ];
    for (const change of variants) {
      const { doc, root, signature } = readInParts();
      registerStreamedDigest(doc, { target: root, algorithm: C14N_URIS.exclusive, inclusivePrefixes: undefined, excluded: signature, hash: 'SHA-256', digest: 'AAAA', canonical: null, ...change });
      const r = await verifySignatures(doc, anchors, AT, SAML_SIGNER_POLICY);
      const report = r.checks[0]!.report;
      expect([report.verdict, report.reason], JSON.stringify(change)).toEqual(['unsupported', REFUSED]);
      expect(report.references[0]!.computedDigest).toBeNull();
      expect(r.findings.map((f) => f.code)).toEqual(['unsupported-algorithm']);
    }
  });

  it('a Reference to the whole document of a pruned tree is refused too', async () => {
    const { doc } = readInParts();
    const ref = descendants(doc, NS.dsig, 'Reference')[0]!;
    (ref.getAttributeNode('URI') as unknown as { value: string }).value = '';
    const report = await verify(doc);
    expect([report.verdict, report.reason]).toEqual(['unsupported', REFUSED]);
  });

  it('belongs to its document only: the same message parsed whole is digested from its tree', async () => {
    const { doc } = readInParts();
    expect((await verify(doc)).verdict).toBe('valid');
    const whole = parseXmlSafely(signed);
    if (!whole.ok) throw new Error(whole.error.message);
    const report = await verify(whole.value);
    expect(report.verdict).toBe('valid');
    expect(report.references[0]!.canonicalForm).toBe(wholeCanonical);
  });
});

describe('referenceDigestPlan: what a streaming reader must digest for a Reference', () => {
  const transform = (a: string, inner = '') => `<ds:Transform Algorithm="${a}">${inner}</ds:Transform>`;
  const ENVELOPED = `${DSIG}enveloped-signature`;
  /** A document whose only Reference has `uri` and `transforms`; the root has ID _root. */
  function plan(uri: string | null, transforms: string[], digest: string = URI.sha256, extra = '') {
    const xml = `<r xmlns:ds="${DSIG}" ID="_root"><c ID="_child"/>${extra}<ds:Signature><ds:SignedInfo><ds:Reference${uri === null ? '' : ` URI="${uri}"`}><ds:Transforms>${transforms.join('')}</ds:Transforms><ds:DigestMethod Algorithm="${digest}"/><ds:DigestValue/></ds:Reference></ds:SignedInfo></ds:Signature></r>`;
    const doc = parseXmlSafely(xml);
    if (!doc.ok) throw new Error(doc.error.message);
    const p = referenceDigestPlan(descendants(doc.value, NS.dsig, 'Reference')[0]!, doc.value, 'ID');
    return p && { ...p, target: `${p.target.localName}#${p.target.getAttribute('ID')}` };
  }

  it('an enveloped Reference by ID: its element, algorithm, prefix list and hash', () => {
    expect(plan('#_root', [transform(ENVELOPED), transform(URI.exc)])).toEqual({ target: 'r#_root', algorithm: URI.exc, inclusivePrefixes: undefined, enveloped: true, hash: 'SHA-256' });
    expect(plan('#_child', [transform(URI.exc, '<ec:InclusiveNamespaces xmlns:ec="http://www.w3.org/2001/10/xml-exc-c14n#" PrefixList=" a  b "/>')], URI.sha1)).toEqual({ target: 'c#_child', algorithm: URI.exc, inclusivePrefixes: ['a', 'b'], enveloped: false, hash: 'SHA-1' });
    // No transform: a node-set becomes octets by inclusive C14N (XML-DSig §4.3.3.2).
    expect(plan('#_root', [])!.algorithm).toBe(URI.inc);
  });

  it('comments: dropped for "#id" even with a #WithComments transform, kept for the XPointer form', () => {
    expect(plan('#_root', [transform(URI.excC)])!.algorithm).toBe(URI.exc);
    expect(plan('#_root', [transform(URI.incC)])!.algorithm).toBe(URI.inc);
    expect(plan('#_root', [transform(C14N_URIS.inclusive11WithComments)])!.algorithm).toBe(C14N_URIS.inclusive11);
    expect(plan("#xpointer(id('_root'))", [transform(URI.excC)])).toMatchObject({ target: 'r#_root', algorithm: URI.excC });
  });

  it('null for what a streaming reader cannot digest as one element', () => {
    expect(plan('', [transform(URI.exc)])).toBeNull(); // the document, not an element
    expect(plan(null, [transform(URI.exc)])).toBeNull(); // no URI: the document as well
    expect(plan('#xpointer(/)', [transform(URI.exc)])).toBeNull();
    expect(plan('#_nowhere', [transform(URI.exc)])).toBeNull();
    expect(plan('#_child', [transform(URI.exc)], URI.sha256, '<d ID="_child"/>')).toBeNull(); // ambiguous
    expect(plan('#_root', [transform('http://www.w3.org/TR/1999/REC-xpath-19991116')])).toBeNull();
    expect(plan('#_root', [transform(URI.exc)], 'urn:example:digest')).toBeNull();
    expect(plan('#_root', Array.from({ length: 9 }, () => transform(ENVELOPED)))).toBeNull();
    expect(plan('https://example.com/', [transform(URI.exc)])).toBeNull();
  });
});
