// A real third-party SAML IdP for the mock-SP round trips (issue 5): auth0's `samlp`
// (npm registry; the `saml-idp` package cannot be installed here because its `samlp`
// dependency points at github.com). express on 127.0.0.1:4191 (IDP_PORT; not 4190, which
// browsers refuse as an "unsafe port" — the Fetch standard's bad-port list, ManageSieve), started by
// Playwright as a second webServer (playwright.config.ts).
//
// - GET  /metadata           the IdP metadata (samlp.metadata: signing certificate, SSO Redirect + POST)
// - GET  /sso, POST /sso      samlp.auth: parses the AuthnRequest (HTTP-Redirect or HTTP-POST),
//                             verifies its signature when the SP's certificate was registered,
//                             and answers with a signed Response in an auto-POST form to the ACS.
// - POST /test/sp-cert        test control: {issuer, cert} registers an SP signing certificate
//                             (samlp then REQUIRES and verifies signed requests from that issuer)
// - POST /test/sp-encryption-cert  test control: {issuer, cert} registers an SP encryption
//                             certificate: samlp then encrypts the assertion to it (EncryptedAssertion,
//                             xml-encryption's defaults: AES-256-CBC content, RSA-OAEP key transport)
// - POST /test/reset          test control: forget registered certificates and the last request
// - GET  /test/last           test control: what the IdP saw in the last request
//
// Like a real IdP, the Audience is the SP entity ID registered at the IdP, not whatever the
// request's Issuer says (authentik's provider `audience`): the SP whose ACS is on origin O is
// registered as `O/mock-sp` (the mock SP's default; IDP_SP_ENTITY_ID overrides it). So a mock SP
// sending another entity ID gets an Audience it does not expect: audience-mismatch.
// The IdP key and certificate are made with openssl at startup in a temporary directory.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import samlp from 'samlp';

const port = Number(process.env.IDP_PORT ?? 4191);
const base = `http://127.0.0.1:${port}`;
const registeredSpEntityId = (acs) => process.env.IDP_SP_ENTITY_ID ?? `${new URL(acs).origin}/mock-sp`;
const issuer = `${base}/metadata`;

const dir = mkdtempSync(path.join(tmpdir(), 'samlscope-idp-'));
execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '2', '-subj', '/CN=samlscope e2e samlp IdP', '-keyout', path.join(dir, 'idp.key'), '-out', path.join(dir, 'idp.crt')], { stdio: 'ignore' });
const key = readFileSync(path.join(dir, 'idp.key'), 'utf8');
const cert = readFileSync(path.join(dir, 'idp.crt'), 'utf8');
rmSync(dir, { recursive: true, force: true });

/** SP signing certificates registered by the tests, by SP entity ID (request Issuer). */
const spCerts = new Map();
/** SP encryption certificates, by SP entity ID: assertions to these SPs are encrypted. */
const spEncryptionCerts = new Map();
let last = null;

const user = {
  id: 'alice',
  displayName: 'Alice Example',
  name: { givenName: 'Alice', familyName: 'Example' },
  emails: [{ value: 'alice@example.com' }],
};

/** The SPKI public key (PEM) of a PEM certificate, via openssl. */
function publicKeyOf(certPem) {
  return execFileSync('openssl', ['x509', '-pubkey', '-noout'], { input: certPem }).toString('utf8');
}

const app = express();
app.use(express.urlencoded({ extended: false, limit: '1mb' }));
app.use(express.json());

app.get('/metadata', samlp.metadata({ issuer, cert, redirectEndpointPath: '/sso', postEndpointPath: '/sso', logoutEndpointPaths: {} }));

app.post('/test/sp-cert', (req, res) => {
  spCerts.set(String(req.body.issuer), String(req.body.cert));
  res.json({ ok: true });
});
app.post('/test/sp-encryption-cert', (req, res) => {
  spEncryptionCerts.set(String(req.body.issuer), String(req.body.cert));
  res.json({ ok: true });
});
app.get('/test/last', (_req, res) => res.json(last));
app.post('/test/reset', (_req, res) => {
  spCerts.clear();
  spEncryptionCerts.clear();
  last = null;
  res.json({ ok: true });
});

function sso(req, res, next) {
  const binding = req.method === 'GET' ? 'HTTP-Redirect' : 'HTTP-POST';
  const refuse = (message) => {
    last = { ...(last ?? { binding }), error: message };
    res.status(400).type('text/plain').send(`samlp IdP: ${message}`);
  };
  // First pass (samlp.parseRequest): who is asking, and where the answer goes.
  samlp.parseRequest(req, {}, (err, data) => {
    if (err || !data) return refuse(err ? String(err.message ?? err) : 'no SAMLRequest');
    const acs = data.assertionConsumerServiceURL;
    const signingCert = spCerts.get(data.issuer);
    const encryptionCert = spEncryptionCerts.get(data.issuer);
    last = {
      binding,
      issuer: data.issuer,
      id: data.id,
      acs,
      destination: data.destination ?? null,
      relayState: req.query.RelayState ?? req.body?.RelayState ?? null,
      signed: !!(req.query.Signature || /Signature/.test(Buffer.from(String(req.body?.SAMLRequest ?? ''), 'base64').toString('latin1'))),
      signatureVerified: false,
    };
    if (!acs || !URL.canParse(acs)) return refuse('the AuthnRequest has no (absolute) AssertionConsumerServiceURL');
    // samlp checks a request signature only when given the SP certificate (`signingCert`: the
    // query signature of HTTP-Redirect over the re-encoded parameters, or the enveloped
    // signature of HTTP-POST with xml-crypto), and then also requires one.
    const verify = (cb) => (signingCert ? samlp.parseRequest(req, { signingCert }, cb) : cb(null, data));
    verify((verifyErr) => {
      if (verifyErr) return refuse(String(verifyErr.message ?? verifyErr));
      last.signatureVerified = !!signingCert;
      samlp.auth({
        issuer,
        cert,
        key,
        audience: registeredSpEntityId(acs),
        destination: acs,
        recipient: acs,
        signResponse: true,
        signAssertion: true,
        signatureAlgorithm: 'rsa-sha256',
        digestAlgorithm: 'sha256',
        sessionIndex: '_session-1',
        ...(signingCert ? { signingCert } : {}),
        // xml-encryption takes the certificate and its public key (PEM) separately.
        ...(encryptionCert ? { encryptionCert, encryptionPublicKey: publicKeyOf(encryptionCert) } : {}),
        getUserFromRequest: () => user,
        getPostURL: (_audience, _dom, _req, cb) => cb(null, acs),
      })(req, res, next);
    });
  });
}
app.get('/sso', sso);
app.post('/sso', sso);

app.use((err, _req, res, _next) => {
  last = { ...(last ?? {}), error: String(err?.message ?? err) };
  res.status(500).type('text/plain').send(`samlp IdP error: ${last.error}`);
});

app.listen(port, '127.0.0.1', () => {
  console.log(`samlp IdP on ${base}`);
});
