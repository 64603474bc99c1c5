// Test-only (Node APIs allowed): keys from openssl, signatures from xmlsec1, the independent
// oracle our verdicts are checked against.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { oracleCached } from '../../testing/oracle-cache.testutil';

export const XMLSEC1 = '/usr/bin/xmlsec1';
export const NS_P = 'urn:oasis:names:tc:SAML:2.0:protocol';
export const NS_A = 'urn:oasis:names:tc:SAML:2.0:assertion';
export const DSIG = 'http://www.w3.org/2000/09/xmldsig#';

export interface KeyPair { name: string; key: string; cert: string; certPem: string }

const dir = mkdtempSync(join(tmpdir(), 'samlscope-oracle-'));

export function makeKey(name: string, kind: 'rsa2048' | 'P-256' | 'P-384' | 'P-521'): KeyPair {
  const key = join(dir, `${name}.key.pem`);
  const cert = join(dir, `${name}.cert.pem`);
  const algArgs = kind === 'rsa2048' ? ['-newkey', 'rsa:2048'] : ['-newkey', 'ec', '-pkeyopt', `ec_paramgen_curve:${kind}`];
  // Mutation runs reuse one key pair per name and kind (oracle-cache.testutil.ts).
  const pems = oracleCached('openssl-key', [name, kind], () => {
    execFileSync('openssl', ['req', '-x509', ...algArgs, '-nodes', '-keyout', key, '-out', cert, '-days', '3650', '-subj', `/CN=${name}.samlscope.test`], { stdio: 'ignore' });
    return { keyPem: readFileSync(key, 'utf8'), certPem: readFileSync(cert, 'utf8') };
  });
  writeFileSync(key, pems.keyPem);
  writeFileSync(cert, pems.certPem);
  return { name, key, cert, certPem: pems.certPem };
}

let counter = 0;
/** Sign every empty ds:Signature template in `xml` with xmlsec1; returns the signed text. */
export function xmlsecSign(xml: string, keys: KeyPair, idAttrs: string[] = [`${NS_P}:Response`, `${NS_A}:Assertion`]): string {
  return oracleCached('xmlsec1-sign', [xml, readFileSync(keys.key, 'utf8'), keys.certPem, idAttrs], () => xmlsecSignNow(xml, keys, idAttrs));
}

