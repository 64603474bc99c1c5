import type { CapturedPayload, DecodedInput, InputError } from '../types';
import { decodeBase64Lenient, looksLikeBase64 } from './base64';
import { extractFromHar, extractFromSamlTracer } from './har';
import { looksLikeHtmlForm } from './htmlForm';
import { inflateSamlPayload } from './inflate';
import { payloadFromHtmlForm, payloadFromParams } from './payload';
import { extractQuery, formDecode } from './query';

const MAX_INPUT_CHARS = 64 * 1024 * 1024;

function single(detected: DecodedInput['detected'], r: { ok: true; value: CapturedPayload } | { ok: false; error: InputError }): DecodedInput {
  return r.ok ? { detected, errors: [], payloads: [r.value] } : { detected, errors: [r.error], payloads: [] };
}

function decodeJson(text: string): DecodedInput | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  if (json && typeof json === 'object') {
    const o = json as Record<string, unknown>;
    if (o.log && typeof o.log === 'object' && Array.isArray((o.log as Record<string, unknown>).entries)) {
      const r = extractFromHar(o as { log: { entries: unknown } });
      const errors = [...r.errors];
      if (r.payloads.length === 0 && errors.length === 0) errors.push({ code: 'input-unrecognized', message: 'This HAR file holds no SAML message (no SAMLRequest or SAMLResponse in any URL, request body or response form).' });
      return { detected: 'har', errors, payloads: r.payloads };
    }
    if (Array.isArray(o.requests)) {
      const r = extractFromSamlTracer(o);
      const errors = [...r.errors];
      if (r.payloads.length === 0 && errors.length === 0) errors.push({ code: 'input-unrecognized', message: 'This SAML-tracer export holds no SAML message.' });
      return { detected: 'saml-tracer', errors, payloads: r.payloads };
    }
    // Query parameters as a server framework parsed them ({ SAMLRequest, RelayState, SigAlg,
    // Signature }), as node-saml and express log them; `originalQuery` keeps the signed octets.
    if (typeof o.SAMLRequest === 'string' || typeof o.SAMLResponse === 'string') {
      const raw = typeof o.originalQuery === 'string' ? o.originalQuery : ['SAMLRequest', 'SAMLResponse', 'RelayState', 'SigAlg', 'Signature']
        .filter((k) => typeof o[k] === 'string')
        .map((k) => `${k}=${encodeURIComponent(o[k] as string)}`)
        .join('&');
      const r = payloadFromParams(raw, 'infer');
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
  if (input.length > MAX_INPUT_CHARS) {
    return { detected: null, errors: [{ code: 'input-unrecognized', message: `The input is ${Math.round(input.length / 1048576)} MB; samlscope reads at most ${MAX_INPUT_CHARS / 1048576} MB.` }], payloads: [] };
  }
  const text = input.replace(/^\uFEFF/, '').trim();
  if (!text) return { detected: null, errors: [{ code: 'input-unrecognized', message: 'The input is empty: paste a SAML message, a URL, a POST body, base64, XML, a HAR file or a SAML-tracer export.' }], payloads: [] };

  if (text.startsWith('{') || text.startsWith('[')) {
    const json = decodeJson(text);
    if (json) return json;
  }
  if (text.startsWith('<')) {
    if (looksLikeHtmlForm(text)) {
      const r = payloadFromHtmlForm(text);
      if (r) {
        if (r.ok) r.value.notes.unshift('Taken from an HTML auto-submit form (HTTP-POST binding).');
        return single('post-body', r);
      }
    }
    return { detected: 'xml', errors: [], payloads: [{ binding: null, parameter: null, xml: input.replace(/^\uFEFF/, ''), encoding: ['XML'], notes: [] }] };
  }
  if (/(^|[?&\s])SAML(Request|Response)=/.test(text)) {
    // Line breaks inside a pasted URL come from wrapping, not from the sender.
    const { query, url } = extractQuery(text.replace(/\s+/g, ''));
    const isUrl = url !== null;
    const r = payloadFromParams(query, isUrl ? 'HTTP-Redirect' : 'infer', url ? { url, method: 'GET' } : {});
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
    const inflated = inflateSamlPayload(b.value.bytes, false);
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

