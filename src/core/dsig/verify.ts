// XML-DSig verification (W3C XML Signature Syntax and Processing, second edition) of every
// ds:Signature in a document: references resolved by ID, transforms, canonicalization, digests,
// the SignatureValue against the trust anchors and the KeyInfo. It knows no SAML: which attribute
// is an ID, what a signed element claims about its signer and which anchor may vouch for that
// claim are given by the caller (SignerPolicy); which element a relying party consumes, and so
// whether the message is trusted, is decided above it (saml-signatures/verify.ts).
import { decodeBase64Lenient, encodeBase64 } from '../encoding/base64';
import type { AnchorDecision, CertificateSummary, RawFinding, ReferenceReport, SignatureReport, TrustAnchor } from '../types';
import { DIGESTS_WITHOUT_VERIFIED_KEY, MAX_CERTIFICATES_PER_KEYINFO, MAX_REFERENCES_PER_SIGNATURE, MAX_SIGNATURES_PER_DOCUMENT, MAX_TRANSFORMS_PER_REFERENCE } from '../limits';
import { parseCertificate, spkiOf, summarizeCertificate } from '../x509/certificate';
import { NS, attr, childElements, descendants, firstChild } from '../xml/dom';
import { DIGEST_ALGORITHMS, ENVELOPED_SIGNATURE, NONSTANDARD_DIGEST_ALIASES, NONSTANDARD_SIGNATURE_ALIASES, SIGNATURE_ALGORITHMS, shortAlgorithmName, type SignatureAlgorithm } from './algorithms';
import { C14N_URIS, canonicalizeToBytes } from './c14n/index';
import { importRsaKeyValue, importVerifyKey, verifyWithKey } from './keys';
// Fix wording: profile-neutral here; a profile words its product's settings, the page and the CLI
// add where trust material goes (../findings/fix.ts).
import { GIVE_TRUST } from '../findings/fix';

/** What a signed element says about who signed it; dsig only shows it in texts and hands it back to the policy. */
export interface SignerIdentity {
  /** Local name of the signed element. */
  element: string;
  /** Who it names as its issuer; null when it names none. */
  issuer: string | null;
}

/**
 * What the caller knows and dsig does not: which attribute holds IDs, what the element a
 * signature is enveloped in claims about its signer, and which trust anchor may vouch for that.
 * A key verifying the SignatureValue is not enough: the anchor it belongs to must be accepted
 * for the claim (CONTRACT §2, last paragraph).
 */
export interface SignerPolicy<C extends SignerIdentity> {
  /** The ID attribute same-document references resolve to (XML-DSig §4.3.3.2 leaves it to the schema). */
  idAttribute: string;
  claimOf(signed: Element | null): C;
  /** The claim as SignatureReport.claimedSigner shows it. */
  reportClaim(claim: C): SignatureReport['claimedSigner'];
  /** Anchors tried first, before all others: the likely signers. */
  likelySigner(anchor: TrustAnchor, claim: C): boolean;
  /** Whether `anchor`, whose key verifies the SignatureValue, may vouch for the claimed signer. */
  judge(anchor: TrustAnchor, claim: C): AnchorDecision;
  /** Why an accepted anchor vouches, completing the reason of a `valid` verdict. */
  acceptedBecause(anchor: TrustAnchor | undefined, decision: AnchorDecision | undefined, claim: C): string;
  /** The finding for a signature whose only verifying anchors are not accepted for its claim. */
  rejectedFinding(where: string, decision: AnchorDecision, claim: C, signature: Element): RawFinding;
}

/** Every signature of a document, verified on its own; coverage and trust are the caller's to decide. */
export interface DocumentSignatures {
  checks: SignatureCheck[];
  findings: RawFinding[];
  /** ds:Signature elements present (verified: at most MAX_SIGNATURES_PER_DOCUMENT). */
  signatureCount: number;
  /** A limit of docs/limits.md was hit: the document must not be trusted. */
  overLimit: boolean;
}

/** Canonical forms larger than this are not kept in the trace (a 10 MB aggregate would be copied around). */
const utf8Decoder = new TextDecoder();
const C14N_ALGORITHMS = new Set<string>(Object.values(C14N_URIS));
const WITHOUT_COMMENTS: Record<string, string> = {
  [C14N_URIS.exclusiveWithComments]: C14N_URIS.exclusive,
  [C14N_URIS.inclusiveWithComments]: C14N_URIS.inclusive,
  [C14N_URIS.inclusive11WithComments]: C14N_URIS.inclusive11,
};

const digestHashOf = (uri: string) => DIGEST_ALGORITHMS[uri] ?? NONSTANDARD_DIGEST_ALIASES[uri];
const signatureAlgorithmOf = (uri: string) => SIGNATURE_ALGORITHMS[uri] ?? NONSTANDARD_SIGNATURE_ALIASES[uri];

export interface SignatureCheck {
  element: Element;
  report: SignatureReport;
  /** The elements its References resolved to: the signature covers exactly their union. */
  referenced: Element[];
  /** Signature value and all digests check out with some key (trusted or not). */
  mathematicallySound: boolean;
  /** A limit of docs/limits.md was hit: nothing past it was computed. */
  overLimit: boolean;
}

