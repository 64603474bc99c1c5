import { describe, expect, it } from 'vitest';
import { encodeBase64 } from '../encoding/base64';
import { makeKey, responseTemplate, URI, xmlsecSign } from '../dsig/testing/xmlsec.testutil';
import { inspectInput } from '../inspect';
import { buildAuthnRequest } from './authnRequest';
import { correlateCapture, elapsedBetween, inspectOptionsFor, matchSentRequest } from './correlate';
import { recordSentRequest } from './record';
import { postForm } from './send';
import { defaultSettings, type MockSpSettings } from './settings';

// The IdP side: a Response signed by xmlsec1 (Response and Assertion), answering request _req1
// for SP https://sp.example.com/ at https://sp.example.com/acs (see responseTemplate).
const idpKey = makeKey('mocksp-idp', 'rsa2048');
const certBody = idpKey.certPem.replace(/-----[A-Z ]+-----|\s+/g, '');
const idpMetadata = `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.com/"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>${certBody}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor><md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://idp.example.com/sso"/></md:IDPSSODescriptor></md:EntityDescriptor>`;
const response = xmlsecSign(responseTemplate({ c14n: URI.exc, sigAlg: URI.rsa('sha256'), digest: URI.sha256, style: 'prefixed', pretty: false, signResponse: true, signAssertion: true, nameId: 'alice' }), idpKey);
const AT = new Date('2030-01-01T00:01:00Z');

const settings: MockSpSettings = {
  ...defaultSettings('https://sp.example.com'),
  spEntityId: 'https://sp.example.com/',
  acsUrl: 'https://sp.example.com/acs',
  destination: 'https://idp.example.com/sso',
  idpBinding: 'HTTP-POST',
  idpEntityId: 'https://idp.example.com/',
  relayState: 'rs-1',
};

async function sentRecord(s: MockSpSettings, id = '_req1') {
  const built = buildAuthnRequest(s, { id, now: new Date('2030-01-01T00:00:00Z') });
  const sent = await postForm(built.xml, s);
  if (!sent.ok) throw new Error(sent.error.message);
  return recordSentRequest(built, sent.value, s, new Date('2030-01-01T00:00:00Z'));
}
const capture = (relayState: string | null, xml = response) => `SAMLResponse=${encodeURIComponent(encodeBase64(new TextEncoder().encode(xml)))}${relayState === null ? '' : `&RelayState=${encodeURIComponent(relayState)}`}`;

