// NameID formats (SAML core §8.3) and what authentik sends for each requested format when the
// provider has no NameID property mapping (003_32bc8d65e57764cd.txt).
export interface NameIdFormatExplanation {
  uri: string;
  /** Other URIs seen in the wild for the same format (authentik's doc writes 2.0 for two 1.1 formats). */
  aliases: string[];
  name: string;
  specSection: string;
  meaning: string;
  /** Stable across logins of the same user at the same SP. */
  stable: boolean;
  /** What authentik (as IdP) puts into NameID when the SP requests this format (null: not documented). */
  authentikSends: string | null;
}

export const NAMEID_UNSPECIFIED = 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified';
export const NAMEID_EMAIL = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';
export const NAMEID_PERSISTENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent';
export const NAMEID_TRANSIENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient';

export const NAMEID_FORMATS: readonly NameIdFormatExplanation[] = [
  { uri: NAMEID_UNSPECIFIED, aliases: [], name: 'unspecified', specSection: 'SAML core §8.3.1', meaning: 'Interpretation is left to the implementations; any value.', stable: false, authentikSends: 'the default rules do not list it: authentik falls back to its default NameID (the hashed user ID) unless a NameID property mapping is set' },
  { uri: NAMEID_EMAIL, aliases: ['urn:oasis:names:tc:SAML:2.0:nameid-format:emailAddress'], name: 'emailAddress', specSection: 'SAML core §8.3.2', meaning: 'An email address (addr-spec of RFC 2822).', stable: false, authentikSends: "the user's email address" },
  { uri: 'urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName', aliases: ['urn:oasis:names:tc:SAML:2.0:nameid-format:X509SubjectName'], name: 'X509SubjectName', specSection: 'SAML core §8.3.3', meaning: 'An X.509 subject distinguished name.', stable: true, authentikSends: "the user's distinguishedName attribute (set by the LDAP source); falls back to the persistent identifier (hashed user ID) when the attribute does not exist" },
  { uri: 'urn:oasis:names:tc:SAML:1.1:nameid-format:WindowsDomainQualifiedName', aliases: ['urn:oasis:names:tc:SAML:2.0:nameid-format:WindowsDomainQualifiedName'], name: 'WindowsDomainQualifiedName', specSection: 'SAML core §8.3.4', meaning: 'A Windows domain qualified name (DOMAIN\\user).', stable: true, authentikSends: "the user's UPN (set by the LDAP source); falls back to the persistent identifier (hashed user ID)" },
  { uri: 'urn:oasis:names:tc:SAML:2.0:nameid-format:kerberos', aliases: [], name: 'kerberos', specSection: 'SAML core §8.3.5', meaning: 'A Kerberos principal name (name[/instance]@REALM).', stable: true, authentikSends: null },
  { uri: 'urn:oasis:names:tc:SAML:2.0:nameid-format:entity', aliases: [], name: 'entity', specSection: 'SAML core §8.3.6', meaning: 'The entity ID of a SAML provider (used in Issuer, not for users).', stable: true, authentikSends: null },
  { uri: NAMEID_PERSISTENT, aliases: [], name: 'persistent', specSection: 'SAML core §8.3.7', meaning: 'An opaque, pair-wise identifier that stays the same for this user at this SP across sessions.', stable: true, authentikSends: 'the hashed user ID' },
  { uri: NAMEID_TRANSIENT, aliases: [], name: 'transient', specSection: 'SAML core §8.3.8', meaning: 'An opaque identifier valid for this session only; it changes at every login.', stable: false, authentikSends: "a value based on the user's session ID (changes every login)" },
];

export function explainNameIdFormat(uri: string | null | undefined): NameIdFormatExplanation | null {
  if (!uri) return null;
  const u = uri.trim();
  return NAMEID_FORMATS.find((f) => f.uri === u || f.aliases.includes(u)) ?? null;
}

/** Canonical URI of a format (maps the 2.0 spellings authentik's doc uses to the 1.1 URIs). */
export function canonicalNameIdFormat(uri: string | null | undefined): string {
  if (!uri) return NAMEID_UNSPECIFIED;
  return explainNameIdFormat(uri)?.uri ?? uri.trim();
}