/** XML-DSig §4.3.3.2 (SAML core §5.4.2 names the attribute): references resolve by ID, over the whole document. */
function buildIdIndex(doc: Document, idAttribute: string): Map<string, Element[]> {
  const index = new Map<string, Element[]>();
  const root = doc.documentElement;
  let n: Node | null = root;
  while (n) {
    if (n.nodeType === 1) {
      const el = n as Element;
      const id = el.getAttributeNode(idAttribute);
      if (id) {
        const list = index.get(id.value);
        if (list) list.push(el);
        else index.set(id.value, [el]);
      }
      if (el.firstChild) {
        n = el.firstChild;
        continue;
      }
    }
    while (n && n !== root && !n.nextSibling) n = n.parentNode;
    n = n && n !== root ? n.nextSibling : null;
  }
  return index;
}

export function isAncestorOrSelf(ancestor: Node, node: Node | null): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) if (n === ancestor) return true;
  return false;
}

async function digestBase64(hash: string, bytes: Uint8Array): Promise<string> {
  return encodeBase64(new Uint8Array(await crypto.subtle.digest(hash, bytes as Uint8Array<ArrayBuffer>)));
}

function sameDigest(expectedB64: string, computedB64: string): boolean {
  const e = decodeBase64Lenient(expectedB64);
  if (!e.ok) return false;
  return encodeBase64(e.value.bytes) === computedB64;
}
interface PreparedReference {
  report: ReferenceReport;
  /** The node the URI selects (the document for URI=""). */
  target: Node | null;
  element: Element | null;
  unsupported: string | null;
  problem: string | null;
  /** Over MAX_TRANSFORMS_PER_REFERENCE. */
  overLimit: string | null;
  algorithm: string;
  inclusivePrefixes: string[] | undefined;
  enveloped: boolean;
  hash: string | null;
}

/**
 * A Reference's digest computed elsewhere, over octets this tree no longer holds (a federation
 * aggregate read one entity at a time: core/aggregate/). Only the exact (target, algorithm,
 * prefix list, excluded signature, hash) it was computed for is answered from it; any other
 * canonicalization of that target would read the pruned tree, so it is refused (never a digest
 * of the wrong octets).
 */
export interface StreamedDigest {
  target: Element;
  algorithm: string;
  inclusivePrefixes: string[] | undefined;
  excluded: Element;
  /** WebCrypto hash name, as digestHashOf gives it. */
  hash: string;
  /** Base64, as computedDigest. */
  digest: string;
  /** The canonical octets when they were small enough to keep for the trace (CANONICAL_TRACE_MAX_BYTES). */
  canonical: Uint8Array | null;
}

const streamedDigests = new WeakMap<Document, StreamedDigest>();
/** Stands for canonical octets that were hashed as they streamed by and not kept (longer than CANONICAL_TRACE_MAX_BYTES). */
const STREAMED_NOT_KEPT = new Uint8Array(0);

export function registerStreamedDigest(doc: Document, digest: StreamedDigest): void {
  streamedDigests.set(doc, digest);
}

/** The most octets of a canonical form kept for the page's trace. */
export const CANONICAL_TRACE_MAX_BYTES = 1_000_000;

/**
 * What digesting `ref` would take, read as the verifier reads it, for a caller that streams the
 * canonical octets itself: null when it resolves to no single element or is unsupported.
 */
export function referenceDigestPlan(ref: Element, doc: Document, idAttribute: string): { target: Element; algorithm: string; inclusivePrefixes: string[] | undefined; enveloped: boolean; hash: string } | null {
  const p = prepareReference(ref, doc, buildIdIndex(doc, idAttribute), idAttribute);
  if (p.unsupported || p.problem || p.overLimit || !p.target || !p.element || p.target.nodeType !== 1 || !p.hash) return null;
  return { target: p.element, algorithm: p.algorithm, inclusivePrefixes: p.inclusivePrefixes, enveloped: p.enveloped, hash: p.hash };
}

/**
 * Canonical octets and digests, computed once per (target node, algorithm, prefix list, enveloped
 * signature) and digest: a thousand `URI=""` references cost one canonicalization.
 */
export class CanonicalMemo {
  private readonly canonical = new Map<Node, Map<string, ReturnType<typeof canonicalizeToBytes>>>();
  private readonly digests = new Map<Node, Map<string, Promise<string>>>();
  private readonly excludedIds = new Map<Element, number>();
  /** Nodes whose subtree was pruned after a streamed digest: nothing else may canonicalize them. */
  private pruned: Node[] = [];

  constructor(doc: Document | null = null) {
    // A digest computed while the document was read (core/aggregate/): its canonical octets were
    // streamed into the hash and the subtree they came from is no longer in the tree.
    const streamed = doc ? streamedDigests.get(doc) : undefined;
    if (streamed) {
      this.pruned = [doc!, streamed.target];
      const key = this.keyOf(streamed.algorithm, streamed.inclusivePrefixes, streamed.excluded);
      const value = streamed.canonical ?? STREAMED_NOT_KEPT;
      this.canonical.set(streamed.target, new Map([[key, { ok: true, value }]]));
      this.digests.set(streamed.target, new Map([[`${key}\u0000${streamed.hash}`, Promise.resolve(streamed.digest)]]));
    }
  }

  private keyOf(algorithm: string, prefixes: string[] | undefined, excluded: Element | null): string {
    let ex = '-';
    if (excluded) {
      let id = this.excludedIds.get(excluded);
      if (id === undefined) this.excludedIds.set(excluded, (id = this.excludedIds.size));
      ex = String(id);
    }
    return `${algorithm}\u0000${prefixes ? prefixes.join(' ') : '\u0001'}\u0000${ex}`;
  }

