// Well-formed inputs of every format samlscope detects, built from one small message: the seeds
// the fuzz suites mutate, beside the real corpus files.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { deflate, deflateRaw } from 'pako';
import { CORPUS_DIR, readCorpus } from '../corpus/corpus.testutil';

const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');
const REQUEST = '<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_a1" Version="2.0" IssueInstant="2024-01-01T00:00:00Z" AssertionConsumerServiceURL="https://sp.example.com/acs"><saml:Issuer>https://sp.example.com</saml:Issuer></samlp:AuthnRequest>';
const RESPONSE = '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r1" Version="2.0" IssueInstant="2024-01-01T00:00:01Z" InResponseTo="_a1" Destination="https://sp.example.com/acs"><saml:Issuer>https://idp.example.com</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status><saml:Assertion ID="_as1" Version="2.0" IssueInstant="2024-01-01T00:00:01Z"><saml:Issuer>https://idp.example.com</saml:Issuer><saml:Subject><saml:NameID>alice</saml:NameID></saml:Subject></saml:Assertion></samlp:Response>';

export function seedInputs(): string[] {
  const redirect = `https://idp.example.com/sso?SAMLRequest=${encodeURIComponent(b64(deflateRaw(REQUEST)))}&RelayState=r%C3%A9lay&SigAlg=http%3A%2F%2Fwww.w3.org%2F2001%2F04%2Fxmldsig-more%23rsa-sha256&Signature=AAAA`;
  const form = `<html><body onload="document.forms[0].submit()"><form method="post" action="https://sp.example.com/acs"><input type="hidden" name="SAMLResponse" value="${b64(RESPONSE)}"/><input type="hidden" name="RelayState" value="a&amp;b"/></form></body></html>`;
  const har = JSON.stringify({ log: { version: '1.2', entries: [
    { startedDateTime: '2024-01-01T00:00:00Z', request: { method: 'GET', url: redirect }, response: { content: { text: form } } },
    { startedDateTime: '2024-01-01T00:00:01Z', request: { method: 'POST', url: 'https://sp.example.com/acs', postData: { mimeType: 'application/x-www-form-urlencoded', params: [{ name: 'SAMLResponse', value: b64(RESPONSE) }, { name: 'RelayState', value: 'x' }] } }, response: { content: { text: b64(form), encoding: 'base64' } } },
  ] } });
  const tracer = JSON.stringify({ requests: [{ method: 'GET', url: redirect, timestamp: 1704067200000 }, { method: 'POST', url: 'https://sp.example.com/acs', post: [['SAMLResponse', b64(RESPONSE)], ['RelayState', 'x']], saml: RESPONSE }], timestamp: 1 });
  return [
    REQUEST, RESPONSE, redirect, form, har, tracer,
    `SAMLResponse=${encodeURIComponent(b64(RESPONSE))}&RelayState=xyz`,
    b64(RESPONSE), b64(deflateRaw(REQUEST)), b64(deflate(REQUEST)), b64(b64(REQUEST)),
    JSON.stringify({ SAMLRequest: b64(deflateRaw(REQUEST)), RelayState: 'x', SigAlg: 'a', Signature: 'AAAA' }),
  ];
}

/** Every text file of the real corpus (messages, forms, HAR and SAML-tracer exports, metadata). */
export function corpusInputs(): string[] {
  return readdirSync(CORPUS_DIR).filter((f) => !f.endsWith('.pem') && f !== 'manifest.json' && f !== 'README.md').sort().map(readCorpus);
}
