// Builds HAR 1.2 captures of an SP-initiated SAML login (HTTP-Redirect AuthnRequest, HTTP-POST
// Response), exchange by exchange, the way Chrome's DevTools export them: for the capture-evidence
// tests (cookie-dropped-samesite, clock-skew-observed, redirect-loop, capture-sanitized).
import { deflateRawSync } from 'node:zlib';

export const SP = 'https://sp.example.com';
export const IDP = 'https://idp.example.org';
export const ACS = `${SP}/saml/acs`;
export const IDP_SSO = `${IDP}/sso`;

const P = 'urn:oasis:names:tc:SAML:2.0:protocol';
const A = 'urn:oasis:names:tc:SAML:2.0:assertion';

export function authnRequestXml(id: string, at: string): string {
  return `<samlp:AuthnRequest xmlns:samlp="${P}" xmlns:saml="${A}" ID="${id}" Version="2.0" IssueInstant="${at}" Destination="${IDP_SSO}" AssertionConsumerServiceURL="${ACS}" ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"><saml:Issuer>${SP}/metadata</saml:Issuer></samlp:AuthnRequest>`;
}

export function responseXml(inResponseTo: string, at: string): string {
  const later = new Date(Date.parse(at) + 300_000).toISOString();
  return `<samlp:Response xmlns:samlp="${P}" xmlns:saml="${A}" ID="_resp${inResponseTo}" Version="2.0" IssueInstant="${at}" Destination="${ACS}" InResponseTo="${inResponseTo}"><saml:Issuer>${IDP}/metadata</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status><saml:Assertion ID="_a${inResponseTo}" Version="2.0" IssueInstant="${at}"><saml:Issuer>${IDP}/metadata</saml:Issuer><saml:Subject><saml:NameID>alice</saml:NameID><saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData InResponseTo="${inResponseTo}" Recipient="${ACS}" NotOnOrAfter="${later}"/></saml:SubjectConfirmation></saml:Subject><saml:Conditions NotBefore="${at}" NotOnOrAfter="${later}"><saml:AudienceRestriction><saml:Audience>${SP}/metadata</saml:Audience></saml:AudienceRestriction></saml:Conditions></saml:Assertion></samlp:Response>`;
}

const header = (name: string, value: string) => ({ name, value });
const httpDate = (iso: string) => new Date(iso).toUTCString();
const plus = (iso: string, s: number) => new Date(Date.parse(iso) + s * 1000).toISOString();

export interface LoginOptions {
  /** The SP's Set-Cookie line on the redirect to the IdP (default: a Lax session cookie). */
  setCookie?: string | null;
  /** Whether the browser sent the session cookie back with the POST to the ACS. */
  cookieBack?: boolean;
  /** Seconds the IdP's IssueInstant is ahead of its HTTP Date header. */
  idpSkewSeconds?: number;
  /** What the ACS answered. */
  acsStatus?: number;
  acsLocation?: string;
  id?: string;
  /** Seconds the user spends at the IdP (its login page) between the AuthnRequest and the Response. */
  loginSeconds?: number;
}

/** The exchanges of one login, starting at `t0`: SP page → SP redirect with AuthnRequest → IdP form with Response → POST to ACS. */
export function loginEntries(t0: string, o: LoginOptions = {}): unknown[] {
  const id = o.id ?? '_req1';
  const setCookie = o.setCookie === undefined ? 'sp_session=abc123; Path=/; HttpOnly; SameSite=Lax' : o.setCookie;
  const q = encodeURIComponent(deflateRawSync(Buffer.from(authnRequestXml(id, t0))).toString('base64'));
  const idpUrl = `${IDP_SSO}?SAMLRequest=${q}&RelayState=r1`;
  const t2 = plus(t0, 2 + (o.loginSeconds ?? 0));
  const tPost = plus(t0, 3 + (o.loginSeconds ?? 0));
  const b64 = Buffer.from(responseXml(id, plus(t2, o.idpSkewSeconds ?? 0))).toString('base64');
  const form = `<html><body onload="document.forms[0].submit()"><form method="post" action="${ACS}"><input type="hidden" name="SAMLResponse" value="${b64}"/><input type="hidden" name="RelayState" value="r1"/></form></body></html>`;
  return [
    { startedDateTime: t0, request: { method: 'GET', url: `${SP}/login`, headers: [], cookies: [] },
      response: { status: 302, statusText: 'Found', headers: [header('Date', httpDate(t0)), header('Location', idpUrl), ...(setCookie ? [header('Set-Cookie', setCookie)] : [])], cookies: [], content: { mimeType: 'text/html', text: '' }, redirectURL: idpUrl } },
    { startedDateTime: plus(t0, 1), request: { method: 'GET', url: idpUrl, headers: [header('Cookie', 'idp_sso=zz')], cookies: [{ name: 'idp_sso', value: 'zz' }] },
      response: { status: 200, statusText: 'OK', headers: [header('Date', httpDate(t2))], cookies: [], content: { mimeType: 'text/html', text: form } } },
    { startedDateTime: tPost, request: { method: 'POST', url: ACS, headers: [header('Origin', IDP), ...(o.cookieBack ? [header('Cookie', 'sp_session=abc123')] : [])], cookies: o.cookieBack ? [{ name: 'sp_session', value: 'abc123' }] : [],
      postData: { mimeType: 'application/x-www-form-urlencoded', text: `SAMLResponse=${encodeURIComponent(b64)}&RelayState=r1` } },
      response: { status: o.acsStatus ?? 302, statusText: '', headers: [header('Date', httpDate(tPost)), ...(o.acsLocation ? [header('Location', o.acsLocation)] : [])], cookies: [], content: { mimeType: 'text/html', text: '' }, ...(o.acsLocation ? { redirectURL: o.acsLocation } : {}) } },
  ];
}

export function har(entries: unknown[]): string {
  return JSON.stringify({ log: { version: '1.2', creator: { name: 'samlscope test', version: '1' }, entries } });
}

export { plus };
