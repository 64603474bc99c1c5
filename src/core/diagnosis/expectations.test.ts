import { describe, expect, test } from 'vitest';
import { resolveExpectations } from './expectations';
import { timelineOf } from './timeline';
import { explainNameIdFormat, NAMEID_FORMATS } from './nameid-formats';
import { explainStatusCode, STATUS_CODES } from './status-codes';
import { ACS, AT, authnRequest, IDP, idpMetadata, response, ruleMessage, SP, spMetadata } from './diagnosis.testutil';

describe('resolveExpectations', () => {
  test('explicit options override metadata', () => {
    const res = ruleMessage(response());
    const e = resolveExpectations({ spEntityId: 'sp-x', acsUrl: 'acs-x', idpEntityId: 'idp-x', requestId: 'req-x' }, [res], [idpMetadata()], [spMetadata()], res);
    expect(e.spEntityId).toMatchObject({ value: 'sp-x', source: 'explicit' });
    expect(e.acsUrl).toMatchObject({ value: 'acs-x', source: 'explicit' });
    expect(e.idpEntityId).toMatchObject({ value: 'idp-x', source: 'explicit' });
    expect(e.requestId).toMatchObject({ value: 'req-x', source: 'explicit' });
  });
  test('metadata, then request', () => {
    const req = ruleMessage(authnRequest({ issuer: 'https://req-sp/' }, { assertionConsumerServiceURL: 'https://req-sp/acs' }));
    const res = ruleMessage(response());
    const withMd = resolveExpectations({}, [req, res], [idpMetadata()], [spMetadata()], res);
    expect(withMd.spEntityId).toMatchObject({ value: SP, source: 'metadata' });
    expect(withMd.acsUrl).toMatchObject({ value: ACS, source: 'metadata' });
    expect(withMd.idpEntityId).toMatchObject({ value: IDP, source: 'metadata' });
    expect(withMd.requestId).toMatchObject({ value: '_req1', source: 'request' });
    const noMd = resolveExpectations({}, [req, res], [], [], res);
    expect(noMd.spEntityId).toMatchObject({ value: 'https://req-sp/', source: 'request' });
    expect(noMd.acsUrl).toMatchObject({ value: 'https://req-sp/acs', source: 'request' });
    expect(noMd.idpEntityId).toBeUndefined();
  });
  test('the request a response answers wins over the latest one', () => {
    const r1 = ruleMessage(authnRequest({ id: '_A' }));
    const r2 = ruleMessage(authnRequest({ id: '_B' }));
    const res = ruleMessage(response({ inResponseTo: '_A' }, { inResponseTo: '_A' }));
    expect(resolveExpectations({}, [r1, r2, res], [], [], res).requestId?.value).toBe('_A');
    const unsolicited = ruleMessage(response({ inResponseTo: null }, { inResponseTo: null }));
    expect(resolveExpectations({}, [r1, r2, unsolicited], [], [], unsolicited).requestId?.value).toBe('_B');
  });
  test('IdP entity ID only when exactly one IdP', () => {
    const res = ruleMessage(response());
    expect(resolveExpectations({}, [res], [idpMetadata(), idpMetadata({ entityId: 'https://other/' })], [], res).idpEntityId).toBeUndefined();
  });
  test('metadata ACS follows the request ACS when it is listed', () => {
    const req = ruleMessage(authnRequest({}, { assertionConsumerServiceURL: 'https://sp.example.com/acs2' }));
    const res = ruleMessage(response());
    const md = spMetadata({ acs: [{ location: ACS }, { location: 'https://sp.example.com/acs2' }] });
    expect(resolveExpectations({}, [req, res], [], [md], res).acsUrl?.value).toBe('https://sp.example.com/acs2');
  });
  test('Scaleway profile pattern', () => {
    const res = ruleMessage(response({ destination: 'https://api.scaleway.com/iam/v1/saml/p1/login' }));
    const e = resolveExpectations({}, [res], [], [], res);
    expect(e.spEntityId).toMatchObject({ value: 'https://iam.scaleway.com/saml/p1', source: 'profile' });
    expect(e.acsUrl).toMatchObject({ value: 'https://api.scaleway.com/iam/v1/saml/p1/login', source: 'profile' });
  });
});

describe('timelineOf', () => {
  test('ordered points with states', () => {
    const points = timelineOf(response(), new Date('2024-05-01T12:06:00Z'), 30);
    const times = points.map((p) => p.time?.getTime() ?? Infinity);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(points.find((p) => p.label === 'Assertion Conditions NotOnOrAfter')?.state).toBe('violated');
    expect(points.find((p) => p.label === 'Assertion Conditions NotBefore')?.state).toBe('ok');
    expect(points.find((p) => p.label === 'Response IssueInstant')?.state).toBe('past');
    expect(points.find((p) => p.field === 'evaluation')?.offsetSeconds).toBe(0);
  });
  test('future instants', () => {
    const points = timelineOf(response(), AT, 180);
    expect(points.find((p) => p.label === 'Assertion SessionNotOnOrAfter')?.state).toBe('ok');
    const early = timelineOf(response(), new Date('2024-05-01T11:59:45Z'), 60);
    expect(early.find((p) => p.label === 'Response IssueInstant')?.state).toBe('future');
  });
});

describe('tables', () => {
  test('all 23 SAML 2.0 status codes explained', () => {
    expect(STATUS_CODES.filter((s) => s.level === 'top')).toHaveLength(4);
    expect(STATUS_CODES.filter((s) => s.level === 'second')).toHaveLength(19);
    expect(explainStatusCode(' urn:oasis:names:tc:SAML:2.0:status:NoPassive ')?.name).toBe('NoPassive');
  });
  test('NameID formats with authentik behaviour (003_32bc8d65e57764cd.txt)', () => {
    expect(explainNameIdFormat('urn:oasis:names:tc:SAML:2.0:nameid-format:persistent')?.authentikSends).toBe('the hashed user ID');
    expect(explainNameIdFormat('urn:oasis:names:tc:SAML:2.0:nameid-format:X509SubjectName')?.name).toBe('X509SubjectName');
    expect(NAMEID_FORMATS.length).toBeGreaterThanOrEqual(8);
  });
});
