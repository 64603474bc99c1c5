// Putting a request on the wire: the HTTP-Redirect URL, the HTTP-POST auto-submitting form,
// and the same as a curl command. Nothing here performs the request: the UI navigates (Redirect)
// or opens the form in a new tab (POST); the result objects show exactly what is sent.
import { deflateRaw } from 'pako';
import { encodeBase64 } from '../encoding/base64';
import { fail, ok, type Result } from '../types';
import { NS } from '../xml/dom';
import { parseXmlForEditing } from '../xml/parseForEditing';
import { XMLSerializer } from '@xmldom/xmldom';
import type { SpSigningKey } from './keys';
import type { MockSpSettings, SamlBindingName } from './settings';
import { buildRedirectQuery, signRedirectQuery, signXmlEnveloped, type SignError } from './sign';

export type SendErrorCode = SignError['code'] | 'no-endpoint' | 'key-required';
export interface SendError {
  code: SendErrorCode;
  message: string;
}

export interface SendOptions {
  /** Where to send; default: settings.sloUrl for a LogoutRequest, settings.destination otherwise. */
  endpoint?: string;
  /** Override settings.relayState ('' = none). */
  relayState?: string;
  /** Override settings.sign. */
  sign?: boolean;
}

export interface RedirectSend {
  binding: 'HTTP-Redirect';
  /** The complete URL to navigate to. */
  url: string;
  endpoint: string;
  /** Decoded parameter values, in URL order. */
  parameters: { SAMLRequest: string; RelayState?: string; SigAlg?: string; Signature?: string };
  /** SAML bindings §3.4.4.1 signed string, null when unsigned. */
  signedOctets: string | null;
  /** The XML that was deflated (any enveloped <ds:Signature> removed). */
  xml: string;
  /** Remarks for the user ("an enveloped signature was removed", …). */
  notes: string[];
}

export interface PostSend {
  binding: 'HTTP-POST';
  /** The form action (the endpoint). */
  action: string;
  fields: { SAMLRequest: string; RelayState?: string };
  /** A complete HTML page that POSTs the form on load, with a button for when scripts are off. */
  html: string;
  /** The XML that was base64-encoded (enveloped-signed when signing). */
  xml: string;
  notes: string[];
}

export type PreparedSend = RedirectSend | PostSend;

const utf8 = new TextEncoder();

function rootLocalName(xml: string): string | null {
  const m = /<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s>/]/.exec(xml.replace(/^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*/, ''));
  return m ? m[1]! : null;
}

function endpointFor(xml: string, settings: MockSpSettings, options: SendOptions): string {
  if (options.endpoint) return options.endpoint;
  return rootLocalName(xml) === 'LogoutRequest' ? settings.sloUrl : settings.destination;
}

/** SAML bindings §3.4.4.1: raw DEFLATE (RFC 1951, no zlib header), then base64. */
export function deflateAndEncode(xml: string): string {
  return encodeBase64(deflateRaw(utf8.encode(xml)));
}

/**
 * SAML bindings §3.4.4.1: with the Redirect binding "any signature on the SAML protocol message,
 * including the <ds:Signature> XML element itself, MUST be removed" before encoding.
 */
function withoutEnvelopedSignature(xml: string): { xml: string; removed: boolean } {
  if (!/Signature[\s>]/.test(xml)) return { xml, removed: false };
  const doc = parseXmlForEditing(xml);
  if (!doc.ok) return { xml, removed: false };
  const root = doc.value.documentElement!;
  let removed = false;
  for (let c = root.firstChild; c; ) {
    const next = c.nextSibling;
    if (c.nodeType === 1 && (c as Element).namespaceURI === NS.dsig && (c as Element).localName === 'Signature') {
      root.removeChild(c);
      removed = true;
    }
    c = next;
  }
  if (!removed) return { xml, removed };
  const out = new XMLSerializer().serializeToString(doc.value as unknown as Parameters<XMLSerializer['serializeToString']>[0]);
  return { xml: out.replace(/^<\?xml[^>]*\?>\s*/, ''), removed };
}

/**
 * HTTP-Redirect (SAML bindings §3.4): the message deflated into the SAMLRequest parameter of the
 * endpoint URL, RelayState, and — when signing — SigAlg and Signature over the exact query octets.
 * Query parameters already in the endpoint URL are kept (§3.4.4.1 allows them; they are not signed).
 */
