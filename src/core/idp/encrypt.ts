// Encryption of the assertion to the SP (SAML core §2.3.4 EncryptedAssertion, §6.1 "the
// Type attribute SHOULD be present and, if present, MUST contain a value of
// http://www.w3.org/2001/04/xmlenc#Element"), with XML Encryption 1.1: a fresh content key,
// AES-GCM or AES-CBC over the serialized <saml:Assertion>, the content key wrapped with
// RSA-OAEP to the SP's encryption certificate. The algorithm identifiers are the decryptor's
// own tables (../xenc/algorithms), so what the mock IdP can send is what samlscope can read.
import { encodeBase64 } from '../encoding/base64';
import { escapeXml, newMessageId } from '../mocksp/authnRequest';
import { fail, ok, type Result } from '../types';
import { parseCertificate } from '../x509/certificate';
import { BLOCK_CIPHERS, KEY_TRANSPORTS, TYPE_ELEMENT, XENC, XENC11 } from '../xenc/algorithms';
import { NS } from '../xml/dom';
import { parseXmlForEditing } from '../xml/parseForEditing';

/** Block ciphers the mock IdP encrypts with (Triple DES is left out: XML Encryption 1.1 §5.2 marks it for legacy only). */
export const IDP_BLOCK_CIPHERS = {
  'aes128-gcm': `${XENC11}aes128-gcm`,
  'aes256-gcm': `${XENC11}aes256-gcm`,
  'aes128-cbc': `${XENC}aes128-cbc`,
  'aes256-cbc': `${XENC}aes256-cbc`,
} as const;
export type IdpBlockCipher = keyof typeof IDP_BLOCK_CIPHERS;

/**
 * Key transports WebCrypto can produce: RSA-OAEP with one hash for the label digest and MGF1.
 * `rsa-oaep-mgf1p` (XML Encryption 1.0, MGF1-SHA-1, SHA-1 digest) is what every SP library reads;
 * `rsa-oaep` (1.1) is sent with SHA-256 for both. RSAES-PKCS1-v1_5 is absent: WebCrypto has no
 * encryption for it, and XML Encryption 1.1 §5.5.1 warns against it (Bleichenbacher).
 */
export const IDP_KEY_TRANSPORTS = {
  'rsa-oaep-mgf1p': `${XENC}rsa-oaep-mgf1p`,
  'rsa-oaep-sha256': `${XENC11}rsa-oaep`,
} as const;
export type IdpKeyTransport = keyof typeof IDP_KEY_TRANSPORTS;

export interface EncryptionChoice {
  /** The SP's encryption certificate (PEM or base64 DER), RSA. */
  certificate: string;
  blockCipher?: IdpBlockCipher;
  keyTransport?: IdpKeyTransport;
}

export type EncryptErrorCode = 'encryption-certificate-invalid' | 'encryption-key-not-rsa' | 'encryption-failed';
export interface EncryptError {
  code: EncryptErrorCode;
  message: string;
}

const subtle = () => globalThis.crypto.subtle;

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/**
 * The <saml:EncryptedAssertion> text for `plaintextXml` (a serialized Assertion that declares its
 * own namespaces). The EncryptedKey sits in the EncryptedData's KeyInfo (XML Encryption §3.5.1)
 * with the SP certificate in its own KeyInfo, so the SP knows which of its keys to use.
 */
