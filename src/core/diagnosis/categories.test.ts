import { describe, expect, it } from 'vitest';
import { PROFILES } from '../profiles';
import { RULE_CODES, RULES } from '../rules';
import { CATEGORIES, VERIFIER_CODES } from './categories';
import { categoryOf } from './evaluate';
import { SOURCES } from './sources';

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

  it('takes a rule code\'s category from the rule file itself, and each code has one category', () => {
    for (const rule of RULES) for (const code of rule.codes) expect(categoryOf(code), code).toBe(rule.category);
    for (const v of VERIFIER_CODES) expect(RULE_CODES, v.code).not.toContain(v.code);
  });
});

describe('references', () => {
  it('cite vendor documents by title, never by a file name', () => {
    const refs = [...RULES.flatMap((r) => r.references), ...PROFILES.map((p) => p.source ?? '')];
    for (const ref of refs) expect(ref, ref).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt|\.txt\b/);
    expect(refs).toContain(SOURCES.scalewayAuthentik);
  });
});

describe('each finding carries its category', () => {
  it('stamped in the pipeline (the page groups by it without loading the rules), rule and verifier codes alike', async () => {
    const { inspectInput } = await import('../inspect');
    const { readCorpus } = await import('../corpus/corpus.testutil');
    const report = await inspectInput(readCorpus('crewjam__onelogin_response.xml'), 'x.xml', { at: new Date('2040-01-01T00:00:00Z') });
    const findings = report.messages.flatMap((m) => m.findings);
    expect(findings.map((f) => f.code)).toEqual(expect.arrayContaining(['weak-algorithm', 'expired']));
    for (const f of findings) expect(f.category, f.code).toBe(categoryOf(f.code));
  });
});
