// Bare base64 (of a SAML message, DEFLATE-compressed or not), also still percent-encoded as copied
// out of a URL or form, and base64 of another input (of base64, of a URL, of a HAR), decoded one
// container deeper.
import { decodeBase64Lenient, looksLikeBase64 } from '../../encoding/base64';
import { formDecode } from '../../encoding/form';
import { nestedBudget } from '../budget';
import { bytesToText, inflateSamlPayload } from '../inflate';
import type { DecoderInput, InputDecoder } from './decoder';

declare module '../../types' {
  interface DetectedFormats { base64: true }
}

/** A value copied out of a URL or form: still percent-encoded base64. */
function candidateOf(text: string): string {
  return /%2B|%2F|%3D/i.test(text) && !/\s/.test(text) ? formDecode(text) : text;
}

/** Text (of decoded bytes) that is itself a pasted input rather than a SAML message: base64 in base64, a URL or body in base64. */
function looksLikeNestedInput(text: string): boolean {
  const t = text.trim();
  if (t.startsWith('<')) return false; // XML, or an HTML form: decoded as the SAML payload itself
  return looksLikeBase64(t) || /(^|[?&])SAML(Request|Response)=/.test(t) || t.startsWith('{');
}

/** Printable ASCII (with tabs and line breaks): text, never a DEFLATE stream in practice. */
function isPrintableAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b > 0x7e || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d)) return false;
  return bytes.length > 0;
}

export const base64Decoder: InputDecoder = {
  name: 'base64',
  detects: ['base64'],
  detect: (input) => looksLikeBase64(candidateOf(input.text)),
  decode: (input: DecoderInput) => {
    const candidate = candidateOf(input.text);
    const b = decodeBase64Lenient(candidate);
    if (!b.ok) return { detected: 'base64', errors: [b.error], payloads: [] };
    if (isPrintableAscii(b.value.bytes)) {
      const inner = bytesToText(b.value.bytes);
      if (looksLikeNestedInput(inner)) {
        // base64 of base64, of a URL or of a HAR: decode the inner input, one level deeper.
        const nested = nestedBudget(input.budget, 'The base64 input');
        if (!nested.ok) return { detected: 'base64', errors: [nested.error], payloads: [] };
        const r = input.decodeNested(inner, nested.value);
        for (const p of r.payloads) p.notes.unshift(`The input was base64-encoded ${r.detected === 'base64' ? 'base64' : (r.detected ?? 'text')}; decoded first.`);
        return { ...r, detected: r.detected ?? 'base64' };
      }
    }
    const inflated = inflateSamlPayload(b.value.bytes, false, input.budget);
    if (!inflated.ok) return { detected: 'base64', errors: [inflated.error], payloads: [] };
    const notes = [...b.value.notes, ...inflated.value.notes];
    if (candidate !== input.text) notes.unshift('The base64 was URL-encoded; decoded first.');
    return { detected: 'base64', errors: [], payloads: [{ binding: null, parameter: null, xml: inflated.value.xml, encoding: inflated.value.encoding, notes }] };
  },
};
