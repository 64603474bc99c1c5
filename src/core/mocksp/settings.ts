// Settings of the mock service provider: everything a tester chooses before starting a login.
// Plain JSON (no class, no Date, no CryptoKey) so the UI can keep it in the URL, localStorage
// or IndexedDB as is. Keys live apart (keys.ts): settings only say *whether* to sign.

export type SamlBindingName = 'HTTP-Redirect' | 'HTTP-POST';

/** Bindings a Response may be requested with (SAML profiles §4.1.2 excludes HTTP-Redirect for the Response). */
export type ProtocolBindingName = 'HTTP-POST' | 'HTTP-Redirect' | 'HTTP-Artifact';

export const BINDING_URIS = {
  'HTTP-Redirect': 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect',
  'HTTP-POST': 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
  'HTTP-Artifact': 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact',
} as const;

export function bindingNameOf(uri: string | null | undefined): ProtocolBindingName | null {
  for (const [name, u] of Object.entries(BINDING_URIS)) if (u === uri) return name as ProtocolBindingName;
  return null;
}

/** SAML core §8.3 name identifier formats a tester usually asks for. */
export const NAMEID_FORMATS = {
  unspecified: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
  emailAddress: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
  persistent: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
  transient: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient',
  X509SubjectName: 'urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName',
  WindowsDomainQualifiedName: 'urn:oasis:names:tc:SAML:1.1:nameid-format:WindowsDomainQualifiedName',
  entity: 'urn:oasis:names:tc:SAML:2.0:nameid-format:entity',
} as const;

/** SAML authn context §3.4 classes offered in the UI (any URI is accepted). */
export const AUTHN_CONTEXT_CLASSES = {
  PasswordProtectedTransport: 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport',
  Password: 'urn:oasis:names:tc:SAML:2.0:ac:classes:Password',
  X509: 'urn:oasis:names:tc:SAML:2.0:ac:classes:X509',
  Kerberos: 'urn:oasis:names:tc:SAML:2.0:ac:classes:Kerberos',
  unspecified: 'urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified',
} as const;

export type AuthnContextComparison = 'exact' | 'minimum' | 'maximum' | 'better';

/** Signature algorithms the mock SP signs with (RFC 6931 URIs). SHA-1 is deliberately absent. */
export const SP_SIGNATURE_ALGORITHMS = {
  'rsa-sha256': 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  'rsa-sha384': 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha384',
  'rsa-sha512': 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512',
  'ecdsa-sha256': 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256',
  'ecdsa-sha384': 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384',
  'ecdsa-sha512': 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512',
} as const;

export type SpSignatureAlgorithm = keyof typeof SP_SIGNATURE_ALGORITHMS;

export interface MockSpSettings {
  /** The SP entity ID, sent as <saml:Issuer> of the requests and entityID of the exported metadata. */
  spEntityId: string;
  /** Where the IdP posts the Response. Default: samlscope's own capture endpoint `${origin}/acs`. */
  acsUrl: string;
  /** Binding of the ACS endpoint in the exported metadata (the Response should come by POST: SAML profiles §4.1.2). */
  acsBinding: SamlBindingName;
  /** <samlp:NameIDPolicy Format>; null = no Format attribute. */
  nameIdPolicyFormat: string | null;
  /** <samlp:NameIDPolicy AllowCreate>; null = attribute omitted. NameIDPolicy is omitted when both are null. */
  allowCreate: boolean | null;
  /** ForceAuthn="true" (omitted when false: false is the schema default). */
  forceAuthn: boolean;
  /** IsPassive="true" (omitted when false). */
  isPassive: boolean;
  requestedAuthnContext: { classRefs: string[]; comparison: AuthnContextComparison } | null;
  /** ProtocolBinding attribute: how the Response should come back; null = omitted (IdP decides from metadata). */
  protocolBinding: ProtocolBindingName | null;
  /**
   * SAML core §3.4.1: AssertionConsumerServiceIndex and the pair AssertionConsumerServiceURL /
   * ProtocolBinding are mutually exclusive. When true the request carries the index only.
   */
  useAcsIndex: boolean;
  acsIndex: number;
  /** RelayState sent with the request; '' = none. SAML bindings §3.4.3: at most 80 bytes. */
  relayState: string;
  /** The IdP SSO URL: where the request goes, and its Destination attribute. */
  destination: string;
  /** Binding used to send the AuthnRequest to the IdP. */
  idpBinding: SamlBindingName;
  /** Sign the requests (enveloped signature for POST, query signature for Redirect). */
  sign: boolean;
  signatureAlgorithm: SpSignatureAlgorithm;
  /** The IdP SingleLogoutService URL for SP-initiated logout; '' = not configured. */
  sloUrl: string;
  /** Binding used to send the LogoutRequest. */
  sloBinding: SamlBindingName;
  /** The SP's own SingleLogoutService (exported metadata); '' = none. */
  spSloUrl: string;
  /** The IdP entity ID, when known (from IdP metadata): an expectation when inspecting the answer. */
  idpEntityId: string;
}

