// The words for what a sharer can mask, and the note a redacted copy carries. No code of its
// own: the share notices on the inspect page's first screen read it without loading DEFLATE.
import type { RedactionField } from '../../../core/share/state';

export const REDACTION_LABELS: Record<RedactionField, string> = {
  nameid: 'NameID',
  attributes: 'Attribute values',
  emails: 'E-mail addresses anywhere',
  certificates: 'Certificates',
  signatures: 'Signature and digest values',
};

export function redactedNoteOf(fields: readonly RedactionField[], maskedCount: number): string {
  const what = fields.map((f) => REDACTION_LABELS[f].toLowerCase()).join(', ');
  return (
    `The sharer masked ${what} (${maskedCount} distinct value${maskedCount === 1 ? '' : 's'}). ` +
    'Signatures over masked content cannot be re-checked on this copy: masking changes signed content, signature values or digests ' +
    '(and a Redirect query signature covers the original octets). Everything else is inspected afresh by the recipient.'
  );
}
