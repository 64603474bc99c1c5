// Signing what the mock SP sends, the two ways SAML allows:
// - HTTP-POST: an enveloped XML signature inside the message (SAML core §5, XML-DSig);
// - HTTP-Redirect: a signature over the query string (SAML bindings §3.4.4.1), the message
//   itself carrying no <ds:Signature>.
// WebCrypto only; the private key never leaves its CryptoKey.
import { XMLSerializer } from '@xmldom/xmldom';
import { encodeBase64 } from '../encoding/base64';
import { C14N_URIS, canonicalize } from '../dsig/c14n';
import { ENVELOPED_SIGNATURE, SIGNATURE_ALGORITHMS, type HashName } from '../dsig/algorithms';
import { fail, ok, type Result } from '../types';
import { NS } from '../xml/dom';
import { parseXmlForEditing } from '../xml/parseForEditing';
import type { SpSigningKey } from './keys';
import { SP_SIGNATURE_ALGORITHMS, type SpSignatureAlgorithm } from './settings';

const DIGEST_URIS: Record<HashName, string> = {
  'SHA-1': 'http://www.w3.org/2000/09/xmldsig#sha1',
  'SHA-256': 'http://www.w3.org/2001/04/xmlenc#sha256',
  'SHA-384': 'http://www.w3.org/2001/04/xmldsig-more#sha384',
  'SHA-512': 'http://www.w3.org/2001/04/xmlenc#sha512',
};

export type SignErrorCode = 'not-xml' | 'no-id' | 'key-algorithm-mismatch' | 'signing-failed';
export interface SignError {
  code: SignErrorCode;
  message: string;
}

/** Whether `key` can produce `algorithm`; RSA keys are bound to one hash at import (WebCrypto). */
export function checkKeyForAlgorithm(key: CryptoKey, algorithm: SpSignatureAlgorithm): Result<true, SignError> {
  const alg = SIGNATURE_ALGORITHMS[SP_SIGNATURE_ALGORITHMS[algorithm]]!;
  const k = key.algorithm as { name: string; hash?: { name: string } };
  if (!key.usages.includes('sign')) return fail({ code: 'key-algorithm-mismatch', message: 'The key cannot sign (it has no "sign" usage).' });
  if (alg.family === 'RSA' && k.name !== 'RSASSA-PKCS1-v1_5') return fail({ code: 'key-algorithm-mismatch', message: `${algorithm} needs an RSA key; this key is ${k.name}.` });
  if (alg.family === 'ECDSA' && k.name !== 'ECDSA') return fail({ code: 'key-algorithm-mismatch', message: `${algorithm} needs an EC key; this key is ${k.name}.` });
  if (alg.family === 'RSA' && k.hash?.name !== alg.hash) return fail({ code: 'key-algorithm-mismatch', message: `This RSA key was imported for ${k.hash?.name}; ${algorithm} needs ${alg.hash}. Choose rsa-${(k.hash?.name ?? 'sha-256').replace('-', '').toLowerCase()} or re-import the key.` });
  return ok(true);
}

/** Raw signature value: PKCS#1 v1.5 for RSA; for ECDSA WebCrypto's r||s, which is XML-DSig 1.1 §6.4.3's format too (not DER). */
async function rawSign(key: CryptoKey, algorithm: SpSignatureAlgorithm, data: Uint8Array): Promise<Result<Uint8Array, SignError>> {
  const alg = SIGNATURE_ALGORITHMS[SP_SIGNATURE_ALGORITHMS[algorithm]]!;
  const usable = checkKeyForAlgorithm(key, algorithm);
  if (!usable.ok) return usable;
  try {
    const params = alg.family === 'RSA' ? { name: 'RSASSA-PKCS1-v1_5' } : { name: 'ECDSA', hash: alg.hash };
    return ok(new Uint8Array(await globalThis.crypto.subtle.sign(params, key, data as Uint8Array<ArrayBuffer>)));
  } catch (e) {
    return fail({ code: 'signing-failed', message: `WebCrypto refused to sign: ${(e as Error).message}` });
  }
}

