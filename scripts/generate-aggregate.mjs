// Writes a synthetic federation aggregate of about the size asked for (default 100 MB), for
// measuring `samlscope metadata lint` at federation scale (docs/metadata.md, "Measurements").
// The output is never committed. Entities are shaped like eduGAIN's: IdPs and SPs in turn, each
// with mdrpi, mdui, a contact, shibmd:Scope (IdPs), a signing and an encryption certificate,
// several endpoints, ~6 KB each. Every entity has its own signing certificate (as in a real
// aggregate, so that certificate parsing costs what it costs there): one RSA 2048 key from
// openssl signs a distinct self-issued certificate per entity (@peculiar/x509); one entity in ten
// instead has openssl's 20-day certificate (md-cert-expiring), one in fifty a 1024-bit one.
//   node scripts/generate-aggregate.mjs /tmp/aggregate-100mb.xml [megabytes]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeSync, openSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

const out = process.argv[2];
const megabytes = Number(process.argv[3] ?? 100);
if (!out) {
  console.error('usage: node scripts/generate-aggregate.mjs <output.xml> [megabytes]');
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'samlscope-agg-'));
function cert(bits, days, cn) {
  const k = join(dir, `${cn}.key`);
  const c = join(dir, `${cn}.pem`);
  execFileSync('openssl', ['req', '-x509', '-newkey', `rsa:${bits}`, '-nodes', '-keyout', k, '-out', c, '-days', String(days), '-subj', `/CN=${cn}`, '-sha256'], { stdio: 'ignore' });
  return readFileSync(c, 'utf8').replace(/-----[^-]+-----/g, '').trim();
}
const certs = [cert(2048, 1095, 'fed-a'), cert(3072, 1095, 'fed-b'), cert(2048, 20, 'fed-expiring'), cert(1024, 1095, 'fed-small')];
// The distinct per-entity certificates: one key pair (from openssl's fed-a key), one signature each.
x509.cryptoProvider.set(webcrypto);
const pkcs8 = readFileSync(join(dir, 'fed-a.key'), 'utf8').replace(/-----[^-]+-----|\s/g, '');
const alg = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
const privateKey = await webcrypto.subtle.importKey('pkcs8', Buffer.from(pkcs8, 'base64'), alg, true, ['sign']);
const publicKey = (await new x509.X509Certificate(Buffer.from(certs[0].replace(/\s/g, ''), 'base64')).publicKey.export(alg, ['verify']));
async function distinctCert(i) {
  const c = await x509.X509CertificateGenerator.create({ serialNumber: (i + 4096).toString(16), subject: `CN=entity-${i}.example.org`, issuer: 'CN=federation test CA', notBefore: new Date(Date.now() - 86_400_000), notAfter: new Date(Date.now() + 3 * 365 * 86_400_000), signingAlgorithm: alg, publicKey, signingKey: privateKey });
  return Buffer.from(c.rawData).toString('base64').replace(/(.{64})/g, '$1\n');
}
const entityCerts = [];
const pick = (i) => (i % 50 === 0 ? certs[3] : i % 10 === 0 ? certs[2] : entityCerts[i]);
const kd = (use, c) => `    <md:KeyDescriptor use="${use}">\n      <ds:KeyInfo>\n        <ds:X509Data>\n          <ds:X509Certificate>\n${c}\n          </ds:X509Certificate>\n        </ds:X509Data>\n      </ds:KeyInfo>\n    </md:KeyDescriptor>\n`;
const validUntil = new Date(Date.now() + 14 * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');

function entity(i) {
  const idp = i % 3 !== 2;
  const host = `${idp ? 'idp' : 'sp'}${i}.university${i % 997}.example.org`;
  const ui = `      <mdui:UIInfo>\n        <mdui:DisplayName xml:lang="en">University ${i} ${idp ? 'Identity Provider' : 'Service'}</mdui:DisplayName>\n        <mdui:DisplayName xml:lang="de">Universität ${i}</mdui:DisplayName>\n        <mdui:Description xml:lang="en">The ${idp ? 'login service' : 'library portal'} of University ${i}, registered for research and education.</mdui:Description>\n        <mdui:InformationURL xml:lang="en">https://${host}/about</mdui:InformationURL>\n        <mdui:PrivacyStatementURL xml:lang="en">https://${host}/privacy</mdui:PrivacyStatementURL>\n        <mdui:Logo height="64" width="64">https://${host}/logo.png</mdui:Logo>\n      </mdui:UIInfo>\n`;
  const roleExt = `    <md:Extensions>\n${idp ? `      <shibmd:Scope regexp="false">university${i % 997}.example.org</shibmd:Scope>\n` : ''}${ui}    </md:Extensions>\n`;
  const keys = kd('signing', pick(i)) + kd('encryption', certs[(i + 1) % 2]);
  const formats = '    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>\n    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:transient</md:NameIDFormat>\n';
  const role = idp
    ? `  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">\n${roleExt}${keys}    <md:ArtifactResolutionService Binding="urn:oasis:names:tc:SAML:2.0:bindings:SOAP" Location="https://${host}:8443/idp/profile/SAML2/SOAP/ArtifactResolution" index="1"/>\n    <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://${host}/idp/profile/SAML2/Redirect/SLO"/>\n${formats}    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://${host}/idp/profile/SAML2/POST/SSO"/>\n    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://${host}/idp/profile/SAML2/Redirect/SSO"/>\n  </md:IDPSSODescriptor>\n`
    : `  <md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol" WantAssertionsSigned="true">\n${roleExt}${keys}    <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://${host}/Shibboleth.sso/SLO/Redirect"/>\n${formats}    <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${i % 40 === 1 ? 'http' : 'https'}://${host}/Shibboleth.sso/SAML2/POST" index="1"/>\n    <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact" Location="https://${host}/Shibboleth.sso/SAML2/Artifact" index="2"/>\n  </md:SPSSODescriptor>\n`;
  return `<md:EntityDescriptor entityID="https://${host}/${idp ? 'idp/shibboleth' : 'shibboleth'}">\n  <md:Extensions>\n    <mdrpi:RegistrationInfo registrationAuthority="https://federation.example.org" registrationInstant="2020-01-01T00:00:00Z">\n      <mdrpi:RegistrationPolicy xml:lang="en">https://federation.example.org/policy</mdrpi:RegistrationPolicy>\n    </mdrpi:RegistrationInfo>\n    <mdattr:EntityAttributes>\n      <saml:Attribute Name="http://macedir.org/entity-category" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri">\n        <saml:AttributeValue>http://refeds.org/category/research-and-scholarship</saml:AttributeValue>\n      </saml:Attribute>\n    </mdattr:EntityAttributes>\n  </md:Extensions>\n${role}  <md:Organization>\n    <md:OrganizationName xml:lang="en">University ${i}</md:OrganizationName>\n    <md:OrganizationDisplayName xml:lang="en">University ${i}</md:OrganizationDisplayName>\n    <md:OrganizationURL xml:lang="en">https://university${i % 997}.example.org/</md:OrganizationURL>\n  </md:Organization>\n  <md:ContactPerson contactType="technical">\n    <md:GivenName>Ops</md:GivenName>\n    <md:EmailAddress>${i % 25 === 3 ? '' : 'mailto:'}ops@university${i % 997}.example.org</md:EmailAddress>\n  </md:ContactPerson>\n</md:EntityDescriptor>\n`;
}

const fd = openSync(out, 'w');
writeSync(fd, `<?xml version="1.0" encoding="UTF-8"?>\n<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xmlns:mdrpi="urn:oasis:names:tc:SAML:metadata:rpi" xmlns:mdui="urn:oasis:names:tc:SAML:metadata:ui" xmlns:mdattr="urn:oasis:names:tc:SAML:metadata:attribute" xmlns:shibmd="urn:mace:shibboleth:metadata:1.0" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" Name="urn:example:federation" validUntil="${validUntil}">\n  <md:Extensions>\n    <mdrpi:PublicationInfo publisher="https://federation.example.org" creationInstant="${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}"/>\n  </md:Extensions>\n`);
let written = 0;
let i = 0;
while (written < megabytes * 1_000_000) {
  if (entityCerts.length <= i) entityCerts.push(await distinctCert(i));
  const e = entity(i++);
  writeSync(fd, e);
  written += Buffer.byteLength(e);
}
// Two duplicates, as aggregates sometimes carry after a registration mistake.
writeSync(fd, entity(3) + entity(4));
writeSync(fd, '</md:EntitiesDescriptor>\n');
closeSync(fd);
console.log(`wrote ${out}: ${i + 2} entities, ${(written / 1e6).toFixed(1)} MB`);
