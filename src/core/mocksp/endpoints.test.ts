import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authentikEndpointsFor, checkBindingBeforeSend, endpointForBinding, idpEndpointsFromMetadata, pickEndpoint, recogniseAuthentikUrl, sendRefusal } from './endpoints';

const corpus = (f: string) => readFileSync(resolve(__dirname, '../../../test/corpus', f), 'utf8');

describe('recogniseAuthentikUrl (003_32bc8d65e57764cd.txt endpoint table)', () => {
  const base = 'https://authentik.apps.example.com';
  it.each([
    [`${base}/application/saml/scaleway-console/sso/binding/redirect/`, 'sso-redirect', 'HTTP-Redirect'],
    [`${base}/application/saml/scaleway-console/sso/binding/post/`, 'sso-post', 'HTTP-POST'],
    [`${base}/application/saml/scaleway-console/sso/binding/init/`, 'sso-init', null],
    [`${base}/application/saml/scaleway-console/slo/binding/redirect/`, 'slo-redirect', 'HTTP-Redirect'],
    [`${base}/application/saml/scaleway-console/slo/binding/post`, 'slo-post', 'HTTP-POST'],
    [`${base}/application/saml/scaleway-console/`, 'unified', null],
    [`${base}/application/saml/scaleway-console/metadata/`, 'metadata', null],
  ])('%s → %s', (url, kind, binding) => {
    const r = recogniseAuthentikUrl(url);
    expect(r).toMatchObject({ kind, binding, base, slug: 'scaleway-console' });
  });
  it('recognises the metadata download URL and sub-path installs', () => {
    expect(recogniseAuthentikUrl('https://auth.example.com/api/v3/providers/saml/12/metadata/?download')).toMatchObject({ kind: 'metadata', providerId: '12', base: 'https://auth.example.com' });
    expect(recogniseAuthentikUrl('https://example.com/auth/application/saml/app/sso/binding/post/')).toMatchObject({ kind: 'sso-post', base: 'https://example.com/auth' });
    expect(recogniseAuthentikUrl('https://idp.example.com/sso')).toBeNull();
  });
  it('derives the sibling URLs', () => {
    expect(authentikEndpointsFor('https://a.test/', 'app').ssoPost).toBe('https://a.test/application/saml/app/sso/binding/post/');
  });
});

describe('checkBindingBeforeSend', () => {
  const redirectUrl = 'https://authentik.apps.example.com/application/saml/scaleway-console/sso/binding/redirect/';
  it('flags a POST to authentik\'s redirect endpoint as the 403 CSRF case, suggesting /post/', () => {
    const w = checkBindingBeforeSend(redirectUrl, 'HTTP-POST');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ code: 'binding-mismatch', severity: 'error', suggestedUrl: redirectUrl.replace('/redirect/', '/post/') });
    expect(w[0]!.message).toContain('403');
    expect(checkBindingBeforeSend(redirectUrl, 'HTTP-Redirect')).toEqual([]);
    expect(checkBindingBeforeSend(redirectUrl.replace('/redirect/', '/post/'), 'HTTP-POST')).toEqual([]);
    expect(checkBindingBeforeSend(redirectUrl.replace('/redirect/', '/post/'), 'HTTP-Redirect')[0]).toMatchObject({ severity: 'warning' });
    expect(checkBindingBeforeSend(redirectUrl.replace('/redirect/', '/init/'), 'HTTP-Redirect')[0]).toMatchObject({ code: 'idp-initiated-endpoint' });
    expect(checkBindingBeforeSend('https://authentik.apps.example.com/application/saml/x/', 'HTTP-POST')).toEqual([]);
  });

  it('uses the bindings the metadata lists for the Location', () => {
    const idps = idpEndpointsFromMetadata(corpus('crewjam__samltest_id_idp_metadata.xml'));
    if (!idps.ok) throw new Error(idps.error.message);
    const idp = idps.value[0]!;
    const redirect = 'https://samltest.id/idp/profile/SAML2/Redirect/SSO';
    expect(checkBindingBeforeSend(redirect, 'HTTP-Redirect', idp)).toEqual([]);
    const w = checkBindingBeforeSend(redirect, 'HTTP-POST', idp);
    expect(w[0]).toMatchObject({ code: 'binding-mismatch', severity: 'error', suggestedUrl: 'https://samltest.id/idp/profile/SAML2/POST/SSO' });
    const elsewhere = checkBindingBeforeSend('https://samltest.id/other', 'HTTP-POST', idp);
    expect(elsewhere[0]).toMatchObject({ code: 'endpoint-not-in-metadata', severity: 'warning' });
  });
});

