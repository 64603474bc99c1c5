// Decrypt one xenc:EncryptedData (XML Encryption 1.1 §4.4): find its key, unwrap it with one of
// the SP's private keys, decrypt the CipherValue.
import type { DecryptionTrace } from '../types';
import { parseCertificate, sha256Fingerprint } from '../x509/certificate';
import { BLOCK_CIPHERS, KEY_TRANSPORTS, KEY_WRAPS, MGF_ALGORITHMS, OAEP_DIGESTS, XENC11, type HashName } from './algorithms';
import { decryptBlockCipher } from './blockCipher';
import { xencError, type XencError } from './errors';
import { parseEncryptedData, type EncryptedKeyInfo } from './parse';
import type { DecryptionKey } from './privateKeys';

export type { DecryptionTrace };
import { rsaOaepDecrypt, rsaPkcs1v15Decrypt, type RsaImplementation } from './rsa';

function emptyTrace(element: string): DecryptionTrace {
  return { element, encryptedDataId: null, blockCipher: null, keyTransport: null, oaepDigest: null, oaepMgf: null, encryptedKeyFoundBy: null, recipientCertificates: [], key: null, rsaImplementation: null, outcome: 'failed', error: null, attempts: [], decryptedXml: null };
}

type Transport = { ok: true; run: (key: DecryptionKey, c: Uint8Array) => Promise<{ cek: Uint8Array | null; via: RsaImplementation }>; digest: HashName | null; mgf: HashName | null } | { ok: false; error: XencError };

/** XML Encryption 1.1 §5.5.1 (rsa-1_5) and §5.5.2 (rsa-oaep-mgf1p, rsa-oaep). */
function transportFor(k: EncryptedKeyInfo): Transport {
  const alg = k.method.algorithm;
  const t = KEY_TRANSPORTS[alg];
  if (!t) {
    if (KEY_WRAPS[alg]) return { ok: false, error: xencError('xenc-unsupported', `The EncryptedKey is wrapped with ${KEY_WRAPS[alg]!.name} (a shared symmetric key); only RSA key transport with the SP's private key is supported.`) };
    return { ok: false, error: xencError('xenc-unsupported', `Key transport algorithm ${alg || '(none)'} is not supported (rsa-oaep-mgf1p, xmlenc11 rsa-oaep and rsa-1_5 are).`) };
  }
  if (t.family === 'rsa-1_5') return { ok: true, digest: null, mgf: null, run: async (key, c) => ({ cek: await rsaPkcs1v15Decrypt(key, c), via: 'node-forge' }) };
  // §5.5.2: the DigestMethod defaults to SHA-1; rsa-oaep-mgf1p always uses MGF1 with SHA-1, the
  // 1.1 rsa-oaep names its MGF (default MGF1 with SHA-1).
  const digestUri = k.method.digest ?? 'http://www.w3.org/2000/09/xmldsig#sha1';
  const digest = OAEP_DIGESTS[digestUri];
  if (!digest) return { ok: false, error: xencError('xenc-unsupported', `OAEP digest ${digestUri} is not supported.`) };
  let mgf: HashName = 'SHA-1';
  if (t.family === 'rsa-oaep') {
    const mgfUri = k.method.mgf ?? `${XENC11}mgf1sha1`;
    const m = MGF_ALGORITHMS[mgfUri];
    if (!m) return { ok: false, error: xencError('xenc-unsupported', `OAEP mask generation function ${mgfUri} is not supported.`) };
    mgf = m;
  }
  const label = k.method.oaepParams ?? new Uint8Array();
  return { ok: true, digest, mgf, run: async (key, c) => {
    const r = await rsaOaepDecrypt(key, c, digest, mgf, label);
    return { cek: r.plaintext, via: r.via };
  } };
}