export async function buildRedirect(xml: string, settings: MockSpSettings, key?: SpSigningKey | null, options: SendOptions = {}): Promise<Result<RedirectSend, SendError>> {
  const endpoint = endpointFor(xml, settings, options);
  if (!endpoint) return fail({ code: 'no-endpoint', message: 'No IdP endpoint URL to send to: set the IdP SSO URL (or the logout URL for a LogoutRequest).' });
  const notes: string[] = [];
  const stripped = withoutEnvelopedSignature(xml);
  if (stripped.removed) notes.push('The enveloped <ds:Signature> was removed: with HTTP-Redirect the signature goes into the query string (SAML bindings §3.4.4.1).');
  const relayState = options.relayState ?? settings.relayState;
  // The mock SP only sends requests (AuthnRequest, LogoutRequest): always the SAMLRequest parameter.
  const input = { parameter: 'SAMLRequest' as const, encodedMessage: deflateAndEncode(stripped.xml), relayState: relayState || null };
  const sign = options.sign ?? settings.sign;
  let query;
  if (sign) {
    if (!key) return fail({ code: 'key-required', message: 'Signing is on but no SP key is loaded: generate or import one, or turn signing off.' });
    const signed = await signRedirectQuery(input, key.privateKey, settings.signatureAlgorithm);
    if (!signed.ok) return signed;
    query = signed.value;
  } else {
    query = buildRedirectQuery(input);
  }
  const hashAt = endpoint.indexOf('#');
  const base = hashAt >= 0 ? endpoint.slice(0, hashAt) : endpoint;
  const url = `${base}${base.includes('?') ? (/[?&]$/.test(base) ? '' : '&') : '?'}${query.query}`;
  const parameters: RedirectSend['parameters'] = { SAMLRequest: input.encodedMessage };
  if (input.relayState) parameters.RelayState = input.relayState;
  if (query.sigAlg && query.signature) {
    parameters.SigAlg = query.sigAlg;
    parameters.Signature = query.signature;
  }
  return ok({ binding: 'HTTP-Redirect', url, endpoint, parameters, signedOctets: query.signedOctets, xml: stripped.xml, notes });
}

/** The Redirect URL alone (see buildRedirect for what else is available). */
export async function redirectUrl(xml: string, settings: MockSpSettings, key?: SpSigningKey | null, options: SendOptions = {}): Promise<Result<string, SendError>> {
  const r = await buildRedirect(xml, settings, key, options);
  return r.ok ? ok(r.value.url) : r;
}

/** HTML escaping for text and double-quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** An auto-submitting form page (SAML bindings §3.5.4 shows the same shape). Every value is escaped. */
export function autoSubmitFormHtml(action: string, fields: Record<string, string>, title = 'Sending SAML message'): string {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n      ');
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="referrer" content="no-referrer">
    <title>${escapeHtml(title)}</title>
  </head>
  <body onload="document.forms[0].submit()">
    <form method="post" action="${escapeHtml(action)}" enctype="application/x-www-form-urlencoded">
      ${inputs}
      <noscript><p>Scripts are off: press the button to continue.</p></noscript>
      <button type="submit">Continue to ${escapeHtml(safeHost(action))}</button>
    </form>
  </body>
</html>
`;
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * HTTP-POST (SAML bindings §3.5): the message base64-encoded (not deflated) in a SAMLRequest form
 * field, enveloped-signed when signing (§3.5.4.1: the signature is inside the XML).
 */
export async function postForm(xml: string, settings: MockSpSettings, key?: SpSigningKey | null, options: SendOptions = {}): Promise<Result<PostSend, SendError>> {
  const action = endpointFor(xml, settings, options);
  if (!action) return fail({ code: 'no-endpoint', message: 'No IdP endpoint URL to send to: set the IdP SSO URL (or the logout URL for a LogoutRequest).' });
  const notes: string[] = [];
  let body = xml;
  const sign = options.sign ?? settings.sign;
  if (sign) {
    if (!key) return fail({ code: 'key-required', message: 'Signing is on but no SP key is loaded: generate or import one, or turn signing off.' });
    const signed = await signXmlEnveloped(xml, key, settings.signatureAlgorithm);
    if (!signed.ok) return signed;
    body = signed.value;
  }
  const relayState = options.relayState ?? settings.relayState;
  const fields: PostSend['fields'] = { SAMLRequest: encodeBase64(utf8.encode(body)) };
  if (relayState) fields.RelayState = relayState;
  return ok({ binding: 'HTTP-POST', action, fields, html: autoSubmitFormHtml(action, fields), xml: body, notes });
}

/** Build the message for the configured binding of its kind (idpBinding for AuthnRequest, sloBinding for LogoutRequest). */
export async function prepareSend(xml: string, settings: MockSpSettings, key?: SpSigningKey | null, options: SendOptions & { binding?: SamlBindingName } = {}): Promise<Result<PreparedSend, SendError>> {
  const binding = options.binding ?? (rootLocalName(xml) === 'LogoutRequest' ? settings.sloBinding : settings.idpBinding);
  return binding === 'HTTP-POST' ? postForm(xml, settings, key, options) : buildRedirect(xml, settings, key, options);
}

/** POSIX shell single-quoting. */
function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * The same request as a curl command, for replaying it outside the browser (no cookies: the
 * IdP answers with its login page or a redirect to it). `-i` shows the status line and headers,
 * where authentik's 403 CSRF or a redirect to the login flow is visible.
 */
export function curlCommand(sent: PreparedSend): string {
  if (sent.binding === 'HTTP-Redirect') return `curl -i ${shellQuote(sent.url)}`;
  const fields = Object.entries(sent.fields)
    .map(([k, v]) => ` \\\n  --data-urlencode ${shellQuote(`${k}=${v}`)}`)
    .join('');
  return `curl -i -X POST${fields} \\\n  ${shellQuote(sent.action)}`;
}
