import { describe, expect, it } from 'vitest';
import { inspectInput } from '../inspect';
import { readCorpus } from '../corpus/corpus.testutil';
import { compareClaim } from './claims';
import { reportedVerdictsOf } from './redact';
import type { ReportedVerdicts } from './state';

const at = new Date('2016-01-05T17:53:12Z');
const lie: ReportedVerdicts = { trusted: true, signatures: [{ target: 'Assertion', targetId: 'pfx-any', verdict: 'valid', reason: 'trust me' }], findings: [] };

describe('compareClaim', () => {
  it('names every disagreement of a lying claim about a wrapped (XSW) Response, none explained by masking', async () => {
    const report = await inspectInput(readCorpus('crewjam__xsw_permutation_one.xml'), 'x', { at });
    const d = compareClaim(lie, report.messages[0]!);
    expect(d.map((x) => x.kind)).toContain('trusted');
    expect(d.filter((x) => x.kind === 'finding-not-claimed').map((x) => x.code)).toContain('signature-wrapping');
    expect(d.some((x) => x.explainedByMasking)).toBe(false);
    // No trust given: the recipient computes "untrusted" where the sharer claims "valid".
    expect(d.find((x) => x.kind === 'signature')?.message).toMatch(/claims "valid".*computes "untrusted"/);
  });

  it('finds nothing to say about an honest claim', async () => {
    const trust = [readCorpus('crewjam__onelogin_idp_metadata.xml')];
    const report = await inspectInput(readCorpus('crewjam__onelogin_response.xml'), 'x', { at, trust });
    const m = report.messages[0]!;
    expect(compareClaim(reportedVerdictsOf(report)[0]!, m)).toEqual([]);
  });

  it('flags a claimed error the page does not find, and a claim of "not trusted" about a trusted message', async () => {
    const trust = [readCorpus('crewjam__onelogin_idp_metadata.xml')];
    const report = await inspectInput(readCorpus('crewjam__onelogin_response.xml'), 'x', { at, trust });
    const honest = reportedVerdictsOf(report)[0]!;
    const claim: ReportedVerdicts = { ...honest, trusted: false, findings: [...honest.findings, { code: 'signature-wrapping', severity: 'error', title: 'made up' }] };
    const d = compareClaim(claim, report.messages[0]!);
    expect(d.map((x) => [x.kind, x.explainedByMasking])).toEqual([
      ['trusted', false],
      ['finding-not-found', false],
    ]);
  });

  it('marks differences masking produces as explained when the message carries masks', async () => {
    const xml = readCorpus('crewjam__onelogin_response.xml').replace(/<ds:DigestValue>[^<]*</, '<ds:DigestValue>REDACTED0123ABCD<');
    const trust = [readCorpus('crewjam__onelogin_idp_metadata.xml')];
    const honest = reportedVerdictsOf(await inspectInput(readCorpus('crewjam__onelogin_response.xml'), 'x', { at, trust }))[0]!;
    const report = await inspectInput(xml, 'x', { at, trust });
    const d = compareClaim(honest, report.messages[0]!);
    expect(d.length).toBeGreaterThan(0);
    expect(d.every((x) => x.explainedByMasking)).toBe(true);
  });
});
