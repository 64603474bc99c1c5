// The metadata document as the tools see it: each EntityDescriptor with its summary, the
// validUntil that governs it (its own or an enclosing EntitiesDescriptor's, whichever ends
// first — SAML metadata §2.3.1: "the validUntil of a containing element bounds its contents"),
// its keys with the facts a lint and a rollover plan need, and the line it starts on.
import { decodeBase64Lenient, encodeBase64 } from '../encoding/base64';
import { inputTooLarge } from '../limit-error';
import { METADATA_LIMITS } from '../limits';
import { summarizeEntity } from '../metadata/summarize';
import type { EntitySummary, InputError, Result } from '../types';
import { fail, ok } from '../types';
import { NS, attr, childElements, descendants } from '../xml/dom';
import { parseXmlSafely } from '../xml/parse';
import { x509 } from '../x509/peculiar';
import { readCertificateDer, type CertificateView } from '../x509/der';
import { MDNS } from './namespaces';
import { withoutWhitespace } from '../encoding/whitespace';

export interface KeyFacts {
  subject: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  /** 'RSA', 'EC P-256', 'Ed25519'… */
  keyAlgorithm: string;
  /** RSA modulus length or EC curve size, in bits. */
  keyBits: number | null;
  /** Hash of the certificate's own signature ('SHA-1', 'SHA-256'…), or null when unknown. */
  signatureHash: string | null;
  /** SHA-256 of the SubjectPublicKeyInfo, base64: the same key in a renewed certificate matches. */
  spki: string;
}

export interface MdKey {
  /** Local name of the role descriptor holding the KeyDescriptor. */
  role: string;
  /** KeyDescriptor `use`; absent means both (SAML metadata §2.4.1.1). */
  use: 'signing' | 'encryption' | null;
  /** base64 DER of the certificate. */
  der: string;
  facts: KeyFacts | null;
  /** Why the certificate could not be read, when facts is null. */
  problem: string | null;
}

export interface EffectiveValidUntil {
  value: string;
  time: number;
  /** The element whose attribute it is. */
  on: 'EntityDescriptor' | 'EntitiesDescriptor';
}

export interface MdEntity {
  element: Element;
  entityID: string;
  summary: EntitySummary;
  /** The earliest validUntil on this entity and its ancestors; null when none is set. */
  validUntil: EffectiveValidUntil | null;
  keys: MdKey[];
  /** 1-based line of its start tag in the text as given, or null when it could not be placed. */
  line: number | null;
}

export interface MdDocument {
  root: Element;
  kind: 'EntityDescriptor' | 'EntitiesDescriptor';
  entities: MdEntity[];
}

/** Parse a metadata document (errors as values: input-* codes, or input-unrecognized when it is XML but not SAML metadata). */
export function readMetadata(text: string): Result<MdDocument, InputError> {
  if (text.length > METADATA_LIMITS.inputChars) {
    return fail(inputTooLarge('The metadata document', { name: 'METADATA_LIMITS.inputChars', limit: METADATA_LIMITS.inputChars, seen: text.length, unit: 'characters' }));
  }
  const parsed = parseXmlSafely(text);
  if (!parsed.ok) return parsed;
  const root = parsed.value.documentElement;
  if (!root || root.namespaceURI !== NS.metadata || (root.localName !== 'EntityDescriptor' && root.localName !== 'EntitiesDescriptor')) {
    const name = root ? `{${root.namespaceURI ?? ''}}${root.localName}` : 'nothing';
    return fail({ code: 'input-unrecognized', message: `This is XML but not SAML metadata: the root element is ${name}, not md:EntityDescriptor or md:EntitiesDescriptor (SAML metadata §2.3).` });
  }
  const elements = root.localName === 'EntityDescriptor' ? [root] : descendants(root, NS.metadata, 'EntityDescriptor');
  const lines = entityStartLines(text, elements.length);
  const certCache = new Map<string, { facts: KeyFacts | null; problem: string | null }>();
  const entities = elements.map((element, i): MdEntity => ({
    element,
    entityID: attr(element, 'entityID') ?? '',
    summary: summarizeEntity(element),
    validUntil: effectiveValidUntil(element),
    keys: keysOf(element, certCache),
    line: lines ? lines[i]! : null,
  }));
  return ok({ root, kind: root.localName, entities });
}

function effectiveValidUntil(entity: Element): EffectiveValidUntil | null {
  let best: EffectiveValidUntil | null = null;
  for (let el: Node | null = entity; el && el.nodeType === 1; el = el.parentNode) {
    const e = el as Element;
    if (e.namespaceURI !== NS.metadata) continue;
    const v = attr(e, 'validUntil');
    if (v === null) continue;
    const time = Date.parse(v);
    if (Number.isNaN(time)) continue;
    if (!best || time < best.time) best = { value: v, time, on: e.localName === 'EntitiesDescriptor' ? 'EntitiesDescriptor' : 'EntityDescriptor' };
  }
  return best;
}

function keysOf(entity: Element, cache: Map<string, { facts: KeyFacts | null; problem: string | null }>): MdKey[] {
  const keys: MdKey[] = [];
  for (const role of childElements(entity, NS.metadata)) {
    if (!role.localName?.endsWith('Descriptor')) continue;
    for (const kd of childElements(role, NS.metadata, 'KeyDescriptor')) {
      const u = attr(kd, 'use');
      const use = u === 'signing' || u === 'encryption' ? u : null;
      for (const c of descendants(kd, NS.dsig, 'X509Certificate')) {
        const der = withoutWhitespace(c.textContent ?? '');
        let read = cache.get(der);
        if (!read) {
          read = readCertificate(der);
          cache.set(der, read);
        }
        keys.push({ role: role.localName, use, der, ...read });
      }
    }
  }
  return keys;
}

