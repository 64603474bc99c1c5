// SHA-256 fingerprints of certificates, colon-separated hex as in the inspect view, memoised:
// a diff or a rollover plan of an aggregate meets the same certificate many times.
import { decodeBase64Lenient } from '../encoding/base64';
import { colonHex } from '../x509/certificate';

const memo = new Map<string, Promise<string>>();

export function certificateFingerprint(derBase64: string): Promise<string> {
  let p = memo.get(derBase64);
  if (!p) {
    const bytes = decodeBase64Lenient(derBase64);
    p = bytes.ok ? crypto.subtle.digest('SHA-256', bytes.value.bytes as BufferSource).then(colonHex) : Promise.resolve('(unreadable)');
    if (memo.size > 20_000) memo.clear();
    memo.set(derBase64, p);
  }
  return p;
}