describe('idpEndpointsFromMetadata / pickEndpoint', () => {
  it('reads SSO endpoints, signing certificates and picks the preferred binding', () => {
    const r = idpEndpointsFromMetadata(corpus('crewjam__okta_idp_metadata.xml'));
    if (!r.ok) throw new Error(r.error.message);
    const idp = r.value[0]!;
    expect(idp.entityId).toBe('http://www.okta.com/exkppsa1qwuFV4D7z0h7');
    expect(idp.signingCertificates.length).toBeGreaterThan(0);
    expect(pickEndpoint(idp.singleSignOnServices, 'HTTP-POST')?.binding).toBe('HTTP-POST');
    expect(pickEndpoint(idp.singleSignOnServices)?.binding).toBe('HTTP-Redirect');
    expect(pickEndpoint([], 'HTTP-POST')).toBeNull();
  });
  it('refuses SP metadata and non-metadata with typed errors', () => {
    const sp = idpEndpointsFromMetadata(corpus('crewjam__sp_metadata_both_certs.xml'));
    expect(!sp.ok && sp.error.code).toBe('input-unrecognized');
    const junk = idpEndpointsFromMetadata('<!DOCTYPE x><x/>');
    expect(!junk.ok && junk.error.code).toBe('input-dtd-forbidden');
  });
});

/** IdP metadata with the given SingleSignOnService (binding, location) pairs. */
function idpWith(...sso: [string, string][]) {
  const r = idpEndpointsFromMetadata(`<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.com/">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
${sso.map(([b, l]) => `    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:${b}" Location="${l}"/>`).join('\n')}
  </md:IDPSSODescriptor>
</md:EntityDescriptor>`);
  if (!r.ok) throw new Error(r.error.message);
  return r.value[0]!;
}

describe('endpointForBinding (issue 14: the endpoint follows the chosen binding)', () => {
  const both = idpWith(['HTTP-Redirect', 'https://idp.example.com/sso/redirect'], ['HTTP-POST', 'https://idp.example.com/sso/post']);
  it('takes the metadata endpoint of the chosen binding', () => {
    expect(endpointForBinding('https://idp.example.com/sso/redirect', 'HTTP-POST', both)).toBe('https://idp.example.com/sso/post');
    expect(endpointForBinding('https://idp.example.com/sso/post', 'HTTP-Redirect', both)).toBe('https://idp.example.com/sso/redirect');
    // Typed elsewhere: the metadata still knows better.
    expect(endpointForBinding('https://typed.example.com/', 'HTTP-POST', both)).toBe('https://idp.example.com/sso/post');
  });
  it('keeps the URL when the metadata lists nothing for that binding (the check then refuses)', () => {
    const redirectOnly = idpWith(['HTTP-Redirect', 'https://idp.example.com/sso/redirect']);
    expect(endpointForBinding('https://idp.example.com/sso/redirect', 'HTTP-POST', redirectOnly)).toBeNull();
  });
  it('switches between authentik\'s sibling endpoints without metadata', () => {
    const base = 'https://auth.example.com/application/saml/scaleway';
    expect(endpointForBinding(`${base}/sso/binding/redirect/`, 'HTTP-POST', null)).toBe(`${base}/sso/binding/post/`);
    expect(endpointForBinding(`${base}/sso/binding/post/`, 'HTTP-Redirect', null)).toBe(`${base}/sso/binding/redirect/`);
    expect(endpointForBinding(`${base}/slo/binding/redirect/`, 'HTTP-POST', null, 'slo')).toBe(`${base}/slo/binding/post/`);
    expect(endpointForBinding('https://idp.example.com/sso', 'HTTP-POST', null)).toBeNull();
  });
});

describe('sendRefusal (issue 14: Send refuses what the IdP does not take)', () => {
  it('refuses a binding the metadata lists no endpoint for, naming the bindings it does list', () => {
    const redirectOnly = idpWith(['HTTP-Redirect', 'https://idp.example.com/sso/redirect']);
    const w = checkBindingBeforeSend('https://idp.example.com/sso/redirect', 'HTTP-POST', redirectOnly);
    const r = sendRefusal(w);
    expect(r).toMatchObject({ code: 'binding-mismatch', severity: 'error', suggestedBinding: 'HTTP-Redirect' });
    expect(r!.message).toContain('only for HTTP-Redirect, none for HTTP-POST');
    expect(sendRefusal(checkBindingBeforeSend('https://idp.example.com/sso/redirect', 'HTTP-Redirect', redirectOnly))).toBeNull();
  });
  it('refuses a Location the metadata lists for the other binding only, suggesting the right one', () => {
    const both = idpWith(['HTTP-Redirect', 'https://idp.example.com/sso/redirect'], ['HTTP-POST', 'https://idp.example.com/sso/post']);
    const r = sendRefusal(checkBindingBeforeSend('https://idp.example.com/sso/redirect', 'HTTP-POST', both));
    expect(r).toMatchObject({ code: 'binding-mismatch', suggestedUrl: 'https://idp.example.com/sso/post' });
  });
  it('does not refuse on a warning (a URL the metadata does not list)', () => {
    const both = idpWith(['HTTP-Redirect', 'https://idp.example.com/sso/redirect']);
    const w = checkBindingBeforeSend('https://other.example.com/sso', 'HTTP-Redirect', both);
    expect(w.map((x) => x.code)).toEqual(['endpoint-not-in-metadata']);
    expect(sendRefusal(w)).toBeNull();
  });
});
