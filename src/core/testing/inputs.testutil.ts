// Well-formed inputs of every format samlscope detects, built from one small message: the seeds
// the fuzz suites mutate, beside the real corpus files.
import fc from 'fast-check';
import { deflate, deflateRaw } from 'pako';
import { corpusDataFiles, readCorpus } from '../corpus/corpus.testutil';

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
  return corpusDataFiles().filter((f) => !f.endsWith('.pem')).map(readCorpus);
}

/**
 * Inputs of every format whose parameter values (RelayState, SigAlg, Signature, form fields,
 * HAR and SAML-tracer values) are hostile: the message decodes, so the odd values reach the
 * verifier and the rules instead of stopping at the decoder.
 */
export function hostileParameterInputs(tokens: readonly string[]): fc.Arbitrary<string> {
  const value = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    // Lone surrogate halves and URL delimiters, mixed: what 'binary' strings never produce.
    fc.string({ unit: fc.constantFrom('a', 'é', '\uD800', '\uDC00', '\uDBFF', '%', '&', '=', '+', '#', '\u0000', ' '), maxLength: 12 }),
    fc.constantFrom(...tokens),
    fc.array(fc.constantFrom(...tokens), { maxLength: 5 }).map((a) => a.join('')),
  );
  // Mostly well-formed algorithm and signature, so verification (and its diagnosis) really runs.
  const sigAlg = fc.oneof({ arbitrary: fc.constantFrom('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256', 'http://www.w3.org/2000/09/xmldsig#rsa-sha1', 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256'), weight: 3 }, { arbitrary: value, weight: 1 });
  const signature = fc.oneof({ arbitrary: fc.constant(b64(new Uint8Array(256).fill(7))), weight: 3 }, { arbitrary: value, weight: 1 });
  const deflated = encodeURIComponent(b64(deflateRaw(REQUEST)));
  const raw = (s: string, encode: boolean) => (encode ? encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, 'x')) + s.replace(/[^\uD800-\uDFFF]/g, '') : s);
  const redirect = fc.record({ relay: value, alg: sigAlg, sig: signature, encode: fc.boolean() }).map(({ relay, alg, sig, encode }) =>
    `https://idp.example.com/sso?SAMLRequest=${deflated}&RelayState=${raw(relay, encode)}&SigAlg=${raw(alg, true)}&Signature=${raw(sig, true)}`);
  const form = value.map((relay) => `<form method="post" action="https://sp.example.com/acs"><input type="hidden" name="SAMLResponse" value="${b64(RESPONSE)}"/><input type="hidden" name="RelayState" value="${relay}"/></form>`);
  const har = fc.tuple(value, value, sigAlg, signature).map(([relay, name, alg, sig]) => JSON.stringify({ log: { entries: [
    { request: { method: 'POST', url: 'https://sp.example.com/acs', postData: { params: [{ name: 'SAMLResponse', value: b64(RESPONSE) }, { name: 'RelayState', value: relay }, { name, value: relay }] } } },
    { request: { method: 'GET', url: `https://idp.example.com/sso?SAMLRequest=${deflated}&RelayState=${relay}&SigAlg=${alg}&Signature=${sig}` } },
  ] } }));
  const tracer = fc.tuple(value, sigAlg, signature).map(([relay, alg, sig]) => JSON.stringify({ requests: [{ method: 'GET', url: 'https://idp.example.com/sso', get: [['SAMLRequest', b64(deflateRaw(REQUEST))], ['RelayState', relay], ['SigAlg', alg], ['Signature', sig]] }] }));
  const params = fc.tuple(value, sigAlg, signature).map(([relay, alg, sig]) => JSON.stringify({ SAMLRequest: b64(deflateRaw(REQUEST)), RelayState: relay, SigAlg: alg, Signature: sig }));
  return fc.oneof(redirect, form, har, tracer, params);
}
