/** XML-DSig / RFC 6931 algorithm identifiers, mapped to WebCrypto. */
export type HashName = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

export const DIGEST_ALGORITHMS: Record<string, HashName> = {
  'http://www.w3.org/2000/09/xmldsig#sha1': 'SHA-1',
  'http://www.w3.org/2001/04/xmlenc#sha256': 'SHA-256',
  'http://www.w3.org/2001/04/xmldsig-more#sha384': 'SHA-384',
  'http://www.w3.org/2001/04/xmlenc#sha512': 'SHA-512',
};

/**
 * Non-standard identifiers seen in real ADFS/ruby-saml messages (the hash is unambiguous, so
 * they are accepted, with a `non-standard-algorithm` warning; xmlsec1 rejects them).
 */
export const NONSTANDARD_DIGEST_ALIASES: Record<string, HashName> = {
  'http://www.w3.org/2001/04/xmlenc#sha384': 'SHA-384',
  'http://www.w3.org/2001/04/xmlenc#sha1': 'SHA-1',
  'http://www.w3.org/2001/04/xmldsig-more#sha256': 'SHA-256',
  'http://www.w3.org/2001/04/xmldsig-more#sha512': 'SHA-512',
};

export interface SignatureAlgorithm { family: 'RSA' | 'ECDSA'; hash: HashName }

export const SIGNATURE_ALGORITHMS: Record<string, SignatureAlgorithm> = {
  'http://www.w3.org/2000/09/xmldsig#rsa-sha1': { family: 'RSA', hash: 'SHA-1' },
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256': { family: 'RSA', hash: 'SHA-256' },
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha384': { family: 'RSA', hash: 'SHA-384' },
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512': { family: 'RSA', hash: 'SHA-512' },
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1': { family: 'ECDSA', hash: 'SHA-1' },
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256': { family: 'ECDSA', hash: 'SHA-256' },
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384': { family: 'ECDSA', hash: 'SHA-384' },
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512': { family: 'ECDSA', hash: 'SHA-512' },
};

export const NONSTANDARD_SIGNATURE_ALIASES: Record<string, SignatureAlgorithm> = {
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha1': { family: 'RSA', hash: 'SHA-1' },
  'http://www.w3.org/2000/09/xmldsig#rsa-sha256': { family: 'RSA', hash: 'SHA-256' },
};

export const ENVELOPED_SIGNATURE = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

export function shortAlgorithmName(uri: string): string {
  const hash = uri.lastIndexOf('#');
  return hash >= 0 ? uri.slice(hash + 1) : uri;
}
