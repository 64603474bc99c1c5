// Line lookups in the pretty-printed XML (InspectedMessage.prettyXml): the XML view highlights
// what a signature covers and jumps to findings by line, so the UI needs to map an element ID
// to the lines of that element. Pure text scanning: the display XML was produced by the core's
// pretty-printer, so tags are well-formed and attribute values are quoted.

export interface LineRange {
  startLine: number; // 1-based, inclusive
  endLine: number; // 1-based, inclusive
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** 1-based line of the offset. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Offset of the attribute that declares `id`. SAML 2.0 uses `ID` (core §1.3.4), XML-DSig
 * objects use `Id`, SAML 1.1 assertions `AssertionID`.
 */
function findIdAttribute(xml: string, id: string): number {
  const re = new RegExp(`\\s(?:ID|Id|AssertionID|ResponseID|RequestID)\\s*=\\s*(["'])${escapeRegExp(id)}\\1`);
  const m = re.exec(xml);
  return m ? m.index : -1;
}

/** The 1-based line holding `ID="<id>"`, or null. */
export function findIdLine(xml: string, id: string): number | null {
  const at = findIdAttribute(xml, id);
  return at < 0 ? null : lineOfOffset(xml, at);
}

/**
 * Lines from the start tag of the element carrying `ID="<id>"` to its end tag. Nested
 * elements of the same name are counted so an Assertion inside an Assertion's Advice does not
 * end the range early.
 */
export function elementLineRange(xml: string, id: string): LineRange | null {
  const attrAt = findIdAttribute(xml, id);
  if (attrAt < 0) return null;
  const tagStart = xml.lastIndexOf('<', attrAt);
  if (tagStart < 0) return null;
  const nameMatch = /^<([A-Za-z_][\w:.-]*)/.exec(xml.slice(tagStart, tagStart + 200));
  if (!nameMatch) return null;
  const name = nameMatch[1];
  const startLine = lineOfOffset(xml, tagStart);
  const startTagEnd = xml.indexOf('>', attrAt);
  if (startTagEnd < 0) return { startLine, endLine: startLine };
  if (xml[startTagEnd - 1] === '/') return { startLine, endLine: lineOfOffset(xml, startTagEnd) };

  const tagRe = new RegExp(`<(/?)${escapeRegExp(name)}(?=[\\s/>])`, 'g');
  tagRe.lastIndex = startTagEnd + 1;
  let depth = 1;
  for (let m = tagRe.exec(xml); m; m = tagRe.exec(xml)) {
    if (m[1] === '/') {
      depth--;
      if (depth === 0) return { startLine, endLine: lineOfOffset(xml, m.index) };
    } else {
      const end = xml.indexOf('>', m.index);
      if (end > 0 && xml[end - 1] !== '/') depth++;
    }
  }
  return { startLine, endLine: lineOfOffset(xml, xml.length) };
}
