/** Fields of the HTML auto-submit forms IdPs and SPs serve for the HTTP-POST binding. */
export interface HtmlFormFields { action: string | null; method: string | null; fields: Record<string, string> }

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', '#x2B': '+', '#43': '+' };

export function decodeHtmlEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED_ENTITIES[body] ?? NAMED_ENTITIES[body.toLowerCase()] ?? m;
  });
}

function attributesOf(tag: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /([^\s=/>"']+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  let m: RegExpExecArray | null;
  const inner = tag.replace(/^<\s*[a-z0-9]+/i, '').replace(/\/?>$/, '');
  while ((m = re.exec(inner))) {
    const name = (m[1] ?? '').toLowerCase();
    if (!name) continue;
    attrs[name] = decodeHtmlEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

/**
 * The start tags `<name …>` of the page, found with indexOf rather than a regular expression:
 * `/<input\b[^>]*>/g` over thousands of unclosed `<input` backtracks to the end of the text for
 * each one (quadratic: 140 KB took 12 s). Once a tag has no closing `>`, no later one has either.
 */
function* startTags(html: string, lowerHtml: string, name: string): Generator<string> {
  const open = `<${name}`;
  let from = 0;
  for (;;) {
    const at = lowerHtml.indexOf(open, from);
    if (at < 0) return;
    const after = lowerHtml.charCodeAt(at + open.length);
    // \b after the name: the next character is not part of a longer tag name (<inputx>, <form-x>).
    if (!Number.isNaN(after) && /[a-z0-9_-]/.test(String.fromCharCode(after))) {
      from = at + open.length;
      continue;
    }
    const end = html.indexOf('>', at);
    if (end < 0) return;
    yield html.slice(at, end + 1);
    from = end + 1;
  }
}

/**
 * HTML is not XML (unclosed <input>, boolean attributes, entities), so it is scanned with a
 * tolerant tag matcher rather than parsed; only <form> and <input>/<textarea> matter here.
 */
export function extractHtmlFormFields(html: string): HtmlFormFields | null {
  const fields: Record<string, string> = {};
  let action: string | null = null;
  let method: string | null = null;
  const lower = html.toLowerCase();
  for (const tag of startTags(html, lower, 'form')) {
    const a = attributesOf(tag);
    action = a.action ?? null;
    method = a.method ? a.method.toUpperCase() : null;
    break;
  }
  for (const tag of startTags(html, lower, 'input')) {
    const a = attributesOf(tag);
    if (a.name) fields[a.name] = a.value ?? '';
  }
  let from = 0;
  for (;;) {
    const at = lower.indexOf('<textarea', from);
    if (at < 0) break;
    const tagEnd = html.indexOf('>', at);
    if (tagEnd < 0) break;
    const close = lower.indexOf('</textarea>', tagEnd + 1);
    if (close < 0) break;
    const tag = html.slice(at, tagEnd + 1);
    if (/^<textarea[\s/>]/i.test(tag)) {
      const a = attributesOf(tag.replace(/^<textarea/i, '<textarea'));
      if (a.name) fields[a.name] = decodeHtmlEntities(html.slice(tagEnd + 1, close));
    }
    from = close + '</textarea>'.length;
  }
  if (Object.keys(fields).length === 0) return null;
  return { action, method, fields };
}

export function looksLikeHtmlForm(text: string): boolean {
  // The field name first: on a 10 MB metadata document it fails in 3 ms, the tag test in 8 ms.
  return /name\s*=\s*["']?SAML(Request|Response)/i.test(text) && /<(form|html|body|input)\b/i.test(text);
}