async function recipientsOf(k: EncryptedKeyInfo, keys: DecryptionKey[]): Promise<DecryptionTrace['recipientCertificates']> {
  const out: DecryptionTrace['recipientCertificates'] = [];
  for (const b64 of k.certificates) {
    const p = parseCertificate(b64);
    if (!p.ok) continue;
    const spki = new Uint8Array(p.cert.publicKey.rawData);
    const spkiSha = await sha256Fingerprint(spki);
    out.push({ subject: p.cert.subject, sha256Fingerprint: await sha256Fingerprint(p.der), matchingKey: keys.find((key) => key.spkiSha256 === spkiSha)?.index ?? null });
  }
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decrypt an xenc:EncryptedData with the first of `keys` that works. Every key is tried (a
 * certificate in the EncryptedKey's KeyInfo only orders them: the IdP may name an old certificate).
 */
export async function decryptEncryptedData(encryptedData: Element, doc: Document, keys: DecryptionKey[], samlElement: string): Promise<DecryptionTrace> {
  const trace = emptyTrace(samlElement);
  const fail = (error: XencError) => {
    trace.error = error;
    return trace;
  };
  const parsed = parseEncryptedData(encryptedData, doc);
  if (!parsed.ok) return fail(parsed.error);
  const data = parsed.value;
  trace.encryptedDataId = data.id;
  trace.blockCipher = data.method?.algorithm ?? null;
  const cipher = data.method ? BLOCK_CIPHERS[data.method.algorithm] : undefined;
  if (!cipher) return fail(xencError(data.method ? 'xenc-unsupported' : 'xenc-malformed', data.method ? `Block encryption algorithm ${data.method.algorithm} is not supported (AES-CBC, AES-GCM and Triple DES are).` : 'The EncryptedData has no EncryptionMethod; samlscope does not guess the algorithm.'));
  if (data.encryptedKeys.length === 0) return fail(xencError('xenc-no-encrypted-key', 'No xenc:EncryptedKey belongs to this EncryptedData: none inline in its KeyInfo, none by RetrievalMethod, none as a sibling (XML Encryption 1.1 §3.5.1, SAML core §6.2).'));
  if (keys.length === 0) return fail(xencError('xenc-wrong-key', 'No SP private key was given.'));

  let blockError: XencError | null = null;
  let transportError: XencError | null = null;
  for (const ek of data.encryptedKeys) {
    trace.keyTransport ??= ek.method.algorithm;
    trace.encryptedKeyFoundBy ??= ek.foundBy;
    const recipients = await recipientsOf(ek, keys);
    if (trace.recipientCertificates.length === 0) trace.recipientCertificates = recipients;
    const transport = transportFor(ek);
    if (!transport.ok) {
      transportError = transport.error;
      trace.attempts.push(`EncryptedKey (${ek.foundBy}): ${transport.error.message}`);
      continue;
    }
    if (!ek.cipherValue) {
      trace.attempts.push(`EncryptedKey (${ek.foundBy}): no CipherValue.`);
      continue;
    }
    const preferred = new Set(recipients.map((r) => r.matchingKey).filter((i): i is number => i !== null));
    const ordered = [...keys].sort((a, b) => Number(preferred.has(b.index)) - Number(preferred.has(a.index)));
    for (const key of ordered) {
      const { cek, via } = await transport.run(key, ek.cipherValue);
      if (!cek) {
        trace.attempts.push(`${key.label}: the EncryptedKey does not decrypt with it (${ek.method.algorithm.endsWith('rsa-1_5') ? 'PKCS#1 v1.5' : 'OAEP'} decoding fails): not the key it was encrypted for.`);
        continue;
      }
      const block = await decryptBlockCipher(cipher, cek, data.cipherValue!);
      if (!block.ok) {
        blockError = block.error;
        trace.attempts.push(`${key.label}: the EncryptedKey decrypts, but the content does not: ${block.error.message}`);
        continue;
      }
      let text: string;
      try {
        text = utf8.decode(block.plaintext).replace(/^\uFEFF/, '');
      } catch {
        blockError = xencError('xenc-plaintext-not-xml', 'The decrypted octets are not UTF-8 text.');
        trace.attempts.push(`${key.label}: ${blockError.message}`);
        continue;
      }
      trace.attempts.push(`${key.label}: decrypted.`);
      trace.keyTransport = ek.method.algorithm;
      trace.encryptedKeyFoundBy = ek.foundBy;
      trace.recipientCertificates = recipients;
      trace.oaepDigest = transport.digest;
      trace.oaepMgf = transport.mgf;
      trace.key = { index: key.index, label: key.label, spkiSha256: key.spkiSha256 };
      trace.rsaImplementation = via;
      trace.outcome = 'ok';
      trace.decryptedXml = text;
      return trace;
    }
  }
  if (blockError) return fail(blockError);
  if (transportError && trace.attempts.every((a) => a.includes('not supported') || a.includes('only RSA'))) return fail(transportError);
  const named = trace.recipientCertificates.filter((r) => r.matchingKey === null);
  return fail(xencError('xenc-wrong-key', `None of the ${keys.length} SP key(s) given decrypts the EncryptedKey${named.length ? `; it names the certificate ${named.map((r) => `${r.subject ?? '?'} (SHA-256 ${r.sha256Fingerprint})`).join(', ')}, whose key you did not give` : ''}. The message was encrypted for another SP key (an old encryption certificate in the IdP's copy of your metadata, or another SP).`));
}
