// Through the real pipeline (inspectInput): the summariser's fields reach the rules and the
// findings are anchored to a line of the pretty-printed XML.
import { describe, expect, test } from 'vitest';
import { inspectInput } from '../inspect';

const SCW = 'https://iam.scaleway.com/saml/3f1c';
const ACS = 'https://api.scaleway.com/iam/v1/saml/3f1c/login';
const scalewayResponse = (issuer: string, nameId: string) => `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r" Version="2.0" IssueInstant="2024-05-01T12:00:00Z" Destination="${ACS}">
  <saml:Issuer>${issuer}</saml:Issuer>
  <samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>
  <saml:Assertion ID="_a" Version="2.0" IssueInstant="2024-05-01T12:00:00Z">
    <saml:Issuer>${issuer}</saml:Issuer>
    <saml:Subject>
      <saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">${nameId}</saml:NameID>
      <saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="2024-05-01T12:05:00Z" Recipient="${ACS}"/></saml:SubjectConfirmation>
    </saml:Subject>
    <saml:Conditions NotBefore="2024-05-01T11:59:30Z" NotOnOrAfter="2024-05-01T12:05:00Z"><saml:AudienceRestriction><saml:Audience>${SCW}</saml:Audience></saml:AudienceRestriction></saml:Conditions>
  </saml:Assertion>
</samlp:Response>`;

describe('rules in the pipeline', () => {
  test('the Scaleway failures of 000_bbefa757859ef489.txt', async () => {
    const report = await inspectInput(scalewayResponse(SCW, 'user@example.com'), 'scw.xml', { at: new Date('2024-05-01T12:01:00Z') });
    const findings = report.messages[0]?.findings ?? [];
    const codes = findings.map((f) => f.code);
    for (const c of ['issuer-is-sp-entity-id', 'nameid-email-for-username', 'assertion-unsigned', 'response-unsigned']) expect(codes).toContain(c);
    const issuer = findings.find((f) => f.code === 'issuer-is-sp-entity-id');
    expect(issuer?.location?.line).toBeGreaterThan(0);
  });
  test('with the IdP entity ID known, issuer-mismatch names the expected value', async () => {
    const report = await inspectInput(scalewayResponse(SCW, 'jdoe'), 'scw.xml', { at: new Date('2024-05-01T12:01:00Z'), idpEntityId: 'https://authentik.apps.example.com/', profile: 'scaleway' });
    const f = report.messages[0]?.findings.find((x) => x.code === 'issuer-mismatch');
    expect(f?.explanation).toContain('https://authentik.apps.example.com/');
    expect(report.messages[0]?.findings.map((x) => x.code)).not.toContain('nameid-email-for-username');
  });
});
