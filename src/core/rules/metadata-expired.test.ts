// The metadata-expired rule (metadata-expired.ts): its findings, severities, anchors and profile wording.
import { describe, expect, test } from 'vitest';
import { metadataExpiredRule } from './metadata-expired';
import { anchorName, context, idpMetadata, response, ruleMessage, runRule, onlyFinding, fineExchange } from '../diagnosis/diagnosis.testutil';

describe('metadata-expired', () => {
  const mdMessage = (validUntil: string) => {
    const md = idpMetadata({ validUntil });
    return ruleMessage({ kind: 'EntityDescriptor', rootName: 'urn:oasis:names:tc:SAML:2.0:metadata EntityDescriptor', id: null, issuer: null, destination: null, inResponseTo: null, issueInstant: null, version: null, status: null, assertions: [], metadata: md });
  };
  test('pasted metadata past validUntil is an error', () => {
    const f = onlyFinding(metadataExpiredRule, context(mdMessage('2024-01-01T00:00:00Z')));
    expect([f.code, f.severity]).toEqual(['metadata-expired', 'error']);
    expect(anchorName(f.node)).toBe('md:EntityDescriptor');
  });
  test('trusted metadata past validUntil is a warning on messages', () => {
    const res = ruleMessage(response());
    expect(onlyFinding(metadataExpiredRule, context(res, { idpMetadata: [idpMetadata({ validUntil: '2024-01-01T00:00:00Z' })] })).severity).toBe('warning');
  });
  test('fine', () => {
    expect(runRule(metadataExpiredRule, context(mdMessage('2030-01-01T00:00:00Z')))).toEqual([]);
    expect(runRule(metadataExpiredRule, fineExchange())).toEqual([]);
  });
});
