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
 * HTML is not XML (unclosed <input>, boolean attributes, entities), so it is scanned with a
 * tolerant tag matcher rather than parsed; only <form> and <input>/<textarea> matter here.
 */
export function extractHtmlFormFields(html: string): HtmlFormFields | null {
  const fields: Record<string, string> = {};
  let action: string | null = null;
  let method: string | null = null;
  const form = /<form\b[^>]*>/i.exec(html);
  if (form) {
    const a = attributesOf(form[0]);
    action = a.action ?? null;
    method = a.method ? a.method.toUpperCase() : null;
  }
  for (const m of html.matchAll(/<input\b[^>]*>/gi)) {
    const a = attributesOf(m[0]);
    if (a.name) fields[a.name] = a.value ?? '';
  }
  for (const m of html.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/gi)) {
    const a = attributesOf(`<textarea${m[1] ?? ''}>`);
    if (a.name) fields[a.name] = decodeHtmlEntities(m[2] ?? '');
  }
  if (Object.keys(fields).length === 0) return null;
  return { action, method, fields };
}

export function looksLikeHtmlForm(text: string): boolean {
  return /<(form|html|body|input)\b/i.test(text) && /name\s*=\s*["']?SAML(Request|Response)/i.test(text);
}
