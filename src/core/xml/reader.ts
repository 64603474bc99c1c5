// A strict, non-validating XML 1.0 + Namespaces reader that builds the read-only DOM of
// ./lightdom.
//
// Written by hand because no maintained library does what a debugger needs at the speed a
// 10 MB metadata aggregate needs: @xmldom/xmldom is correct but builds a heavy DOM (3× xmlsec1's
// whole verification, docs/performance.md); sax/saxes/txml/htmlparser2 either build no
// namespace-aware DOM or accept malformed input silently. It never expands anything: the five
// predefined entities and character references are the only references there are, since
// DOCTYPE is refused (parse.ts) before this runs.
//
// What it enforces (XML 1.0 5th ed., Namespaces in XML 1.0 3rd ed.), each failure with a line
// and column: Char production (§2.2), names (§2.3), attribute value syntax and uniqueness (§3.1,
// WFC Unique Att Spec, NSC Attributes Unique), no '<' in attribute values, matching end tags
// (WFC Element Type Match), one root, only comments/PIs/whitespace outside it, ']]>' not in
// content, '--' not in comments, reserved 'xml' PI targets, declared prefixes, the reserved
// xml/xmlns bindings and namespace names that are URI references. What it normalizes exactly as libxml2 does: line ends (§2.11) and
// attribute values (§3.3.3, CDATA type: every literal white space character becomes a space,
// character references kept).

import { fail, ok, type InputError, type Result } from '../types';
import {
  CDATA_NAME,
  CDATA_SECTION_NODE,
  COMMENT_NAME,
  DOCUMENT_NAME,
  COMMENT_NODE,
  DOCUMENT_NODE,
  ELEMENT_NODE,
  EMPTY_ATTRIBUTES,
  LightAttr,
  LightName,
  LightNode,
  newAttributeList,
  PROCESSING_INSTRUCTION_NODE,
  TEXT_NAME,
  TEXT_NODE,
} from './lightdom';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