export async function encryptAssertionXml(plaintextXml: string, choice: EncryptionChoice): Promise<Result<string, EncryptError>> {
  const parsed = parseCertificate(choice.certificate);
  if (!parsed.ok) return fail({ code: 'encryption-certificate-invalid', message: `The SP encryption certificate does not parse: ${parsed.message}` });
  const keyAlg = (parsed.cert.publicKey.algorithm as { name: string }).name;
  if (!/^RSA/.test(keyAlg)) return fail({ code: 'encryption-key-not-rsa', message: `The SP encryption certificate holds a ${keyAlg} key; key transport needs RSA (XML Encryption 1.1 §5.5).` });
  const cipher = BLOCK_CIPHERS[IDP_BLOCK_CIPHERS[choice.blockCipher ?? 'aes256-gcm']]!;
  const transport = KEY_TRANSPORTS[IDP_KEY_TRANSPORTS[choice.keyTransport ?? 'rsa-oaep-mgf1p']]!;
  const oaepHash = transport.family === 'rsa-oaep' ? 'SHA-256' : 'SHA-1';
  try {
    const contentKey = globalThis.crypto.getRandomValues(new Uint8Array(cipher.keyBytes));
    const data = new TextEncoder().encode(plaintextXml);
    let cipherOctets: Uint8Array;
    if (cipher.mode === 'GCM') {
      // XML Encryption 1.1 §5.2.4: 96-bit IV, then ciphertext, then the 128-bit tag.
      const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
      const key = await subtle().importKey('raw', contentKey, { name: 'AES-GCM' }, false, ['encrypt']);
      cipherOctets = concat(iv, new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv, tagLength: 128 }, key, data)));
    } else {
      // §5.2.1: the IV precedes the ciphertext. WebCrypto pads with PKCS#7, one of the paddings
      // XML Encryption's rule (last octet = pad length) accepts.
      const iv = globalThis.crypto.getRandomValues(new Uint8Array(16));
      const key = await subtle().importKey('raw', contentKey, { name: 'AES-CBC' }, false, ['encrypt']);
      cipherOctets = concat(iv, new Uint8Array(await subtle().encrypt({ name: 'AES-CBC', iv }, key, data)));
    }
    const rsa = await subtle().importKey('spki', parsed.cert.publicKey.rawData, { name: 'RSA-OAEP', hash: oaepHash }, false, ['encrypt']);
    const wrapped = new Uint8Array(await subtle().encrypt({ name: 'RSA-OAEP' }, rsa, contentKey));
    const digest = oaepHash === 'SHA-256' ? `${XENC}sha256` : 'http://www.w3.org/2000/09/xmldsig#sha1';
    const mgf = transport.family === 'rsa-oaep' ? `<xenc11:MGF xmlns:xenc11="${XENC11}" Algorithm="${XENC11}mgf1sha256"/>` : '';
    const certB64 = encodeBase64(parsed.der);
    return ok(
      `<saml:EncryptedAssertion xmlns:saml="${NS.assertion}">` +
        `<xenc:EncryptedData xmlns:xenc="${XENC}" Id="${escapeXml(newMessageId())}" Type="${TYPE_ELEMENT}">` +
        `<xenc:EncryptionMethod Algorithm="${cipher.uri}"/>` +
        `<ds:KeyInfo xmlns:ds="${NS.dsig}"><xenc:EncryptedKey Id="${escapeXml(newMessageId())}">` +
        `<xenc:EncryptionMethod Algorithm="${transport.uri}"><ds:DigestMethod Algorithm="${digest}"/>${mgf}</xenc:EncryptionMethod>` +
        `<ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certB64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>` +
        `<xenc:CipherData><xenc:CipherValue>${encodeBase64(wrapped)}</xenc:CipherValue></xenc:CipherData>` +
        `</xenc:EncryptedKey></ds:KeyInfo>` +
        `<xenc:CipherData><xenc:CipherValue>${encodeBase64(cipherOctets)}</xenc:CipherValue></xenc:CipherData>` +
        `</xenc:EncryptedData></saml:EncryptedAssertion>`,
    );
  } catch (e) {
    return fail({ code: 'encryption-failed', message: `WebCrypto refused to encrypt: ${(e as Error).message}` });
  }
}

/** Replace `assertion` (in a mutable document) by its EncryptedAssertion. */
export async function encryptAssertionInPlace(assertion: Element, serialized: string, choice: EncryptionChoice): Promise<Result<Element, EncryptError>> {
  const text = await encryptAssertionXml(serialized, choice);
  if (!text.ok) return text;
  const parsed = parseXmlForEditing(text.value);
  if (!parsed.ok) return fail({ code: 'encryption-failed', message: `Bug: EncryptedAssertion does not parse: ${parsed.error.message}` });
  const doc = assertion.ownerDocument!;
  const node = doc.importNode(parsed.value.documentElement!, true) as Element;
  assertion.parentNode!.replaceChild(node, assertion);
  return ok(node);
}
