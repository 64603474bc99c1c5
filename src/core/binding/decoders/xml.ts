// Raw XML: the SAML message (or metadata) itself, as pasted.
import { toWellFormedText } from '../../encoding/form';
import type { InputDecoder } from './decoder';

declare module '../../types' {
  interface DetectedFormats { xml: true }
}

export const xmlDecoder: InputDecoder = {
  name: 'xml',
  detects: ['xml'],
  detect: (input) => input.text.startsWith('<'),
  decode: (input) => {
    // XML 1.0 §2.2: a surrogate is not a Char. Only pasted text (never decoded bytes) can hold a
    // lone one; it is shown as U+FFFD, as any UTF-8 transfer would have carried it, and reported.
    const xml = toWellFormedText(input.raw.replace(/^\uFEFF/, ''));
    const textRepairs = xml.loneSurrogates > 0 ? [{ field: 'XML', loneSurrogates: xml.loneSurrogates }] : [];
    return { detected: 'xml', errors: [], payloads: [{ binding: null, parameter: null, xml: xml.text, encoding: ['XML'], notes: [], ...(textRepairs.length ? { textRepairs } : {}) }] };
  },
};
