import { INPUT_MAX_CHARS } from '../limits';
import type { CapturedPayload, DecodedInput, InputError, TextRepair } from '../types';
import { decodeBase64Lenient, looksLikeBase64 } from '../encoding/base64';
import { nestedBudget, newDecodeBudget, type DecodeBudget } from './budget';
import { inputTooLarge } from '../limit-error';
import { extractFromHar, extractFromSamlTracer } from './har';
import { looksLikeHtmlForm } from './htmlForm';
import { bytesToText, inflateSamlPayload } from './inflate';
import { parseJsonBounded } from './json';
import { payloadFromHtmlForm, payloadFromParams } from './payload';
import { encodeFormPair, extractQuery, formDecode, toWellFormedText } from '../encoding/form';

function single(detected: DecodedInput['detected'], r: { ok: true; value: CapturedPayload } | { ok: false; error: InputError }): DecodedInput {
  return r.ok ? { detected, errors: [], payloads: [r.value] } : { detected, errors: [r.error], payloads: [] };
}

function decodeJson(text: string, budget: DecodeBudget): DecodedInput | null {
  const parsed = parseJsonBounded(text, 'JSON input');
  if (!parsed.ok) return parsed.error.code === 'input-too-large' ? { detected: null, errors: [parsed.error], payloads: [] } : null;
  const json = parsed.value;
  if (json && typeof json === 'object') {
    const o = json as Record<string, unknown>;
    if (o.log && typeof o.log === 'object' && Array.isArray((o.log as Record<string, unknown>).entries)) {
      const r = extractFromHar(o as { log: { entries: unknown } }, budget);
      const errors = [...r.errors];
      if (r.payloads.length === 0 && errors.length === 0) errors.push({ code: 'input-unrecognized', message: 'This HAR file holds no SAML message (no SAMLRequest or SAMLResponse in any URL, request body or response form).' });
      return { detected: 'har', errors, payloads: r.payloads };
    }
    if (Array.isArray(o.requests)) {
      const r = extractFromSamlTracer(o, budget);
      const errors = [...r.errors];
      if (r.payloads.length === 0 && errors.length === 0) errors.push({ code: 'input-unrecognized', message: 'This SAML-tracer export holds no SAML message.' });
      return { detected: 'saml-tracer', errors, payloads: r.payloads };
    }
    // Query parameters as a server framework parsed them ({ SAMLRequest, RelayState, SigAlg,
    // Signature }), as node-saml and express log them; `originalQuery` keeps the signed octets.
    if (typeof o.SAMLRequest === 'string' || typeof o.SAMLResponse === 'string') {
      const textRepairs: TextRepair[] = [];
      const raw = typeof o.originalQuery === 'string' ? o.originalQuery : ['SAMLRequest', 'SAMLResponse', 'RelayState', 'SigAlg', 'Signature']
        .filter((k) => typeof o[k] === 'string')
        .map((k) => encodeFormPair(k, o[k] as string, textRepairs))
        .join('&');
      const r = payloadFromParams(raw, 'infer', { textRepairs }, budget);
      if (r) {
        if (r.ok && typeof o.originalQuery !== 'string' && r.value.redirect) r.value.notes.push('Parameters came as JSON without the original query string: the signed octets were rebuilt with standard encoding.');
        return single(r.ok && r.value.binding === 'HTTP-POST' ? 'post-body' : 'redirect-url', r);
      }
    }
  }
  return { detected: null, errors: [{ code: 'input-unrecognized', message: 'This JSON is neither a HAR file (log.entries) nor a SAML-tracer export (requests).' }], payloads: [] };
}

/**
 * Work out what was pasted and pull out every SAML payload, without being told the format.
 * Order matters: structured containers first (JSON, HTML, XML), then parameter strings, then
 * bare base64, so that a query string is never mistaken for base64.
 */
export function decodeInput(input: string): DecodedInput {
  return decodeInputWithin(input, newDecodeBudget());
}

/** Text (of decoded bytes) that is itself a pasted input rather than a SAML message: base64 in base64, a URL or body in base64. */
function looksLikeNestedInput(text: string): boolean {
  const t = text.trim();
  if (t.startsWith('<')) return false; // XML, or an HTML form: decoded as the SAML payload itself
  return looksLikeBase64(t) || /(^|[?&])SAML(Request|Response)=/.test(t) || t.startsWith('{');
}

/** Printable ASCII (with tabs and line breaks): text, never a DEFLATE stream in practice. */
function isPrintableAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b > 0x7e || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d)) return false;
  return bytes.length > 0;
}

