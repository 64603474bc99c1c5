// Metadata built for the tests: certificates from openssl (key size, hash and lifetime chosen
// per test; dates are moved with `at`, since OpenSSL 3.0 cannot backdate), signatures from
// xmlsec1. Both are oracles: a missing tool fails the test (execFileSync throws), never skips it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCert {
  /** base64 DER, as in ds:X509Certificate. */
  b64: string;
  keyPem: string;
  certPem: string;
}

const cache = new Map<string, TestCert>();
const dir = mkdtempSync(join(tmpdir(), 'samlscope-md-'));

export function makeCert(opts: { bits?: number; days?: number; sha1?: boolean; cn?: string; ec?: boolean } = {}): TestCert {
  const key = JSON.stringify(opts);
  const hit = cache.get(key);
  if (hit) return hit;
  const n = cache.size;
  const keyFile = join(dir, `k${n}.pem`);
  const certFile = join(dir, `c${n}.pem`);
  const newkey = opts.ec ? ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'] : ['-newkey', `rsa:${opts.bits ?? 2048}`];
  execFileSync('openssl', ['req', '-x509', ...newkey, '-nodes', '-keyout', keyFile, '-out', certFile, '-days', String(opts.days ?? 365), '-subj', `/CN=${opts.cn ?? 'test'}`, opts.sha1 ? '-sha1' : '-sha256'], { stdio: 'pipe' });
  const certPem = readFileSync(certFile, 'utf8');
  const cert = { b64: certPem.replace(/-----[^-]+-----|\s/g, ''), keyPem: readFileSync(keyFile, 'utf8'), certPem };
  cache.set(key, cert);
  return cert;
}

export const DAY = 86_400_000;
export const iso = (t: number): string => new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');

export interface EntityOpts {
  entityID?: string;
  validUntil?: string | null;
  cacheDuration?: string;
  idp?: boolean;
  sp?: boolean;
  signing?: TestCert | null;
  encryption?: TestCert | null;
  ssoLocation?: string;
  acsLocation?: string;
  binding?: string;
  nameIdFormats?: string[];
  wantAuthnRequestsSigned?: boolean;
  authnRequestsSigned?: boolean;
  wantAssertionsSigned?: boolean;
  contactEmail?: string | null;
  registration?: boolean;
  displayName?: string | null;
  entityExtensions?: string;
  roleExtensions?: string;
  /** Extra bytes at the end of the role (schema tests: an element out of order). */
  roleTail?: string;
}

const kd = (use: string, c: TestCert): string => `<md:KeyDescriptor use="${use}"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${c.b64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`;