/**
 * Enveloped signature of a SAML protocol message (AuthnRequest, LogoutRequest, …), as SAML core
 * §5.4 profiles XML-DSig: one Reference to the root's ID, transforms enveloped-signature then
 * exclusive C14N, SHA-2 digest, exclusive C14N of SignedInfo, KeyInfo with the certificate.
 * The Signature goes right after <saml:Issuer> (the schema of RequestAbstractType, SAML core
 * §3.2.1, puts it there). An existing Signature on the root is replaced (re-signing an edited request).
 */
export async function signXmlEnveloped(xml: string, key: SpSigningKey, algorithm: SpSignatureAlgorithm): Promise<Result<string, SignError>> {
  const parsed = parseXmlForEditing(xml);
  if (!parsed.ok) return fail({ code: 'not-xml', message: parsed.error.message });
  const doc = parsed.value;
  const signed = await signElementEnveloped(doc.documentElement!, key, algorithm);
  if (!signed.ok) return signed;
  return ok(serializeXml(doc));
}

/** A document as text, without the XML declaration xmldom adds (SAML bindings send none). */
export function serializeXml(doc: Document): string {
  const out = new XMLSerializer().serializeToString(doc as unknown as Parameters<XMLSerializer['serializeToString']>[0]);
  return out.replace(/^<\?xml[^>]*\?>\s*/, '');
}

/**
 * The same enveloped signature on any element of a mutable (@xmldom/xmldom) document: the mock
 * IdP signs a <saml:Assertion> inside its Response this way (SAML core §5.4.1: an assertion is
 * signed as a unit; its schema puts the Signature right after its Issuer too, §2.3.3).
 * Exclusive C14N makes the digest independent of the ancestors' namespace declarations, so the
 * element verifies the same wherever it ends up (XML-DSig §6.5.2, Exclusive C14N §1.1).
 */
export async function signElementEnveloped(element: Element, key: SpSigningKey, algorithm: SpSignatureAlgorithm): Promise<Result<Element, SignError>> {
  const root = element;
  const doc = element.ownerDocument!;
  const id = root.getAttribute('ID');
  if (!id) return fail({ code: 'no-id', message: `The <${root.tagName}> has no ID attribute, so a signature cannot reference it (SAML core §5.4.2).` });
  const usable = checkKeyForAlgorithm(key.privateKey, algorithm);
  if (!usable.ok) return usable;

  for (let c = root.firstChild; c; ) {
    const next = c.nextSibling;
    if (c.nodeType === 1 && (c as Element).namespaceURI === NS.dsig && (c as Element).localName === 'Signature') root.removeChild(c);
    c = next;
  }

  const sigAlgUri = SP_SIGNATURE_ALGORITHMS[algorithm];
  const hash = SIGNATURE_ALGORITHMS[sigAlgUri]!.hash;
  const exc = C14N_URIS.exclusive;
  const template =
    `<ds:Signature xmlns:ds="${NS.dsig}"><ds:SignedInfo>` +
    `<ds:CanonicalizationMethod Algorithm="${exc}"/>` +
    `<ds:SignatureMethod Algorithm="${sigAlgUri}"/>` +
    `<ds:Reference URI="#${id.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`)}"><ds:Transforms>` +
    `<ds:Transform Algorithm="${ENVELOPED_SIGNATURE}"/><ds:Transform Algorithm="${exc}"/>` +
    `</ds:Transforms><ds:DigestMethod Algorithm="${DIGEST_URIS[hash]}"/><ds:DigestValue></ds:DigestValue></ds:Reference>` +
    `</ds:SignedInfo><ds:SignatureValue></ds:SignatureValue>` +
    `<ds:KeyInfo><ds:X509Data><ds:X509Certificate>${key.certificateDer.replace(/\s+/g, '')}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature>`;
  const sigDoc = parseXmlForEditing(template);
  if (!sigDoc.ok) return fail({ code: 'signing-failed', message: `Bug: signature template does not parse: ${sigDoc.error.message}` });
  const signature = doc.importNode(sigDoc.value.documentElement!, true) as Element;

  let issuer: Element | null = null;
  for (let c = root.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1) {
      if ((c as Element).namespaceURI === NS.assertion && (c as Element).localName === 'Issuer') issuer = c as Element;
      break;
    }
  }
  root.insertBefore(signature, issuer ? issuer.nextSibling : root.firstChild);

  const find = (parent: Element, local: string): Element => {
    const stack: Element[] = [parent];
    while (stack.length) {
      const e = stack.pop()!;
      if (e.localName === local && e.namespaceURI === NS.dsig) return e;
      for (let c = e.lastChild; c; c = c.previousSibling) if (c.nodeType === 1) stack.push(c as Element);
    }
    throw new Error(`Bug: ${local} missing from the signature template`);
  };

  // XML-DSig §6.6.4: the enveloped-signature transform removes the Signature from the node-set.
  const referenced = canonicalize(root, { algorithm: exc, excludeElement: signature });
  if (!referenced.ok) return fail({ code: 'signing-failed', message: referenced.error.message });
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest(hash, new TextEncoder().encode(referenced.value)));
  find(signature, 'DigestValue').appendChild(doc.createTextNode(encodeBase64(digest)));

  const signedInfo = canonicalize(find(signature, 'SignedInfo'), { algorithm: exc });
  if (!signedInfo.ok) return fail({ code: 'signing-failed', message: signedInfo.error.message });
  const value = await rawSign(key.privateKey, algorithm, new TextEncoder().encode(signedInfo.value));
  if (!value.ok) return value;
  find(signature, 'SignatureValue').appendChild(doc.createTextNode(encodeBase64(value.value)));
  return ok(signature);
}

