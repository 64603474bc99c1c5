// Test-only helpers (Node APIs allowed): run xmlsec1 with --store-references/--store-signatures
// and read back the exact octets it digested (PreDigest) and signed (PreSigned), then compute the
// same with our canonicalizer so the two can be compared byte for byte.
import { spawnSync } from 'node:child_process';
import { DOMParser } from '@xmldom/xmldom';
import { parseXmlSafely } from '../../xml/parse';
import { C14N_URIS, canonicalize } from './index';

export const XMLSEC1 = '/usr/bin/xmlsec1';
export const DSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';
const EXC_NS = 'http://www.w3.org/2001/10/xml-exc-c14n#';

export interface XmlsecBuffers {
  status: number | null;
  stderr: string;
  preDigest: string[];
  preSigned: string[];
}

/**
 * Runs `xmlsec1 <command> <options…> <file>` with debug output and extracts the stored buffers
 * (xmlsec1 1.2 debug-dump format). `args[0]` is the command; options must precede the file.
 */
export function runXmlsec(args: string[]): XmlsecBuffers {
  const [command, ...rest] = args;
  const r = spawnSync(XMLSEC1, [command, '--store-references', '--store-signatures', '--print-debug', ...rest], {
    maxBuffer: 256 * 1024 * 1024,
  });
  const out = r.stdout ? r.stdout.toString('utf8') : '';
  const grab = (label: string): string[] => {
    const re = new RegExp(`== ${label} data - start buffer:\\n([\\s\\S]*?)\\n== ${label} data - end buffer`, 'g');
    const found: string[] = [];
    for (let m = re.exec(out); m; m = re.exec(out)) found.push(m[1]);
    return found;
  };
  return { status: r.status, stderr: r.stderr ? r.stderr.toString('utf8') : '', preDigest: grab('PreDigest'), preSigned: grab('PreSigned') };
}

/** The document verification works on: the core's own reader (read-only light DOM). Throws when it refuses the text. */
export function parseXml(xml: string): Document {
  const doc = parseXmlSafely(xml);
  if (!doc.ok) throw new Error(doc.error.message);
  return doc.value;
}

/** The same text through @xmldom/xmldom (the DOM the mock SP signs), for the cross-check of both. */
export function parseXmlWithXmldom(xml: string): Document {
  return new DOMParser({ onError: () => {} }).parseFromString(xml, 'text/xml') as unknown as Document;
}

export function elementsByNs(root: Document | Element, ns: string, localName: string): Element[] {
  const found: Element[] = [];
  const list = root.getElementsByTagNameNS(ns, localName);
  for (let i = 0; i < list.length; i++) found.push(list[i]);
  return found;
}

function childElements(el: Element, ns: string, localName: string): Element[] {
  const found: Element[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && (c as Element).namespaceURI === ns && (c as Element).localName === localName) found.push(c as Element);
  }
  return found;
}

/** --id-attr arguments for every (namespace, local name) carrying one of the ID attributes. */
export function idAttrArgs(doc: Document, attrNames = ['ID', 'AssertionID', 'ResponseID', 'Id']): string[] {
  const seen = new Set<string>();
  const args: string[] = [];
  const all = doc.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) {
    const el = all[i];
    for (const attr of attrNames) {
      if (!el.hasAttribute(attr)) continue;
      const key = `${attr} ${el.namespaceURI ?? ''}:${el.localName}`;
      if (seen.has(key)) continue;
      seen.add(key);
      args.push(`--id-attr:${attr}`, el.namespaceURI ? `${el.namespaceURI}:${el.localName}` : `${el.localName}`);
    }
  }
  return args;
}

function findById(doc: Document, id: string): Element[] {
  const all = doc.getElementsByTagName('*');
  const found: Element[] = [];
  for (let i = 0; i < all.length; i++) {
    const el = all[i];
    if (el.getAttribute('ID') === id || el.getAttribute('AssertionID') === id || el.getAttribute('ResponseID') === id || el.getAttribute('Id') === id) found.push(el);
  }
  return found;
}

function prefixList(method: Element): string[] | undefined {
  const incl = childElements(method, EXC_NS, 'InclusiveNamespaces')[0];
  if (!incl) return undefined;
  return (incl.getAttribute('PrefixList') ?? '').split(/\s+/).filter(Boolean);
}

const C14N_ALGS = new Set<string>(Object.values(C14N_URIS));
const WITHOUT_COMMENTS: Record<string, string> = {
  [C14N_URIS.exclusiveWithComments]: C14N_URIS.exclusive,
  [C14N_URIS.inclusiveWithComments]: C14N_URIS.inclusive,
  [C14N_URIS.inclusive11WithComments]: C14N_URIS.inclusive11,
};

/** Our canonical SignedInfo of a ds:Signature, or null when its method is not a c14n we implement. */
export function ourSignedInfo(signature: Element): string | null {
  const signedInfo = childElements(signature, DSIG_NS, 'SignedInfo')[0];
  const method = signedInfo && childElements(signedInfo, DSIG_NS, 'CanonicalizationMethod')[0];
  const alg = method?.getAttribute('Algorithm') ?? '';
  if (!C14N_ALGS.has(alg)) return null;
  const r = canonicalize(signedInfo, { algorithm: alg, inclusivePrefixes: prefixList(method) });
  return r.ok ? r.value : null;
}

/**
 * Our pre-digest octets for each ds:Reference (XML-DSig §4.3.3): null for a reference this
 * helper does not model (ambiguous ID, non-c14n transforms, external URI).
 */
export function ourReferences(doc: Document, signature: Element): Array<string | null> {
  const signedInfo = childElements(signature, DSIG_NS, 'SignedInfo')[0];
  return childElements(signedInfo, DSIG_NS, 'Reference').map((ref) => {
    const uri = ref.getAttribute('URI') ?? '';
    let target: Node;
    let keepComments = false;
    if (uri === '') target = doc;
    else if (uri === '#xpointer(/)') {
      target = doc;
      keepComments = true;
    } else {
      const m = /^#xpointer\(id\('([^']*)'\)\)$/.exec(uri);
      const id = m ? m[1] : uri.startsWith('#') ? uri.slice(1) : null;
      if (id === null) return null;
      const hits = findById(doc, id);
      if (hits.length !== 1) return null;
      target = hits[0];
      keepComments = !!m;
    }
    let algorithm: string = C14N_URIS.inclusive; // §4.3.3.2: node-set → octets with Canonical XML
    let inclusivePrefixes: string[] | undefined;
    let exclude: Element | null = null;
    const transforms = childElements(ref, DSIG_NS, 'Transforms')[0];
    for (const t of transforms ? childElements(transforms, DSIG_NS, 'Transform') : []) {
      const alg = t.getAttribute('Algorithm') ?? '';
      if (alg === `${DSIG_NS}enveloped-signature`) exclude = signature;
      else if (C14N_ALGS.has(alg)) {
        algorithm = alg;
        inclusivePrefixes = prefixList(t);
      } else return null;
    }
    // §4.3.3.3: URI="" and "#id" select the node-set without comments.
    if (!keepComments) algorithm = WITHOUT_COMMENTS[algorithm] ?? algorithm;
    const r = canonicalize(target, { algorithm, inclusivePrefixes, excludeElement: exclude });
    return r.ok ? r.value : null;
  });
}
