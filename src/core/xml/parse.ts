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

/** The checks every parse starts with: no DTD or entity declaration anywhere, and XML at all. */
export function refuseUnsafe(xml: string): InputError | null {
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
