import { ok, type Binding, type CapturedPayload, type RedirectSignatureParts, type Result, type TextRepair } from '../types';
import { decodeBase64Lenient } from '../encoding/base64';
import { newDecodeBudget, type DecodeBudget } from './budget';
import { inflateSamlPayload } from './inflate';
import { extractHtmlFormFields } from './htmlForm';
import { encodeFormPair, parseRawParams, repairDoubleEncoding, toWellFormedText, type RawParam } from '../encoding/form';

type SamlParam = 'SAMLRequest' | 'SAMLResponse';

/** Decode a SAMLRequest/SAMLResponse parameter value (already URL-decoded once) to XML. */
export function decodeSamlParameterValue(value: string, binding: Binding, budget: DecodeBudget = newDecodeBudget()): Result<{ xml: string; encoding: string[]; notes: string[] }> {
  const notes: string[] = [];
  const repaired = repairDoubleEncoding(value);
  let v = repaired.value;
  if (repaired.repaired) notes.push('The value was URL-encoded twice; decoded a second time.');
  // A '+' sent unescaped turns into a space after form decoding; base64 has no spaces, so put it back.
  if (/ /.test(v.trim())) {
    v = v.trim().replace(/ /g, '+');
    notes.push('Spaces in the base64 value read as "+" (the "+" was not percent-encoded by the sender).');
  }
  const b64 = decodeBase64Lenient(v);
  if (!b64.ok) return b64;
  notes.push(...b64.value.notes);
  const inflated = inflateSamlPayload(b64.value.bytes, binding === 'HTTP-Redirect', budget);
  if (!inflated.ok) return inflated;
  return ok({ xml: inflated.value.xml, encoding: [...inflated.value.encoding], notes: [...notes, ...inflated.value.notes] });
}

function findParam(params: RawParam[], name: string): RawParam | undefined {
  return params.find((p) => p.name === name);
}

/**
 * Extract the SAML message from query-string or form parameters. The binding is the caller's
 * best knowledge; for a bare parameter string it is inferred: a SigAlg/Signature or a
 * DEFLATE-compressed payload means HTTP-Redirect, a plain base64 XML payload means HTTP-POST.
 */
export function payloadFromParams(
  rawQuery: string,
  bindingHint: Binding | 'infer',
  context: { url?: string; method?: string; time?: string; textRepairs?: TextRepair[] } = {},
  budget: DecodeBudget = newDecodeBudget(),
): Result<CapturedPayload> | null {
  const params = parseRawParams(rawQuery);
  const msg = params.find((p) => p.name === 'SAMLRequest' || p.name === 'SAMLResponse');
  if (!msg) return null;
  const parameter = msg.name as SamlParam;
  const relay = findParam(params, 'RelayState');
  const sigAlg = findParam(params, 'SigAlg');
  const signature = findParam(params, 'Signature');
  let binding: Binding = bindingHint === 'infer' ? (sigAlg || signature ? 'HTTP-Redirect' : null) : bindingHint;
  const decoded = decodeSamlParameterValue(msg.value, binding ?? 'HTTP-Redirect', budget);
  if (!decoded.ok) return decoded;
  if (binding === null) binding = decoded.value.encoding.some((e) => e.includes('DEFLATE')) ? 'HTTP-Redirect' : 'HTTP-POST';
  if (binding === 'HTTP-POST') decoded.value.notes = decoded.value.notes.filter((n) => !n.includes('not DEFLATE-compressed'));
  // A lone surrogate in a decoded value (a literal one in a HAR or JSON URL) cannot have been
  // received over HTTP: shown as the U+FFFD a browser would have sent, and reported.
  // formDecode already made the values well-formed; the raw parameters tell how many were repaired.
  const textRepairs = [...(context.textRepairs ?? [])];
  for (const p of params) {
    const lone = toWellFormedText(p.raw).loneSurrogates;
    if (lone > 0) textRepairs.push({ field: toWellFormedText(p.name).text.slice(0, 64) || 'a parameter', loneSurrogates: lone });
  }
  const payload: CapturedPayload = {
    binding,
    parameter,
    xml: decoded.value.xml,
    encoding: binding === 'HTTP-Redirect' ? ['URL', ...decoded.value.encoding] : ['form', ...decoded.value.encoding],
    notes: decoded.value.notes,
    ...(relay ? { relayState: relay.value } : {}),
    ...(textRepairs.length ? { textRepairs } : {}),
    ...(context.url ? { url: context.url } : {}),
    ...(context.method ? { method: context.method } : {}),
    ...(context.time ? { time: context.time } : {}),
  };
  if (binding === 'HTTP-Redirect') {
    const redirect: RedirectSignatureParts = { rawMessageParam: msg.raw, rawQuery: rawQuery.replace(/^\?/, '') };
    if (relay) redirect.rawRelayStateParam = relay.raw;
    if (sigAlg) {
      redirect.rawSigAlgParam = sigAlg.raw;
      redirect.sigAlg = sigAlg.value;
    }
    if (signature) redirect.signature = signature.value.replace(/ /g, '+');
    payload.redirect = redirect;
  }
  return ok(payload);
}


/**
 * The SAML message of an HTML auto-submit form (an IdP's or SP's HTTP-POST page), or null when
 * the page has no SAMLResponse/SAMLRequest field. `fallbackUrl` stands in for a missing action.
 */
export function payloadFromHtmlForm(html: string, context: { fallbackUrl?: string; time?: string } = {}, budget: DecodeBudget = newDecodeBudget()): Result<CapturedPayload> | null {
  const form = extractHtmlFormFields(html);
  if (!form) return null;
  const name = form.fields.SAMLResponse !== undefined ? 'SAMLResponse' : 'SAMLRequest';
  const value = form.fields[name];
  if (value === undefined) return null;
  // Character references such as &#xD800; decode to lone surrogates: encoded as the browser would.
  const textRepairs: TextRepair[] = [];
  let body = encodeFormPair(name, value, textRepairs);
  if (form.fields.RelayState !== undefined) body += `&${encodeFormPair('RelayState', form.fields.RelayState, textRepairs)}`;
  const url = form.action ?? context.fallbackUrl;
  return payloadFromParams(body, 'HTTP-POST', { ...(url ? { url } : {}), method: form.method ?? 'POST', ...(context.time ? { time: context.time } : {}), textRepairs }, budget);
}
