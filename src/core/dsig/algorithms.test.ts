// The algorithm identifiers samlscope accepts, pinned to their specifications: a wrong URI or
// hash here would make a valid signature fail, or worse, check the wrong hash.
import { describe, expect, test } from 'vitest';
import { DIGEST_ALGORITHMS, ENVELOPED_SIGNATURE, NONSTANDARD_DIGEST_ALIASES, NONSTANDARD_SIGNATURE_ALIASES, SIGNATURE_ALGORITHMS, shortAlgorithmName } from './algorithms';

describe('algorithm identifiers', () => {
  test('digests: XML-DSig 1.0 (sha1), XML-Enc (sha256, sha512), RFC 6931 (sha384)', () => {
    expect(DIGEST_ALGORITHMS).toEqual({
      'http://www.w3.org/2000/09/xmldsig#sha1': 'SHA-1',
      'http://www.w3.org/2001/04/xmlenc#sha256': 'SHA-256',
      'http://www.w3.org/2001/04/xmldsig-more#sha384': 'SHA-384',
      'http://www.w3.org/2001/04/xmlenc#sha512': 'SHA-512',
    });
  });
  test('non-standard digest spellings seen in ADFS/ruby-saml messages', () => {
    expect(NONSTANDARD_DIGEST_ALIASES).toEqual({
      'http://www.w3.org/2001/04/xmlenc#sha384': 'SHA-384',
      'http://www.w3.org/2001/04/xmlenc#sha1': 'SHA-1',
      'http://www.w3.org/2001/04/xmldsig-more#sha256': 'SHA-256',
      'http://www.w3.org/2001/04/xmldsig-more#sha512': 'SHA-512',
    });
  });
  test('signatures: RSA PKCS#1 v1.5 and ECDSA with each hash (RFC 6931 §2.3)', () => {
    expect(SIGNATURE_ALGORITHMS).toEqual({
      'http://www.w3.org/2000/09/xmldsig#rsa-sha1': { family: 'RSA', hash: 'SHA-1' },
      'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256': { family: 'RSA', hash: 'SHA-256' },
      'http://www.w3.org/2001/04/xmldsig-more#rsa-sha384': { family: 'RSA', hash: 'SHA-384' },
      'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512': { family: 'RSA', hash: 'SHA-512' },
      'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1': { family: 'ECDSA', hash: 'SHA-1' },
      'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256': { family: 'ECDSA', hash: 'SHA-256' },
      'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384': { family: 'ECDSA', hash: 'SHA-384' },
      'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512': { family: 'ECDSA', hash: 'SHA-512' },
    });
  });
  test('non-standard signature spellings', () => {
    expect(NONSTANDARD_SIGNATURE_ALIASES).toEqual({
      'http://www.w3.org/2001/04/xmldsig-more#rsa-sha1': { family: 'RSA', hash: 'SHA-1' },
      'http://www.w3.org/2000/09/xmldsig#rsa-sha256': { family: 'RSA', hash: 'SHA-256' },
    });
  });
  test('the enveloped-signature transform (XML-DSig §6.6.4)', () => {
    expect(ENVELOPED_SIGNATURE).toBe('http://www.w3.org/2000/09/xmldsig#enveloped-signature');
  });
});

describe('shortAlgorithmName', () => {
  test('the fragment after the last "#"', () => {
    expect(shortAlgorithmName('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256')).toBe('rsa-sha256');
    expect(shortAlgorithmName('urn:x#a#b')).toBe('b');
    expect(shortAlgorithmName('#only')).toBe('only');
  });
  test('a URI without "#" is shown whole', () => {
    expect(shortAlgorithmName('urn:example:alg')).toBe('urn:example:alg');
  });
});
