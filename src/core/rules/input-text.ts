// input-lone-surrogate: a value of the capture held a lone UTF-16 surrogate (`&#xD800;` in an
// HTML form, "\uD800" in a HAR, SAML-tracer or JSON export). No such text crosses HTTP: UTF-8 has
// no encoding for it (RFC 3629 §3), and a browser submitting the form or building the URL sends
// U+FFFD instead (WHATWG URL "percent-encode after encoding"; HTML form submission encodes scalar
// values). The decoder repairs it the same way and records where; this rule says so.
import type { Rule } from '../diagnosis/context';
import { rootElement } from '../diagnosis/helpers';

const REFS = ['XML 1.0 §2.2', 'RFC 3629 §3', 'WHATWG URL §1.3 (percent-encode after encoding)', 'WHATWG Infra §4.7 (scalar value string)'];

export const inputTextRule: Rule = {
  id: 'input-text',
  codes: ['input-lone-surrogate'],
  severity: 'warning',
  category: 'binding',
  title: 'Capture holds text no browser could have sent',
  checks: 'Values decoded from a form, HAR, SAML-tracer or JSON capture (RelayState, parameter names and values) and pasted XML hold no lone UTF-16 surrogates (XML 1.0 §2.2 excludes them from Char); each one was replaced by U+FFFD, as a browser or any UTF-8 transfer would carry it.',
  references: REFS,
  check(ctx) {
    const repairs = ctx.message.payload.textRepairs ?? [];
    return repairs.map((r) => ({
      code: 'input-lone-surrogate',
      severity: 'warning' as const,
      title: `${r.field} holds ${r.loneSurrogates === 1 ? 'a lone UTF-16 surrogate' : `${r.loneSurrogates} lone UTF-16 surrogates`}`,
      explanation: `The capture's ${r.field} value contains ${r.loneSurrogates === 1 ? 'a UTF-16 surrogate' : 'UTF-16 surrogates'} without ${r.loneSurrogates === 1 ? 'its' : 'their'} other half (such as &#xD800; in a form or "\\uD800" in JSON). UTF-8 cannot encode it, so no browser sends it: the SP would have received U+FFFD (the replacement character) instead, which is what samlscope shows. The capture was edited or produced by a buggy tool.`,
      fix: `Re-capture the exchange from the browser; if the ${r.field} is built by your application, make sure it never splits a character (for example by truncating a UTF-16 string).`,
      references: REFS,
      node: rootElement(ctx.message.doc),
    }));
  },
};
