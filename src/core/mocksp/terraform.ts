// authentik Terraform for the mock SP, in the shape of the Scaleway + authentik setup of
// 000_bbefa757859ef489.txt (group, authentik_provider_saml, authentik_application,
// authentik_policy_binding), commented with the choices that made that setup work.
import { NAMEID_FORMATS, type MockSpSettings } from './settings';

export type AuthentikNameIdMapping = 'username' | 'email' | 'upn' | 'uid' | 'name';

export interface AuthentikTerraformOptions {
  /** Application display name. Default "samlscope mock SP". */
  applicationName?: string;
  /** Application slug: part of every authentik SAML URL. Default "samlscope-mock-sp". */
  slug?: string;
  /** Group allowed to use the application. Default "<slug>-users". */
  groupName?: string;
  /**
   * Built-in SAML property mapping for the NameID; null = none (authentik then derives the NameID
   * from the requested Format). Default: authentikNameIdFor(settings.nameIdPolicyFormat).
   */
  nameIdMapping?: AuthentikNameIdMapping | null;
  /** Default true, both: the seed's SP requires both, and the inspector checks both. */
  signAssertion?: boolean;
  signResponse?: boolean;
  /**
   * The SP signing certificate (PEM). When given and settings.sign is on, it is uploaded as a
   * certificate-only key pair and set as the provider's verification certificate, so authentik
   * checks the signature of the requests.
   */
  spSigningCertPem?: string | null;
  /** The application's launch URL. Default: the mock SP page (`<ACS origin>/mock-sp`). */
  launchUrl?: string;
}

export interface AuthentikNameIdChoice {
  /** The built-in mapping to set as name_id_mapping, or null to leave it unset. */
  mapping: AuthentikNameIdMapping | null;
  /** What authentik then puts in the NameID, for the Terraform comment. */
  why: string;
  /** authentik answers this Format with an error (UnsupportedNameIDFormat). */
  unsupported: boolean;
}

/**
 * The name_id_mapping that makes authentik's NameID agree with the Format the request asks for.
 * authentik (providers/saml/processors/assertion.py, get_name_id) writes the requested Format
 * into the NameID and, when name_id_mapping is set, the mapping's value "regardless of what the SP
 * asks for"; without it, emailAddress → the e-mail, persistent/unspecified → user.uid (a stable
 * opaque hash), transient → a hash of the session, X509SubjectName → the LDAP DN,
 * WindowsDomainQualifiedName → the upn attribute; other formats are refused. So a username
 * mapping under a persistent request sends a username labelled persistent — the inconsistency
 * this function avoids.
 */
export function authentikNameIdFor(format: string | null): AuthentikNameIdChoice {
  switch (format) {
    case NAMEID_FORMATS.persistent:
      return { mapping: null, why: 'no name_id_mapping: for a persistent NameID authentik sends user.uid, a stable opaque identifier per user (SAML core §8.3.7); a mapping would override it with a non-opaque value while the Format still says persistent', unsupported: false };
    case NAMEID_FORMATS.transient:
      return { mapping: null, why: 'no name_id_mapping: for a transient NameID authentik sends a hash of the session, new at each login (SAML core §8.3.8); a mapping would override it with a lasting value', unsupported: false };
    case NAMEID_FORMATS.emailAddress:
      return { mapping: 'email', why: 'the email mapping: the request asks for an emailAddress NameID (SAML core §8.3.2)', unsupported: false };
    case NAMEID_FORMATS.WindowsDomainQualifiedName:
      return { mapping: 'upn', why: 'the upn mapping: the request asks for a WindowsDomainQualifiedName NameID (SAML core §8.3.4)', unsupported: false };
    case NAMEID_FORMATS.X509SubjectName:
      return { mapping: null, why: 'no name_id_mapping: for an X509SubjectName NameID authentik sends the distinguished name an LDAP source stored on the user (else user.uid)', unsupported: false };
    case NAMEID_FORMATS.unspecified:
    case null:
      return { mapping: 'username', why: 'the username mapping: the request leaves the format to the IdP (unspecified), and SPs such as Scaleway look users up by it (the Scaleway setup failed with "user not found" while the NameID was the email; username fixed it)', unsupported: false };
    default:
      return { mapping: null, why: `no name_id_mapping: authentik answers a request for the NameID Format ${format} with an error (UnsupportedNameIDFormat); choose another NameIDPolicy format`, unsupported: true };
  }
}

/** HCL string literal (Terraform: escape quotes and backslashes, and `${`/`%{` template starts). */
export function hclString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{')}"`;
}

/** A Terraform identifier from a slug: letters, digits, underscores, not starting with a digit. */
export function terraformIdentifier(s: string): string {
  const id = s.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '') || 'mock_sp';
  return /^[0-9]/.test(id) ? `sp_${id}` : id;
}

/** A long explanation as Terraform comment lines (`# …`), wrapped near 96 columns. */
function commentLines(text: string, indent = ''): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > 92) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join(`\n${indent}# `);
}

function heredocPem(pem: string): string {
  return `<<-EOT\n${pem.trim().split('\n').map((l) => `    ${l}`).join('\n')}\n  EOT`;
}

/**
 * The Terraform (goauthentik/authentik provider) that makes authentik the IdP of this mock SP.
 * Values from the settings are literals; the authentik URL stays a variable as in the seed.
 */