  canonicalize(target: Node, algorithm: string, prefixes: string[] | undefined, excluded: Element | null): ReturnType<typeof canonicalizeToBytes> {
    const key = this.keyOf(algorithm, prefixes, excluded);
    let perNode = this.canonical.get(target);
    if (!perNode) this.canonical.set(target, (perNode = new Map()));
    let out = perNode.get(key);
    if (!out && this.pruned.includes(target)) {
      out = { ok: false, error: { code: 'unsupported-algorithm', message: 'This canonicalization of the whole document was not computed while it was read in parts (a large aggregate): it is not checked.' } };
      perNode.set(key, out);
    }
    if (!out) perNode.set(key, (out = canonicalizeToBytes(target, { algorithm, ...(prefixes ? { inclusivePrefixes: prefixes } : {}), excludeElement: excluded })));
    return out;
  }

  digest(target: Node, algorithm: string, prefixes: string[] | undefined, excluded: Element | null, hash: string, bytes: Uint8Array): Promise<string> {
    const key = `${this.keyOf(algorithm, prefixes, excluded)}\u0000${hash}`;
    let perNode = this.digests.get(target);
    if (!perNode) this.digests.set(target, (perNode = new Map()));
    let out = perNode.get(key);
    if (!out) perNode.set(key, (out = digestBase64(hash, bytes)));
    return out;
  }
}

/** Resolve a Reference and read its transforms, without canonicalizing or digesting anything. */
function prepareReference(ref: Element, doc: Document, ids: Map<string, Element[]>, idAttribute: string): PreparedReference {
  const uri = attr(ref, 'URI') ?? '';
  const digestAlgorithm = attr(firstChild(ref, NS.dsig, 'DigestMethod'), 'Algorithm') ?? '';
  const expectedDigest = (firstChild(ref, NS.dsig, 'DigestValue')?.textContent ?? '').replace(/\s+/g, '');
  const transforms = childElements(firstChild(ref, NS.dsig, 'Transforms'), NS.dsig, 'Transform');
  const shownTransforms = transforms.slice(0, MAX_TRANSFORMS_PER_REFERENCE).map((t) => attr(t, 'Algorithm') ?? '');
  const report: ReferenceReport = { uri, digestAlgorithm, digestValid: false, transforms: shownTransforms, expectedDigest, computedDigest: null, resolvedTo: null, canonicalForm: null };
  const out: PreparedReference = { report, target: null, element: null, unsupported: null, problem: null, overLimit: null, algorithm: C14N_URIS.inclusive, inclusivePrefixes: undefined, enveloped: false, hash: null };
  if (transforms.length > MAX_TRANSFORMS_PER_REFERENCE) {
    out.overLimit = `Reference ${JSON.stringify(uri)} has ${transforms.length} Transforms; samlscope computes at most ${MAX_TRANSFORMS_PER_REFERENCE} per Reference.`;
    return out;
  }

  let target: Node;
  if (uri === '' || uri === '#xpointer(/)') target = doc;
  else {
    const m = /^#(?:xpointer\(id\('([^']*)'\)\)|([^()]+))$/.exec(uri);
    const id = m ? (m[1] ?? m[2] ?? '') : null;
    if (id === null) {
      out.unsupported = `Reference URI ${JSON.stringify(uri)} is not a same-document ID reference; external and XPointer references are not followed.`;
      return out;
    }
    const matches = ids.get(id) ?? [];
    if (matches.length === 0) {
      out.problem = `Reference ${uri} points to no element: no element has ${idAttribute}="${id}".`;
      return out;
    }
    if (matches.length > 1) {
      // Which of two same-ID elements was signed is ambiguous: the classic wrapping set-up.
      out.problem = `Reference ${uri} is ambiguous: ${matches.length} elements have ${idAttribute}="${id}".`;
      return out;
    }
    target = matches[0]!;
  }
  const element = target.nodeType === 9 ? (target as Document).documentElement : (target as Element);
  out.target = target;
  out.element = element;
  if (element) report.resolvedTo = { id: attr(element, idAttribute) ?? '', localName: element.localName ?? '' };

  let algorithm: string = C14N_URIS.inclusive; // XML-DSig §4.3.3.2: a node-set becomes octets by inclusive C14N
  for (const t of transforms) {
    const a = attr(t, 'Algorithm') ?? '';
    if (a === ENVELOPED_SIGNATURE) out.enveloped = true;
    else if (C14N_ALGORITHMS.has(a)) {
      algorithm = a;
      const list = attr(firstChild(t, NS.exc, 'InclusiveNamespaces'), 'PrefixList');
      if (list !== null) out.inclusivePrefixes = list.split(/\s+/).filter(Boolean);
    } else {
      out.unsupported = `Transform ${a || '(no Algorithm)'} is not supported (only enveloped-signature and the C14N 1.0 / exclusive C14N transforms are).`;
      return out;
    }
  }
  // XML-DSig §4.3.3.3: URI="" and "#id" select the node-set without comments; only the
  // XPointer forms keep them, so a #WithComments transform still drops them here.
  if (!uri.startsWith('#xpointer(')) algorithm = WITHOUT_COMMENTS[algorithm] ?? algorithm;
  out.algorithm = algorithm;
  out.hash = digestHashOf(digestAlgorithm) ?? null;
  if (!out.hash) out.unsupported = `Digest algorithm ${digestAlgorithm || '(none)'} is not supported.`;
  return out;
}

