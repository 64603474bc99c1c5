// Reading xenc:EncryptedData and xenc:EncryptedKey (XML Encryption 1.1 §3).
import { decodeBase64Lenient } from '../encoding/base64';
import { attr, childElements, descendants, firstChild } from '../xml/dom';
import { DSIG, TYPE_ENCRYPTED_KEY, XENC, XENC11 } from './algorithms';
import { xencError, type XencError } from './errors';

/** §3.2 EncryptionMethod, with the OAEP parameters of §5.5.2. */
export interface EncryptionMethod {
  algorithm: string;
  /** ds:DigestMethod inside an RSA-OAEP EncryptionMethod. */
  digest: string | null;
  /** xenc11:MGF Algorithm (XML Encryption 1.1 rsa-oaep only). */
  mgf: string | null;
  /** xenc:OAEPparams, the OAEP label (base64). */
  oaepParams: Uint8Array | null;
}

export interface EncryptedKeyInfo {
  element: Element;
  id: string | null;
  recipient: string | null;
  method: EncryptionMethod;
  cipherValue: Uint8Array | null;
  /** base64 DER of the certificates in its ds:KeyInfo: whose public key it was encrypted to. */
  certificates: string[];
  keyName: string | null;
  /** How it was found: inline, RetrievalMethod, sibling. */
  foundBy: string;
}

export interface EncryptedDataInfo {
  element: Element;
  id: string | null;
  type: string | null;
  method: EncryptionMethod | null;
  cipherValue: Uint8Array | null;
  encryptedKeys: EncryptedKeyInfo[];
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: XencError };

function methodOf(el: Element | null): EncryptionMethod | null {
  if (!el) return null;
  const params = firstChild(el, XENC, 'OAEPparams');
  const decoded = params ? decodeBase64Lenient(params.textContent ?? '') : null;
  return {
    algorithm: attr(el, 'Algorithm') ?? '',
    digest: attr(firstChild(el, DSIG, 'DigestMethod'), 'Algorithm'),
    mgf: attr(firstChild(el, XENC11, 'MGF'), 'Algorithm'),
    oaepParams: decoded && decoded.ok ? decoded.value.bytes : null,
  };
}

/** §3.3 CipherData: a CipherValue only. A CipherReference would need fetching a URI: refused. */
function cipherValueOf(el: Element, what: string): Parsed<Uint8Array> {
  const cipherData = firstChild(el, XENC, 'CipherData');
  if (!cipherData) return { ok: false, error: xencError('xenc-malformed', `${what} has no xenc:CipherData (XML Encryption 1.1 §3.1).`) };
  if (firstChild(cipherData, XENC, 'CipherReference')) {
    return { ok: false, error: xencError('xenc-unsupported', `${what} points to its ciphertext with a CipherReference (XML Encryption 1.1 §3.3.1); samlscope never fetches anything, and SAML messages carry a CipherValue.`) };
  }
  const value = firstChild(cipherData, XENC, 'CipherValue');
  const bytes = decodeBase64Lenient(value?.textContent ?? '');
  if (!value || !bytes.ok || bytes.value.bytes.length === 0) return { ok: false, error: xencError('xenc-malformed', `${what}'s CipherValue is missing or not base64.`) };
  return { ok: true, value: bytes.value.bytes };
}

function encryptedKeyOf(el: Element, foundBy: string): EncryptedKeyInfo {
  const cv = cipherValueOf(el, 'EncryptedKey');
  const keyInfo = firstChild(el, DSIG, 'KeyInfo');
  return {
    element: el,
    id: attr(el, 'Id'),
    recipient: attr(el, 'Recipient'),
    method: methodOf(firstChild(el, XENC, 'EncryptionMethod')) ?? { algorithm: '', digest: null, mgf: null, oaepParams: null },
    cipherValue: cv.ok ? cv.value : null,
    certificates: descendants(keyInfo, DSIG, 'X509Certificate').map((c) => (c.textContent ?? '').replace(/\s+/g, '')),
    keyName: firstChild(keyInfo, DSIG, 'KeyName')?.textContent?.trim() ?? null,
    foundBy,
  };
}

/** Every element in the document with Id="id" (xenc uses `Id`, XML Encryption 1.1 §3.1). */
function byXencId(doc: Document, id: string): Element[] {
  return descendants(doc, XENC, 'EncryptedKey').filter((k) => attr(k, 'Id') === id);
}

/**
 * Parse an EncryptedData and collect the EncryptedKeys that may hold its key, in the forms real
 * IdPs use (all same-document, nothing fetched):
 * - inline: EncryptedData/ds:KeyInfo/xenc:EncryptedKey (§3.5.1; Shibboleth, ADFS, PingFederate);
 * - ds:RetrievalMethod Type="…#EncryptedKey" URI="#id" (§3.5.1; Okta puts the EncryptedKey next
 *   to the EncryptedData inside the EncryptedAssertion);
 * - xenc:EncryptedKey siblings inside the SAML Encrypted* element (SAML core §6.2), filtered by their
 *   ReferenceList when they have one, and ds:KeyName ↔ CarriedKeyName (§3.5.1).
 */
export function parseEncryptedData(el: Element, doc: Document): Parsed<EncryptedDataInfo> {
  const cv = cipherValueOf(el, 'EncryptedData');
  if (!cv.ok) return cv;
  const id = attr(el, 'Id');
  const keys: EncryptedKeyInfo[] = [];
  const seen = new Set<Element>();
  const add = (k: Element, foundBy: string) => {
    if (seen.has(k)) return;
    seen.add(k);
    keys.push(encryptedKeyOf(k, foundBy));
  };
  const keyInfo = firstChild(el, DSIG, 'KeyInfo');
  for (const k of childElements(keyInfo, XENC, 'EncryptedKey')) add(k, 'inline in EncryptedData/KeyInfo');
  for (const rm of childElements(keyInfo, DSIG, 'RetrievalMethod')) {
    const uri = attr(rm, 'URI') ?? '';
    const type = attr(rm, 'Type');
    if (type && type !== TYPE_ENCRYPTED_KEY) continue;
    if (!uri.startsWith('#')) {
      return { ok: false, error: xencError('xenc-unsupported', `The EncryptedData's RetrievalMethod points to ${JSON.stringify(uri)}; only same-document references (#id) are followed, nothing is fetched.`) };
    }
    for (const k of byXencId(doc, uri.slice(1))) add(k, `RetrievalMethod ${uri}`);
  }
  const parent = el.parentNode && el.parentNode.nodeType === 1 ? (el.parentNode as Element) : null;
  for (const k of childElements(parent, XENC, 'EncryptedKey')) {
    const refs = descendants(firstChild(k, XENC, 'ReferenceList'), XENC, 'DataReference').map((r) => attr(r, 'URI'));
    if (refs.length && !(id && refs.includes(`#${id}`))) continue;
    add(k, 'sibling EncryptedKey (SAML core §6.2)');
  }
  const keyName = firstChild(keyInfo, DSIG, 'KeyName')?.textContent?.trim();
  if (keyName) {
    for (const k of descendants(doc, XENC, 'EncryptedKey')) if (firstChild(k, XENC, 'CarriedKeyName')?.textContent?.trim() === keyName) add(k, `KeyName ${keyName}`);
  }
  return { ok: true, value: { element: el, id, type: attr(el, 'Type'), method: methodOf(firstChild(el, XENC, 'EncryptionMethod')), cipherValue: cv.value, encryptedKeys: keys } };
}
