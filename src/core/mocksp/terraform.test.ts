import { describe, expect, it } from 'vitest';
import { generateSpKeyPair } from './keys';
import { defaultSettings } from './settings';
import { NAMEID_FORMATS } from './settings';
import { authentikNameIdFor, exportAuthentikTerraform, hclString, terraformIdentifier } from './terraform';

const settings = { ...defaultSettings('https://samlscope.example.org'), idpBinding: 'HTTP-POST' as const };

/** The value assigned to `name` inside the given resource block. */
function attribute(tf: string, block: string, name: string): string | null {
  const start = tf.indexOf(block);
  if (start < 0) return null;
  const end = tf.indexOf('\n}\n', start);
  const m = new RegExp(`^\\s*${name}\\s*=\\s*(.+)$`, 'm').exec(tf.slice(start, end));
  return m ? m[1]!.trim() : null;
}

describe('exportAuthentikTerraform', () => {
  it('has the resources and attributes of the Scaleway seed, with the values of the settings', () => {
    const tf = exportAuthentikTerraform(settings, { slug: 'samlscope-mock-sp' });
    const p = 'resource "authentik_provider_saml" "samlscope_mock_sp"';
    expect(tf).toContain('resource "authentik_group" "samlscope_mock_sp_users"');
    expect(attribute(tf, p, 'acs_url')).toBe(JSON.stringify(settings.acsUrl));
    expect(attribute(tf, p, 'audience')).toBe(JSON.stringify(settings.spEntityId));
    expect(attribute(tf, p, 'issuer')).toBe('var.authentik_url');
    expect(attribute(tf, p, 'sp_binding')).toBe('"post"');
    expect(attribute(tf, p, 'sign_assertion')).toBe('true');
    expect(attribute(tf, p, 'sign_response')).toBe('true');
    expect(attribute(tf, p, 'signing_kp')).toBe('data.authentik_certificate_key_pair.default.id');
    expect(attribute(tf, p, 'name_id_mapping')).toBe('data.authentik_property_mapping_provider_saml.username.id');
    expect(attribute(tf, p, 'authorization_flow')).toBe('data.authentik_flow.default_authorization_flow.id');
    expect(attribute(tf, p, 'invalidation_flow')).toBe('data.authentik_flow.default_invalidation_flow.id');
    expect(tf).toContain('managed = "goauthentik.io/providers/saml/username"');
    const app = 'resource "authentik_application" "samlscope_mock_sp"';
    expect(attribute(tf, app, 'slug')).toBe('"samlscope-mock-sp"');
    expect(attribute(tf, app, 'protocol_provider')).toBe('authentik_provider_saml.samlscope_mock_sp.id');
    const binding = 'resource "authentik_policy_binding" "samlscope_mock_sp_access"';
    expect(attribute(tf, binding, 'target')).toBe('authentik_application.samlscope_mock_sp.uuid');
    expect(attribute(tf, binding, 'group')).toBe('authentik_group.samlscope_mock_sp_users.id');
    expect(attribute(tf, binding, 'order')).toBe('0');
    // The choices that make it work are explained.
    expect(tf).toMatch(/issuer = the IdP's own entity ID/);
    expect(tf).toMatch(/403 CSRF/);
    expect(tf).toContain('/sso/binding/post/');
    // Balanced braces: a cheap syntax sanity check.
    const code = tf.replace(/^\s*#.*$/gm, '').replace(/"(?:[^"\\]|\\.)*"/g, '""');
    expect((code.match(/{/g) ?? []).length).toBe((code.match(/}/g) ?? []).length);
  });

  it('adds a verification certificate when the SP signs, and honours the NameID mapping', async () => {
    const kp = await generateSpKeyPair('EC-P256', 'tf');
    const tf = exportAuthentikTerraform({ ...settings, sign: true }, { slug: '1 weird/slug"', spSigningCertPem: kp.certificatePem, nameIdMapping: 'email' });
    expect(tf).toContain('resource "authentik_provider_saml" "sp_1_weird_slug"');
    expect(tf).toContain('slug              = "1-weird-slug"');
    expect(tf).toContain('verification_kp = authentik_certificate_key_pair.sp_1_weird_slug_sp_signing.id');
    expect(tf).toContain(kp.certificatePem.split('\n')[1]);
    expect(tf).toContain('goauthentik.io/providers/saml/email');
    const unsigned = exportAuthentikTerraform(settings, { spSigningCertPem: kp.certificatePem });
    expect(unsigned).not.toContain('verification_kp');
  });

  it('escapes HCL strings and makes identifiers', () => {
    expect(hclString('a"b\\c ${x} %{y}')).toBe('"a\\"b\\\\c $${x} %%{y}"');
    expect(terraformIdentifier('My App!')).toBe('my_app');
  });
});

describe('the NameID mapping follows the NameIDPolicy format (issue 14)', () => {
  const p = 'resource "authentik_provider_saml" "samlscope_mock_sp"';
  it('leaves name_id_mapping unset for persistent: authentik then sends user.uid, an opaque stable ID', () => {
    const tf = exportAuthentikTerraform({ ...settings, nameIdPolicyFormat: NAMEID_FORMATS.persistent });
    expect(attribute(tf, p, 'name_id_mapping')).toBeNull();
    expect(tf).not.toContain('goauthentik.io/providers/saml/username');
    expect(tf).toMatch(/# NameID: no name_id_mapping: for a persistent NameID authentik sends user\.uid/);
  });
  it.each([
    [NAMEID_FORMATS.emailAddress, 'email'],
    [NAMEID_FORMATS.WindowsDomainQualifiedName, 'upn'],
    [NAMEID_FORMATS.unspecified, 'username'],
    [null, 'username'],
    [NAMEID_FORMATS.transient, null],
    [NAMEID_FORMATS.X509SubjectName, null],
  ])('%s → %s', (format, mapping) => {
    expect(authentikNameIdFor(format).mapping).toBe(mapping);
    const tf = exportAuthentikTerraform({ ...settings, nameIdPolicyFormat: format });
    expect(attribute(tf, p, 'name_id_mapping')).toBe(mapping ? `data.authentik_property_mapping_provider_saml.${mapping}.id` : null);
    const code = tf.replace(/^\s*#.*$/gm, '').replace(/"(?:[^"\\]|\\.)*"/g, '""');
    expect((code.match(/{/g) ?? []).length).toBe((code.match(/}/g) ?? []).length);
  });
  it('says when authentik refuses the format', () => {
    expect(authentikNameIdFor(NAMEID_FORMATS.entity)).toMatchObject({ mapping: null, unsupported: true });
    expect(exportAuthentikTerraform({ ...settings, nameIdPolicyFormat: NAMEID_FORMATS.entity })).toContain('UnsupportedNameIDFormat');
  });
});
