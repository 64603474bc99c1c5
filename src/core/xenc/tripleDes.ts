// Triple DES (xmlenc#tripledes-cbc, XML Encryption 1.1 §5.2.2) for messages from legacy IdPs:
// WebCrypto has no DES at all, so the block cipher comes from node-forge (maintained, pure
// JavaScript, no Node-only API in the modules loaded here), loaded only when a message uses it.
import { xencError, type BlockResult } from './errors';

interface ForgeBuffer {
  getBytes(): string;
}
interface ForgeDecipher {
  start(options: { iv: ForgeBuffer }): void;
  update(input: ForgeBuffer): void;
  /** With a padding function, CBC uses it instead of PKCS#7 (we strip XML Encryption padding ourselves). */
  finish(pad?: (blockSize: number, buffer: ForgeBuffer, decrypt: boolean) => boolean): boolean;
  output: ForgeBuffer;
}
interface Forge {
  cipher: { createDecipher(algorithm: '3DES-CBC', key: ForgeBuffer): ForgeDecipher };
  util: { createBuffer(bytes: string, encoding?: 'raw'): ForgeBuffer };
}

const toBinary = (b: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]!);
  return s;
};

async function loadForge(): Promise<Forge> {
  // des.js registers 3DES-CBC on the shared forge object that forge.js exports.
  const [forge] = await Promise.all([import('node-forge/lib/forge.js'), import('node-forge/lib/des.js')]);
  return ((forge as { default?: unknown }).default ?? forge) as Forge;
}

/** 3DES-CBC: an 8-octet IV, then whole 8-octet blocks; the last octet of the plaintext is the pad length. */
export async function decryptTripleDesCbc(keyBytes: Uint8Array, data: Uint8Array): Promise<BlockResult> {
  if (data.length < 16 || data.length % 8 !== 0) {
    return { ok: false, error: xencError('xenc-malformed', `Triple DES ciphertext must be an 8-octet IV followed by whole 8-octet blocks; it is ${data.length} octets.`) };
  }
  const forge = await loadForge();
  const decipher = forge.cipher.createDecipher('3DES-CBC', forge.util.createBuffer(toBinary(keyBytes), 'raw'));
  decipher.start({ iv: forge.util.createBuffer(toBinary(data.subarray(0, 8)), 'raw') });
  decipher.update(forge.util.createBuffer(toBinary(data.subarray(8)), 'raw'));
  decipher.finish(() => true);
  const out = decipher.output.getBytes();
  const padded = new Uint8Array(out.length);
  for (let i = 0; i < out.length; i++) padded[i] = out.charCodeAt(i);
  const pad = padded[padded.length - 1] ?? 0;
  if (pad < 1 || pad > 8) {
    return { ok: false, error: xencError('xenc-bad-padding', `The last decrypted octet is ${pad}, not a padding length between 1 and 8 (XML Encryption 1.1 §5.2): the content key is wrong or the ciphertext was altered.`) };
  }
  return { ok: true, plaintext: padded.slice(0, padded.length - pad) };
}
