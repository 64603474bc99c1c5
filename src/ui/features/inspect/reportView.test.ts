import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../core/types';
import { findingsWorstFirst, offsetFromFirst, overallVerdictOf, worstMessageIndex } from './reportView';

const f = (code: string, severity: Finding['severity']): Finding => ({ code, severity, title: code, explanation: '', fix: null }) as unknown as Finding;
const msg = (over: { trusted?: boolean; error?: unknown; verdicts?: string[]; findings?: Finding[]; time?: string }) =>
  ({
    trusted: over.trusted ?? false,
    error: over.error ?? null,
    signatures: (over.verdicts ?? []).map((verdict) => ({ verdict })),
    findings: over.findings ?? [],
    payload: { time: over.time },
  }) as never;

describe('the overall verdict', () => {
  it('tells a digest mismatch from a message that is merely unsigned', () => {
    expect(overallVerdictOf(msg({ verdicts: ['invalid', 'valid'] }))).toBe('invalid');
    expect(overallVerdictOf(msg({ verdicts: [] }))).toBe('unsigned');
    expect(overallVerdictOf(msg({ verdicts: ['untrusted'] }))).toBe('untrusted');
    expect(overallVerdictOf(msg({ verdicts: ['valid'], trusted: true }))).toBe('trusted');
    expect(overallVerdictOf(msg({ verdicts: ['valid'], error: { code: 'input-not-xml' } }))).toBe('error');
  });
});

describe('the step a capture opens on', () => {
  it('is the one with the worst finding', () => {
    expect(worstMessageIndex([msg({ findings: [f('a', 'warning')] }), msg({ findings: [f('b', 'error')] }), msg({ findings: [f('c', 'warning'), f('d', 'warning')] })])).toBe(1);
    expect(worstMessageIndex([msg({ findings: [f('b', 'error')] }), msg({ findings: [f('a', 'info')] })])).toBe(0);
    expect(worstMessageIndex([msg({ findings: [f('b', 'error')] }), msg({ error: { code: 'x' } })])).toBe(1);
  });
  it('is the last (the outcome) when none is worse, and 0 for no message', () => {
    expect(worstMessageIndex([msg({ findings: [f('a', 'info')] }), msg({})])).toBe(1);
    expect(worstMessageIndex([])).toBe(0);
  });
});

describe('findings and times', () => {
  it('sorts findings worst first, keeping the core order among equals', () => {
    expect(findingsWorstFirst([f('i', 'info'), f('w1', 'warning'), f('e', 'error'), f('w2', 'warning')]).map((x) => x.code)).toEqual(['e', 'w1', 'w2', 'i']);
  });
  it('gives each step its offset from the first', () => {
    const ms = [msg({ time: '2026-03-02T09:13:58.120Z' }), msg({ time: '2026-03-02T09:14:00.480Z' })];
    expect(offsetFromFirst(ms, 1)).toBe('+2.4 s');
    expect(offsetFromFirst([msg({})], 0)).toBeNull();
  });
});