function xmlsecSignNow(xml: string, keys: KeyPair, idAttrs: string[]): string {
  // Innermost first: signing the Response before the Assertion would break the Response's digest.
  const count = (xml.match(/SignatureValue>\s*<\/|SignatureValue\/>/g) ?? []).length;
  let out = xml;
  for (let n = count; n >= 1; n--) {
    const file = join(dir, `t${counter++}.xml`);
    writeFileSync(file, out);
    const args = ['--sign', '--privkey-pem', `${keys.key},${keys.cert}`, ...idAttrs.flatMap((a) => ['--id-attr:ID', a]), '--node-xpath', `(//*[local-name()='Signature' and namespace-uri()='${DSIG}'])[${n}]`];
    const r = spawnSync(XMLSEC1, [...args, file], { maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`xmlsec1 --sign failed: ${r.stderr.toString()}`);
    out = r.stdout.toString('utf8');
  }
  return out;
}

/** xmlsec1's verdict for the N-th signature (1-based) using only the given certificate. */
export function xmlsecVerify(xml: string, certFile: string, nth = 1, idAttrs: string[] = [`${NS_P}:Response`, `${NS_A}:Assertion`]): boolean {
  return oracleCached('xmlsec1-verify', [xml, readFileSync(certFile, 'utf8'), nth, idAttrs], () => xmlsecVerifyNow(xml, certFile, nth, idAttrs));
}

function xmlsecVerifyNow(xml: string, certFile: string, nth: number, idAttrs: string[]): boolean {
  const file = join(dir, `v${counter++}.xml`);
  writeFileSync(file, xml);
  const r = spawnSync(XMLSEC1, ['--verify', '--enabled-key-data', 'key-name', '--pubkey-cert-pem', certFile, ...idAttrs.flatMap((a) => ['--id-attr:ID', a]), '--node-xpath', `(//*[local-name()='Signature' and namespace-uri()='${DSIG}'])[${nth}]`, file]);
  return r.status === 0;
}

export interface TemplateOptions {
  c14n: string;
  sigAlg: string;
  digest: string;
  /** Exclusive C14N InclusiveNamespaces PrefixList on the reference transform. */
  prefixList?: string;
  /** 'prefixed' (samlp:/saml:/ds:), 'default' (default namespaces), 'odd' (unusual prefixes) */
  style: 'prefixed' | 'default' | 'odd';
  pretty: boolean;
  signResponse: boolean;
  signAssertion: boolean;
  nameId?: string;
}

function signatureTemplate(ds: string, id: string, o: TemplateOptions): string {
  const p = ds ? `${ds}:` : '';
  const x = ds ? `xmlns:${ds}` : 'xmlns';
  const incl = o.prefixList !== undefined ? `<ec:InclusiveNamespaces xmlns:ec="http://www.w3.org/2001/10/xml-exc-c14n#" PrefixList="${o.prefixList}"/>` : '';
  return `<${p}Signature ${x}="${DSIG}"><${p}SignedInfo><${p}CanonicalizationMethod Algorithm="${o.c14n}"/><${p}SignatureMethod Algorithm="${o.sigAlg}"/><${p}Reference URI="#${id}"><${p}Transforms><${p}Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/><${p}Transform Algorithm="${o.c14n}">${incl}</${p}Transform></${p}Transforms><${p}DigestMethod Algorithm="${o.digest}"/><${p}DigestValue></${p}DigestValue></${p}Reference></${p}SignedInfo><${p}SignatureValue></${p}SignatureValue><${p}KeyInfo><${p}X509Data></${p}X509Data></${p}KeyInfo></${p}Signature>`;
}

/** A realistic Response with one Assertion and empty signature templates where asked. */
export function responseTemplate(o: TemplateOptions): string {
  const [sp, sa, ds] = o.style === 'prefixed' ? ['samlp', 'saml', 'ds'] : o.style === 'odd' ? ['ns0', 'a', 'sig'] : ['', '', ''];
  const P = (n: string) => (sp ? `${sp}:${n}` : n);
  const A = (n: string) => (sa ? `${sa}:${n}` : n);
  const aNs = sa ? `xmlns:${sa}="${NS_A}"` : `xmlns="${NS_A}"`;
  const pNs = sp ? `xmlns:${sp}="${NS_P}"` : `xmlns="${NS_P}"`;
  // With default namespaces the Assertion redeclares its own default namespace.
  const assertionNs = sa ? (sp ? '' : aNs) : aNs;
  const rootNs = sp ? `${pNs} ${sa ? aNs : ''}` : pNs;
  const nameId = o.nameId ?? 'alice@example.com';
  const attr = (name: string, values: string[]) => `<${A('Attribute')} Name="${name}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic">${values.map((v) => `<${A('AttributeValue')} xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="xs:string">${v}</${A('AttributeValue')}>`).join('')}</${A('Attribute')}>`;
  const assertion = `<${A('Assertion')} ${assertionNs} ID="_assertion1" Version="2.0" IssueInstant="2030-01-01T00:00:00Z"><${A('Issuer')}>https://idp.example.com/</${A('Issuer')}>${o.signAssertion ? signatureTemplate(ds, '_assertion1', o) : ''}<${A('Subject')}><${A('NameID')} Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">${nameId}</${A('NameID')}><${A('SubjectConfirmation')} Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><${A('SubjectConfirmationData')} InResponseTo="_req1" NotOnOrAfter="2030-01-01T00:05:00Z" Recipient="https://sp.example.com/acs"/></${A('SubjectConfirmation')}></${A('Subject')}><${A('Conditions')} NotBefore="2029-12-31T23:59:00Z" NotOnOrAfter="2030-01-01T00:05:00Z"><${A('AudienceRestriction')}><${A('Audience')}>https://sp.example.com/</${A('Audience')}></${A('AudienceRestriction')}></${A('Conditions')}><${A('AuthnStatement')} AuthnInstant="2030-01-01T00:00:00Z" SessionIndex="_s1"><${A('AuthnContext')}><${A('AuthnContextClassRef')}>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</${A('AuthnContextClassRef')}></${A('AuthnContext')}></${A('AuthnStatement')}><${A('AttributeStatement')}>${attr('email', ['alice@example.com'])}${attr('groups', ['admins', 'développeurs', '社員'])}${attr('note', ['a &amp; b &lt; c "quoted"'])}</${A('AttributeStatement')}></${A('Assertion')}>`;
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<${P('Response')} ${rootNs} ID="_response1" Version="2.0" IssueInstant="2030-01-01T00:00:00Z" Destination="https://sp.example.com/acs" InResponseTo="_req1"><${A('Issuer')} ${sa ? '' : aNs}>https://idp.example.com/</${A('Issuer')}>${o.signResponse ? signatureTemplate(ds, '_response1', o) : ''}<${P('Status')}><${P('StatusCode')} Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></${P('Status')}>${assertion}</${P('Response')}>`;
  return o.pretty ? indent(xml) : xml;
}

/** Line breaks and indentation between tags: whitespace text nodes that signatures then cover. */
function indent(xml: string): string {
  return xml.replace(/></g, '>\n    <').replace(/\?>\n    </, '?>\n<');
}

export const URI = {
  exc: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  excC: 'http://www.w3.org/2001/10/xml-exc-c14n#WithComments',
  inc: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
  incC: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments',
  sha1: 'http://www.w3.org/2000/09/xmldsig#sha1',
  sha256: 'http://www.w3.org/2001/04/xmlenc#sha256',
  sha384: 'http://www.w3.org/2001/04/xmldsig-more#sha384',
  sha512: 'http://www.w3.org/2001/04/xmlenc#sha512',
  rsa: (h: string) => (h === 'sha1' ? 'http://www.w3.org/2000/09/xmldsig#rsa-sha1' : `http://www.w3.org/2001/04/xmldsig-more#rsa-${h}`),
  ecdsa: (h: string) => `http://www.w3.org/2001/04/xmldsig-more#ecdsa-${h}`,
};
