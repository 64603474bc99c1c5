// Users and attribute sets the mock IdP answers with. Presets follow the reference setups:
// authentik's default SAML property mappings (the "authentik default SAML Mapping: …" names,
// SAML provider documentation) and what Scaleway expects from authentik (NameID = the
// username, both Response and assertion signed, HTTP-POST, Issuer = the IdP's entity ID).
import { NAMEID_FORMATS } from '../mocksp/settings';
import type { IdpAttribute } from './response';
import type { SignMode } from './variants';

export interface MockUser {
  username: string;
  email: string;
  name: string;
  /** authentik's uid: a stable hashed identifier of the user. */
  uid: string;
  groups: string[];
}

/** Attribute Names of authentik's default SAML property mappings. */
export const AUTHENTIK_ATTRIBUTES = {
  upn: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn',
  name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name',
  email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
  username: 'http://schemas.goauthentik.io/2021/02/saml/username',
  uid: 'http://schemas.goauthentik.io/2021/02/saml/uid',
  groups: 'http://schemas.xmlsoap.org/claims/Group',
  windowsAccountName: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/windowsaccountname',
} as const;

export type PresetName = 'authentik' | 'scaleway' | 'minimal';

export interface ResponsePreset {
  name: PresetName;
  label: string;
  description: string;
  nameIdFormat: string;
  /** Which user field becomes the NameID. */
  nameIdFrom: keyof Pick<MockUser, 'username' | 'email' | 'uid'>;
  sign: SignMode;
  attributes(user: MockUser): IdpAttribute[];
}

function authentikAttributes(u: MockUser): IdpAttribute[] {
  return [
    { name: AUTHENTIK_ATTRIBUTES.upn, values: [u.email] },
    { name: AUTHENTIK_ATTRIBUTES.name, values: [u.name] },
    { name: AUTHENTIK_ATTRIBUTES.email, values: [u.email] },
    { name: AUTHENTIK_ATTRIBUTES.username, values: [u.username] },
    { name: AUTHENTIK_ATTRIBUTES.uid, values: [u.uid] },
    { name: AUTHENTIK_ATTRIBUTES.windowsAccountName, values: [u.username] },
    ...(u.groups.length ? [{ name: AUTHENTIK_ATTRIBUTES.groups, values: u.groups }] : []),
  ];
}

export const PRESETS: readonly ResponsePreset[] = [
  {
    name: 'authentik',
    label: 'authentik defaults',
    description: 'authentik\'s default SAML property mappings (upn, name, emailaddress, username, uid, windowsaccountname, Group); NameID persistent (authentik\'s default: the hashed user ID).',
    nameIdFormat: NAMEID_FORMATS.persistent,
    nameIdFrom: 'uid',
    sign: 'assertion',
    attributes: authentikAttributes,
  },
  {
    name: 'scaleway',
    label: 'Scaleway (authentik as IdP)',
    description: 'What Scaleway expects: NameID = the Scaleway username (authentik username mapping), Response and assertion both signed, sent by HTTP-POST; authentik\'s attributes alongside.',
    nameIdFormat: NAMEID_FORMATS.unspecified,
    nameIdFrom: 'username',
    sign: 'both',
    attributes: authentikAttributes,
  },
  {
    name: 'minimal',
    label: 'Minimal (e-mail only)',
    description: 'NameID = e-mail address (emailAddress format), one "email" attribute.',
    nameIdFormat: NAMEID_FORMATS.emailAddress,
    nameIdFrom: 'email',
    sign: 'both',
    attributes: (u) => [{ name: 'email', values: [u.email] }],
  },
];

export const DEFAULT_USERS: readonly MockUser[] = [
  { username: 'jdoe', email: 'jdoe@example.com', name: 'Jane Doe', uid: 'a3f1c9e2b7d84f06a1e5c3b9d2f7e8a4', groups: ['scaleway-users'] },
  { username: 'rsmith', email: 'rsmith@example.com', name: 'Robin Smith', uid: '5b2e8d1f4c7a49e3b6d0f2a8c1e9b7d3', groups: ['scaleway-users', 'admins'] },
];

export function presetNamed(name: string): ResponsePreset | null {
  return PRESETS.find((p) => p.name === name) ?? null;
}
