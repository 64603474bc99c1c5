// siteOf against the cases RFC 6265bis §5.2 and Chromium's schemeful same-site decide: ports never
// make another site, IP literals and localhost have no registrable domain, the Public Suffix List
// (with its private section) decides where a registrable domain starts, the scheme counts.
import { describe, expect, it } from 'vitest';
import { siteOf } from './site';

const same = (a: string, b: string) => siteOf(a) === siteOf(b);

describe('siteOf', () => {
  it('ignores the port: localhost and 127.0.0.1 on two ports are one site each', () => {
    expect(same('http://localhost:4351/acs', 'http://localhost:4352/sso')).toBe(true);
    expect(same('http://127.0.0.1:4351/acs', 'http://127.0.0.1:4352/sso')).toBe(true);
    expect(same('https://sp.example.com:8443/acs', 'https://idp.example.com/sso')).toBe(true);
  });
  it('localhost and 127.0.0.1 are two sites; so are two IP literals of one machine', () => {
    expect(same('http://localhost:4351/', 'http://127.0.0.1:4351/')).toBe(false);
    expect(same('http://127.0.0.1/', 'http://127.0.0.2/')).toBe(false);
    expect(same('http://[::1]:4351/', 'http://127.0.0.1:4351/')).toBe(false);
    expect(siteOf('http://[::1]:8080/x')).toBe('http://[::1]');
  });
  it('an IP literal has no registrable domain: 10.0.0.1 and 10.0.0.2 do not share "0.1"-style suffixes', () => {
    expect(siteOf('http://10.0.0.1/')).toBe('http://10.0.0.1');
    expect(same('http://10.1.2.3/', 'http://10.9.2.3/')).toBe(false);
  });
  it('takes the registrable domain from the Public Suffix List, not the last two labels', () => {
    expect(same('https://sp.example.co.uk/', 'https://idp.example.co.uk/')).toBe(true);
    expect(same('https://sp.alice.co.uk/', 'https://idp.bob.co.uk/')).toBe(false);
    expect(siteOf('https://a.b.example.co.uk/')).toBe('https://example.co.uk');
  });
  it('private suffixes count (Chromium INCLUDE_PRIVATE_REGISTRIES): two github.io sites are two sites', () => {
    expect(same('https://alice.github.io/', 'https://bob.github.io/')).toBe(false);
    expect(same('https://sp.azurewebsites.net/', 'https://idp.azurewebsites.net/')).toBe(false);
  });
  it('an unlisted TLD counts as one label (Chromium INCLUDE_UNKNOWN_REGISTRIES)', () => {
    expect(same('https://sp.corp.internal/', 'https://idp.corp.internal/')).toBe(true);
    expect(same('http://sp.localhost:4351/', 'http://idp.localhost:4351/')).toBe(false);
  });
  it('is schemeful: http and https of one host are two sites; ws/wss map to http/https', () => {
    expect(same('http://sp.example.com/acs', 'https://idp.example.com/sso')).toBe(false);
    expect(same('wss://sp.example.com/socket', 'https://sp.example.com/')).toBe(true);
  });
  it('is case-insensitive in the host; no site for an opaque origin or a non-URL', () => {
    expect(same('https://SP.Example.COM/', 'https://sp.example.com/')).toBe(true);
    expect(siteOf('about:blank')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
  });
});
