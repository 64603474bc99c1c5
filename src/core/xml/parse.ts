import { DOMParser } from '@xmldom/xmldom';
import { fail, ok, type InputError, type Result } from '../types';
import { positionOf, readXml, type RootChildClosed } from './reader';

/**
 * Parse XML without ever expanding or fetching anything. A DOCTYPE is refused outright: DTDs
 * carry entity declarations (billion laughs, XXE) and SAML never needs one (SAML core §1.3;
 * the OASIS security considerations recommend rejecting them).
 */
export function parseXmlSafely(xml: string): Result<Document> {
  return parseXmlSafelyInParts(xml, null);
}

/**
 * parseXmlSafely, calling `onRootChildClosed` as each child element of the root is complete:
 * the caller may process and unlink it while the rest is read (core/aggregate/).
 */
export function parseXmlSafelyInParts(xml: string, onRootChildClosed: ((child: Element) => void) | null): Result<Document> {
  const refused = refuseUnsafe(xml);
  if (refused) return fail(refused);
  const doc = readXml(xml, onRootChildClosed as RootChildClosed | null);
  // The read-only DOM of ./lightdom stands in for lib.dom's Document (the members the core reads).
  return doc.ok ? ok(doc.value as unknown as Document) : doc;
}

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

function refuseUnsafe(xml: string): InputError | null {
  // Anywhere in the text, comments and CDATA included: a message that mentions a DTD is refused
  // whole. Found via indexOf: a case-insensitive regular expression over 10 MB costs 8 ms.
  for (let at = xml.indexOf('<!'); at >= 0; at = xml.indexOf('<!', at + 2)) {
    const m = /^<!(DOCTYPE|ENTITY)\b/i.exec(xml.slice(at, at + 10));
    if (!m) continue;
    const { line, column } = positionOf(xml, at);
    return { code: 'input-dtd-forbidden', message: `The XML contains a ${m[1]!.toUpperCase()} declaration at line ${line}, column ${column}. DTDs and entities are refused, never expanded or fetched: SAML messages never need them and they are the vehicle of XXE and entity-expansion attacks.`, line, column };
  }
  if (!/^\s*</.test(xml)) {
    return { code: 'input-not-xml', message: 'The decoded payload is not XML: it does not start with "<".', line: 1, column: 1 };
  }
  return null;
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
