// Findings about decryption (codes documented in docs/decryption.md).
import type { DecryptionTrace, RawFinding } from '../types';
import { BLOCK_CIPHERS, KEY_TRANSPORTS, XENC, shortUri } from './algorithms';
import { attr, descendants } from '../xml/dom';

const describe = (t: DecryptionTrace) =>
  `${t.element}${t.encryptedDataId ? ` (EncryptedData Id="${t.encryptedDataId}")` : ''}`;

function algorithmsOf(t: DecryptionTrace): string {
  const cipher = t.blockCipher ? (BLOCK_CIPHERS[t.blockCipher]?.name ?? shortUri(t.blockCipher)) : 'unknown cipher';
  const transport = t.keyTransport ? (KEY_TRANSPORTS[t.keyTransport]?.name ?? shortUri(t.keyTransport)) : 'unknown key transport';
  const oaep = t.oaepDigest ? `, OAEP digest ${t.oaepDigest}, MGF1 with ${t.oaepMgf}` : '';
  return `${cipher}, content key by ${transport}${oaep}`;
}

/** One finding per encrypted element: decrypted (info) or not (error), plus weak algorithms anywhere in the message. */
export function decryptionFindings(traces: DecryptionTrace[], elements: Element[], receivedDoc: Document): RawFinding[] {
  const out: RawFinding[] = [];
  traces.forEach((t, i) => {
    const node = elements[i] ?? null;
    if (t.outcome === 'ok') {
      const cbc = t.blockCipher && BLOCK_CIPHERS[t.blockCipher]?.mode === 'CBC';
      out.push({ code: 'assertion-decrypted', severity: 'info', title: `${t.element} decrypted`, explanation: `${describe(t)} was decrypted with ${t.key?.label ?? 'an SP key'} (${algorithmsOf(t)}; EncryptedKey ${t.encryptedKeyFoundBy ?? ''}). What follows about its content — summary, inner signature, rules — is about the decrypted form.${cbc ? ' AES-CBC is not authenticated: XML Encryption 1.1 §5.2 recommends AES-GCM since CBC ciphertexts can be decrypted by padding-oracle attacks against servers that report decryption errors.' : ''}`, fix: cbc ? 'Nothing to fix for this message. Prefer AES-GCM (http://www.w3.org/2009/xmlenc11#aes256-gcm) where the IdP offers it.' : 'Nothing to fix.', references: ['XML Encryption 1.1 §4.4', 'SAML core §2.3.4'], node });
      return;
    }
    const e = t.error ?? { code: 'xenc-wrong-key', message: 'Decryption failed.' };
    if (e.code === 'xenc-unsupported') {
      out.push({ code: 'unsupported-algorithm', severity: 'error', title: 'Unsupported encryption algorithm', explanation: `${describe(t)}: ${e.message}`, fix: 'Configure the IdP to encrypt with AES-256-GCM or AES-256-CBC and RSA-OAEP key transport; otherwise decrypt elsewhere (`xmlsec1 --decrypt --privkey-pem sp.key`).', references: ['XML Encryption 1.1 §5'], node });
      return;
    }
    const why: Record<string, string> = {
      'xenc-wrong-key': 'None of the SP private keys given decrypts the content key.',
      'xenc-bad-padding': 'The content key decrypted, but the content does not: the padding is garbage.',
      'xenc-auth-failed': 'The content key decrypted, but AES-GCM authentication failed.',
      'xenc-no-encrypted-key': 'The encrypted key is nowhere to be found.',
      'xenc-plaintext-not-xml': 'The decrypted content is not the XML SAML expects.',
      'xenc-malformed': 'The encrypted structure is malformed.',
    };
    const fix = e.code === 'xenc-wrong-key'
      ? 'Check which certificate the IdP encrypts to (the EncryptedKey\'s KeyInfo, or the encryption KeyDescriptor of your SP metadata at the IdP) and give its private key. After an SP key rollover, update the SP metadata at the IdP (authentik: the provider\'s "Encryption certificate").'
      : e.code === 'xenc-bad-padding' || e.code === 'xenc-auth-failed'
        ? 'The ciphertext was altered in transit or by hand, or the IdP encrypted with a broken key. Capture the message again, unmodified.'
        : 'Have the IdP send a well-formed EncryptedAssertion (SAML core §2.3.4, §6.2).';
    out.push({ code: 'decryption-failed', severity: 'error', title: `${t.element} could not be decrypted`, explanation: `${describe(t)}: ${why[e.code] ?? ''} ${e.message}${t.attempts.length ? ` Tried: ${t.attempts.join(' ')}` : ''} An SP with these keys rejects the message.`, fix, references: ['XML Encryption 1.1 §4.4', 'SAML core §6.2'], node });
  });
  // XML Encryption 1.1 §5.5.1 and §5.2.2: RSA v1.5 key transport is open to Bleichenbacher's
  // attack (see "Bleichenbacher's Attack Strikes Again", ESORICS 2012); 3DES is kept only for legacy.
  const weak = new Map<string, Element>();
  for (const m of descendants(receivedDoc, XENC, 'EncryptionMethod')) {
    const a = attr(m, 'Algorithm') ?? '';
    if ((a === `${XENC}rsa-1_5` || a === `${XENC}tripledes-cbc`) && !weak.has(a)) weak.set(a, m);
  }
  for (const [a, m] of weak) {
    const isRsa15 = a.endsWith('rsa-1_5');
    out.push({ code: 'weak-algorithm', severity: 'warning', title: isRsa15 ? 'RSA PKCS#1 v1.5 key transport' : 'Triple DES encryption', explanation: isRsa15 ? 'The content key is encrypted with RSAES-PKCS1-v1_5 (xmlenc#rsa-1_5). XML Encryption 1.1 §5.5.1 keeps it only for compatibility: an SP that reveals whether decryption failed is a Bleichenbacher padding oracle, and the key can be recovered (Jager, Schinzel, Somorovsky, ESORICS 2012).' : 'The content is encrypted with Triple DES (xmlenc#tripledes-cbc), deprecated by XML Encryption 1.1 §5.2.2 and NIST SP 800-131A.', fix: isRsa15 ? 'Configure the IdP to use RSA-OAEP key transport (http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p or http://www.w3.org/2009/xmlenc11#rsa-oaep).' : 'Configure the IdP to encrypt with AES-256-GCM (http://www.w3.org/2009/xmlenc11#aes256-gcm).', references: ['XML Encryption 1.1 §5.5.1', 'XML Encryption 1.1 §5.2.2'], node: m });
  }
  return out;
}


