// An HTML auto-submit form (an IdP's or SP's HTTP-POST page) with a SAMLResponse or SAMLRequest field.
import { looksLikeHtmlForm } from '../htmlForm';
import { payloadFromHtmlForm } from '../payload';
import type { InputDecoder } from './decoder';
import { single } from './decoder';

declare module '../../types' {
  interface DetectedFormats { 'post-body': true }
}

export const htmlFormDecoder: InputDecoder = {
  name: 'html-form',
  detects: ['post-body'],
  detect: (input) => input.text.startsWith('<') && looksLikeHtmlForm(input.text),
  decode: (input) => {
    const r = payloadFromHtmlForm(input.text, {}, input.budget);
    if (!r) return null;
    if (r.ok) r.value.notes.unshift('Taken from an HTML auto-submit form (HTTP-POST binding).');
    return single('post-body', r);
  },
};
