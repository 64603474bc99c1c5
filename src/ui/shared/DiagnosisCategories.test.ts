import { describe, expect, it } from 'vitest';
import { RULE_CODES, RULES } from '../../core/rules';
import { CATEGORIES, categoryOf, describeReference, SEED_DOCUMENTS } from './DiagnosisCategories';

// CONTRACT §3 "Signatures and trust".
const SIGNATURE_CODES = [
  'signature-missing', 'signature-invalid', 'digest-mismatch', 'signature-untrusted-key', 'signature-no-trust-anchor', 'signature-wrapping',
  'duplicate-id', 'multiple-assertions', 'nameid-comment', 'weak-algorithm', 'unsupported-algorithm', 'assertion-unsigned', 'response-unsigned',
  'cert-expired', 'query-signature-invalid', 'query-signature-missing', 'signature-key-wrong-entity', 'signature-key-wrong-role',
  'signature-limit-exceeded',
];

describe('finding categories', () => {
  it('puts every rule code in a named category', () => {
    for (const code of RULE_CODES) expect(categoryOf(code), code).not.toBe('other');
  });

  it('puts every CONTRACT §3 signature and trust code under signature & trust', () => {
    for (const code of SIGNATURE_CODES) expect(categoryOf(code), code).toBe('signature');
  });

  it('has the categories the issue names, each once', () => {
    const ids = CATEGORIES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ['signature', 'issuer', 'audience', 'nameid', 'binding', 'time', 'status', 'metadata']) expect(ids).toContain(id);
    expect(categoryOf('issuer-is-sp-entity-id')).toBe('issuer');
    expect(categoryOf('expired')).toBe('time');
  });
});

describe('references', () => {
  it('names the seed document a reference cites, and leaves spec sections alone', () => {
    expect(describeReference('000_bbefa757859ef489.txt')).toBe('000_bbefa757859ef489.txt (Configuring Scaleway SAML SSO with Authentik)');
    expect(describeReference('SAML core §2.2.5')).toBe('SAML core §2.2.5');
  });

  it('knows every seed document a rule cites', () => {
    const cited = RULES.flatMap((r) => r.references).flatMap((ref) => ref.match(/\d{3}_[0-9a-f]{16}\.txt/g) ?? []);
    for (const file of cited) expect(Object.keys(SEED_DOCUMENTS), file).toContain(file);
  });
});
