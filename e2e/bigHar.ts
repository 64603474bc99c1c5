// A slow but legitimate input that is small as text, shared by the worker and responsiveness
// tests: a HAR of `n` HTTP-Redirect requests, each carrying (DEFLATE, base64, URL-encoded: SAML
// bindings §3.4.4.1) a real Response grown to `attributes` extra attributes (2.3 MB of XML,
// 92 KB deflated). With n = 14 the worker inspects 32 MB of XML within every input limit.
import { deflateRaw } from 'pako';
import { corpus } from './helpers';

export function bigRedirectHar(n: number, attributes = 10_000): string {
  const extra = Array.from({ length: attributes }, (_, i) => `<saml:Attribute Name="attribute-${i}"><saml:AttributeValue xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="xs:string">value ${i}</saml:AttributeValue></saml:Attribute>`).join('');
  const xml = corpus('crewjam__onelogin_response.xml').replace('</saml:AttributeStatement>', `${extra}</saml:AttributeStatement>`);
  const query = `SAMLResponse=${encodeURIComponent(Buffer.from(deflateRaw(Buffer.from(xml))).toString('base64'))}`;
  const entry = { startedDateTime: '2016-01-05T17:53:12Z', request: { method: 'GET', url: `https://sp.example.com/acs?${query}` } };
  return JSON.stringify({ log: { version: '1.2', entries: Array.from({ length: n }, () => entry) } }, null, 1);
}
