// The acs-not-in-metadata rule (acs-not-in-metadata.ts): its findings, severities, anchors and profile wording.
import { describe, expect, test } from 'vitest';
import { acsNotInMetadataRule } from './acs-not-in-metadata';
import { ACS, authnRequest, context, ruleMessage, SP, spMetadata, runRule, ruleCodes, onlyFinding } from '../diagnosis/diagnosis.testutil';

describe('acs-not-in-metadata', () => {
  test('requested ACS URL not in SP metadata', () => {
    const req = ruleMessage(authnRequest({}, { assertionConsumerServiceURL: 'https://sp.example.com/other-acs' }));
    const f = onlyFinding(acsNotInMetadataRule, context(req, { spMetadata: [spMetadata()] }));
    expect(f.code).toBe('acs-not-in-metadata');
    expect(f.explanation).toContain(ACS);
  });
  test('requested index not in SP metadata', () => {
    const req = ruleMessage(authnRequest({}, { assertionConsumerServiceURL: null, assertionConsumerServiceIndex: '7' }));
    expect(ruleCodes(acsNotInMetadataRule, context(req, { spMetadata: [spMetadata()] }))).toEqual(['acs-not-in-metadata']);
  });
  test('fine (and silent without SP metadata)', () => {
    const req = ruleMessage(authnRequest());
    expect(runRule(acsNotInMetadataRule, context(req, { spMetadata: [spMetadata()] }))).toEqual([]);
    expect(runRule(acsNotInMetadataRule, context(ruleMessage(authnRequest({}, { assertionConsumerServiceURL: 'https://x/' }))))).toEqual([]);
  });
});
