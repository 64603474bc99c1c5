// The aggregate read in parts must report exactly what the whole-document path reports, on the
// same inputs, hostile ones included; and its canonical octets must be those of the one-pass
// canonicalizer (itself held to xmlsec1/xmllint by the c14n oracle tests).
import { describe, expect, it } from 'vitest';
import { C14N_URIS, IncrementalCanonicalizer, canonicalizeToBytes } from '../dsig/c14n/index';
import { AT, FEDERATION, NS_MD, certBase64 } from '../dsig/testing/federation.testutil';
import { DSIG, URI, makeKey, xmlsecSign } from '../dsig/testing/xmlsec.testutil';
import { CORPUS_DIR, corpusDataFiles, readCorpus } from '../corpus/corpus.testutil';
import { inspectInput } from '../inspect';
import { toContractReport } from '../report';
import type { InspectOptions } from '../types';
import { parseXmlSafely, parseXmlSafelyInParts } from '../xml/parse';
import { readAggregateInParts } from './read-in-parts';

const operator = makeKey('aggregate-operator', 'rsa2048');
const member = makeKey('aggregate-member', 'rsa2048');
const ROOT_ID = '_fed-in-parts';

const signatureTemplate = (id: string, c14n = URI.exc) =>
  `<ds:Signature xmlns:ds="${DSIG}"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="${URI.exc}"/><ds:SignatureMethod Algorithm="${URI.rsa('sha256')}"/><ds:Reference URI="#${id}"><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/><ds:Transform Algorithm="${c14n}"/></ds:Transforms><ds:DigestMethod Algorithm="${URI.sha256}"/><ds:DigestValue></ds:DigestValue></ds:Reference></ds:SignedInfo><ds:SignatureValue></ds:SignatureValue><ds:KeyInfo><ds:X509Data></ds:X509Data></ds:KeyInfo></ds:Signature>`;

/** One IdP entity of ~2 KB (a real certificate, endpoints, an Organization). */
function entity(n: number, extra: { id?: string; validUntil?: string; signed?: boolean } = {}): string {
  const host = `idp${n}.example.edu`;
  const attrs = `${extra.id ? ` ID="${extra.id}"` : ''}${extra.validUntil ? ` validUntil="${extra.validUntil}"` : ''}`;
  return (
    `<md:EntityDescriptor entityID="https://${host}/idp"${attrs}>${extra.signed && extra.id ? signatureTemplate(extra.id) : ''}\n` +
    `    <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">\n` +
    `      <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certBase64(n % 2 ? member : operator)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>\n` +
    `      <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://${host}/sso"/>\n` +
    `    </md:IDPSSODescriptor>\n` +
    `    <md:Organization><md:OrganizationName xml:lang="en">Example &amp; University ${n}</md:OrganizationName><md:OrganizationDisplayName xml:lang="en">Example ${n}</md:OrganizationDisplayName><md:OrganizationURL xml:lang="en">https://${host}/</md:OrganizationURL></md:Organization>\n` +
    `  </md:EntityDescriptor>`
  );
}

interface Shape {
  signed?: boolean;
  entities?: string[];
  /** Between the signature and the entities. */
  prologue?: string;
  /** After the entities, inside the root. */
  epilogue?: string;
  c14n?: string;
}

