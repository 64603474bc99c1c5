// Triple DES (xmlenc#tripledes-cbc, XML Encryption 1.1 §5.2.2) for messages from legacy IdPs:
// WebCrypto has no DES at all, so the block cipher comes from node-forge (maintained, pure
// JavaScript, no Node-only API in the modules loaded here), loaded only when a message uses it.
import { xencError, type BlockResult } from './errors';
import { fromBinaryString, loadForgeDes, toBinaryString } from './forge';

/** 3DES-CBC: an 8-octet IV, then whole 8-octet blocks; the last octet of the plaintext is the pad length. */
export async function decryptTripleDesCbc(keyBytes: Uint8Array, data: Uint8Array): Promise<BlockResult> {
  if (data.length < 16 || data.length % 8 !== 0) {
    return { ok: false, error: xencError('xenc-malformed', `Triple DES ciphertext must be an 8-octet IV followed by whole 8-octet blocks; it is ${data.length} octets.`) };
  }
  const forge = await loadForgeDes();
  const decipher = forge.cipher.createDecipher('3DES-CBC', forge.util.createBuffer(toBinaryString(keyBytes), 'raw'));
  decipher.start({ iv: forge.util.createBuffer(toBinaryString(data.subarray(0, 8)), 'raw') });
  decipher.update(forge.util.createBuffer(toBinaryString(data.subarray(8)), 'raw'));
  decipher.finish(() => true);
  const padded = fromBinaryString(decipher.output.getBytes());
  const pad = padded[padded.length - 1] ?? 0;
  if (pad < 1 || pad > 8) {
    return { ok: false, error: xencError('xenc-bad-padding', `The last decrypted octet is ${pad}, not a padding length between 1 and 8 (XML Encryption 1.1 §5.2): the content key is wrong or the ciphertext was altered.`) };
  }
  return { ok: true, plaintext: padded.slice(0, padded.length - pad) };
}