/** An EntityDescriptor (IdP by default) that passes every lint check unless told otherwise. */
export function entityXml(o: EntityOpts = {}, root = true): string {
  const ns = root ? ' xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xmlns:mdrpi="urn:oasis:names:tc:SAML:metadata:rpi" xmlns:mdui="urn:oasis:names:tc:SAML:metadata:ui" xmlns:mdattr="urn:oasis:names:tc:SAML:metadata:attribute" xmlns:shibmd="urn:mace:shibboleth:metadata:1.0" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"' : '';
  const signing = o.signing === undefined ? makeCert() : o.signing;
  const binding = o.binding ?? 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
  const idp = o.idp ?? !o.sp;
  const ui = o.displayName === null ? '' : `<mdui:UIInfo><mdui:DisplayName xml:lang="en">${o.displayName ?? 'Test'}</mdui:DisplayName></mdui:UIInfo>`;
  const roleExt = ui || o.roleExtensions ? `<md:Extensions>${ui}${o.roleExtensions ?? ''}</md:Extensions>` : '';
  const reg = o.registration === false ? '' : '<mdrpi:RegistrationInfo registrationAuthority="https://fed.example.org"/>';
  const entExt = reg || o.entityExtensions ? `<md:Extensions>${reg}${o.entityExtensions ?? ''}</md:Extensions>` : '';
  const keys = `${signing ? kd('signing', signing) : ''}${o.encryption ? kd('encryption', o.encryption) : ''}`;
  const formats = (o.nameIdFormats ?? ['urn:oasis:names:tc:SAML:2.0:nameid-format:persistent']).map((f) => `<md:NameIDFormat>${f}</md:NameIDFormat>`).join('');
  const idpRole = idp ? `<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"${o.wantAuthnRequestsSigned !== undefined ? ` WantAuthnRequestsSigned="${o.wantAuthnRequestsSigned}"` : ''}>${roleExt}${keys}${formats}<md:SingleSignOnService Binding="${binding}" Location="${o.ssoLocation ?? 'https://idp.example.org/sso'}"/>${o.roleTail ?? ''}</md:IDPSSODescriptor>` : '';
  const spRole = o.sp ? `<md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"${o.authnRequestsSigned !== undefined ? ` AuthnRequestsSigned="${o.authnRequestsSigned}"` : ''}${o.wantAssertionsSigned !== undefined ? ` WantAssertionsSigned="${o.wantAssertionsSigned}"` : ''}>${roleExt}${keys}${formats}<md:AssertionConsumerService Binding="${o.binding ?? 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST'}" Location="${o.acsLocation ?? 'https://sp.example.org/acs'}" index="0"/>${o.roleTail ?? ''}</md:SPSSODescriptor>` : '';
  const contact = o.contactEmail === null ? '' : `<md:ContactPerson contactType="technical"><md:EmailAddress>${o.contactEmail ?? 'mailto:ops@example.org'}</md:EmailAddress></md:ContactPerson>`;
  const vu = o.validUntil === null || o.validUntil === undefined ? '' : ` validUntil="${o.validUntil}"`;
  const cd = o.cacheDuration ? ` cacheDuration="${o.cacheDuration}"` : '';
  return `<md:EntityDescriptor${ns} entityID="${o.entityID ?? (o.sp ? 'https://sp.example.org/sp' : 'https://idp.example.org/idp')}"${vu}${cd}>${entExt}${idpRole}${spRole}${contact}</md:EntityDescriptor>`;
}

export function aggregateXml(entities: string[], attrs = ''): string {
  return `<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xmlns:mdrpi="urn:oasis:names:tc:SAML:metadata:rpi" xmlns:mdui="urn:oasis:names:tc:SAML:metadata:ui" xmlns:mdattr="urn:oasis:names:tc:SAML:metadata:attribute" xmlns:shibmd="urn:mace:shibboleth:metadata:1.0" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"${attrs}>\n${entities.join('\n')}\n</md:EntitiesDescriptor>`;
}

/** Sign the root with xmlsec1 (enveloped, exclusive c14n), with SHA-1 or SHA-256 for both digest and signature. */
export function signWithXmlsec(xml: string, cert: TestCert, hash: 'sha1' | 'sha256'): string {
  const sigAlg = hash === 'sha1' ? 'http://www.w3.org/2000/09/xmldsig#rsa-sha1' : 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
  const digAlg = hash === 'sha1' ? 'http://www.w3.org/2000/09/xmldsig#sha1' : 'http://www.w3.org/2001/04/xmlenc#sha256';
  const template = `<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/><ds:SignatureMethod Algorithm="${sigAlg}"/><ds:Reference URI="#md"><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/><ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/></ds:Transforms><ds:DigestMethod Algorithm="${digAlg}"/><ds:DigestValue/></ds:Reference></ds:SignedInfo><ds:SignatureValue/><ds:KeyInfo><ds:X509Data/></ds:KeyInfo></ds:Signature>`;
  // ds:Signature is the first child of the root (SAML metadata schema: before Extensions).
  const withId = xml.replace(/^(<md:(?:EntityDescriptor|EntitiesDescriptor)\b)/, '$1 ID="md"');
  const tmpl = withId.replace(/^(<md:\w+\b[^>]*>)/, `$1${template}`);
  const n = cache.size + Math.floor(Math.random() * 1e9);
  const inFile = join(dir, `t${n}.xml`);
  const keyFile = join(dir, `sk${n}.pem`);
  const certFile = join(dir, `sc${n}.pem`);
  writeFileSync(inFile, tmpl);
  writeFileSync(keyFile, cert.keyPem);
  writeFileSync(certFile, cert.certPem);
  const root = /^<md:(\w+)/.exec(xml)![1];
  return execFileSync('xmlsec1', ['--sign', '--privkey-pem', `${keyFile},${certFile}`, '--id-attr:ID', `urn:oasis:names:tc:SAML:2.0:metadata:${root}`, inFile], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}