/** A sensible starting point: POST back to samlscope's own /acs, Redirect to the IdP, unsigned. */
export function defaultSettings(origin: string): MockSpSettings {
  const base = origin.replace(/\/+$/, '');
  return {
    spEntityId: `${base}/mock-sp`,
    acsUrl: `${base}/acs`,
    acsBinding: 'HTTP-POST',
    nameIdPolicyFormat: NAMEID_FORMATS.unspecified,
    allowCreate: true,
    forceAuthn: false,
    isPassive: false,
    requestedAuthnContext: null,
    protocolBinding: 'HTTP-POST',
    useAcsIndex: false,
    acsIndex: 0,
    relayState: '',
    destination: '',
    idpBinding: 'HTTP-Redirect',
    sign: false,
    signatureAlgorithm: 'rsa-sha256',
    sloUrl: '',
    sloBinding: 'HTTP-Redirect',
    spSloUrl: `${base}/slo`,
    idpEntityId: '',
  };
}

/**
 * Fill missing fields of stored settings (an older version of the app, a hand-edited
 * localStorage entry) from the defaults, keeping only fields of the right type.
 */
export function normalizeSettings(stored: unknown, origin: string): MockSpSettings {
  const out = defaultSettings(origin);
  if (!stored || typeof stored !== 'object') return out;
  const s = stored as Record<string, unknown>;
  const target = out as unknown as Record<string, unknown>;
  // Fields that may also be null (see MockSpSettings).
  const nullable = new Set(['nameIdPolicyFormat', 'allowCreate', 'requestedAuthnContext', 'protocolBinding']);
  for (const key of Object.keys(out)) {
    const v = s[key];
    if (v === undefined) continue;
    if (v === null ? nullable.has(key) : typeof v === typeof target[key] || (key === 'requestedAuthnContext' && typeof v === 'object')) target[key] = v;
  }
  const rac = out.requestedAuthnContext as unknown;
  if (rac !== null && (typeof rac !== 'object' || !Array.isArray((rac as { classRefs?: unknown }).classRefs))) out.requestedAuthnContext = null;
  return out;
}

export type SettingsProblemCode =
  | 'required'
  | 'not-absolute-url'
  | 'not-https'
  | 'whitespace'
  | 'acs-index-invalid'
  | 'relay-state-too-long'
  | 'relay-state-reencoded'
  | 'response-by-redirect'
  | 'passive-and-force'
  | 'authn-context-empty'
  | 'acs-not-captured';

export interface SettingsProblem {
  field: keyof MockSpSettings;
  code: SettingsProblemCode;
  severity: 'error' | 'warning';
  message: string;
}

/**
 * The distinct characters of a RelayState outside RFC 3986 §2.3's unreserved set (ALPHA, DIGIT,
 * "-", ".", "_", "~"): the only characters every encoder leaves as they are. Anything else is
 * percent-encoded in the Redirect query, and encoders disagree on how (a space is "%20" in
 * RFC 3986 and "+" in application/x-www-form-urlencoded, Python's urlencode).
 */
export function charactersIdpsReencode(relayState: string): string[] {
  const out = new Set<string>();
  for (const ch of relayState) if (!/[A-Za-z0-9\-._~]/.test(ch)) out.add(ch);
  return [...out];
}

function describeChar(ch: string): string {
  if (ch === ' ') return 'a space';
  const cp = ch.codePointAt(0)!;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return cp < 0x20 || cp === 0x7f ? hex : `"${ch}" (${hex})`;
}

function isAbsoluteUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

const isLocal = (s: string) => /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/i.test(s);

/**
 * Problems that would make the request malformed (errors) or the login likely to fail
 * (warnings). `origin` (optional) is samlscope's own origin, to tell whether the Response
 * will come back to the capture endpoint.
 */
