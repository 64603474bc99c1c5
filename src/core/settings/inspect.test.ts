// The one converter each way between the page's search params, inspect options and share state.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { parseArgs } from '../../cli/args';
import { createShareState, inspectOptionsOf } from '../share';
import { DEFAULT_SKEW_SECONDS } from './defaults';
import { EXPECTATION_FIELDS, optionsToSearch, optionsToShared, searchToOptions, sharedToOptions, sharedToSearch, validateInspectSearch, type InspectSearch } from './inspect';
import { PROFILE_NAMES } from '../profiles/registry';

const AT = '2024-05-01T12:00:00.000Z';

describe('search params ⇄ options', () => {
  test('every field, and back', () => {
    const search: InspectSearch = { sp: 'https://sp/', acs: 'https://sp/acs', idp: 'https://idp/', req: '_r1', at: AT, skew: 30, profile: 'scaleway', msg: 2 };
    const options = searchToOptions(search);
    expect(options).toEqual({ spEntityId: 'https://sp/', acsUrl: 'https://sp/acs', idpEntityId: 'https://idp/', requestId: '_r1', at: new Date(AT), skewSeconds: 30, profile: 'scaleway' });
    expect(optionsToSearch(options, 2)).toEqual(search);
  });
  test('defaults: no skew means the one default, and the default is left out of the URL', () => {
    expect(searchToOptions({}).skewSeconds).toBe(DEFAULT_SKEW_SECONDS);
    expect(DEFAULT_SKEW_SECONDS).toBe(180);
    expect(optionsToSearch({ skewSeconds: DEFAULT_SKEW_SECONDS })).toEqual({});
    expect(searchToOptions({}).at).toBeUndefined();
  });
  test('a hand-edited URL never breaks the page: unknown values are dropped', () => {
    expect(validateInspectSearch({ sp: '  ', at: 'yesterday', skew: '-3', profile: 'okta', msg: 'x', acs: 7 })).toEqual({ acs: '7' });
    expect(validateInspectSearch({ skew: '90', msg: '1', profile: 'authentik-source' })).toEqual({ skew: 90, msg: 1, profile: 'authentik-source' });
  });
  test('round trip for any valid search', () => {
    const search = fc.record(
      {
        sp: fc.webUrl(), acs: fc.webUrl(), idp: fc.webUrl(), req: fc.stringMatching(/^_[a-z0-9]{1,12}$/),
        at: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
        skew: fc.integer({ min: 0, max: 100_000 }).filter((n) => n !== DEFAULT_SKEW_SECONDS),
        profile: fc.constantFrom(...PROFILE_NAMES), msg: fc.integer({ min: 1, max: 50 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(fc.property(search, (s) => {
      expect(optionsToSearch(searchToOptions(s), s.msg ?? 0)).toEqual(s);
      expect(validateInspectSearch(s as Record<string, unknown>)).toEqual(s);
    }));
  });
});

describe('options ⇄ share state', () => {
  test('the instant is always recorded, the skew and profile defaulted', () => {
    const shared = optionsToShared({ spEntityId: 'https://sp/' }, 0, () => new Date(AT));
    expect(shared).toEqual({ expectations: { spEntityId: 'https://sp/' }, at: AT, skewSeconds: DEFAULT_SKEW_SECONDS, profile: 'generic', selected: 0 });
    expect(sharedToOptions(shared)).toEqual({ at: new Date(AT), skewSeconds: DEFAULT_SKEW_SECONDS, profile: 'generic', spEntityId: 'https://sp/' });
  });
  test('the share state uses the same converter (createShareState / inspectOptionsOf)', () => {
    const options = { trust: ['<x/>'], at: new Date(AT), skewSeconds: 60, profile: 'authentik-provider' as const, acsUrl: 'https://sp/acs', requestId: '_r' };
    const state = createShareState({ input: 'x', options, selected: 1 });
    expect(inspectOptionsOf(state)).toEqual(options);
  });
  test('opening a share: the recorded instant as written, generic left to detection, defaults out', () => {
    expect(sharedToSearch({ expectations: { idpEntityId: 'https://idp/' }, at: '2024-05-01T12:00:00Z', skewSeconds: 180, profile: 'generic', selected: 0 })).toEqual({ at: '2024-05-01T12:00:00Z', idp: 'https://idp/' });
    expect(sharedToSearch({ expectations: {}, at: AT, skewSeconds: 5, profile: 'scaleway', selected: 3 })).toEqual({ at: AT, skew: 5, profile: 'scaleway', msg: 3 });
  });
});

describe('the CLI reads the same fields', () => {
  test('each expectation flag sets the option its field names', () => {
    for (const f of EXPECTATION_FIELDS) {
      const r = parseArgs(['inspect', f.flag, 'v', 'x.xml']);
      expect(r.ok && r.args.options[f.key], f.flag).toBe('v');
    }
    const bad = parseArgs(['inspect', '--profile', 'okta', 'x.xml']);
    expect(bad.ok ? '' : bad.message).toBe(`--profile must be one of ${PROFILE_NAMES.join(', ')}.`);
  });
});
