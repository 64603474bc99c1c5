/** Errors are values (STYLE.md): every step of decryption returns one of these instead of throwing. */
export type XencErrorCode =
  /** The EncryptedData / EncryptedKey structure is not what XML Encryption §3 defines. */
  | 'xenc-malformed'
  /** An algorithm (or a CipherReference, a key agreement) samlscope does not implement. */
  | 'xenc-unsupported'
  /** No EncryptedKey could be found for the EncryptedData (XML Encryption §3.5.1, SAML core §6.2). */
  | 'xenc-no-encrypted-key'
  /** The key was decrypted by none of the keys given: the message was encrypted for someone else. */
  | 'xenc-wrong-key'
  /** CBC padding is garbage after decryption: wrong content key or tampered ciphertext. */
  | 'xenc-bad-padding'
  /** GCM authentication failed: wrong content key or tampered ciphertext/tag. */
  | 'xenc-auth-failed'
  /** The decrypted octets are not one well-formed XML element. */
  | 'xenc-plaintext-not-xml'
  /** A pasted private key could not be read. */
  | 'xenc-key-invalid';

export interface XencError {
  code: XencErrorCode;
  message: string;
}

export const xencError = (code: XencErrorCode, message: string): XencError => ({ code, message });

/** What a block cipher (AES-CBC, AES-GCM, Triple DES) returns: the plaintext, or why there is none. */
export type BlockResult = { ok: true; plaintext: Uint8Array } | { ok: false; error: XencError };
