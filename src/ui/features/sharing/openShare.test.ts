import { describe, expect, it } from 'vitest';
import { createShareState } from '../../../core/share';
import { validateInspectSearch } from '../../search';
import { searchOfShareState } from './openShare';

describe('searchOfShareState', () => {
  it('always records the evaluation instant and carries every option', () => {
    const state = createShareState({
      input: 'x',
      options: { at: new Date('2020-02-02T10:00:00Z'), skewSeconds: 30, profile: 'scaleway', spEntityId: 'sp', acsUrl: 'https://sp/acs', idpEntityId: 'idp', requestId: 'id1' },
      selected: 2,
    });
    const search = searchOfShareState(state);
    expect(search).toEqual({ at: '2020-02-02T10:00:00.000Z', sp: 'sp', acs: 'https://sp/acs', idp: 'idp', req: 'id1', skew: 30, profile: 'scaleway', msg: 2 });
    expect(validateInspectSearch(search as Record<string, unknown>)).toEqual(search);
  });
  it('leaves defaults out of the URL', () => {
    expect(searchOfShareState(createShareState({ input: 'x', options: { at: new Date(0) } }))).toEqual({ at: '1970-01-01T00:00:00.000Z' });
  });
});