/** Canonicalize (memoized) and digest one prepared Reference; returns a reason when it cannot. */
async function digestReference(p: PreparedReference, signature: Element, memo: CanonicalMemo): Promise<string | null> {
  if (!p.target || !p.hash) return null;
  const excluded = p.enveloped ? signature : null;
  const c14n = memo.canonicalize(p.target, p.algorithm, p.inclusivePrefixes, excluded);
  if (!c14n.ok) return c14n.error.message;
  p.report.computedDigest = await memo.digest(p.target, p.algorithm, p.inclusivePrefixes, excluded, p.hash, c14n.value);
  p.report.digestValid = sameDigest(p.report.expectedDigest, p.report.computedDigest);
  p.report.canonicalForm = c14n.value !== STREAMED_NOT_KEPT && c14n.value.length <= CANONICAL_TRACE_MAX_BYTES ? utf8Decoder.decode(c14n.value) : null;
  return null;
}

interface KeyCandidate {
  /** null for a trust anchor whose key verifies but which is not accepted for this issuer. */
  key: CryptoKey | null;
  source: SignatureReport['key']['source'];
  sha256: string | null;
  subject: string | null;
  anchor: string | null;
  cert: CertificateSummary | null;
  trustAnchor?: TrustAnchor;
  /** For a trust anchor: whether it may vouch for the signed element's issuer and role. */
  decision?: AnchorDecision;
}

async function keyInfoCandidates(signature: Element, alg: SignatureAlgorithm, certs: CertificateSummary[]): Promise<KeyCandidate[]> {
  const out: KeyCandidate[] = [];
  for (const c of certs) {
    const parsed = parseCertificate(c.der);
    if (!parsed.ok) continue;
    const key = await importVerifyKey(spkiOf(parsed.cert), alg);
    if (key) out.push({ key, source: 'keyinfo', sha256: c.sha256Fingerprint, subject: c.subject, anchor: null, cert: c });
  }
  for (const kv of descendants(firstChild(signature, NS.dsig, 'KeyInfo'), NS.dsig, 'RSAKeyValue').slice(0, MAX_CERTIFICATES_PER_KEYINFO)) {
    const key = await importRsaKeyValue(firstChild(kv, NS.dsig, 'Modulus')?.textContent ?? '', firstChild(kv, NS.dsig, 'Exponent')?.textContent ?? '', alg);
    if (key) out.push({ key, source: 'keyinfo', sha256: null, subject: 'RSAKeyValue in KeyInfo', anchor: null, cert: null });
  }
  return out;
}

