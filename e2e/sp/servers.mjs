// Real SAML service-provider libraries as SPs on 127.0.0.1, for the mock IdP's round trips
// (docs/mock-idp.md "SP libraries × variants"): @node-saml/node-saml and samlify (with
// @authenio/samlify-node-xmllint, its schema validator). Each is configured as its
// documentation's secure defaults suggest, and nothing is added on top: what the library
// accepts is what gets recorded.
//
//   node e2e/sp/servers.mjs        env: NODE_SAML_PORT (5373), SAMLIFY_PORT (5374), IDP_CERT_FILE,
//                                  IDP_ENTITY_ID, IDP_SSO_URL, SP_KEY_FILE/SP_CERT_FILE (encryption),
//                                  SP_LOGIN_COOKIE (a cookie name: /login sets it, see below)
//
// Each server: GET /login (SP-initiated: redirects to the IdP with an AuthnRequest, remembering
// its ID), POST /acs (200/303 when the library accepts the Response, 403 with its error when not;
// a RelayState that is an http(s) URL is followed on success, the test pack's "redirect back"),
// GET /last (the last verdict as JSON), GET /metadata (SP metadata), POST /reset.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import express from 'express';
import { SAML, ValidateInResponseTo } from '@node-saml/node-saml';
import * as samlify from 'samlify';
import * as xmllint from '@authenio/samlify-node-xmllint';

const env = (k, d) => process.env[k] ?? d;
const IDP_CERT = readFileSync(env('IDP_CERT_FILE'), 'utf8');
const IDP_ENTITY_ID = env('IDP_ENTITY_ID');
const IDP_SSO_URL = env('IDP_SSO_URL');
const SP_KEY = process.env.SP_KEY_FILE ? readFileSync(process.env.SP_KEY_FILE, 'utf8') : null;
const SP_CERT = process.env.SP_CERT_FILE ? readFileSync(process.env.SP_CERT_FILE, 'utf8') : null;
const certBody = (pem) => pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');

function app(name, port, handlers) {
  const a = express();
  a.use(express.urlencoded({ extended: false, limit: '4mb' }));
  // No keep-alive: between /login and /acs the test runs the CLI (seconds on a busy machine),
  // and a client that reuses a socket the server is closing gets "other side closed".
  a.use((_req, res, next) => {
    res.set('Connection', 'close');
    next();
  });
  let last = null;
  const verdict = (res, relayState, outcome) => {
    last = { library: name, ...outcome, at: new Date().toISOString() };
    if (!outcome.accepted) return res.status(403).type('text/plain').send(`${name} rejected the Response: ${outcome.error}`);
    if (relayState && /^https?:\/\//.test(relayState)) return res.redirect(303, relayState);
    return res.status(200).type('text/plain').send(`${name} accepted the Response: logged in as ${outcome.nameId}, email ${outcome.email}`);
  };
  a.get('/login', async (req, res) => {
    // As real SPs do to tie the Response to this browser (RelayState / InResponseTo state): a
    // session cookie on the redirect to the IdP, sent back with the POST to the ACS. Only when
    // asked (the extension e2e, which checks its value is never recorded); nothing reads it here.
    const cookie = process.env.SP_LOGIN_COOKIE;
    if (cookie) res.cookie(cookie, randomUUID(), { httpOnly: true, sameSite: 'lax', path: '/' });
    res.redirect(302, await handlers.login(String(req.query.relay ?? '')));
  });
  a.post('/acs', async (req, res) => {
    try {
      verdict(res, req.body.RelayState, { accepted: true, ...(await handlers.acs(req.body)) });
    } catch (e) {
      verdict(res, null, { accepted: false, error: String(e?.message ?? e) });
    }
  });
  a.get('/last', (_req, res) => res.json(last));
  a.post('/reset', (_req, res) => {
    last = null;
    res.json({ ok: true });
  });
  a.get('/metadata', (_req, res) => res.type('application/samlmetadata+xml').send(handlers.metadata()));
  a.listen(port, '127.0.0.1', () => process.stdout.write(`${name} SP on http://127.0.0.1:${port}\n`));
}

// ---- @node-saml/node-saml: Response and assertion signatures required (its v5 defaults),
// Issuer pinned, InResponseTo required to be one of its own requests.
{
  const port = Number(env('NODE_SAML_PORT', '5373'));
  const base = `http://127.0.0.1:${port}`;
  const saml = new SAML({
    callbackUrl: `${base}/acs`,
    entryPoint: IDP_SSO_URL,
    issuer: `${base}/metadata`,
    idpIssuer: IDP_ENTITY_ID,
    idpCert: IDP_CERT,
    audience: `${base}/metadata`,
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: true,
    validateInResponseTo: ValidateInResponseTo.always,
    acceptedClockSkewMs: 60_000,
    ...(SP_KEY ? { decryptionPvk: SP_KEY } : {}),
  });
  app('node-saml', port, {
    login: (relay) => saml.getAuthorizeUrlAsync(relay, undefined, {}),
    acs: async (body) => {
      const { profile } = await saml.validatePostResponseAsync(body);
      if (!profile) throw new Error('no profile');
      return { nameId: profile.nameID, email: profile.email ?? profile.attributes?.email ?? null };
    },
    metadata: () => saml.generateServiceProviderMetadata(SP_CERT, null),
  });
}

// ---- samlify: signed assertion required (WantAssertionsSigned), schema validation with xmllint.
// samlify checks signature, Issuer, time conditions and status; Audience, Destination,
// Recipient and InResponseTo are left to the application (samlify/build/src/flow.js).
{
  samlify.setSchemaValidator(xmllint);
  const port = Number(env('SAMLIFY_PORT', '5374'));
  const base = `http://127.0.0.1:${port}`;
  const idpMetadata = `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${IDP_ENTITY_ID}"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>${certBody(IDP_CERT)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor><md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${IDP_SSO_URL}"/><md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${IDP_SSO_URL}"/></md:IDPSSODescriptor></md:EntityDescriptor>`;
  const idp = samlify.IdentityProvider({ metadata: idpMetadata });
  const sp = samlify.ServiceProvider({
    entityID: `${base}/metadata`,
    assertionConsumerService: [{ Binding: samlify.Constants.namespace.binding.post, Location: `${base}/acs` }],
    wantAssertionsSigned: true,
    clockDrifts: [-60_000, 60_000],
    ...(SP_KEY ? { isAssertionEncrypted: true, encPrivateKey: SP_KEY, encryptCert: SP_CERT } : {}),
  });
  app('samlify', port, {
    login: async (relay) => {
      const { context } = sp.createLoginRequest(idp, 'redirect');
      return relay ? `${context}&RelayState=${encodeURIComponent(relay)}` : context;
    },
    acs: async (body) => {
      const { extract } = await sp.parseLoginResponse(idp, 'post', { body });
      const email = extract.attributes?.email;
      return { nameId: extract.nameID, email: Array.isArray(email) ? email.join(' ') : (email ?? null) };
    },
    metadata: () => sp.getMetadata(),
  });
}
