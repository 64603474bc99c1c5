import { describe, expect, it } from 'vitest';
import { createShareState } from '../../../core/share';
import { parseShareFile, shareFileText } from './shareFile';
import { fileStem } from '../../shared/download';

describe('share file', () => {
  it('round-trips a state', () => {
    const state = createShareState({ input: '<x/>', trust: ['PEM'], options: { at: new Date('2021-01-01T00:00:00Z'), spEntityId: 'sp' }, selected: 0, source: 'a.xml' });
    const parsed = parseShareFile(shareFileText(state));
    expect(parsed).toEqual({ ok: true, value: state });
  });
  it('is not confused with other JSON inputs', () => {
    expect(parseShareFile('{"log":{"entries":[]}}')).toBeNull();
    expect(parseShareFile('<samlp:Response/>')).toBeNull();
    expect(parseShareFile('{"v": 1, "input": 3}')).toBeNull();
  });
  it('reports a malformed share file with a typed error', () => {
    const r = parseShareFile('{"v": 1, "input": "x", "trust": "nope"}');
    expect(r && !r.ok && r.error.code).toBe('share-bad-shape');
  });
  it('derives download names', () => {
    expect(fileStem('login.har')).toBe('login');
    expect(fileStem('pasted')).toBe('samlscope');
  });
});