/** An aggregate of > 512 KB (so both paths show the exact text and locate findings the same way). */
function aggregateXml(shape: Shape = {}): string {
  const entities = shape.entities ?? Array.from({ length: 300 }, (_, i) => entity(i));
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?>\n<!-- published by the test federation -->\n` +
    `<md:EntitiesDescriptor xmlns:md="${NS_MD}" xmlns:ds="${DSIG}" ID="${ROOT_ID}" Name="${FEDERATION}" validUntil="2031-01-01T00:00:00Z">\n  ` +
    (shape.signed === false ? '' : signatureTemplate(ROOT_ID, shape.c14n)) +
    `${shape.prologue ?? ''}\n  ${entities.join('\n  ')}${shape.epilogue ?? ''}\n</md:EntitiesDescriptor>\n`;
  expect(xml.length).toBeGreaterThan(512 * 1024);
  return shape.signed === false ? xml : xmlsecSign(xml, operator, [`${NS_MD}:EntitiesDescriptor`, `${NS_MD}:EntityDescriptor`]);
}

/** Both paths' reports, as the JSON report and as the page's traces (canonical forms included). */
async function bothPaths(xml: string, trust: string[] = [operator.certPem]) {
  const run = async (from: number) => {
    const r = await inspectInput(xml, 'aggregate.xml', { trust, at: AT, aggregateInPartsMinChars: from });
    return { json: toContractReport(r, 'cli', { entities: true }), traces: r.messages.map((m) => m.signatures.map((s) => s.references.map((ref) => ref.canonicalForm))) };
  };
  return { whole: await run(Number.POSITIVE_INFINITY), parts: await run(0) };
}

async function expectSameReport(xml: string, trust?: string[]) {
  const { whole, parts } = await bothPaths(xml, trust);
  expect(parts.json).toEqual(whole.json);
  expect(parts.traces).toEqual(whole.traces);
  return whole.json;
}

describe('an aggregate read in parts', () => {
  it('verifies a signed aggregate as the whole-document path does, digesting as it reads', async () => {
    const xml = aggregateXml();
    const read = readAggregateInParts(xml, true);
    expect(read.kind).toBe('parts');
    if (read.kind !== 'parts') return;
    // The skeleton: the root and its signature; 300 entities summarized and let go.
    expect(read.value.entities).toHaveLength(300);
    let children = 0;
    for (let c = read.value.doc.documentElement!.firstChild; c; c = c.nextSibling) children++;
    expect(children).toBe(1);
    const json = await expectSameReport(xml);
    expect(json.messages[0]!.signatures[0]!.verdict).toBe('valid');
    expect(json.messages[0]!.trusted).toBe(true);
  });

  it('digests with the host\'s incremental hash when one is given (the CLI passes OpenSSL\'s), with the same verdict', async () => {
    const xml = aggregateXml();
    const asked: string[] = [];
    let fed = 0;
    const { createHash } = await import('node:crypto');
    const native = (hash: 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512') => {
      asked.push(hash);
      const h = createHash(hash.replace('-', '').toLowerCase());
      return { update: (b: Uint8Array) => { fed += b.length; return h.update(b); }, digest: () => new Uint8Array(h.digest()) };
    };
    const run = (incrementalDigest?: InspectOptions['incrementalDigest']) => inspectInput(xml, 'aggregate.xml', { trust: [operator.certPem], at: AT, aggregateInPartsMinChars: 0, ...(incrementalDigest ? { incrementalDigest } : {}) });
    const withNative = toContractReport(await run(native), 'cli', { entities: true });
    expect(asked).toEqual(['SHA-256']);
    expect(fed).toBeGreaterThan(xml.length / 2); // the canonical octets of the whole root went through it
    expect(withNative).toEqual(toContractReport(await run(), 'cli', { entities: true }));
    expect(withNative.messages[0]!.signatures[0]!.verdict).toBe('valid');
    // A host without that hash (null): @noble/hashes, same verdict.
    expect(toContractReport(await run(() => null), 'cli', { entities: true })).toEqual(withNative);
    // The digest given is the one compared: a wrong one makes the signature invalid, never valid.
    const wrong = () => ({ update: () => undefined, digest: () => new Uint8Array(32) });
    const bad = toContractReport(await run(wrong), 'cli', { entities: true });
    expect(bad.messages[0]!.signatures[0]!.verdict).toBe('invalid');
  });

  it('past 2 MB of text keeps no canonical octets for the trace, as the whole path keeps none past 1 MB', async () => {
    const xml = aggregateXml({ entities: Array.from({ length: 1100 }, (_, i) => entity(i)) });
    expect(xml.length).toBeGreaterThan(2_000_000);
    const { whole, parts } = await bothPaths(xml);
    expect(parts.json).toEqual(whole.json);
    expect(parts.json.messages[0]!.signatures[0]!.verdict).toBe('valid');
    expect(parts.traces).toEqual([[[null]]]);
    expect(whole.traces).toEqual([[[null]]]);
  });

  it('gives the same verdicts without trust, after tampering, and unsigned', async () => {
    const signed = aggregateXml();
    expect((await expectSameReport(signed, [])).messages[0]!.signatures[0]!.verdict).toBe('untrusted');
    const tampered = signed.replace('Example 17<', 'Evil 17<');
    expect(tampered).not.toBe(signed);
    const t = await expectSameReport(tampered);
    expect(t.messages[0]!.signatures[0]!.verdict).toBe('invalid');
    expect(t.messages[0]!.findings.map((f) => f.code)).toContain('digest-mismatch');
    const unsigned = await expectSameReport(aggregateXml({ signed: false }));
    expect(unsigned.messages[0]!.signatures).toEqual([]);
  });

  it('keeps comments, processing instructions, CR LF line ends and inclusive C14N byte for byte', async () => {
    const prologue = '\n  <!-- members -->\n  <?publisher run="7"?>\n  <md:Extensions><mdrpi:PublicationInfo xmlns:mdrpi="urn:oasis:names:tc:SAML:metadata:rpi" publisher="x"/></md:Extensions>';
    const xml = aggregateXml({ prologue, epilogue: '\n  <!-- end -->' });
    expect((await expectSameReport(xml)).messages[0]!.signatures[0]!.verdict).toBe('valid');
    expect((await expectSameReport(xml.replace(/\n/g, '\r\n'))).messages[0]!.signatures[0]!.verdict).toBe('valid');
    const inclusive = aggregateXml({ prologue, c14n: URI.inc });
    expect((await expectSameReport(inclusive)).messages[0]!.signatures[0]!.verdict).toBe('valid');
  });

  it('reports expired entities and locates the findings on the same lines', async () => {
    const entities = Array.from({ length: 300 }, (_, i) => entity(i, i === 250 ? { validUntil: '2020-01-01T00:00:00Z' } : {}));
    const json = await expectSameReport(aggregateXml({ entities }));
    const expired = json.messages[0]!.findings.filter((f) => f.code === 'metadata-expired');
    expect(expired).toHaveLength(1);
    expect(expired[0]!.location).not.toBeNull();
  });

  it('verifies an entity signed inside the aggregate on the kept entity', async () => {
    const entities = Array.from({ length: 300 }, (_, i) => entity(i, i === 5 ? { id: '_member5', signed: true } : {}));
    const xml = aggregateXml({ entities });
    const read = readAggregateInParts(xml, true);
    expect(read.kind).toBe('parts');
    const json = await expectSameReport(xml);
    expect(json.messages[0]!.signatures.map((s) => s.verdict)).toEqual(['valid', 'valid']);
  });

  describe('hostile shapes: the same findings, or read whole, never a guess', () => {
    it('an entity carrying the root ID (wrapping): kept, and the reference is ambiguous on both paths', async () => {
      const entities = Array.from({ length: 300 }, (_, i) => entity(i, i === 120 ? { id: ROOT_ID } : {}));
      const xml = aggregateXml({ signed: false, entities }).replace(/(<md:EntitiesDescriptor [^>]*>\n {2})/, `$1${signatureTemplate(ROOT_ID)}`);
      const signedElsewhere = xmlsecSign(aggregateXml({ signed: false }).replace(/(<md:EntitiesDescriptor [^>]*>\n {2})/, `$1${signatureTemplate(ROOT_ID)}`), operator, [`${NS_MD}:EntitiesDescriptor`]);
      // The valid signature moved onto a document that also holds a second element with its ID.
      const wrapped = xml.replace(/<ds:Signature[\s\S]*?<\/ds:Signature>/, /<ds:Signature[\s\S]*?<\/ds:Signature>/.exec(signedElsewhere)![0]);
      const json = await expectSameReport(wrapped);
      expect(json.messages[0]!.signatures[0]!.verdict).toBe('invalid');
      expect(json.messages[0]!.findings.map((f) => f.code)).toContain('duplicate-id');
    });

    it('duplicate IDs among pruned entities: read whole (refused past INPUT_MAX_CHARS), same report', async () => {
      // Added after signing (xmlsec1 refuses to sign a document with duplicate IDs).
      const xml = aggregateXml().replace(/entityID="https:\/\/idp(10|200)\.example\.edu\/idp"/g, '$& ID="_twin"');
      expect(xml.match(/_twin/g)).toHaveLength(2);
      const read = readAggregateInParts(xml, false);
      expect(read).toMatchObject({ kind: 'whole', doc: null });
      expect(readAggregateInParts(xml, true).kind).toBe('whole');
      const json = await expectSameReport(xml);
      expect(json.messages[0]!.findings.map((f) => f.code)).toContain('duplicate-id');
    });

    it('a second Signature claiming the root, at the end: read whole, same report', async () => {
      const signed = aggregateXml();
      const second = /<ds:Signature[\s\S]*?<\/ds:Signature>/.exec(signed)![0];
      const xml = signed.replace('\n</md:EntitiesDescriptor>', `\n  ${second}\n</md:EntitiesDescriptor>`);
      expect(readAggregateInParts(xml, false)).toMatchObject({ kind: 'whole', doc: null });
      await expectSameReport(xml);
    });

    it('a DTD, a second root and broken XML fail the same way', async () => {
      const signed = aggregateXml();
      for (const bad of [signed.replace('<md:EntitiesDescriptor', '<!DOCTYPE x [<!ENTITY e "e">]>\n<md:EntitiesDescriptor'), `${signed}<md:EntitiesDescriptor xmlns:md="${NS_MD}"/>`, signed.replace('</md:Organization>', ''), signed.slice(0, -40)]) {
        const { whole, parts } = await bothPaths(bad);
        expect(whole.json.errors.length).toBeGreaterThan(0);
        expect(parts.json).toEqual(whole.json);
      }
    });

    it('not an aggregate (a large EntityDescriptor): read whole', () => {
      const xml = `<md:EntityDescriptor xmlns:md="${NS_MD}" entityID="x">${'<md:Extensions/>'.repeat(10)}</md:EntityDescriptor>`;
      expect(readAggregateInParts(xml, false)).toMatchObject({ kind: 'whole' });
    });
  });
});

describe('IncrementalCanonicalizer', () => {
  it('writes, one root child at a time, the octets canonicalizeToBytes writes for the whole root, on every corpus document', () => {
    const algorithms = [C14N_URIS.exclusive, C14N_URIS.exclusiveWithComments, C14N_URIS.inclusive, C14N_URIS.inclusiveWithComments];
    let compared = 0;
    for (const f of corpusDataFiles().filter((n) => n.endsWith('.xml'))) {
      const xml = readCorpus(f);
      const whole = parseXmlSafely(xml);
      if (!whole.ok || !whole.value.documentElement) continue;
      const root = whole.value.documentElement;
      for (const algorithm of algorithms) {
        const expected = canonicalizeToBytes(root, { algorithm, inclusivePrefixes: ['ds'] });
        if (!expected.ok) continue;
        const chunks: number[] = [];
        let inc: IncrementalCanonicalizer | null = null;
        let fed: Node | null = null;
        const parsed = parseXmlSafelyInParts(xml, (child) => {
          const r = child.parentNode as Element;
          inc ??= IncrementalCanonicalizer.start(r, { algorithm, inclusivePrefixes: ['ds'] }, (c) => chunks.push(...c));
          for (let n: Node | null = fed ? fed.nextSibling : r.firstChild; n; n = n.nextSibling) {
            inc!.child(n);
            fed = n;
            if (n === child) break;
          }
        });
        if (!parsed.ok) throw new Error(`${f} parsed whole but not in parts`);
        const r = parsed.value.documentElement!;
        inc ??= IncrementalCanonicalizer.start(r, { algorithm, inclusivePrefixes: ['ds'] }, (c) => chunks.push(...c));
        for (let n: Node | null = fed ? (fed as Node).nextSibling : r.firstChild; n; n = n.nextSibling) inc!.child(n);
        inc!.finish();
        expect(Buffer.from(chunks).equals(Buffer.from(expected.value)), `${f} ${algorithm}`).toBe(true);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(400);
    expect(CORPUS_DIR).toBeTruthy();
  });
});