export function exportAuthentikTerraform(settings: MockSpSettings, options: AuthentikTerraformOptions = {}): string {
  // authentik slugs are Django SlugFields: letters, digits, hyphens, underscores.
  const slug = (options.slug || 'samlscope-mock-sp').toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'samlscope-mock-sp';
  const id = terraformIdentifier(slug);
  const appName = options.applicationName || 'samlscope mock SP';
  const group = options.groupName || `${slug}-users`;
  const auto = authentikNameIdFor(settings.nameIdPolicyFormat);
  const mapping = options.nameIdMapping === undefined ? auto.mapping : options.nameIdMapping;
  const mappingWhy = options.nameIdMapping === undefined ? auto.why : mapping ? `the ${mapping} mapping, as chosen` : 'no name_id_mapping, as chosen';
  const signAssertion = options.signAssertion ?? true;
  const signResponse = options.signResponse ?? true;
  const spBinding = settings.acsBinding === 'HTTP-Redirect' ? 'redirect' : 'post';
  let launch = options.launchUrl;
  if (!launch) {
    try {
      launch = `${new URL(settings.acsUrl).origin}/mock-sp`;
    } catch {
      launch = '';
    }
  }
  const withVerification = !!(options.spSigningCertPem && settings.sign);

  const parts: string[] = [];
  parts.push(`# authentik as the SAML IdP of the samlscope mock SP.
# Generated by samlscope from the mock-SP settings; shape and choices follow a working
# Scaleway + authentik setup (authentik provider "goauthentik/authentik").

variable "authentik_url" {
  type        = string
  description = "Base URL of authentik, e.g. https://authentik.example.com/ — also the IdP entity ID (issuer) the SP expects"
}

data "authentik_flow" "default_authorization_flow" {
  slug = "default-provider-authorization-implicit-consent"
}

data "authentik_flow" "default_invalidation_flow" {
  slug = "default-provider-invalidation-flow"
}

# The key pair authentik signs responses and assertions with; its certificate is the one in
# the provider's metadata, which the SP (here: samlscope) must trust.
data "authentik_certificate_key_pair" "default" {
  name = "authentik Self-signed Certificate"
}

${mapping ? `# NameID: ${commentLines(mappingWhy)}
data "authentik_property_mapping_provider_saml" "${mapping}" {
  managed = "goauthentik.io/providers/saml/${mapping}"
}
` : ''}`);
  if (withVerification) {
    parts.push(`# The mock SP signs its AuthnRequests (${settings.signatureAlgorithm}); authentik verifies them with
# this certificate (no private key: authentik only needs the public half).
resource "authentik_certificate_key_pair" "${id}_sp_signing" {
  name             = ${hclString(`${appName} request signing`)}
  certificate_data = ${heredocPem(options.spSigningCertPem!)}
}
`);
  }
  parts.push(`# Who may log in through this application (see the policy binding below).
resource "authentik_group" "${id}_users" {
  name = ${hclString(group)}
}

resource "authentik_provider_saml" "${id}" {
  name               = ${hclString(appName)}
  authorization_flow = data.authentik_flow.default_authorization_flow.id
  invalidation_flow  = data.authentik_flow.default_invalidation_flow.id

  # Where authentik POSTs the Response: the mock SP's ACS (samlscope captures it there).
  acs_url = ${hclString(settings.acsUrl)}

  # The SP entity ID goes into the assertion's <Audience>, not into the issuer.
  audience = ${hclString(settings.spEntityId)}

  # issuer = the IdP's own entity ID (the authentik URL), never the SP entity ID: with the SP's
  # entity ID here the SP rejects the response ("response Issuer does not match the IDP metadata").
  issuer = var.authentik_url

  signing_kp = data.authentik_certificate_key_pair.default.id
${withVerification ? `  verification_kp = authentik_certificate_key_pair.${id}_sp_signing.id\n` : ''}
  # The Response is delivered by HTTP-POST (SAML profiles §4.1.2 forbids HTTP-Redirect for it).
  sp_binding = "${spBinding}"

  # Sign both: SPs like Scaleway require it, and an unsigned Response around a signed assertion
  # (or the reverse) is what signature-wrapping attacks exploit.
  sign_assertion = ${signAssertion}
  sign_response  = ${signResponse}

  property_mappings = []
${mapping ? `  name_id_mapping   = data.authentik_property_mapping_provider_saml.${mapping}.id` : `  # NameID: ${commentLines(mappingWhy, '  ')}`}
}

resource "authentik_application" "${id}" {
  name              = ${hclString(appName)}
  slug              = ${hclString(slug)}
  protocol_provider = authentik_provider_saml.${id}.id
  meta_launch_url   = ${hclString(launch)}
  open_in_new_tab   = true
}

# Restrict access to the group: without a binding any authentik user can authenticate.
resource "authentik_policy_binding" "${id}_access" {
  target = authentik_application.${id}.uuid
  group  = authentik_group.${id}_users.id
  order  = 0
}

# The mock SP's IdP SSO URL. Use the POST binding URL when the SP POSTs its AuthnRequest:
# a POST to /sso/binding/redirect/ is refused with "403 CSRF verification failed"; the
# /sso/binding/post/ endpoint is CSRF-exempt (no CSRF_TRUSTED_ORIGINS change needed).
output "${id}_sso_url" {
  value = "\${trimsuffix(var.authentik_url, "/")}/application/saml/${slug}/sso/binding/${settings.idpBinding === 'HTTP-POST' ? 'post' : 'redirect'}/"
}

output "${id}_metadata_url" {
  value = "\${trimsuffix(var.authentik_url, "/")}/api/v3/providers/saml/\${authentik_provider_saml.${id}.id}/metadata/?download"
}
`);
  return parts.join('\n');
}
