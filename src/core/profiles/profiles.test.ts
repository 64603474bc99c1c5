import { describe, expect, test } from 'vitest';
import { authentikProviderEndpoint, detectProfile, PROFILES, scalewayProviderId } from './index';
import { DEFAULT_PROFILE, PROFILE_NAMES } from './names';
import { genericProfile } from './generic';
import { authnRequest, response } from '../diagnosis/diagnosis.testutil';

describe('profiles', () => {
  test('four profiles with requirements', () => {
    expect(PROFILES.map((p) => p.name)).toEqual(['generic', 'scaleway', 'authentik-provider', 'authentik-source']);
    for (const p of PROFILES) expect(p.requirements.length).toBeGreaterThan(2);
    expect(PROFILES.find((p) => p.name === 'scaleway')?.source).toBe('Configuring Scaleway SAML SSO with Authentik (Scaleway + authentik setup guide)');
  });
  test('the light list of names (names.ts) is the registry, in its order; the default is the generic profile', () => {
    expect([...PROFILE_NAMES]).toEqual(PROFILES.map((p) => p.name));
    expect(DEFAULT_PROFILE).toBe(genericProfile.name);
  });
  test('detects Scaleway by Audience or Destination', () => {
    expect(detectProfile([{ summary: response({}, { audiences: ['https://iam.scaleway.com/saml/abc'] }) }])).toBe('scaleway');
    expect(detectProfile([{ summary: response({ destination: 'https://api.scaleway.com/iam/v1/saml/abc/login' }) }])).toBe('scaleway');
    expect(scalewayProviderId('https://api.scaleway.com/iam/v1/saml/abc/login')).toBe('abc');
  });
  test('detects authentik provider and source', () => {
    expect(detectProfile([{ summary: authnRequest({ destination: 'https://ak.example.com/application/saml/grafana/sso/binding/redirect/' }) }])).toBe('authentik-provider');
    expect(detectProfile([{ summary: authnRequest(), payload: { url: 'https://ak.example.com/application/saml/g/sso/binding/post/' } }])).toBe('authentik-provider');
    expect(detectProfile([{ summary: response({ destination: 'https://ak.example.com/source/saml/company-saml/acs/' }) }])).toBe('authentik-source');
    expect(authentikProviderEndpoint('https://x/application/saml/s/sso/binding/init/')).toBe('init');
  });
  test('generic otherwise', () => {
    expect(detectProfile([{ summary: response() }])).toBe('generic');
    expect(detectProfile([])).toBe('generic');
  });
});