function describeCert(c: { subject: string | null; sha256: string | null }, validity?: { notBefore: string; notAfter: string }): string {
  return `${c.subject ?? 'unknown subject'} (SHA-256 ${c.sha256 ?? 'n/a'}${validity ? `, valid ${validity.notBefore.slice(0, 10)} to ${validity.notAfter.slice(0, 10)}` : ''})`;
}
async function checkSignature<C extends SignerIdentity>(signature: Element, index: number, doc: Document, ids: Map<string, Element[]>, anchors: TrustAnchor[], at: Date, findings: RawFinding[], memo: CanonicalMemo, policy: SignerPolicy<C>): Promise<SignatureCheck> {
  const parent = signature.parentNode && signature.parentNode.nodeType === 1 ? (signature.parentNode as Element) : null;
  const signedInfo = firstChild(signature, NS.dsig, 'SignedInfo');
  const c14nMethod = firstChild(signedInfo, NS.dsig, 'CanonicalizationMethod');
  const canonicalization = attr(c14nMethod, 'Algorithm') ?? '';
  const signatureAlgorithm = attr(firstChild(signedInfo, NS.dsig, 'SignatureMethod'), 'Algorithm') ?? '';
  const certificateElements = descendants(firstChild(signature, NS.dsig, 'KeyInfo'), NS.dsig, 'X509Certificate');
  const keyInfoCertificates: CertificateSummary[] = [];
  for (const c of certificateElements.slice(0, MAX_CERTIFICATES_PER_KEYINFO)) {
    const p = parseCertificate(c.textContent ?? '');
    if (p.ok) {
      const s = await summarizeCertificate(p.der, `KeyInfo of signature ${index}`);
      if (s) keyInfoCertificates.push(s);
    }
  }
  const claim = policy.claimOf(parent);
  const report: SignatureReport = {
    target: parent?.localName ?? 'document',
    targetId: attr(parent, policy.idAttribute),
    signatureAlgorithm,
    canonicalization,
    references: [],
    verdict: 'invalid',
    reason: '',
    key: { source: 'none', sha256Fingerprint: null, subject: null, anchor: null },
    claimedSigner: policy.reportClaim(claim),
    anchorDecisions: [],
    signedInfoCanonical: null,
    index,
    keyInfoCertificates,
  };
  const check: SignatureCheck = { element: signature, report, referenced: [], mathematicallySound: false, overLimit: false };
  const where = `Signature ${index} (on ${report.target}${report.targetId ? ` ID="${report.targetId}"` : ''})`;
  const unsupported = (why: string) => {
    report.verdict = 'unsupported';
    report.reason = why;
    findings.push({ code: 'unsupported-algorithm', severity: 'error', title: 'Unsupported signature algorithm or transform', explanation: `${where}: ${why} samlscope reports this instead of guessing; a relying party that does not support it either will reject the message.`, fix: 'Configure the IdP to sign with RSA-SHA256 (or ECDSA-SHA256), SHA-256 digests and exclusive canonicalization (http://www.w3.org/2001/10/xml-exc-c14n#).', references: ['XML-DSig §6'], node: signature });
    return check;
  };
  // docs/limits.md: past a limit nothing more of this signature is computed, and it is never valid.
  const overLimit = (why: string) => {
    report.verdict = 'unsupported';
    report.reason = `Not verified: ${why}`;
    check.overLimit = true;
    findings.push(signatureLimitFinding(`${where}: ${why}`, signature));
    return check;
  };
  if (certificateElements.length > MAX_CERTIFICATES_PER_KEYINFO) return overLimit(`its KeyInfo holds ${certificateElements.length} certificates; samlscope reads at most ${MAX_CERTIFICATES_PER_KEYINFO}.`);
  if (!signedInfo) {
    report.reason = 'The Signature has no SignedInfo element.';
    findings.push({ code: 'signature-invalid', severity: 'error', title: 'Malformed signature', explanation: `${where} has no ds:SignedInfo, so nothing can be verified.`, fix: 'The signature was damaged or hand-edited; have the sender re-sign the message.', node: signature });
    return check;
  }
  if (!signatureAlgorithm || !canonicalization) {
    report.reason = `The signature is malformed: SignedInfo has no ${!signatureAlgorithm ? 'SignatureMethod' : 'CanonicalizationMethod'} algorithm.`;
    findings.push({ code: 'signature-invalid', severity: 'error', title: 'Malformed signature', explanation: `${where}: ${report.reason}`, fix: 'The signature was damaged or hand-edited; have the sender re-sign the message.', references: ['XML-DSig §4.3'], node: signature });
    return check;
  }
  const refElements = childElements(signedInfo, NS.dsig, 'Reference');
  if (refElements.length > MAX_REFERENCES_PER_SIGNATURE) return overLimit(`its SignedInfo has ${refElements.length} References; samlscope computes at most ${MAX_REFERENCES_PER_SIGNATURE} per Signature.`);
  if (!C14N_ALGORITHMS.has(canonicalization)) return unsupported(`Canonicalization ${canonicalization} is not supported.`);
  const alg = signatureAlgorithmOf(signatureAlgorithm);
  if (!alg) return unsupported(`Signature algorithm ${signatureAlgorithm} is not supported.`);

  const prepared = refElements.map((ref) => prepareReference(ref, doc, ids, policy.idAttribute));
  report.references = prepared.map((o) => o.report);
  const tooManyTransforms = prepared.find((o) => o.overLimit);
  if (tooManyTransforms) return overLimit(tooManyTransforms.overLimit!);
  const unsupportedRef = prepared.find((o) => o.unsupported);
  if (unsupportedRef) return unsupported(unsupportedRef.unsupported!);

  const nonStandard = [signatureAlgorithm, ...prepared.map((o) => o.report.digestAlgorithm)].filter((u) => u in NONSTANDARD_DIGEST_ALIASES || u in NONSTANDARD_SIGNATURE_ALIASES);
  if (nonStandard.length) findings.push({ code: 'non-standard-algorithm', severity: 'warning', title: 'Non-standard algorithm identifier', explanation: `${where} uses ${nonStandard.join(', ')}, which no specification defines (RFC 6931 lists the standard URIs). samlscope reads the hash it obviously means; strict verifiers such as xmlsec1 reject it.`, fix: 'Use the standard identifiers from RFC 6931 (for example http://www.w3.org/2001/04/xmldsig-more#rsa-sha256 and http://www.w3.org/2001/04/xmlenc#sha256).', references: ['RFC 6931'], node: signature });
  const weak = [alg.hash, ...prepared.map((o) => digestHashOf(o.report.digestAlgorithm))].includes('SHA-1');
  if (weak) findings.push({ code: 'weak-algorithm', severity: 'warning', title: 'SHA-1 in a signature', explanation: `${where} uses SHA-1 (${[shortAlgorithmName(signatureAlgorithm), ...prepared.map((o) => shortAlgorithmName(o.report.digestAlgorithm))].join(', ')}). SHA-1 collisions are practical; many SPs refuse SHA-1 signatures.`, fix: 'Switch the IdP\'s signing algorithm to RSA-SHA256 and its digest algorithm to SHA-256 for this SP.', fixParts: { variant: 'signature' }, references: ['RFC 6931', 'NIST SP 800-131A'], node: signature });

  const inclusive = attr(firstChild(c14nMethod, NS.exc, 'InclusiveNamespaces'), 'PrefixList');
  const si = canonicalizeToBytes(signedInfo, { algorithm: canonicalization, ...(inclusive !== null ? { inclusivePrefixes: inclusive.split(/\s+/).filter(Boolean) } : {}) });
  if (!si.ok) return unsupported(si.error.message);
  report.signedInfoCanonical = utf8Decoder.decode(si.value);
  const signatureValue = firstChild(signature, NS.dsig, 'SignatureValue');
  const sigBytes = decodeBase64Lenient(signatureValue?.textContent ?? '');
  const signedBytes = si.value;

  // The SignatureValue over SignedInfo is checked first (XML-DSig §3.2 allows either order): a
  // SignedInfo no key verifies is not authentic, so its References cost no canonicalization —
  // an attacker's unsigned reference amplification does no work.
  let used: KeyCandidate | null = null;
  const decisions: AnchorDecision[] = [];
  if (sigBytes.ok) {
    let rejected: { anchor: TrustAnchor; decision: AnchorDecision } | null = null;
    // The anchors that may vouch for this issuer are tried first (in a 10 MB aggregate, the
    // thousands of others only when none of them verifies, to name whose key it is).
    const likely = anchors.filter((a) => policy.likelySigner(a, claim));
    for (const a of [...likely, ...anchors.filter((x) => !likely.includes(x))]) {
      const key = await importVerifyKey(a.spkiDer, alg);
      if (!key || !(await verifyWithKey(key, alg, sigBytes.value.bytes, signedBytes))) continue;
      const decision = policy.judge(a, claim);
      decisions.push(decision);
      if (decision.accepted) {
        used = { key, source: a.source, sha256: a.sha256Fingerprint, subject: a.subject, anchor: a.description, cert: null, trustAnchor: a, decision };
        break;
      }
      rejected ??= { anchor: a, decision };
    }
    if (!used && rejected) {
      const a = rejected.anchor;
      used = { key: null, source: a.source, sha256: a.sha256Fingerprint, subject: a.subject, anchor: a.description, cert: null, trustAnchor: a, decision: rejected.decision };
    }
    if (!used) {
      for (const c of await keyInfoCandidates(signature, alg, keyInfoCertificates)) {
        if (await verifyWithKey(c.key!, alg, sigBytes.value.bytes, signedBytes)) {
          used = c;
          break;
        }
      }
    }
  }
  report.anchorDecisions = decisions;
  if (used) report.key = { source: used.source, sha256Fingerprint: used.sha256, subject: used.subject, anchor: used.anchor, ...(used.trustAnchor ? { scope: used.trustAnchor.scope, bindings: used.trustAnchor.bindings } : {}) };

  // With a verifying key every Reference is digested (memoized); without one, only the first
  // DIGESTS_WITHOUT_VERIFIED_KEY, to tell the user whether the content changed as well.
  const toDigest = used ? prepared : prepared.filter((o) => !o.problem).slice(0, DIGESTS_WITHOUT_VERIFIED_KEY);
  for (const o of toDigest) {
    const failed = await digestReference(o, signature, memo);
    if (failed) return unsupported(failed);
  }
  const skipped = prepared.filter((o) => !o.problem && o.report.computedDigest === null).length;
  check.referenced = prepared.flatMap((o) => (o.element ? [o.element] : []));

  const problems = prepared.filter((o) => o.problem);
  const mismatched = prepared.filter((o) => !o.problem && o.report.computedDigest !== null && !o.report.digestValid);
  for (const o of problems) {
    findings.push({ code: o.problem!.includes('ambiguous') ? 'duplicate-id' : 'signature-invalid', severity: 'error', title: o.problem!.includes('ambiguous') ? 'Signature reference is ambiguous (duplicate ID)' : 'Signature reference does not resolve', explanation: `${where}: ${o.problem}`, fix: 'A message whose signed element cannot be identified uniquely must be rejected. If you did not tamper with it, the sender produced a broken message.', references: ['SAML core §5.4.2', 'XML-DSig §4.3.3'], node: signature });
  }
  for (const o of mismatched) {
    findings.push({ code: 'digest-mismatch', severity: 'error', title: 'Digest mismatch: the signed content was changed', explanation: `${where}, reference ${o.report.uri || '""'}: the digest of the canonicalized ${o.report.resolvedTo?.localName ?? 'content'} is ${o.report.computedDigest}, the signature expects ${o.report.expectedDigest}. The content changed after signing (edited, re-formatted or re-encoded) or is canonicalized differently.`, fix: 'Verify the message exactly as received (no pretty-printing, no re-encoding). If it is unmodified, the IdP signs something other than what it sends.', references: ['XML-DSig §3.2.1'], node: o.element ?? signature });
  }
  const digestsOk = prepared.length > 0 && problems.length === 0 && mismatched.length === 0 && skipped === 0;
  if (prepared.length === 0) findings.push({ code: 'signature-invalid', severity: 'error', title: 'Signature without reference', explanation: `${where} signs no Reference, so it covers nothing.`, fix: 'Reject the message; a signature must reference the element it protects.', references: ['SAML core §5.4.2'], node: signature });
  check.mathematicallySound = digestsOk && used !== null;

  const anchorList = anchors.length ? anchors.map((a) => `${a.description}: ${a.subject ?? ''} (SHA-256 ${a.sha256Fingerprint ?? 'n/a'})`).join('; ') : 'none';
  if (!sigBytes.ok || !used) {
    report.verdict = 'invalid';
    // A bare RSAKeyValue is a key to check against as much as a certificate: one that does not
    // verify makes the signature invalid, not "nothing to verify against".
    const keyValues = descendants(firstChild(signature, NS.dsig, 'KeyInfo'), NS.dsig, 'RSAKeyValue').length;
    const hasKeyInfo = keyInfoCertificates.length > 0 || keyValues > 0;
    report.reason = !sigBytes.ok
      ? signatureValue ? 'The SignatureValue is not valid base64.' : 'The Signature has no SignatureValue element.'
      : anchors.length === 0 && !hasKeyInfo
        ? 'No key to verify with: nothing trusted was given and the signature carries no certificate.'
        : `The SignatureValue does not verify with ${anchors.length ? `any of the ${anchors.length} trusted key(s)` : 'the trust you gave (none)'}${hasKeyInfo ? ` nor with the ${keyInfoCertificates.length > 0 ? 'certificate' : 'RSAKeyValue'} in KeyInfo` : ''}.`;
    if (skipped) report.reason += ` ${skipped} Reference(s) were not digested: nothing in an unverified SignedInfo is worth the work.`;
    if (sigBytes.ok && anchors.length === 0 && !hasKeyInfo) {
      report.verdict = 'untrusted';
      findings.push({ code: 'signature-no-trust-anchor', severity: 'info', title: 'Nothing to verify the signature against', explanation: `${where} carries no certificate and no trusted metadata or certificate was given; its signature value cannot be checked.`, fix: 'Give the IdP metadata (or its signing certificate) as trusted material to check the signature value.', fixParts: { surface: GIVE_TRUST }, node: signature });
    } else {
      findings.push({ code: 'signature-invalid', severity: 'error', title: 'Signature value does not verify', explanation: `${where}: ${report.reason} ${mismatched.length ? 'Its digests do not match either: the content was modified.' : problems.length === 0 && mismatched.length === 0 && prepared.length > 0 ? 'The digests checked match, so SignedInfo itself was modified, or it was signed by a key you do not have.' : ''} Trusted keys: ${anchorList}.`, fix: 'Check that the trusted metadata is the current one of this IdP; otherwise the message was modified or forged.', references: ['XML-DSig §3.2.2'], node: signature });
    }
  } else if (!digestsOk) {
    report.verdict = 'invalid';
    report.reason = prepared.length === 0
      ? `SignedInfo is authentic (signed by ${used.subject ?? 'the key'}), but it signs no Reference, so it covers nothing.`
      : `SignedInfo is authentic (signed by ${used.subject ?? 'the key'}), but ${problems.length ? 'a reference does not resolve to a unique element' : 'a reference digest does not match'}: the signed content was changed.`;
  } else if (used.decision && !used.decision.accepted) {
    // CONTRACT §2: a pasted key of another entity or role is not an anchor for this element.
    report.verdict = 'untrusted';
    report.reason = `Mathematically correct with a trusted key, but not one this ${claim.element}'s issuer may use: ${used.decision.reason}`;
    findings.push(policy.rejectedFinding(where, used.decision, claim, signature));
  } else if (used.source === 'keyinfo') {
    report.verdict = 'untrusted';
    const signer = describeCert({ subject: used.subject, sha256: used.sha256 }, used.cert ?? undefined);
    if (anchors.length === 0) {
      report.reason = `Mathematically correct with the certificate embedded in KeyInfo, ${signer}; nothing trusted was given, and an embedded certificate proves nothing on its own.`;
      findings.push({ code: 'signature-no-trust-anchor', severity: 'info', title: 'Signature checked only against its own embedded certificate', explanation: `${where} verifies with the certificate inside the message (${signer}), but anyone can embed a certificate: without trusted metadata or a certificate the message is not authenticated.`, fix: 'Give the IdP metadata (or its signing certificate) as trusted material to authenticate the message.', fixParts: { surface: GIVE_TRUST }, references: ['SAML metadata §2.4.1.1'], node: signature });
    } else {
      report.reason = `Signed by ${signer}, which is not among your trusted keys (${anchorList}).`;
      findings.push({ code: 'signature-untrusted-key', severity: 'error', title: 'Signed with a key you do not trust', explanation: `${where} verifies, but with the certificate embedded in the message: ${signer}. The trusted keys are: ${anchorList}. If the IdP rotated its signing certificate, your SP still trusts the old one; otherwise the message was signed by someone else.`, fix: 'If this is a legitimate rollover, download the IdP\'s current metadata and update the certificate the SP trusts; otherwise reject the message.', references: ['SAML metadata §2.4.1.1'], node: signature });
    }
  } else {
    report.verdict = 'valid';
    report.reason = `All ${prepared.length} reference digest(s) match and the signature verifies with ${used.anchor}, ${policy.acceptedBecause(used.trustAnchor, used.decision, claim)}`;
    const anchor = used.trustAnchor;
    const der = anchor?.certificateDer;
    if (anchor && der) {
      const p = parseCertificate(der);
      if (p.ok && p.cert.notAfter.getTime() < at.getTime()) {
        findings.push({ code: 'cert-expired', severity: 'warning', title: 'Signing certificate expired', explanation: `${where} is signed with ${anchor.description}, whose certificate expired on ${p.cert.notAfter.toISOString()} (evaluated at ${at.toISOString()}). Most SPs ignore certificate validity for metadata-pinned keys, some (ADFS, Shibboleth with PKIX) reject it.`, fix: 'Rotate the IdP signing certificate and give the SP the new metadata.', node: signature });
      }
    }
  }
  return check;
}