export function validateSettings(s: MockSpSettings, origin?: string): SettingsProblem[] {
  const out: SettingsProblem[] = [];
  const add = (field: keyof MockSpSettings, code: SettingsProblemCode, severity: 'error' | 'warning', message: string) => out.push({ field, code, severity, message });

  if (!s.spEntityId.trim()) add('spEntityId', 'required', 'error', 'The SP entity ID is required: it is the <saml:Issuer> of every request.');
  else if (s.spEntityId !== s.spEntityId.trim()) add('spEntityId', 'whitespace', 'error', 'The SP entity ID has leading or trailing spaces; IdPs compare it byte for byte.');

  if (!s.destination.trim()) add('destination', 'required', 'error', 'The IdP SSO URL is required: paste the IdP metadata or type its SingleSignOnService location.');
  else if (!isAbsoluteUrl(s.destination)) add('destination', 'not-absolute-url', 'error', `The IdP SSO URL "${s.destination}" is not an absolute http(s) URL.`);
  else if (s.destination.startsWith('http:') && !isLocal(s.destination)) add('destination', 'not-https', 'warning', 'The IdP SSO URL is plain http: the request and the login travel unencrypted (SAML bindings §3.4.5.2 and §3.5.5.2 expect TLS).');

  // Required even with useAcsIndex: the exported SP metadata lists it under that index.
  if (!s.acsUrl.trim()) add('acsUrl', 'required', 'error', 'The ACS URL is required (it is also exported in the SP metadata).');
  else if (!isAbsoluteUrl(s.acsUrl)) add('acsUrl', 'not-absolute-url', 'error', `The ACS URL "${s.acsUrl}" is not an absolute http(s) URL.`);
  else if (origin && !s.acsUrl.startsWith(`${origin.replace(/\/+$/, '')}/`)) add('acsUrl', 'acs-not-captured', 'warning', `The ACS URL is not on ${origin}: the IdP's answer will go there, not to samlscope, and cannot be captured here.`);
  if (s.useAcsIndex && (!Number.isInteger(s.acsIndex) || s.acsIndex < 0 || s.acsIndex > 65535)) {
    add('acsIndex', 'acs-index-invalid', 'error', 'AssertionConsumerServiceIndex is an xs:unsignedShort (0–65535).');
  }
  if (s.acsBinding === 'HTTP-Redirect') add('acsBinding', 'response-by-redirect', 'warning', 'SAML profiles §4.1.2 forbids delivering the Response with HTTP-Redirect; IdPs post it (HTTP-POST).');
  if (s.protocolBinding === 'HTTP-Redirect' && !s.useAcsIndex) add('protocolBinding', 'response-by-redirect', 'warning', 'ProtocolBinding HTTP-Redirect asks for the Response by Redirect, which SAML profiles §4.1.2 forbids; most IdPs answer with an error.');

  const rsBytes = new TextEncoder().encode(s.relayState).length;
  if (rsBytes > 80) add('relayState', 'relay-state-too-long', 'warning', `RelayState is ${rsBytes} bytes; SAML bindings §3.4.3/§3.5.3 limit it to 80 bytes and some IdPs truncate or reject longer values.`);
  const reencoded = charactersIdpsReencode(s.relayState);
  if (reencoded.length > 0) {
    add(
      'relayState',
      'relay-state-reencoded',
      'warning',
      `RelayState contains ${reencoded.map(describeChar).join(', ')}, outside RFC 3986's unreserved characters (letters, digits, - . _ ~). ` +
        'pysaml2 re-encodes the query before checking a Redirect-binding signature (a space becomes "+" where samlscope sent "%20", SAML bindings §3.4.4.1), so the signature fails; other IdPs may return the value altered. Use only letters, digits and - . _ ~.',
    );
  }

  if (s.forceAuthn && s.isPassive) add('isPassive', 'passive-and-force', 'warning', 'ForceAuthn and IsPassive together: the IdP must re-authenticate without interacting, which usually ends in a NoPassive status (SAML core §3.4.1).');
  if (s.requestedAuthnContext && s.requestedAuthnContext.classRefs.filter((c) => c.trim()).length === 0) {
    add('requestedAuthnContext', 'authn-context-empty', 'error', 'RequestedAuthnContext needs at least one AuthnContextClassRef (SAML core §3.3.2.2.1).');
  }

  if (s.sloUrl.trim() && !isAbsoluteUrl(s.sloUrl)) add('sloUrl', 'not-absolute-url', 'error', `The IdP logout URL "${s.sloUrl}" is not an absolute http(s) URL.`);
  if (s.spSloUrl.trim() && !isAbsoluteUrl(s.spSloUrl)) add('spSloUrl', 'not-absolute-url', 'error', `The SP logout URL "${s.spSloUrl}" is not an absolute http(s) URL.`);
  return out;
}
