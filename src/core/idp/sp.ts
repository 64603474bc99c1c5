// What the mock IdP learns about the SP it answers: from the SP's metadata (SAML metadata §2.4.4
// SPSSODescriptor: entity ID, ACS endpoints, encryption key, SLO) and from the AuthnRequest it
// received (SAML core §3.4.1: ID → InResponseTo, AssertionConsumerServiceURL, NameIDPolicy).
// Both are read with the inspector's own decoder and summaries, so any input form works.
import { decodeInput } from '../binding/detect';
import { withoutWhitespace } from '../encoding/whitespace';
import { summarizeMetadata } from '../metadata/summarize';
import { BINDING_URIS } from '../mocksp/settings';
import { summarizeMessage } from '../saml/summarize';
import { fail, ok, type Binding, type EndpointSummary, type InputError, type Result } from '../types';
import { parseXmlSafely } from '../xml/parse';

export interface SpFacts {
  entityId: string;
  /** The ACS to answer at: the HTTP-POST one marked isDefault, else the first HTTP-POST one, else the first. */
  acsUrl: string | null;
  acsEndpoints: EndpointSummary[];
  /** base64 DER of the first encryption (or use-less) KeyDescriptor certificate. */
  encryptionCertificate: string | null;
  sloUrl: string | null;
  sloBinding: string | null;
  wantAssertionsSigned: boolean | null;
  authnRequestsSigned: boolean | null;
  nameIdFormats: string[];
}

export type SpReadErrorCode = InputError['code'] | 'not-sp-metadata' | 'not-authn-request';
export interface SpReadError {
  code: SpReadErrorCode;
  message: string;
}

function pickAcs(list: EndpointSummary[]): EndpointSummary | null {
  const post = list.filter((e) => e.binding === BINDING_URIS['HTTP-POST']);
  return post.find((e) => e.isDefault) ?? post[0] ?? list.find((e) => e.isDefault) ?? list[0] ?? null;
}

export function readSpMetadata(text: string): Result<SpFacts, SpReadError> {
  const doc = parseXmlSafely(text.trim());
  if (!doc.ok) return fail({ code: doc.error.code, message: doc.error.message });
  const meta = summarizeMetadata(doc.value.documentElement!);
  for (const entity of meta?.entities ?? []) {
    const role = entity.roles.find((r) => r.role === 'SPSSODescriptor');
    if (!role) continue;
    const enc = role.keyDescriptors.find((k) => k.use === 'encryption' && k.certificates.length) ?? role.keyDescriptors.find((k) => k.use === null && k.certificates.length);
    const slo = role.singleLogoutServices.find((e) => e.binding === BINDING_URIS['HTTP-POST']) ?? role.singleLogoutServices[0] ?? null;
    return ok({
      entityId: entity.entityId,
      acsUrl: pickAcs(role.assertionConsumerServices)?.location ?? null,
      acsEndpoints: role.assertionConsumerServices,
      encryptionCertificate: enc?.certificates[0] !== undefined ? withoutWhitespace(enc.certificates[0]) : null,
      sloUrl: slo?.location ?? null,
      sloBinding: slo?.binding ?? null,
      wantAssertionsSigned: role.wantAssertionsSigned ?? null,
      authnRequestsSigned: role.authnRequestsSigned ?? null,
      nameIdFormats: role.nameIdFormats,
    });
  }
  return fail({ code: 'not-sp-metadata', message: 'This is not SP metadata: no EntityDescriptor with an SPSSODescriptor.' });
}

export interface RequestFacts {
  kind: 'AuthnRequest' | 'LogoutRequest';
  id: string;
  issuer: string | null;
  destination: string | null;
  /** AuthnRequest AssertionConsumerServiceURL (null when it names an index or nothing). */
  acsUrl: string | null;
  acsIndex: string | null;
  protocolBinding: string | null;
  nameIdPolicyFormat: string | null;
  /** LogoutRequest: the NameID and SessionIndex being logged out. */
  nameId: string | null;
  sessionIndexes: string[];
  relayState: string | null;
  binding: Binding;
  xml: string;
}

/** The first AuthnRequest or LogoutRequest in `text` (a Redirect URL, a POST body, base64, XML…). */
export function readRequest(text: string): Result<RequestFacts, SpReadError> {
  const decoded = decodeInput(text);
  if (decoded.errors.length && !decoded.payloads.length) return fail({ code: decoded.errors[0]!.code, message: decoded.errors[0]!.message });
  for (const p of decoded.payloads) {
    const doc = parseXmlSafely(p.xml);
    if (!doc.ok) return fail({ code: doc.error.code, message: doc.error.message });
    const s = summarizeMessage(doc.value);
    if (s.kind !== 'AuthnRequest' && s.kind !== 'LogoutRequest') continue;
    if (!s.id) return fail({ code: 'not-authn-request', message: `The ${s.kind} has no ID, so there is nothing to answer InResponseTo (SAML core §3.2.1).` });
    return ok({
      kind: s.kind,
      id: s.id,
      issuer: s.issuer,
      destination: s.destination,
      acsUrl: s.authnRequest?.assertionConsumerServiceURL ?? null,
      acsIndex: s.authnRequest?.assertionConsumerServiceIndex ?? null,
      protocolBinding: s.authnRequest?.protocolBinding ?? null,
      nameIdPolicyFormat: s.authnRequest?.nameIdPolicyFormat ?? null,
      nameId: s.logoutRequest?.nameId?.value ?? null,
      sessionIndexes: s.logoutRequest?.sessionIndexes ?? [],
      relayState: p.relayState ?? null,
      binding: p.binding,
      xml: p.xml,
    });
  }
  return fail({ code: 'not-authn-request', message: 'No AuthnRequest or LogoutRequest found in the input.' });
}

/**
 * The ACS a Response goes to: the request's AssertionConsumerServiceURL, else the metadata ACS
 * with the request's index, else the metadata default (SAML core §3.4.1, profiles §4.1.4.1).
 */
export function acsFor(request: RequestFacts | null, sp: SpFacts | null): string | null {
  if (request?.acsUrl) return request.acsUrl;
  if (request?.acsIndex && sp) {
    const byIndex = sp.acsEndpoints.find((e) => String(e.index) === request.acsIndex);
    if (byIndex) return byIndex.location;
  }
  return sp?.acsUrl ?? null;
}
