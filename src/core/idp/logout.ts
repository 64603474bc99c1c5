// Single logout at the mock IdP (SAML core §3.7, profiles §4.4): a LogoutRequest from the SP is
// answered with a LogoutResponse whose InResponseTo is the request's ID, Destination the SP's
// SingleLogoutService, Status Success. Signed like a Response (enveloped) for HTTP-POST; for
// HTTP-Redirect the caller signs the query string (../mocksp/sign signRedirectQuery).
import { escapeXml, newMessageId, samlInstant } from '../mocksp/authnRequest';
import type { SpSigningKey } from '../mocksp/keys';
import { serializeXml, signElementEnveloped, type SignError } from '../mocksp/sign';
import { fail, ok, type Result } from '../types';
import { NS } from '../xml/dom';
import { parseXmlForEditing } from '../xml/parseForEditing';
import { defaultAlgorithmFor } from './issue';
import { STATUS_SUCCESS } from './response';

export interface LogoutResponseInput {
  idpEntityId: string;
  inResponseTo: string;
  destination: string;
  at?: Date;
  status?: string;
}

export function logoutResponseXml(o: LogoutResponseInput): string {
  return (
    `<samlp:LogoutResponse xmlns:samlp="${NS.protocol}" xmlns:saml="${NS.assertion}" ID="${newMessageId()}" Version="2.0" IssueInstant="${samlInstant(o.at ?? new Date())}" Destination="${escapeXml(o.destination)}" InResponseTo="${escapeXml(o.inResponseTo)}">` +
    `<saml:Issuer>${escapeXml(o.idpEntityId)}</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="${escapeXml(o.status ?? STATUS_SUCCESS)}"/></samlp:Status>` +
    `</samlp:LogoutResponse>`
  );
}

/** The LogoutResponse, enveloped-signed when a key is given (HTTP-POST). */
export async function buildLogoutResponse(o: LogoutResponseInput, key: SpSigningKey | null): Promise<Result<string, SignError>> {
  const xml = logoutResponseXml(o);
  if (!key) return ok(xml);
  const doc = parseXmlForEditing(xml);
  if (!doc.ok) return fail({ code: 'not-xml', message: doc.error.message });
  const s = await signElementEnveloped(doc.value.documentElement!, key, defaultAlgorithmFor(key.privateKey));
  return s.ok ? ok(serializeXml(doc.value)) : s;
}
