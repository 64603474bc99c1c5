// Algorithm identifiers of XML Encryption 1.0 (https://www.w3.org/TR/2002/REC-xmlenc-core-20021210/)
// and 1.1 (https://www.w3.org/TR/xmlenc-core1/), with what WebCrypto needs to run them.

export const XENC = 'http://www.w3.org/2001/04/xmlenc#';
export const XENC11 = 'http://www.w3.org/2009/xmlenc11#';
export const DSIG = 'http://www.w3.org/2000/09/xmldsig#';

/** XML Encryption 1.0 §3.1: the Type of an EncryptedData that replaces a whole element or its content. */
export const TYPE_ELEMENT = `${XENC}Element`;
export const TYPE_CONTENT = `${XENC}Content`;
/** §3.5.1 RetrievalMethod Type pointing at an EncryptedKey. */
export const TYPE_ENCRYPTED_KEY = `${XENC}EncryptedKey`;

export type HashName = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

export interface BlockCipher {
  uri: string;
  name: string;
  mode: 'CBC' | 'GCM' | '3DES';
  keyBytes: number;
}

/** XML Encryption 1.1 §5.2 block encryption algorithms. */
export const BLOCK_CIPHERS: Record<string, BlockCipher> = {
  [`${XENC}aes128-cbc`]: { uri: `${XENC}aes128-cbc`, name: 'AES-128-CBC', mode: 'CBC', keyBytes: 16 },
  [`${XENC}aes192-cbc`]: { uri: `${XENC}aes192-cbc`, name: 'AES-192-CBC', mode: 'CBC', keyBytes: 24 },
  [`${XENC}aes256-cbc`]: { uri: `${XENC}aes256-cbc`, name: 'AES-256-CBC', mode: 'CBC', keyBytes: 32 },
  [`${XENC11}aes128-gcm`]: { uri: `${XENC11}aes128-gcm`, name: 'AES-128-GCM', mode: 'GCM', keyBytes: 16 },
  [`${XENC11}aes192-gcm`]: { uri: `${XENC11}aes192-gcm`, name: 'AES-192-GCM', mode: 'GCM', keyBytes: 24 },
  [`${XENC11}aes256-gcm`]: { uri: `${XENC11}aes256-gcm`, name: 'AES-256-GCM', mode: 'GCM', keyBytes: 32 },
  [`${XENC}tripledes-cbc`]: { uri: `${XENC}tripledes-cbc`, name: 'Triple DES (CBC)', mode: '3DES', keyBytes: 24 },
};

export type KeyTransportFamily = 'rsa-oaep-mgf1p' | 'rsa-oaep' | 'rsa-1_5';

/** XML Encryption 1.1 §5.5 key transport. */
export const KEY_TRANSPORTS: Record<string, { uri: string; family: KeyTransportFamily; name: string }> = {
  [`${XENC}rsa-oaep-mgf1p`]: { uri: `${XENC}rsa-oaep-mgf1p`, family: 'rsa-oaep-mgf1p', name: 'RSA-OAEP (MGF1 with SHA-1)' },
  [`${XENC11}rsa-oaep`]: { uri: `${XENC11}rsa-oaep`, family: 'rsa-oaep', name: 'RSA-OAEP (XML Encryption 1.1)' },
  [`${XENC}rsa-1_5`]: { uri: `${XENC}rsa-1_5`, family: 'rsa-1_5', name: 'RSAES-PKCS1-v1_5' },
};

/** XML Encryption 1.1 §5.6 symmetric key wrap. */
export const KEY_WRAPS: Record<string, { uri: string; name: string; keyBytes: number }> = {
  [`${XENC}kw-aes128`]: { uri: `${XENC}kw-aes128`, name: 'AES-128 key wrap', keyBytes: 16 },
  [`${XENC}kw-aes192`]: { uri: `${XENC}kw-aes192`, name: 'AES-192 key wrap', keyBytes: 24 },
  [`${XENC}kw-aes256`]: { uri: `${XENC}kw-aes256`, name: 'AES-256 key wrap', keyBytes: 32 },
};

/**
 * Digest URIs usable in an OAEP EncryptionMethod's ds:DigestMethod (XML Encryption 1.1 §5.4:
 * SHA-1 is the default; SHA-256/384/512 are listed there and in RFC 6931).
 */
export const OAEP_DIGESTS: Record<string, HashName> = {
  'http://www.w3.org/2000/09/xmldsig#sha1': 'SHA-1',
  [`${XENC}sha256`]: 'SHA-256',
  'http://www.w3.org/2001/04/xmldsig-more#sha384': 'SHA-384',
  [`${XENC}sha384`]: 'SHA-384',
  [`${XENC}sha512`]: 'SHA-512',
};

/** XML Encryption 1.1 §5.5.2: xenc11:MGF Algorithm values (mgf1sha224 is absent: WebCrypto has no SHA-224). */
export const MGF_ALGORITHMS: Record<string, HashName> = {
  [`${XENC11}mgf1sha1`]: 'SHA-1',
  [`${XENC11}mgf1sha256`]: 'SHA-256',
  [`${XENC11}mgf1sha384`]: 'SHA-384',
  [`${XENC11}mgf1sha512`]: 'SHA-512',
};

export const HASH_BYTES: Record<HashName, number> = { 'SHA-1': 20, 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 };

export function shortUri(uri: string): string {
  const i = uri.lastIndexOf('#');
  return i >= 0 ? uri.slice(i + 1) : uri;
}
