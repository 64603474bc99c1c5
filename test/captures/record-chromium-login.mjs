// Records the HAR files of this folder with Playwright's recordHar in Debian's Chromium: a real
// SP-initiated login between two throwaway servers on this machine, so the capture-evidence rules
// are tested on what a browser really sent (Cookie, Origin, Date), not on what we think it sends.
//
//   node test/captures/record-chromium-login.mjs      (ports 4353 and 4354 must be free)
//
// The SP (http://localhost:4353) sets four cookies on /login (SameSite=Lax, no SameSite,
// SameSite=None without Secure, SameSite=None; Secure — over http, which loopback allows) and redirects to the IdP with an HTTP-Redirect AuthnRequest; the
// IdP answers with an auto-submitted HTTP-POST form whose Response has an IssueInstant 300 s
// ahead of its Date header; the ACS answers 403 when the Lax cookie did not come back. Two runs:
// the IdP on http://127.0.0.1:4354 (another site: localhost and 127.0.0.1 differ) and on
// http://localhost:4354 (the same site: ports never count).
import { createServer } from 'node:http';
import { deflateRawSync } from 'node:zlib';
import { writeFileSync, readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SP = 'http://localhost:4353';
const P = 'urn:oasis:names:tc:SAML:2.0:protocol';
const A = 'urn:oasis:names:tc:SAML:2.0:assertion';
const IDP_SKEW_SECONDS = 300;

function authnRequest(id, idpSso) {
  return `<samlp:AuthnRequest xmlns:samlp="${P}" xmlns:saml="${A}" ID="${id}" Version="2.0" IssueInstant="${new Date().toISOString()}" Destination="${idpSso}" AssertionConsumerServiceURL="${SP}/acs" ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"><saml:Issuer>${SP}/metadata</saml:Issuer></samlp:AuthnRequest>`;
}

function response(idp, inResponseTo) {
  const at = new Date(Date.now() + IDP_SKEW_SECONDS * 1000);
  const later = new Date(at.getTime() + 300_000).toISOString();
  const now = at.toISOString();
  return `<samlp:Response xmlns:samlp="${P}" xmlns:saml="${A}" ID="_r${inResponseTo}" Version="2.0" IssueInstant="${now}" Destination="${SP}/acs" InResponseTo="${inResponseTo}"><saml:Issuer>${idp}/metadata</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status><saml:Assertion ID="_a${inResponseTo}" Version="2.0" IssueInstant="${now}"><saml:Issuer>${idp}/metadata</saml:Issuer><saml:Subject><saml:NameID>alice</saml:NameID><saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData InResponseTo="${inResponseTo}" Recipient="${SP}/acs" NotOnOrAfter="${later}"/></saml:SubjectConfirmation></saml:Subject><saml:Conditions NotBefore="${now}" NotOnOrAfter="${later}"><saml:AudienceRestriction><saml:Audience>${SP}/metadata</saml:Audience></saml:AudienceRestriction></saml:Conditions></saml:Assertion></samlp:Response>`;
}

function listen(port, handler) {
  return new Promise((ok) => {
    const s = createServer(handler);
    s.listen(port, '127.0.0.1', () => ok(s));
  });
}

async function record(idp, file) {
  const id = `_req${Date.now()}`;
  const idpSso = `${idp}/sso`;
  const sp = await listen(4353, (req, res) => {
    if (req.url.startsWith('/login')) {
      const q = encodeURIComponent(deflateRawSync(Buffer.from(authnRequest(id, idpSso))).toString('base64'));
      res.setHeader('Set-Cookie', ['sp_lax=1; Path=/; HttpOnly; SameSite=Lax', 'sp_unspecified=1; Path=/; HttpOnly', 'sp_none_insecure=1; Path=/; SameSite=None', 'sp_none_secure=1; Path=/; SameSite=None; Secure']);
      res.writeHead(302, { Location: `${idpSso}?SAMLRequest=${q}&RelayState=r1` }).end();
    } else if (req.url.startsWith('/acs')) {
      req.resume();
      req.on('end', () => {
        const back = /(^|;\s*)sp_lax=/.test(req.headers.cookie ?? '');
        res.writeHead(back ? 200 : 403, { 'Content-Type': 'text/html' }).end(back ? '<p>Logged in as alice</p>' : '<h1>Forbidden</h1><p>InResponseTo not found: no session for this login (the session cookie did not come back).</p>');
      });
    } else res.writeHead(404).end();
  });
  const idpServer = await listen(4354, (req, res) => {
    const b64 = Buffer.from(response(idp, id)).toString('base64');
    res.writeHead(200, { 'Content-Type': 'text/html' }).end(`<!doctype html><html><body onload="document.forms[0].submit()"><form method="post" action="${SP}/acs"><input type="hidden" name="SAMLResponse" value="${b64}"><input type="hidden" name="RelayState" value="r1"></form></body></html>`);
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const context = await browser.newContext({ recordHar: { path: file, content: 'embed' } });
  const page = await context.newPage();
  await page.goto(`${SP}/login`);
  await page.waitForURL(`${SP}/acs`);
  await page.waitForLoadState('load');
  await context.close();
  await browser.close();
  sp.close();
  idpServer.close();
  // Keep the file reviewable and free of this machine's details: the browser version stays.
  const har = JSON.parse(readFileSync(file, 'utf8'));
  writeFileSync(file, `${JSON.stringify(har, null, 1)}\n`);
}

const here = new URL('.', import.meta.url).pathname;
await record('http://127.0.0.1:4354', `${here}chromium-login-cross-site.har`);
await record('http://localhost:4354', `${here}chromium-login-same-site.har`);
