// XML Encryption for SAML: decrypt EncryptedAssertion, EncryptedID and EncryptedAttribute with
// the SP private keys the user pasted (docs/decryption.md).
export { parseDecryptionKeys, type DecryptionKey } from './privateKeys';
export { decryptDocument, hasEncryptedContent, DecryptionStage, type DocumentDecryption } from './document';
export { decryptEncryptedData } from './decrypt';
export { decryptionFindings } from './findings';
export type { XencError, XencErrorCode } from './errors';
