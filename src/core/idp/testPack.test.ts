import { describe, expect, it } from 'vitest';
import { packReportJson, packReportMarkdown, packRows, packSummary, parseReturnUrl, returnUrlFor, verdictOf } from './testPack';
import { VARIANTS } from './variants';

const ctx = { spEntityId: 'https://sp.test/', acsUrl: 'https://sp.test/acs', idpEntityId: 'https://idp.test/', generatedAt: new Date('2030-01-01T00:00:00Z') };
const at = '2030-01-01T00:00:00Z';

describe('test pack verdicts', () => {
  it('accepting an attack is vulnerable, rejecting it safe; rejecting the valid Response is broken', () => {
    expect(verdictOf('xsw3', 'accepted')).toBe('vulnerable');
    expect(verdictOf('xsw3', 'rejected')).toBe('safe');
    expect(verdictOf('xsw3', 'accepted-as-signed-user')).toBe('safe');
    expect(verdictOf('expired', 'accepted-as-signed-user')).toBe('vulnerable');
    expect(verdictOf('comment-injection', 'accepted-as-signed-user')).toBe('safe');
    expect(verdictOf('valid', 'accepted')).toBe('safe');
    expect(verdictOf('valid', 'rejected')).toBe('broken');
    expect(verdictOf('expired', 'not-run')).toBe('not-run');
    expect(verdictOf('no-such-variant', 'accepted')).toBe('not-run');
  });

  it('rows: the valid baseline, then every variant; the summary counts them', () => {
    const rows = packRows({ valid: { outcome: 'accepted', source: 'detected', at }, xsw3: { outcome: 'accepted', source: 'tester', at }, expired: { outcome: 'rejected', source: 'tester', at } });
    expect(rows.map((r) => r.name)).toEqual(['valid', ...VARIANTS.map((v) => v.name)]);
    expect(packSummary(rows)).toEqual({ total: VARIANTS.length + 1, run: 3, safe: 2, vulnerable: 1, broken: 0 });
  });

  it('Markdown says "accepted xsw3: vulnerable"; JSON carries the same', () => {
    const results = { xsw3: { outcome: 'accepted' as const, source: 'tester' as const, at } };
    const md = packReportMarkdown(results, ctx);
    expect(md).toContain('- accepted xsw3: vulnerable');
    expect(md).toContain('| xsw3 | accepted | vulnerable |');
    const json = JSON.parse(packReportJson(results, ctx));
    expect(json.results.find((r: { variant: string }) => r.variant === 'xsw3')).toMatchObject({ outcome: 'accepted', verdict: 'vulnerable', markedBy: 'tester' });
    expect(json.summary.vulnerable).toBe(1);
  });

  it('the RelayState return URL round-trips, and anything else is ignored', () => {
    const url = new URL(returnUrlFor('https://app.test', 'xsw1'));
    expect(url.pathname).toBe('/mock-idp');
    expect(parseReturnUrl(url.search)).toEqual({ row: 'xsw1', outcome: 'accepted' });
    expect(parseReturnUrl('?pack-result=rm%20-rf&outcome=accepted')).toBeNull();
    expect(parseReturnUrl('?pack-result=xsw1&outcome=maybe')).toBeNull();
    expect(parseReturnUrl('')).toBeNull();
  });
});