/**
 * Percent-encoding of a query parameter value: RFC 3986 unreserved characters stay, all else
 * is %XX with upper-case hex. Whatever encoding is chosen, SAML bindings §3.4.4.1 only requires
 * that the signature covers exactly these octets.
 */
export function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export interface RedirectQueryInput {
  parameter: 'SAMLRequest' | 'SAMLResponse';
  /** base64 of the raw-DEFLATEd message (SAML bindings §3.4.4.1) */
  encodedMessage: string;
  relayState?: string | null;
}

export interface RedirectQuery {
  /** The query string (no leading '?'), in the order SAMLRequest, RelayState, SigAlg, Signature. */
  query: string;
  /** What was signed: `SAMLRequest=…&RelayState=…&SigAlg=…` exactly as in `query`; null when unsigned. */
  signedOctets: string | null;
  sigAlg: string | null;
  /** base64 signature value (before URL-encoding); null when unsigned. */
  signature: string | null;
}

/** The unsigned query string of an HTTP-Redirect message. */
export function buildRedirectQuery(input: RedirectQueryInput): RedirectQuery {
  const parts = [`${input.parameter}=${encodeQueryValue(input.encodedMessage)}`];
  if (input.relayState) parts.push(`RelayState=${encodeQueryValue(input.relayState)}`);
  return { query: parts.join('&'), signedOctets: null, sigAlg: null, signature: null };
}

/**
 * SAML bindings §3.4.4.1: the signature covers `SAMLRequest=value&RelayState=value&SigAlg=value`
 * (RelayState only when present), with the values URL-encoded exactly as they are then put
 * into the URL, and is appended as `&Signature=…`.
 */
export async function signRedirectQuery(input: RedirectQueryInput, key: CryptoKey, algorithm: SpSignatureAlgorithm): Promise<Result<RedirectQuery, SignError>> {
  const sigAlg = SP_SIGNATURE_ALGORITHMS[algorithm];
  const signedOctets = `${buildRedirectQuery(input).query}&SigAlg=${encodeQueryValue(sigAlg)}`;
  const value = await rawSign(key, algorithm, new TextEncoder().encode(signedOctets));
  if (!value.ok) return value;
  const signature = encodeBase64(value.value);
  return ok({ query: `${signedOctets}&Signature=${encodeQueryValue(signature)}`, signedOctets, sigAlg, signature });
}