/**
 * Certificates are read by the core's own DER reader (x509/der.ts): a federation aggregate carries
 * ~20,000 of them and @peculiar/x509 builds a full ASN.1 object model of each (6 ms per
 * certificate, 90 % of a 100 MB lint: docs/metadata.md). What that reader declines goes to
 * @peculiar/x509, which reads more encodings and words why a broken certificate is broken.
 */
function readCertificate(der: string): { facts: KeyFacts | null; problem: string | null } {
  const bytes = decodeBase64Lenient(der);
  if (!bytes.ok) return { facts: null, problem: `The X509Certificate is not base64: ${bytes.error.message}` };
  const fast = readCertificateFast(bytes.value.bytes);
  return fast ? { facts: fast, problem: null } : readCertificateWithPeculiar(bytes.value.bytes);
}

/** The facts through x509/der.ts, or null when it declines the certificate. */
export function readCertificateFast(der: Uint8Array): KeyFacts | null {
  const cert = readCertificateDer(der);
  return cert.ok ? factsOf(cert.value, cert.value.signatureHash) : null;
}

/** The full parser: for what x509/der.ts does not read, and to word why a certificate is broken. */
export function readCertificateWithPeculiar(der: Uint8Array): { facts: KeyFacts | null; problem: string | null } {
  let cert: x509.X509Certificate;
  try {
    cert = new x509.X509Certificate(der as Uint8Array<ArrayBuffer>);
  } catch (e) {
    return { facts: null, problem: `The X509Certificate is not an X.509 certificate: ${(e as Error).message}` };
  }
  let signatureHash: string | null = null;
  try {
    // @peculiar/x509 names hashes 'SHA-1', 'SHA-256'…; the signature algorithm object carries it.
    const sig = cert.signatureAlgorithm as { name?: string; hash?: { name?: string } };
    signatureHash = sig.hash?.name ?? null;
  } catch {
    /* unknown signature algorithm */
  }
  return { facts: factsOf(cert, signatureHash), problem: null };
}

const DSA_OID = '1.2.840.10040.4.1';

/** The lint's facts from either reader's certificate (both satisfy CertificateView). */
function factsOf(cert: CertificateView, signatureHash: string | null): KeyFacts {
  let keyAlgorithm = 'unknown';
  let keyBits: number | null = null;
  try {
    const alg = cert.publicKey.algorithm as { name: string; modulusLength?: number; namedCurve?: string };
    if (/^RSA/.test(alg.name)) {
      keyAlgorithm = 'RSA';
      keyBits = alg.modulusLength ?? null;
    } else if (alg.name === 'ECDSA' || alg.name === 'ECDH') {
      keyAlgorithm = `EC ${alg.namedCurve ?? ''}`.trim();
      const size = /(\d+)$/.exec(alg.namedCurve ?? '');
      keyBits = size ? Number(size[1]) : null;
    } else keyAlgorithm = alg.name === DSA_OID ? 'DSA' : alg.name;
  } catch {
    /* an unusual key type: the certificate is still shown */
  }
  return {
    subject: cert.subject,
    issuer: cert.issuer,
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    keyAlgorithm,
    keyBits,
    signatureHash,
    spki: encodeBase64(new Uint8Array(cert.publicKey.rawData)),
  };
}

/**
 * Lines of the EntityDescriptor start tags, in document order, found in the text (the light DOM
 * keeps no positions). Null when the count differs from the elements (a start tag inside a comment
 * or CDATA section): then no line is better than a wrong one.
 */
function entityStartLines(text: string, expected: number): number[] | null {
  const re = /<(?:[A-Za-z_][\w.-]*:)?EntityDescriptor[\s/>]/g;
  const lines: number[] = [];
  let line = 1;
  let from = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    for (let i = text.indexOf('\n', from); i >= 0 && i < m.index; i = text.indexOf('\n', i + 1)) line++;
    from = m.index;
    lines.push(line);
  }
  return lines.length === expected ? lines : null;
}

/** The role names an entity declares, short: idp, sp, aa, pdp, authn… */
export function shortRoles(entity: MdEntity): string[] {
  const names: Record<string, string> = { IDPSSODescriptor: 'idp', SPSSODescriptor: 'sp', AttributeAuthorityDescriptor: 'aa', AuthnAuthorityDescriptor: 'authn', PDPDescriptor: 'pdp' };
  return [...new Set(entity.summary.roles.map((r) => names[r.role] ?? r.role))];
}

/** mdui:DisplayName (English first), else md:OrganizationDisplayName: what a discovery service shows. */
export function displayNameOf(entity: MdEntity): string | null {
  const names = descendants(entity.element, MDNS.mdui, 'DisplayName');
  const en = names.find((n) => attr(n, 'xml:lang') === 'en') ?? names[0];
  if (en) return (en.textContent ?? '').trim();
  const org = childElements(childElements(entity.element, NS.metadata, 'Organization')[0], NS.metadata, 'OrganizationDisplayName')[0];
  return org ? (org.textContent ?? '').trim() : null;
}