/** docs/limits.md (XML signatures): one finding per limit hit. */
function signatureLimitFinding(explanation: string, node: Node | null): RawFinding {
  return { code: 'signature-limit-exceeded', severity: 'error', title: 'Signature over a resource limit', explanation: `${explanation} What lies past the limit is not computed, so the signature cannot be valid. No legitimate SAML message comes near these limits; this shape is how a hostile message makes a verifier do unbounded work.`, fix: 'Reject the message. If a real system produced it, report the limit named above together with the message.', references: ['XML-DSig Best Practices §2.1 (W3C Note 2013)'], node };
}

/**
 * A document obtained from the received one by decryption (xenc/document.ts): the same elements,
 * except Encrypted* elements replaced by what they encrypt. A signature must be checked on the
 * form it was made on — the Response signature over the EncryptedAssertion as sent, the
 * Assertion's own signature over the decrypted assertion (SAML core §6.2: sign, then encrypt) —
 * so each signature is verified in the earliest document holding it.
 */
export interface DerivedDocument {
  /** The document this one was derived from (the received form, or an earlier decryption stage). */
  readonly origin: Document;
  readonly originDerivation?: DerivedDocument | undefined;
  /** The same node in `origin`; null for content that exists only after decryption. */
  toOrigin(node: Node): Node | null;
  /** The node of this document an `origin` node stands for (a replaced element: its replacement). */
  fromOrigin(node: Node): Node | null;
}

