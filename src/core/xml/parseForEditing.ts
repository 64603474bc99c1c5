// Kept apart from ./parse so that inspection and verification, which read through the light DOM,
// never load @xmldom/xmldom: its module and entity tables weighed on the CLI's cold start (issue 15).
import { DOMParser } from '@xmldom/xmldom';
import { fail, ok, type InputError, type Result } from '../types';
import { refuseUnsafe } from './parse';

/**
 * The same checks, into a mutable @xmldom/xmldom document, for the few callers that change the
 * tree and serialize it again (redaction, signing a request in the mock SP). Messages are small
 * there; inspection and verification use parseXmlSafely.
 */
export function parseXmlForEditing(xml: string): Result<Document> {
  const refused = refuseUnsafe(xml);
  if (refused) return fail(refused);
  // Line tracking costs a quarter of xmldom's parse time, and only errors need positions: parse
  // without it, and again with it only when the first parse fails.
  const fast = parseWith(xml, false);
  if (fast.ok) return fast;
  return parseWith(xml, true);
}

function parseWith(xml: string, locator: boolean): Result<Document> {
  let problem: InputError | null = null;
  let doc: Document | null = null;
  try {
    doc = new DOMParser({
      locator,
      onError: (level: string, message: string, context?: { locator?: { lineNumber?: number; columnNumber?: number } }) => {
        if (level === 'warning' || problem) return;
        problem = toInputError(message, context?.locator?.lineNumber, context?.locator?.columnNumber);
      },
    }).parseFromString(xml, 'text/xml') as unknown as Document;
  } catch (e) {
    const err = e as { message?: string; locator?: { lineNumber?: number; columnNumber?: number } };
    if (!problem) problem = toInputError(err.message ?? String(e), err.locator?.lineNumber, err.locator?.columnNumber);
  }
  if (problem) return fail(problem);
  if (!doc || !doc.documentElement) return fail({ code: 'input-not-xml', message: 'The XML has no root element.' });
  return ok(doc);
}

function toInputError(message: string, line?: number, column?: number): InputError {
  const where = line ? ` (line ${line}${column ? `, column ${column}` : ''})` : '';
  const clean = message.replace(/^\[xmldom [a-z]+\]\s*/i, '').replace(/\s*\n[\s\S]*$/, '');
  if (/Only one element can be added|only after doctype/i.test(clean)) {
    return { code: 'input-multiple-roots', message: `The XML has more than one root element${where}; a SAML message is a single element.`, ...(line ? { line } : {}), ...(column ? { column } : {}) };
  }
  if (/entity not found/i.test(clean)) {
    return { code: 'input-dtd-forbidden', message: `The XML refers to an undeclared entity${where}: ${clean}. Entities are refused, never expanded.`, ...(line ? { line } : {}), ...(column ? { column } : {}) };
  }
  return { code: 'input-not-xml', message: `The payload is not well-formed XML${where}: ${clean}.`, ...(line ? { line } : {}), ...(column ? { column } : {}) };
}