function decodeInputWithin(input: string, budget: DecodeBudget): DecodedInput {
  if (input.length > INPUT_MAX_CHARS) {
    return { detected: null, errors: [inputTooLarge(`The input is ${input.length.toLocaleString('en-US')} characters`, { name: 'INPUT_MAX_CHARS', limit: INPUT_MAX_CHARS, seen: input.length, unit: 'characters' })], payloads: [] };
  }
  const text = input.replace(/^\uFEFF/, '').trim();
  if (!text) return { detected: null, errors: [{ code: 'input-unrecognized', message: 'The input is empty: paste a SAML message, a URL, a POST body, base64, XML, a HAR file or a SAML-tracer export.' }], payloads: [] };

  if (text.startsWith('{') || text.startsWith('[')) {
    const json = decodeJson(text, budget);
    if (json) return json;
  }
  if (text.startsWith('<')) {
    if (looksLikeHtmlForm(text)) {
      const r = payloadFromHtmlForm(text, {}, budget);
      if (r) {
        if (r.ok) r.value.notes.unshift('Taken from an HTML auto-submit form (HTTP-POST binding).');
        return single('post-body', r);
      }
    }
    // XML 1.0 §2.2: a surrogate is not a Char. Only pasted text (never decoded bytes) can hold a
    // lone one; it is shown as U+FFFD, as any UTF-8 transfer would have carried it, and reported.
    const xml = toWellFormedText(input.replace(/^\uFEFF/, ''));
    const textRepairs = xml.loneSurrogates > 0 ? [{ field: 'XML', loneSurrogates: xml.loneSurrogates }] : [];
    return { detected: 'xml', errors: [], payloads: [{ binding: null, parameter: null, xml: xml.text, encoding: ['XML'], notes: [], ...(textRepairs.length ? { textRepairs } : {}) }] };
  }
  if (/(^|[?&\s])SAML(Request|Response)=/.test(text)) {
    // Line breaks inside a pasted URL come from wrapping, not from the sender.
    const { query, url } = extractQuery(text.replace(/\s+/g, ''));
    const isUrl = url !== null;
    const r = payloadFromParams(query, isUrl ? 'HTTP-Redirect' : 'infer', url ? { url, method: 'GET' } : {}, budget);
    if (r) {
      const detected = r.ok && r.value.binding === 'HTTP-POST' ? 'post-body' : 'redirect-url';
      return single(detected, r);
    }
  }
  // A value copied out of a URL or form: still percent-encoded base64.
  const candidate = /%2B|%2F|%3D/i.test(text) && !/\s/.test(text) ? formDecode(text) : text;
  if (looksLikeBase64(candidate)) {
    const b = decodeBase64Lenient(candidate);
    if (!b.ok) return { detected: 'base64', errors: [b.error], payloads: [] };
    if (isPrintableAscii(b.value.bytes)) {
      const inner = bytesToText(b.value.bytes);
      if (looksLikeNestedInput(inner)) {
        // base64 of base64, of a URL or of a HAR: decode the inner input, one level deeper.
        const nested = nestedBudget(budget, 'The base64 input');
        if (!nested.ok) return { detected: 'base64', errors: [nested.error], payloads: [] };
        const r = decodeInputWithin(inner, nested.value);
        for (const p of r.payloads) p.notes.unshift(`The input was base64-encoded ${r.detected === 'base64' ? 'base64' : (r.detected ?? 'text')}; decoded first.`);
        return { ...r, detected: r.detected ?? 'base64' };
      }
    }
    const inflated = inflateSamlPayload(b.value.bytes, false, budget);
    if (!inflated.ok) return { detected: 'base64', errors: [inflated.error], payloads: [] };
    const notes = [...b.value.notes, ...inflated.value.notes];
    if (candidate !== text) notes.unshift('The base64 was URL-encoded; decoded first.');
    return { detected: 'base64', errors: [], payloads: [{ binding: null, parameter: null, xml: inflated.value.xml, encoding: inflated.value.encoding, notes }] };
  }
  if (/^[A-Za-z0-9+/=\s]{16,}$/.test(text)) {
    const b = decodeBase64Lenient(text);
    if (!b.ok) return { detected: 'base64', errors: [b.error], payloads: [] };
  }
  return {
    detected: null,
    errors: [{ code: 'input-unrecognized', message: 'Not a SAML message: expected XML, base64, a URL or query string with SAMLRequest/SAMLResponse, a form-encoded POST body, a HAR file or a SAML-tracer export.' }],
    payloads: [],
  };
}