/**
 * Verify every ds:Signature of a parsed document, each on its own (verdict, key, references).
 * With `derivation`, `doc` is a decrypted message: each signature is checked in the document it
 * was made in (DerivedDocument), and what it references is carried forward into `doc`, where the
 * caller judges coverage.
 */
export async function verifySignatures<C extends SignerIdentity>(doc: Document, anchors: TrustAnchor[], at: Date, policy: SignerPolicy<C>, derivation?: DerivedDocument): Promise<DocumentSignatures> {
  const findings: RawFinding[] = [];
  const ids = buildIdIndex(doc, policy.idAttribute);
  for (const [id, els] of ids) {
    if (els.length > 1) findings.push({ code: 'duplicate-id', severity: 'error', title: 'Duplicate ID', explanation: `${els.length} elements (${els.map((e) => e.localName).join(', ')}) have ${policy.idAttribute}="${id}". IDs must be unique (SAML core §1.3.4); duplicates let an attacker make a verifier check one element while the application reads another.`, fix: 'Reject the message. A legitimate IdP never emits duplicate IDs.', references: ['SAML core §1.3.4', 'XML-DSig §4.3.3.2'], node: els[1] ?? null });
  }
  const allSignatures = descendants(doc, NS.dsig, 'Signature');
  // docs/limits.md: the signatures past the limit are not verified at all, and the message is not trusted.
  const sigElements = allSignatures.slice(0, MAX_SIGNATURES_PER_DOCUMENT);
  const signaturesOverLimit = allSignatures.length > MAX_SIGNATURES_PER_DOCUMENT;
  if (signaturesOverLimit) findings.push(signatureLimitFinding(`The document holds ${allSignatures.length} Signatures; samlscope verifies at most ${MAX_SIGNATURES_PER_DOCUMENT} per document, so the last ${allSignatures.length - MAX_SIGNATURES_PER_DOCUMENT} are not reported.`, allSignatures[MAX_SIGNATURES_PER_DOCUMENT] ?? null));
  const checks: SignatureCheck[] = [];
  const idIndexes = new Map<Document, Map<string, Element[]>>([[doc, ids]]);
  const memos = new Map<Document, CanonicalMemo>();
  for (const [i, s] of sigElements.entries()) {
    // Walk back through the decryption stages to the document the signature first appears in.
    let made: Element = s;
    let madeIn = doc;
    const chain: DerivedDocument[] = [];
    for (let d = derivation; d; d = d.originDerivation) {
      const o = d.toOrigin(made);
      if (!o) break;
      made = o as Element;
      madeIn = d.origin;
      chain.push(d);
    }
    let madeIds = idIndexes.get(madeIn);
    if (!madeIds) idIndexes.set(madeIn, (madeIds = buildIdIndex(madeIn, policy.idAttribute)));
    let memo = memos.get(madeIn);
    if (!memo) memos.set(madeIn, (memo = new CanonicalMemo(madeIn)));
    const check = await checkSignature(made, i + 1, madeIn, madeIds, anchors, at, findings, memo, policy);
    if (chain.length) {
      // Coverage is judged in the decrypted document: carry the referenced elements forward.
      const stages = chain.reverse();
      check.referenced = check.referenced.flatMap((r) => {
        let n: Node | null = r;
        for (const d of stages) n = n ? d.fromOrigin(n) : null;
        return n ? [n as Element] : [];
      });
      check.element = s;
    }
    checks.push(check);
  }
  return { checks, findings, signatureCount: sigElements.length, overLimit: signaturesOverLimit || checks.some((c) => c.overLimit) };
}

/**
 * The outermost of the elements `check`'s References resolve to that contains `node`: a signature
 * covers exactly the union of what its References resolve to (XML-DSig §4.3.3), URI="" being the
 * whole document (§4.3.3.3).
 */
export function coveringReference(check: SignatureCheck, node: Node): Element | undefined {
  return check.referenced.filter((r) => isAncestorOrSelf(r, node)).sort((a, b) => depthOf(a) - depthOf(b))[0];
}

/** An enveloped signature protects its parent only when what it references contains that parent. */
export function coversItsParent(check: SignatureCheck): boolean {
  return check.element.parentNode !== null && coveringReference(check, check.element.parentNode) !== undefined;
}

export function depthOf(n: Node): number {
  let d = 0;
  for (let p = n.parentNode; p; p = p.parentNode) d++;
  return d;
}