class ReadError extends Error {
  constructor(
    readonly code: 'input-not-xml' | 'input-multiple-roots' | 'input-dtd-forbidden',
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

// XML 1.0 §2.2 Char: everything but these (lone surrogates are checked separately).
const INVALID_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// Namespaces in XML §3 NCName = XML 1.0 §2.3 Name without ':'.
const NC_START = 'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NC_CHAR = NC_START + '\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040';
const QNAME = new RegExp(`^[${NC_START}][${NC_CHAR}]*(?::[${NC_START}][${NC_CHAR}]*)?$`, 'u');
const PI_TARGET = new RegExp(`^[${NC_START}:][${NC_CHAR}:]*$`, 'u');
const XML_DECL = /^<\?xml[ \t\n]+version[ \t\n]*=[ \t\n]*(["'])1\.[0-9]+\1(?:[ \t\n]+encoding[ \t\n]*=[ \t\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\n]+standalone[ \t\n]*=[ \t\n]*(["'])(?:yes|no)\3)?[ \t\n]*\?>/;

// RFC 3986 URI-reference, as libxml2's xmlParseURI checks namespace names (xmllint: "namespace
// error: … is not a valid URI"; xmlsec1 then refuses the document): ASCII only, '%' followed by
// two hex digits, at most one '#', brackets only around an IP literal host.
const URI_CHAR = "[A-Za-z0-9\\-._~:/?@!$&'()*+,;=]|%[0-9A-Fa-f]{2}";
const URI_REFERENCE = new RegExp(`^(?:[A-Za-z][A-Za-z0-9+.-]*://\\[[0-9A-Fa-f:.vV]+\\])?(?:${URI_CHAR})*(?:#(?:${URI_CHAR})*)?$`);

/** Beyond this many attributes in one tag, duplicates are found with a set. */
const MANY_ATTRIBUTES = 32;
/** Names kept per bucket of the name table before the rest go to a map. */
const MAX_BUCKET = 8;

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

/** Character codes that end a name: white space, '>', '/', '=', '<', quotes, '?'. */
function endsName(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 62 || c === 47 || c === 61 || c === 60 || c === 34 || c === 39 || c === 63;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/**
 * Called each time a child element of the root element is complete (its end tag read), in
 * document order, while the rest of the document is still unread. The callback may unlink
 * children of the root it has finished with (a federation aggregate is read one entity at a time:
 * core/aggregate/); the reader only ever appends to the root's last child.
 */
export type RootChildClosed = (child: LightNode) => void;

/** Parse `input` (any line ends) into a read-only document, or say where and why it is not well-formed. */
export function readXml(input: string, onRootChildClosed: RootChildClosed | null = null): Result<LightNode, InputError> {
  // §2.11: every CR LF pair and lone CR is read as LF. Offsets below are in this text.
  const xml = input.indexOf('\r') >= 0 ? input.replace(/\r\n?/g, '\n') : input;
  try {
    return ok(new Reader(xml, onRootChildClosed).read());
  } catch (e) {
    if (!(e instanceof ReadError)) throw e;
    const { line, column } = positionOf(xml, e.offset);
    return fail({ code: e.code, message: `${e.message} (line ${line}, column ${column}).`, line, column });
  }
}

class Reader {
  private pos = 0;
  private readonly doc: LightNode;
  /** Open elements, and for each where its namespace bindings start in the undo log. */
  private readonly open: LightNode[] = [];
  private readonly openUndoFrom: number[] = [];
  /** In-scope prefix bindings ('' = default namespace, value '' = none). */
  private readonly bindings = new Map<string, string>([['xml', XML_NS], ['xmlns', XMLNS_NS]]);
  /** Undo log of bindings: [prefix, previous value or undefined]. */
  private readonly undo: Array<[string, string | undefined]> = [];
  /** Names already read and validated, bucketed by first and last character and length (see name()). */
  private readonly nameTable: Array<string[] | undefined> = new Array(4096);
  private readonly manyNames = new Map<string, string>();
  private readonly validUris = new Set<string>();
  /** Last LightName made for a qualified name (usually the only one: prefixes rarely change meaning). */
  private readonly names = new Map<string, LightName>();
  // Attributes of the start tag being read, reused from tag to tag (allocation is most of a large parse).
  private readonly attrNames: string[] = [];
  private readonly attrValues: string[] = [];
  private readonly attrOffsets: number[] = [];
  private readonly attrExpanded: string[] = [];
  /** Indentation texts by length (see indentation()). */
  private readonly indents: string[] = [];
  private readonly attrExpandedBy: string[] = [];
  private sawRoot = false;

  constructor(
    private readonly xml: string,
    private readonly onRootChildClosed: RootChildClosed | null = null,
  ) {
    this.doc = new LightNode(DOCUMENT_NODE, DOCUMENT_NAME, '', EMPTY_ATTRIBUTES);
  }

  read(): LightNode {
    const xml = this.xml;
    this.checkCharacters();
    if (xml.charCodeAt(0) === 0xfeff) this.pos = 1;
    this.readXmlDeclaration();
    const n = xml.length;
    while (this.pos < n) {
      const lt = xml.indexOf('<', this.pos);
      const textEnd = lt < 0 ? n : lt;
      if (textEnd > this.pos) this.text(this.pos, textEnd);
      if (lt < 0) break;
      this.pos = lt;
      const c = xml.charCodeAt(lt + 1);
      if (c === 47 /* / */) this.endTag();
      else if (c === 33 /* ! */) this.markupDeclaration();
      else if (c === 63 /* ? */) this.processingInstruction();
      else this.startTag();
    }
    if (this.open.length > 0) {
      const el = this.open[this.open.length - 1]!;
      throw new ReadError('input-not-xml', `The document ends before the element <${el.nodeName}> is closed`, n);
    }
    if (!this.sawRoot) throw new ReadError('input-not-xml', 'The XML has no root element', n);
    return this.doc;
  }

  // ---- characters, declaration ----

  private checkCharacters(): void {
    const xml = this.xml;
    const bad = INVALID_CHAR.exec(xml);
    if (bad) {
      throw new ReadError('input-not-xml', `The payload is not well-formed XML: character U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML`, bad.index);
    }
    if (SURROGATE.test(xml)) {
      const lone = LONE_SURROGATE.exec(xml);
      if (lone) throw new ReadError('input-not-xml', 'The payload is not well-formed XML: it contains an unpaired UTF-16 surrogate (not a character)', lone.index);
    }
  }

  private readXmlDeclaration(): void {
    const xml = this.xml;
    // Pasted text often starts with blank lines; tolerated before the declaration.
    let i = this.pos;
    while (i < xml.length && isSpace(xml.charCodeAt(i))) i++;
    if (!xml.startsWith('<?xml', i) || !isSpace(xml.charCodeAt(i + 5))) return;
    const m = XML_DECL.exec(xml.slice(i, i + 200));
    if (!m) throw new ReadError('input-not-xml', 'The payload is not well-formed XML: the XML declaration is malformed (expected <?xml version="1.0" encoding="…" standalone="…"?>)', i);
    this.pos = i + m[0].length;
  }

  // ---- content ----

  private text(start: number, end: number): void {
    const xml = this.xml;
    const parent = this.open.length > 0 ? this.open[this.open.length - 1]! : null;
    if (!parent) {
      for (let i = start; i < end; i++) {
        if (!isSpace(xml.charCodeAt(i))) {
          const where = this.sawRoot ? 'after the root element' : 'before the root element';
          throw new ReadError('input-not-xml', `The payload is not well-formed XML: text ${where}`, i);
        }
      }
      return;
    }
    const indent = this.indentation(start, end);
    if (indent !== null) {
      this.append(parent, new LightNode(TEXT_NODE, TEXT_NAME, indent, EMPTY_ATTRIBUTES));
      return;
    }
    let data = xml.slice(start, end);
    const cdataEnd = data.indexOf(']]>');
    if (cdataEnd >= 0) throw new ReadError('input-not-xml', "The payload is not well-formed XML: ']]>' is not allowed in text", start + cdataEnd);
    if (data.indexOf('&') >= 0) data = this.decodeReferences(data, start);
    this.append(parent, new LightNode(TEXT_NODE, TEXT_NAME, data, EMPTY_ATTRIBUTES));
  }

  /**
   * The text at [start, end) if it is a line break and spaces (how documents are indented), one
   * string per length for the whole document: a fresh one per text node was 2 MB of a 10 MB
   * aggregate's garbage.
   */
  private indentation(start: number, end: number): string | null {
    const len = end - start;
    if (len > 64) return null;
    const xml = this.xml;
    if (xml.charCodeAt(start) !== 10) return null;
    for (let i = start + 1; i < end; i++) if (xml.charCodeAt(i) !== 32) return null;
    return (this.indents[len] ??= xml.slice(start, end));
  }

  private append(parent: LightNode, child: LightNode): void {
    child.parentNode = parent;
    const last = parent.lastChild;
    if (last) {
      last.nextSibling = child;
      child.previousSibling = last;
    } else {
      parent.firstChild = child;
    }
    parent.lastChild = child;
  }

  /** Inside an element, or a comment/PI outside the root (the document's children). */
  private container(): LightNode {
    return this.open.length > 0 ? this.open[this.open.length - 1]! : this.doc;
  }

  private markupDeclaration(): void {
    const xml = this.xml;
    const start = this.pos;
    if (xml.startsWith('<!--', start)) {
      const end = xml.indexOf('-->', start + 4);
      if (end < 0) throw new ReadError('input-not-xml', 'The payload is not well-formed XML: a comment is not closed', start);
      const data = xml.slice(start + 4, end);
      const dash = data.indexOf('--');
      if (dash >= 0 || data.endsWith('-')) throw new ReadError('input-not-xml', "The payload is not well-formed XML: '--' is not allowed inside a comment", dash >= 0 ? start + 4 + dash : end - 1);
      this.append(this.container(), new LightNode(COMMENT_NODE, COMMENT_NAME, data, EMPTY_ATTRIBUTES));
      this.pos = end + 3;
      return;
    }
    if (xml.startsWith('<![CDATA[', start)) {
      if (this.open.length === 0) throw new ReadError('input-not-xml', 'The payload is not well-formed XML: a CDATA section outside the root element', start);
      const end = xml.indexOf(']]>', start + 9);
      if (end < 0) throw new ReadError('input-not-xml', 'The payload is not well-formed XML: a CDATA section is not closed', start);
      this.append(this.container(), new LightNode(CDATA_SECTION_NODE, CDATA_NAME, xml.slice(start + 9, end), EMPTY_ATTRIBUTES));
      this.pos = end + 3;
      return;
    }
    if (/^<!(DOCTYPE|ENTITY)/i.test(xml.slice(start, start + 9))) {
      throw new ReadError('input-dtd-forbidden', 'The XML contains a DTD or entity declaration; DTDs and entities are refused, never expanded or fetched', start);
    }
    throw new ReadError('input-not-xml', "The payload is not well-formed XML: unexpected markup after '<!'", start);
  }

  private processingInstruction(): void {
    const xml = this.xml;
    const start = this.pos;
    const end = xml.indexOf('?>', start + 2);
    if (end < 0) throw new ReadError('input-not-xml', 'The payload is not well-formed XML: a processing instruction is not closed', start);
    let i = start + 2;
    while (i < end && !isSpace(xml.charCodeAt(i))) i++;
    const target = xml.slice(start + 2, i);
    if (!PI_TARGET.test(target)) throw new ReadError('input-not-xml', `The payload is not well-formed XML: invalid processing instruction target "${target}"`, start + 2);
    if (target.toLowerCase() === 'xml') {
      throw new ReadError('input-not-xml', 'The payload is not well-formed XML: an XML declaration is only allowed at the very start of the document', start);
    }
    if (i < end && !isSpace(xml.charCodeAt(i))) throw new ReadError('input-not-xml', 'The payload is not well-formed XML: malformed processing instruction', i);
    while (i < end && isSpace(xml.charCodeAt(i))) i++;
    this.append(this.container(), new LightNode(PROCESSING_INSTRUCTION_NODE, new LightName(target, null, null, null), xml.slice(i, end), EMPTY_ATTRIBUTES));
    this.pos = end + 2;
  }

  // ---- elements ----

  /**
   * The name written at [start, end), validated. A document uses a few dozen names hundreds of
   * thousands of times: known ones are found in place (no substring, no validation), so the
   * same string object comes back each time and end tags match their start tag by identity.
   */
  private name(start: number, end: number, what: string): string {
    const xml = this.xml;
    const len = end - start;
    const key = len === 0 ? 0 : ((xml.charCodeAt(start) * 31 + xml.charCodeAt(end - 1)) * 64 + len) & 4095;
    let bucket = this.nameTable[key];
    if (bucket) {
      for (let k = 0; k < bucket.length; k++) {
        const known = bucket[k]!;
        if (known.length === len && xml.startsWith(known, start)) return known;
      }
    }
    const name = xml.slice(start, end);
    // A full bucket (many distinct names alike in length and ends: a crafted document) goes to
    // a hash map, so that lookups never degrade into scanning thousands of names.
    if (bucket && bucket.length >= MAX_BUCKET) {
      const known = this.manyNames.get(name);
      if (known !== undefined) return known;
    }
    if (!QNAME.test(name)) {
      throw new ReadError('input-not-xml', `The payload is not well-formed XML: ${name === '' ? `a ${what} name is missing` : `"${name}" is not a valid ${what} name`}`, start);
    }
    if (!bucket) bucket = this.nameTable[key] = [];
    if (bucket.length < MAX_BUCKET) bucket.push(name);
    else this.manyNames.set(name, name);
    return name;
  }

  private startTag(): void {
    const xml = this.xml;
    const n = xml.length;
    const start = this.pos;
    let i = start + 1;
    while (i < n && !endsName(xml.charCodeAt(i))) i++;
    const qname = this.name(start + 1, i, 'element');
    if (this.open.length === 0 && this.sawRoot) {
      throw new ReadError('input-multiple-roots', `The XML has more than one root element (a second one, <${qname}>, starts here); a SAML message is a single element`, start);
    }

    // Attributes, as written; namespaces are resolved once all of them (and their xmlns) are read.
    const names = this.attrNames;
    const values = this.attrValues;
    const offsets = this.attrOffsets;
    let count = 0;
    let seen: Set<string> | null = null;
    let selfClosing = false;
    for (;;) {
      const before = i;
      while (i < n && isSpace(xml.charCodeAt(i))) i++;
      if (i >= n) throw new ReadError('input-not-xml', `The payload is not well-formed XML: the start tag <${qname}> is not closed`, start);
      const c = xml.charCodeAt(i);
      if (c === 62 /* > */) {
        i++;
        break;
      }
      if (c === 47 /* / */) {
        if (xml.charCodeAt(i + 1) !== 62) throw new ReadError('input-not-xml', `The payload is not well-formed XML: '/' must be followed by '>' in <${qname}>`, i);
        i += 2;
        selfClosing = true;
        break;
      }
      if (i === before) throw new ReadError('input-not-xml', `The payload is not well-formed XML: white space is required between attributes in <${qname}>`, i);
      const nameStart = i;
      while (i < n && !endsName(xml.charCodeAt(i))) i++;
      const name = this.name(nameStart, i, 'attribute');
      while (i < n && isSpace(xml.charCodeAt(i))) i++;
      if (xml.charCodeAt(i) !== 61 /* = */) throw new ReadError('input-not-xml', `The payload is not well-formed XML: attribute ${name} of <${qname}> has no value ('=' expected)`, i);
      i++;
      while (i < n && isSpace(xml.charCodeAt(i))) i++;
      const quote = xml.charCodeAt(i);
      if (quote !== 34 && quote !== 39) throw new ReadError('input-not-xml', `The payload is not well-formed XML: the value of attribute ${name} must be quoted`, i);
      const valueEnd = xml.indexOf(quote === 34 ? '"' : "'", i + 1);
      if (valueEnd < 0) throw new ReadError('input-not-xml', `The payload is not well-formed XML: the value of attribute ${name} is not closed`, i);
      let value = xml.slice(i + 1, valueEnd);
      const lt = value.indexOf('<');
      if (lt >= 0) throw new ReadError('input-not-xml', `The payload is not well-formed XML: '<' is not allowed in the value of attribute ${name}`, i + 1 + lt);
      value = this.normalizeAttributeValue(value, i + 1);
      // WFC Unique Att Spec: a linear scan for the usual handful, a set past that (a crafted tag
      // with 100,000 attributes must not cost 10^10 comparisons).
      let twice = false;
      if (count < MANY_ATTRIBUTES) {
        for (let k = 0; k < count; k++) if (names[k] === name) twice = true;
      } else {
        if (!seen) seen = new Set(names.slice(0, count));
        twice = seen.has(name);
        seen.add(name);
      }
      if (twice) throw new ReadError('input-not-xml', `The payload is not well-formed XML: attribute ${name} appears twice in <${qname}>`, nameStart);
      names[count] = name;
      values[count] = value;
      offsets[count] = nameStart;
      count++;
      i = valueEnd + 1;
    }
    this.pos = i;

    // Namespace declarations of this element come into scope for its own name and attributes.
    const undoFrom = this.undo.length;
    for (let k = 0; k < count; k++) {
      const name = names[k]!;
      if (name === 'xmlns') this.bind('', values[k]!, offsets[k]!);
      else if (name.charCodeAt(0) === 120 && name.startsWith('xmlns:')) this.bind(name.slice(6), values[k]!, offsets[k]!);
    }

    const attributes = count === 0 ? EMPTY_ATTRIBUTES : newAttributeList(count);
    const parent = this.container();
    const el = new LightNode(ELEMENT_NODE, this.elementName(qname, start + 1), '', attributes);
    // Expanded names of the prefixed attributes so far (xml:lang on most metadata elements): a
    // linear scan of reused arrays for the usual one or two, a map past MANY_ATTRIBUTES — a Map
    // per element was 2.5 MB of a 10 MB aggregate's garbage.
    const expandedNames = this.attrExpanded;
    const expandedBy = this.attrExpandedBy;
    let prefixedCount = 0;
    let prefixedSeen: Map<string, string> | null = null;
    for (let k = 0; k < count; k++) {
      const name = names[k]!;
      const c = name.indexOf(':');
      let attr: LightAttr;
      if (c < 0) {
        attr = new LightAttr(name, null, name, name === 'xmlns' ? XMLNS_NS : null, values[k]!, el);
      } else {
        const p = name.slice(0, c);
        const uri = p === 'xmlns' ? XMLNS_NS : this.resolve(p, true, name, offsets[k]!);
        attr = new LightAttr(name, p, name.slice(c + 1), uri, values[k]!, el);
        // NSC Attributes Unique: no two attributes with the same expanded name (prefixed ones
        // only can clash: distinct unprefixed names are distinct expanded names).
        const expanded = uri + ' ' + attr.localName;
        let other: string | undefined;
        if (prefixedCount < MANY_ATTRIBUTES) {
          for (let j = 0; j < prefixedCount; j++) if (expandedNames[j] === expanded) other = expandedBy[j];
        } else {
          if (prefixedSeen === null) {
            prefixedSeen = new Map();
            for (let j = 0; j < prefixedCount; j++) prefixedSeen.set(expandedNames[j]!, expandedBy[j]!);
          }
          other = prefixedSeen.get(expanded);
        }
        if (other !== undefined) {
          throw new ReadError('input-not-xml', `The payload is not well-formed XML: attributes ${other} and ${name} of <${qname}> have the same namespace and local name`, offsets[k]!);
        }
        if (prefixedSeen !== null) prefixedSeen.set(expanded, name);
        else {
          expandedNames[prefixedCount] = expanded;
          expandedBy[prefixedCount] = name;
        }
        prefixedCount++;
      }
      attributes[k] = attr;
    }
    this.append(parent, el);
    if (this.open.length === 0) this.sawRoot = true;
    if (selfClosing) {
      this.unbind(undoFrom);
      if (this.onRootChildClosed !== null && this.open.length === 1) this.onRootChildClosed(el);
    } else {
      this.open.push(el);
      this.openUndoFrom.push(undoFrom);
    }
  }

  private elementName(qname: string, at: number): LightName {
    // A known name brings its prefix: no substring per element.
    const known = this.names.get(qname);
    const colon = qname.indexOf(':');
    const prefix = known ? known.prefix : colon < 0 ? null : qname.slice(0, colon);
    const ns = this.resolve(prefix ?? '', prefix !== null, qname, at);
    if (known && known.namespaceURI === ns) return known;
    const name = new LightName(qname, colon < 0 ? qname : qname.slice(colon + 1), prefix, ns);
    this.names.set(qname, name);
    return name;
  }

  private bind(prefix: string, uri: string, at: number): void {
    if (prefix === 'xmlns') throw new ReadError('input-not-xml', 'The payload is not well-formed XML: the prefix xmlns cannot be declared', at);
    if (prefix === 'xml' ? uri !== XML_NS : uri === XML_NS) throw new ReadError('input-not-xml', `The payload is not well-formed XML: the prefix xml is bound only to ${XML_NS}`, at);
    if (uri === XMLNS_NS) throw new ReadError('input-not-xml', `The payload is not well-formed XML: ${XMLNS_NS} cannot be declared`, at);
    if (prefix !== '' && uri === '') throw new ReadError('input-not-xml', `The payload is not well-formed XML: xmlns:${prefix}="" (prefix undeclaration) is not allowed in XML 1.0`, at);
    if (uri !== '' && !this.validUris.has(uri)) {
      if (!URI_REFERENCE.test(uri)) {
        throw new ReadError('input-not-xml', `The payload is not well-formed XML: the namespace name ${JSON.stringify(uri)} of ${prefix === '' ? 'xmlns' : `xmlns:${prefix}`} is not a valid URI reference (RFC 3986; libxml2 and xmlsec1 refuse it)`, at);
      }
      this.validUris.add(uri);
    }
    this.undo.push([prefix, this.bindings.get(prefix)]);
    this.bindings.set(prefix, uri);
  }

  private unbind(undoFrom: number): void {
    const undo = this.undo;
    while (undo.length > undoFrom) {
      const [prefix, previous] = undo.pop()!;
      if (previous === undefined) this.bindings.delete(prefix);
      else this.bindings.set(prefix, previous);
    }
  }

  /** Namespace URI of a prefix ('' = default, which may be unbound: null). */
  private resolve(prefix: string, prefixed: boolean, qname: string, at: number): string | null {
    const uri = this.bindings.get(prefix);
    if (!prefixed) return uri === undefined || uri === '' ? null : uri;
    if (uri === undefined) throw new ReadError('input-not-xml', `The payload is not well-formed XML: the namespace prefix "${prefix}" of ${qname} is not declared`, at);
    return uri;
  }

  private endTag(): void {
    const xml = this.xml;
    const start = this.pos;
    const close = xml.indexOf('>', start + 2);
    if (close < 0) throw new ReadError('input-not-xml', 'The payload is not well-formed XML: an end tag is not closed', start);
    let nameEnd = close;
    while (nameEnd > start + 2 && isSpace(xml.charCodeAt(nameEnd - 1))) nameEnd--;
    const top = this.open.pop();
    const name = top && top.nodeName.length === nameEnd - start - 2 && xml.startsWith(top.nodeName, start + 2) ? top.nodeName : xml.slice(start + 2, nameEnd);
    if (!top) throw new ReadError('input-not-xml', `The payload is not well-formed XML: end tag </${name}> without a start tag`, start);
    if (top.nodeName !== name) {
      throw new ReadError('input-not-xml', `The payload is not well-formed XML: end tag </${name}> does not match the start tag <${top.nodeName}>`, start);
    }
    this.unbind(this.openUndoFrom.pop()!);
    this.pos = close + 1;
    if (this.onRootChildClosed !== null && this.open.length === 1) this.onRootChildClosed(top);
  }

  // ---- references ----

  /** §3.3.3 for CDATA attributes: literal white space becomes a space, then references are replaced. */
  private normalizeAttributeValue(raw: string, at: number): string {
    let v = raw;
    if (v.indexOf('\n') >= 0 || v.indexOf('\t') >= 0) v = v.replace(/[\n\t]/g, ' ');
    return v.indexOf('&') >= 0 ? this.decodeReferences(v, at) : v;
  }

  /** The five predefined entities and character references; any other reference is refused. */
  private decodeReferences(s: string, at: number): string {
    let out = '';
    let from = 0;
    for (;;) {
      const amp = s.indexOf('&', from);
      if (amp < 0) break;
      out += s.slice(from, amp);
      const semi = s.indexOf(';', amp + 1);
      const ref = semi < 0 ? '' : s.slice(amp + 1, semi);
      if (semi < 0 || ref === '' || ref.length > 32) throw new ReadError('input-not-xml', "The payload is not well-formed XML: '&' must start a reference such as &amp;amp; (write & as &amp;amp;)", at + amp);
      if (ref.charCodeAt(0) === 35 /* # */) {
        const hex = ref.charCodeAt(1) === 120; /* x */
        const digits = ref.slice(hex ? 2 : 1);
        if (!(hex ? /^[0-9A-Fa-f]+$/ : /^[0-9]+$/).test(digits)) throw new ReadError('input-not-xml', `The payload is not well-formed XML: malformed character reference &${ref};`, at + amp);
        const cp = parseInt(digits, hex ? 16 : 10);
        if (!isXmlChar(cp)) throw new ReadError('input-not-xml', `The payload is not well-formed XML: &${ref}; refers to a character XML does not allow`, at + amp);
        out += String.fromCodePoint(cp);
      } else {
        const v = PREDEFINED[ref];
        if (v === undefined) {
          throw new ReadError('input-dtd-forbidden', `The XML refers to an undeclared entity &${ref};. Entities are refused, never expanded`, at + amp);
        }
        out += v;
      }
      from = semi + 1;
    }
    return out + s.slice(from);
  }
}

/** XML 1.0 §2.2 Char. */
function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

export function positionOf(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  const end = Math.min(index, text.length);
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return { line, column: end - last };
}