describe('correlating the captured answer with the sent request', () => {
  it('a matching answer is correlated, trusted against the IdP metadata, and has no error finding', async () => {
    const sent = await sentRecord(settings);
    expect(sent).toMatchObject({ kind: 'AuthnRequest', id: '_req1', relayState: 'rs-1', binding: 'HTTP-POST', endpoint: 'https://idp.example.com/sso' });
    const options = inspectOptionsFor(sent, settings, { idpMetadata }, AT);
    expect(options).toMatchObject({ spEntityId: 'https://sp.example.com/', acsUrl: 'https://sp.example.com/acs', idpEntityId: 'https://idp.example.com/', requestId: '_req1' });
    const report = await inspectInput(capture('rs-1'), 'acs', options);
    const m = report.messages[0]!;
    expect(m.trusted).toBe(true);
    expect(m.signatures.map((s) => s.verdict)).toEqual(['valid', 'valid']);
    expect(m.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const c = correlateCapture(sent, report);
    expect(c).toMatchObject({ messageIndex: 0, correlated: true, problems: [] });
    expect(c.inResponseTo).toEqual({ status: 'match', expected: '_req1', actual: '_req1' });
    expect(c.relayState.status).toBe('match');
    expect(c.issuer.status).toBe('match');
    expect(c.destination.status).toBe('match');
    expect(c.elapsed).toMatchObject({ ms: 0, precisionMs: 1000 });
    expect(matchSentRequest([await sentRecord(settings, '_other'), sent], report)).toBe(sent);
  });

  it('records the ID of the XML actually sent (edited in the editor)', async () => {
    const built = buildAuthnRequest(settings, { id: '_built' });
    const sent = await postForm(built.xml.replace('_built', '_edited'), settings);
    if (!sent.ok) throw new Error(sent.error.message);
    expect(recordSentRequest(built, sent.value, settings).id).toBe('_edited');
  });

  it('a wrong SP setting shows as the matching finding', async () => {
    const wrong = { ...settings, spEntityId: 'https://wrong-sp.example.com/' };
    const sent = await sentRecord(wrong);
    const report = await inspectInput(capture('rs-1'), 'acs', inspectOptionsFor(sent, wrong, { idpMetadata }, AT));
    expect(report.messages[0]!.findings.map((f) => f.code)).toContain('audience-mismatch');
  });

  it('reports an answer to another request, a lost RelayState, and an IdP-initiated answer', async () => {
    const other = await sentRecord(settings, '_req2');
    const report = await inspectInput(capture(null), 'acs', inspectOptionsFor(other, settings, { idpMetadata }, AT));
    expect(report.messages[0]!.findings.map((f) => f.code)).toContain('in-response-to-mismatch');
    const c = correlateCapture(other, report);
    expect(c.correlated).toBe(false);
    expect(c.inResponseTo.status).toBe('mismatch');
    expect(c.relayState.status).toBe('missing');
    expect(c.problems).toHaveLength(2);
    expect(matchSentRequest([other], report)).toBeNull();

    // IdP-initiated: no InResponseTo anywhere (the signatures break, correlation does not care).
    const unsolicited = await inspectInput(capture(null, response.replace(/ InResponseTo="_req1"/g, '')), 'acs', inspectOptionsFor(null, settings, {}, AT));
    expect(inspectOptionsFor(null, settings).requestId).toBeUndefined();
    expect(correlateCapture(other, unsolicited).inResponseTo.status).toBe('unsolicited');
    const none = correlateCapture(other, { ...report, messages: [] });
    expect(none.messageIndex).toBeNull();
  });
});

describe('elapsedBetween (issue 14: "Answer issued -1 s after")', () => {
  it('compares a whole-second IssueInstant with a millisecond send time to the second, never negative for the same second', () => {
    // Sent at .700, issued in the same second: the naive difference is -0.7 s, rounded to -1 s.
    const e = elapsedBetween('2026-12-02T10:00:00.700Z', '2026-12-02T10:00:00Z')!;
    expect(e).toMatchObject({ ms: 0, precisionMs: 1000 });
    expect(e.text).toBe('Answer issued within the second the request was sent (compared to the second: the IssueInstant carries no finer time).');
    expect(e.text).not.toMatch(/-\d/);
    const later = elapsedBetween('2026-12-02T10:00:00.999Z', '2026-12-02T10:00:02Z')!;
    expect(later).toMatchObject({ ms: 2000 });
    expect(later.text).toMatch(/^Answer issued 2 s after the request was sent \(compared to the second/);
  });
  it('uses the finer precision when both instants carry it', () => {
    const e = elapsedBetween('2026-12-02T10:00:00.700Z', '2026-12-02T10:00:01.250Z')!;
    expect(e).toMatchObject({ ms: 550, precisionMs: 1 });
    expect(e.text).toBe('Answer issued 0.550 s after the request was sent (compared to the millisecond).');
    expect(elapsedBetween('2026-12-02T10:00:00.700Z', '2026-12-02T10:00:01.2Z')).toMatchObject({ ms: 500, precisionMs: 100 });
  });
  it('words a real clock difference as the IdP clock being behind, without a negative duration', () => {
    const e = elapsedBetween('2026-12-02T10:00:05.100Z', '2026-12-02T10:00:02Z')!;
    expect(e.ms).toBe(-3000);
    expect(e.text).toMatch(/^The answer's IssueInstant is 3 s before the request was sent: the IdP's clock is behind/);
    expect(e.text).not.toMatch(/-\d/);
    expect(elapsedBetween('nope', '2026-12-02T10:00:02Z')).toBeNull();
  });
});
