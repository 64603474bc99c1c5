// The OIDC page's one mapping between search params, inspectOidc settings and a shared link's settings.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SKEW_SECONDS } from './defaults';
import { oidcSearchToSettings, oidcSettingsToSearch, validateOidcSearch } from './oidc';

const search = { client: 'exoscale-portal', iss: 'https://idp.example.com/', claims: 'groups email', cel: 'claims.email.endsWith("@exoscale.com")', org: 'acme', at: '2026-01-01T00:00:00.000Z', skew: 60 };

describe('OIDC settings converters', () => {
  it('search → settings carries every shared field, and the typed secrets only when given', () => {
    expect(oidcSearchToSettings(search)).toEqual({ clientId: 'exoscale-portal', issuerUrl: 'https://idp.example.com/', additionalClaims: 'groups email', celExpression: 'claims.email.endsWith("@exoscale.com")', orgName: 'acme' });
    expect(oidcSearchToSettings({}, { clientSecret: 's3cret', nonce: 'n-1' })).toEqual({ clientSecret: 's3cret', nonce: 'n-1' });
    expect(oidcSearchToSettings({}, { clientSecret: '', nonce: '' })).toEqual({});
  });

  it('settings → search never writes the client secret or the nonce, and leaves the default skew out', () => {
    const settings = { ...oidcSearchToSettings(search), clientSecret: 's3cret', nonce: 'n-1' };
    const back = oidcSettingsToSearch(settings, search.at, search.skew);
    expect(back).toEqual(search);
    expect(JSON.stringify(back)).not.toContain('s3cret');
    expect(oidcSettingsToSearch(settings, undefined, DEFAULT_SKEW_SECONDS)).not.toHaveProperty('skew');
  });

  it('round trip through the URL: validate(toSearch(toSettings(s))) = s', () => {
    expect(validateOidcSearch(oidcSettingsToSearch(oidcSearchToSettings(search), search.at, search.skew) as Record<string, unknown>)).toEqual(search);
  });
});
