// Shared shapes of the core. The JSON report (docs/contract.md, "JSON report") is built from these;
// everything a shell (UI, CLI) shows comes from an InspectReport.
import type { CategoryId } from './findings/categories';
import type { FixParts } from './findings/fix';
import type { Severity } from './findings/severity';

/** CONTRACT §3 input codes: an input that could not be read or decoded at all. */
export type InputErrorCode =
  | 'input-bad-base64'
  | 'input-bad-deflate'
  | 'input-not-xml'
  | 'input-dtd-forbidden'
  | 'input-multiple-roots'
  | 'input-unrecognized'
  /** A decoded, inflated or nested payload over a documented limit (src/core/limits.ts). */
  | 'input-too-large'
  /** A capture whose SAML values were all removed by a sanitizer (har-sanitizer, SAML-tracer masking): nothing left to decode. */
  | 'input-redacted';

/** Which documented limit an `input-too-large` error hit, and what was seen (docs/limits.md). */
export interface InputLimitHit {
  /** The constant's name in src/core/limits.ts, e.g. INFLATE_MAX_BYTES. */
  name: string;
  limit: number;
  /** What was seen when reading stopped: at least this much (bytes, characters, levels, messages). */
  seen: number;
  unit: 'bytes' | 'characters' | 'levels' | 'messages';
}

/** Errors are values: every decoder returns one of these instead of throwing. */
export interface InputError {
  code: InputErrorCode;
  message: string;
  /** Set on `input-too-large`. */
  limit?: InputLimitHit;
  /** 1-based, in the decoded XML, where the parser knows it. */
  line?: number;
  column?: number;
}

export type Result<T, E = InputError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <E>(error: E): Result<never, E> => ({ ok: false, error });

/**
 * The `detected` values of the JSON report: one per input form. Each decoder of
 * src/core/binding/decoders/ declares its own by adding a member here (TypeScript declaration
 * merging: `declare module '../../types' { interface DetectedFormats { har: true } }`), so a new
 * input form is one new file and one registry line, and this type follows.
 */
export interface DetectedFormats {}
export type DetectedFormat = keyof DetectedFormats;

export type Binding = 'HTTP-Redirect' | 'HTTP-POST' | null;

/**
 * One SAML payload pulled out of an input, before XML parsing. `xml` is the exact decoded
 * text (verification works on it; pretty-printing is for display only).
 */
export interface CapturedPayload {
  binding: Binding;
  /** Which form/query parameter carried it, when it came through a binding. */
  parameter: 'SAMLRequest' | 'SAMLResponse' | null;
  xml: string;
  relayState?: string;
  /** HTTP-Redirect only: the query-string signature parameters and the raw octets as received. */
  redirect?: RedirectSignatureParts;
  /** Where it was captured (HAR / SAML-tracer / URL). */
  url?: string;
  method?: string;
  /** ISO-8601 time of the HTTP exchange (HAR/SAML-tracer). */
  time?: string;
  /**
   * HAR / SAML-tracer: the HTTP answer of the exchange the message was captured in — for a
   * message the browser sent (query or POST body), what the server answered it (authentik's
   * 403 "CSRF verification failed" to a POST on its Redirect endpoint); for a message found in
   * a response's auto-submit form, that response.
   */
  httpResponse?: CapturedHttpResponse;
  /**
   * HAR / SAML-tracer: every HTTP exchange of the capture (also those without SAML), shared by
   * all the capture's payloads, and which one carried this payload — the evidence the
   * cross-exchange rules read (cookies, Date headers, loops).
   */
  capture?: CaptureLink;
  /** How the payload was encoded, for the summary ("base64 + raw DEFLATE", "zlib", …). */
  encoding: string[];
  /** Non-fatal remarks about the decoding (double URL-encoding repaired, padding added, …). */
  notes: string[];
  /**
   * Text that could not have crossed HTTP as received (lone UTF-16 surrogates in a RelayState
   * or parameter): repaired as a browser would and reported as `input-lone-surrogate` findings.
   */
  textRepairs?: TextRepair[];
}

export interface CapturedHttpResponse {
  /** Whether the message travelled in the request of this exchange or in its response (a form). */
  carriedIn: 'request' | 'response';
  status: number;
  statusText?: string;
  /** The Location header of a redirect. */
  location?: string;
  mimeType?: string;
  /** The body as readable text (tags stripped, whitespace collapsed), bounded (docs/limits.md). */
  bodyText?: string;
  bodyTruncated?: boolean;
  /** The HTTP `Date` response header as sent (RFC 9110 §6.6.1): the answering server's clock. */
  date?: string;
  /** Cookies the response set (`Set-Cookie`, RFC 6265bis §4.1), names and the attributes that decide whether they come back. */
  setCookies?: SetCookieSummary[];
}

export interface SetCookieSummary {
  name: string;
  /** The SameSite attribute as written (Strict, Lax, None), absent when unspecified (browsers then apply Lax). */
  sameSite?: string;
  secure: boolean;
  /** Max-Age ≤ 0 or an Expires in the past: the cookie is being deleted, not set. */
  deletes: boolean;
}

/** One HTTP exchange of a capture, reduced to what the evidence rules need (bounded: docs/limits.md). */
export interface CapturedExchange {
  /** ISO-8601 start time; SAML-tracer records none per request. */
  time?: string;
  url: string;
  method: string;
  /** Names of the cookies the request sent (HAR `cookies`, else the Cookie header). */
  cookiesSent: string[];
  /** The `Origin` request header, when recorded (a cross-site form POST sends it). */
  origin?: string;
  response?: CapturedHttpResponse;
}

/** What a capture tool or sanitizer removed from the file (reported by the `capture-sanitized` finding). */
export interface CaptureRemoval {
  what: 'cookies' | 'saml-values' | 'masked-values' | 'cookie-attributes';
  /** How it was recognised, for the reader ("Chrome's sanitized HAR export", "[SAMLResponse redacted]"). */
  detail: string;
  count: number;
}

export interface CaptureEvidence {
  source: 'har' | 'saml-tracer';
  /**
   * The browser that recorded the capture, when the file says (HAR `log.browser.name`, else
   * `log.creator.name`: "WebInspector" for Chrome's DevTools, "Firefox"): whether a cookie
   * without SameSite is treated as Lax depends on it.
   */
  browser?: string;
  exchanges: CapturedExchange[];
  /** More exchanges than CAPTURE_MAX_EXCHANGES: the rest are not kept. */
  truncated: boolean;
  /** HTTP exchanges in the file (HAR entries, SAML-tracer requests), kept or not: with `exchanges.length`, what was dropped. */
  exchangesInFile: number;
  removals: CaptureRemoval[];
}

export interface CaptureLink {
  evidence: CaptureEvidence;
  /** Index in evidence.exchanges of the exchange this payload was captured in. */
  exchange: number;
  carriedIn: 'request' | 'response';
}

export interface TextRepair {
  /** Which value: "RelayState", "SAMLResponse"… */
  field: string;
  /** Lone surrogates replaced by U+FFFD. */
  loneSurrogates: number;
}

/**
 * SAML bindings §3.4.4.1: the query signature covers the parameters exactly as they were
 * URL-encoded on the wire, so they are kept as raw octets (strings of the raw query, not decoded).
 */
export interface RedirectSignatureParts {
  /** e.g. "SAMLRequest=fZJ...%3D" — exactly as in the received query string */
  rawMessageParam: string;
  rawRelayStateParam?: string;
  rawSigAlgParam?: string;
  /** decoded values */
  sigAlg?: string;
  signature?: string;
  /** the raw query string (without leading '?') as received */
  rawQuery: string;
}

/** What the detector found in one input. */
export interface DecodedInput {
  detected: DetectedFormat | null;
  errors: InputError[];
  payloads: CapturedPayload[];
}

export type MessageKind =
  | 'AuthnRequest'
  | 'Response'
  | 'LogoutRequest'
  | 'LogoutResponse'
  | 'EntityDescriptor'
  | 'EntitiesDescriptor'
  | 'ArtifactResponse'
  | 'Unknown';

export interface StatusSummary {
  code: string | null;
  subcode: string | null;
  message: string | null;
}

export interface NameIdSummary {
  value: string;
  format: string | null;
  nameQualifier?: string | null;
  spNameQualifier?: string | null;
}

export interface AssertionSummary {
  id: string | null;
  issuer: string | null;
  issueInstant: string | null;
  nameId: NameIdSummary | null;
  audiences: string[];
  recipient: string | null;
  inResponseTo: string | null;
  /** SubjectConfirmationData NotOnOrAfter */
  subjectNotOnOrAfter: string | null;
  notBefore: string | null;
  notOnOrAfter: string | null;
  sessionNotOnOrAfter: string | null;
  authnInstant: string | null;
  authnContextClassRef: string | null;
  attributes: Record<string, string[]>;
  /** Attribute details for the table: name, friendly name, name format, values. */
  attributeDetails: AttributeDetail[];
  encrypted: boolean;
  /** Received encrypted and decrypted with an SP key the user gave (the fields above are the plaintext's). */
  decrypted?: boolean;
}

export interface AttributeDetail {
  name: string;
  friendlyName: string | null;
  nameFormat: string | null;
  values: string[];
}

export interface EndpointSummary {
  binding: string;
  location: string;
  responseLocation?: string | null;
  index?: number | null;
  isDefault?: boolean | null;
}

export interface KeyDescriptorSummary {
  use: 'signing' | 'encryption' | null;
  /**
   * Each X509Certificate's base64 DER as written in the metadata, white space included
   * (summarize.ts says why); `withoutWhitespace` (encoding/whitespace.ts) gives it compact.
   */
  certificates: string[];
}

export interface RoleDescriptorSummary {
  role: 'IDPSSODescriptor' | 'SPSSODescriptor' | string;
  protocolSupportEnumeration: string | null;
  wantAuthnRequestsSigned?: boolean | null;
  authnRequestsSigned?: boolean | null;
  wantAssertionsSigned?: boolean | null;
  singleSignOnServices: EndpointSummary[];
  singleLogoutServices: EndpointSummary[];
  assertionConsumerServices: EndpointSummary[];
  nameIdFormats: string[];
  keyDescriptors: KeyDescriptorSummary[];
}

export interface EntitySummary {
  entityId: string;
  validUntil: string | null;
  cacheDuration: string | null;
  roles: RoleDescriptorSummary[];
  /** mdui:DisplayName (English first), else md:OrganizationDisplayName; absent when neither is given. */
  displayName?: string;
  /** The earliest notAfter of the entity's certificates (set with the metadata overview); absent when none is readable. */
  earliestKeyNotAfter?: string;
}

export interface MetadataSummary {
  validUntil: string | null;
  entities: EntitySummary[];
  /** What an aggregate amounts to, in a few lines (set by inspect, which knows the evaluation instant). */
  overview?: MetadataOverview;
}

/**
 * A metadata document in proportion: counts, keys and expiry instead of thousands of entity
 * summaries (docs/contract.md, JSON report: `metadata.overview`).
 */
export interface MetadataOverview {
  entityCount: number;
  /** Role descriptors by local name: `{ IDPSSODescriptor: 1200, SPSSODescriptor: 3400 }`. */
  roles: Record<string, number>;
  keys: {
    /** KeyDescriptors by use (`unspecified`: no use attribute, so both). */
    signing: number;
    encryption: number;
    unspecified: number;
    /** Distinct certificates (by their base64 text). */
    certificates: number;
    expired: number;
    /** Not expired, but expiring within 30 days of the evaluation instant. */
    expiringWithin30Days: number;
    /** Certificates whose DER could not be read (their validity is unknown). */
    unreadable: number;
    /** The certificate that expires first, and an entity that publishes it. */
    earliestNotAfter: { notAfter: string; entityId: string } | null;
  };
  /** Entities with no KeyDescriptor usable for signing in any role. */
  entitiesWithoutSigningKey: number;
  /** Entities whose own validUntil has passed at the evaluation instant. */
  entitiesExpired: number;
}

/** Parsed certificate, via @peculiar/x509. */
export interface CertificateSummary {
  subject: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  serialNumber: string;
  publicKeyAlgorithm: string;
  sha1Fingerprint: string; // "AB:CD:…"
  sha256Fingerprint: string;
  /** base64 DER */
  der: string;
  /** where it was found: "KeyInfo of Signature 1", "metadata signing key of https://…" */
  foundIn: string;
}

export interface MessageSummary {
  kind: MessageKind;
  /** Namespace URI and local name of the root element. */
  rootName: string;
  id: string | null;
  issuer: string | null;
  destination: string | null;
  inResponseTo: string | null;
  issueInstant: string | null;
  version: string | null;
  status: StatusSummary | null;
  assertions: AssertionSummary[];
  /** AuthnRequest fields */
  authnRequest?: {
    assertionConsumerServiceURL: string | null;
    assertionConsumerServiceIndex: string | null;
    protocolBinding: string | null;
    nameIdPolicyFormat: string | null;
    allowCreate: boolean | null;
    forceAuthn: boolean | null;
    isPassive: boolean | null;
    requestedAuthnContext: { comparison: string | null; classRefs: string[] } | null;
  };
  /** LogoutRequest fields */
  logoutRequest?: { nameId: NameIdSummary | null; sessionIndexes: string[]; reason: string | null; notOnOrAfter: string | null };
  metadata?: MetadataSummary;
}

// ---- signatures (CONTRACT §2) ----

export type SignatureVerdict = 'valid' | 'invalid' | 'untrusted' | 'unsupported';

export interface ReferenceReport {
  uri: string;
  digestAlgorithm: string;
  digestValid: boolean;
  transforms: string[];
  expectedDigest: string;
  computedDigest: string | null;
  /** ID of the element the reference resolved to, and its local name. */
  resolvedTo: { id: string; localName: string } | null;
  /** Canonicalized octets that were digested (UTF-8 text), for diffing against another tool. */
  canonicalForm: string | null;
}

export interface SignatureReport {
  target: 'Response' | 'Assertion' | 'AuthnRequest' | 'LogoutRequest' | 'LogoutResponse' | 'EntityDescriptor' | 'EntitiesDescriptor' | 'query' | string;
  targetId: string | null;
  signatureAlgorithm: string;
  canonicalization: string;
  references: ReferenceReport[];
  verdict: SignatureVerdict;
  /** Human-readable reason for the verdict. */
  reason: string;
  key: {
    source: 'metadata' | 'cert' | 'keyinfo' | 'none';
    sha256Fingerprint: string | null;
    subject?: string | null;
    /** which trust anchor matched (its description) */
    anchor?: string | null;
    /** The matched anchor's scope and (entity, role) bindings (absent for KeyInfo keys). */
    scope?: TrustAnchor['scope'] | null;
    bindings?: AnchorBinding[];
  };
  /**
   * The entity and role the signed element claims (its Issuer, or the Response's assertion's
   * Issuer when the Response has none), against which anchors were judged.
   */
  claimedSigner?: { issuer: string | null; issuerFrom: string; roles: AnchorRole[]; element: string } | null;
  /** Each trust anchor whose key verifies SignedInfo, and whether it is accepted for `claimedSigner`. */
  anchorDecisions?: AnchorDecision[];
  /** Canonicalized SignedInfo (UTF-8 text). */
  signedInfoCanonical: string | null;
  /** The ds:Signature element's position (1-based) in document order. */
  index: number;
  /** Certificates in this signature's KeyInfo. */
  keyInfoCertificates: CertificateSummary[];
}

// ---- findings (CONTRACT §2/§3) ----

export type { Severity } from './findings/severity';

/**
 * The profile names. Each profile file (src/core/profiles/<name>.ts) adds its own with
 * `declare module '../types' { interface ProfileNames { '<name>': true } }`, so this layer names
 * them without importing the profiles, and a new profile touches no file here;
 * profiles/registry.ts checks at compile time that the registered profiles are exactly these.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ProfileNames {}
export type ProfileName = keyof ProfileNames & string;

export interface Finding {
  code: string;
  severity: Severity;
  title: string;
  explanation: string;
  /** Profile-neutral or profile-worded (src/core/profiles), never surface-specific: the page and the CLI add their own sentence (fixText). */
  fix: string;
  /** In the pretty-printed XML shown to the user (null for findings with no XML, such as OIDC). */
  location: { line: number; column: number } | null;
  references?: string[];
  /** The situation and values the fix was worded from, and the sentence each surface adds (core/findings/fix.ts). */
  fixParts?: FixParts;
  /** Measured values of a capture-evidence finding (docs/contract.md): `skewSeconds`, `cookies`, `count`, `urls`. */
  evidence?: Record<string, number | string | string[]>;
  /**
   * Where the page lists it: its rule's category, or the verifier code's (diagnosis/categories.ts),
   * set in the worker so the page groups findings without loading the rule registry. Not in the JSON report.
   */
  category?: CategoryId;
}

// ---- trust ----

/**
 * The role a trust anchor's key plays for its entity (SAML metadata §2.4: a KeyDescriptor
 * belongs to one RoleDescriptor). `metadata-publisher`: the key a pasted metadata document
 * (typically a federation aggregate) was signed with; it anchors metadata only.
 */
export type AnchorRole = 'IDPSSODescriptor' | 'SPSSODescriptor' | 'metadata-publisher' | string;

/** One (entity, role) a metadata document binds a key to. */
export interface AnchorBinding {
  entityId: string;
  role: AnchorRole;
}

export interface TrustAnchor {
  /** base64 DER certificate (when the anchor is a certificate) */
  certificateDer: string | null;
  /** SubjectPublicKeyInfo, base64 DER: keys are matched by public key */
  spkiDer: string;
  sha256Fingerprint: string | null;
  subject: string | null;
  source: 'metadata' | 'cert';
  /** "signing key 1 of https://idp.example.com (metadata)" */
  description: string;
  /**
   * CONTRACT §2: `any-issuer` for a certificate given without metadata (no entity attached);
   * `entity` when the key is bound to the (entity, role) pairs in `bindings` — a key published by
   * several entities or roles carries all of them.
   */
  scope: 'any-issuer' | 'entity';
  bindings: AnchorBinding[];
}

/** Why an anchor's key, which verifies the signature, was or was not accepted for the signed element's Issuer. */
export interface AnchorDecision {
  /** The anchor's description. */
  anchor: string;
  scope: TrustAnchor['scope'];
  bindings: AnchorBinding[];
  accepted: boolean;
  /** `signature-key-wrong-entity` / `signature-key-wrong-role` when not accepted. */
  code: 'signature-key-wrong-entity' | 'signature-key-wrong-role' | null;
  reason: string;
}

export interface InspectOptions {
  /** Trusted metadata documents (XML text) and certificates (PEM / base64 DER / <X509Certificate>). */
  trust?: string[];
  /** The size from which an EntitiesDescriptor is read in parts (default AGGREGATE_IN_PARTS_MIN_CHARS): lower in tests and in the worker's warm-up (ui/worker/aggregateWarmUp.ts). */
  aggregateInPartsMinChars?: number;
  /** Evaluation instant, default now. */
  at?: Date;
  skewSeconds?: number;
  spEntityId?: string;
  acsUrl?: string;
  idpEntityId?: string;
  requestId?: string;
  profile?: ProfileName;
  /**
   * The SP's private keys (PEM PKCS#8 or PKCS#1), to decrypt EncryptedAssertion, EncryptedID and
   * EncryptedAttribute. Secret: used here only, never copied into the report.
   */
  decryptionKeys?: string[];
  /**
   * An incremental digest the host offers for the streamed digest of a large aggregate
   * (core/aggregate/read-in-parts.ts): the CLI passes node:crypto's native hashes, which take a
   * 10 MB aggregate's canonical octets in a tenth of the time. Null (or no function) for a hash it
   * lacks: @noble/hashes is used then, as in the browser (WebCrypto has no incremental digest).
   */
  incrementalDigest?: (hash: 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512') => IncrementalDigest | null | undefined;
}

/** A hash fed in parts: `update` as often as needed, then `digest` once. */
export interface IncrementalDigest {
  update(bytes: Uint8Array): unknown;
  digest(): Uint8Array;
}

// ---- decryption (XML Encryption; src/core/xenc/) ----

/** Public identification of an SP private key (never the key itself). */
export interface DecryptionKeySummary {
  index: number;
  /** "SP key 1 (RSA 2048-bit, SPKI SHA-256 AB:CD:…)" */
  label: string;
  spkiSha256: string;
}

/** What happened to one EncryptedData: shown in the UI and in the JSON report's `decryption`. */
export interface DecryptionTrace {
  /** The SAML element that held it: EncryptedAssertion, EncryptedID, EncryptedAttribute. */
  element: string;
  encryptedDataId: string | null;
  /** Block encryption algorithm URI (XML Encryption 1.1 §5.2). */
  blockCipher: string | null;
  /** Key transport algorithm URI of the EncryptedKey that worked (or the first one tried). */
  keyTransport: string | null;
  /** OAEP label digest and MGF1 hash actually used ("SHA-256"), when OAEP. */
  oaepDigest: string | null;
  oaepMgf: string | null;
  /** Where the EncryptedKey was found (inline, RetrievalMethod, sibling). */
  encryptedKeyFoundBy: string | null;
  /** Certificates named in the EncryptedKey's KeyInfo, and which given key (1-based) is theirs. */
  recipientCertificates: { subject: string | null; sha256Fingerprint: string; matchingKey: number | null }[];
  /** The key that decrypted it. */
  key: DecryptionKeySummary | null;
  /** WebCrypto, or node-forge where WebCrypto cannot do it (OAEP with another MGF1 hash, PKCS#1 v1.5). */
  rsaImplementation: 'WebCrypto' | 'node-forge' | null;
  outcome: 'ok' | 'failed';
  error: { code: string; message: string } | null;
  /** One line per key tried. */
  attempts: string[];
  /** The decrypted octets (UTF-8 text), when decryption succeeded. */
  decryptedXml: string | null;
}

/** Decryption of one message, present when SP keys were given and the message holds encrypted content. */
export interface MessageDecryption {
  /** ok: everything decrypted; partial: some; failed: nothing. */
  outcome: 'ok' | 'partial' | 'failed';
  items: DecryptionTrace[];
}

/** One decoded, parsed and analysed message (the CONTRACT §2 message plus what the UI needs). */
export interface InspectedMessage extends MessageSummary {
  binding: Binding;
  payload: CapturedPayload;
  /** Pretty-printed XML for display; line numbers in findings refer to it. */
  prettyXml: string;
  certificates: CertificateSummary[];
  signatures: SignatureReport[];
  trusted: boolean;
  findings: Finding[];
  /** authentik's `properties` dictionary built from the consumed assertion's attributes. */
  authentikProperties: Record<string, string | string[]>;
  /** Per-message parse error, when this payload did not parse (HAR with one bad message). */
  error?: InputError;
  /** XML Encryption: present when SP private keys were given and the message holds encrypted content. */
  decryption?: MessageDecryption;
  /** The expectations the rules checked this message against, each with where it came from. */
  expectations?: Partial<Record<'spEntityId' | 'acsUrl' | 'idpEntityId' | 'requestId', { value: string; source: string; detail: string }>>;
}

export interface InspectReport {
  source: string;
  detected: DetectedFormat | null;
  errors: InputError[];
  messages: InspectedMessage[];
  trustAnchors: TrustAnchor[];
  /** Errors about the trust input itself (unparseable metadata/certificate). */
  trustErrors: InputError[];
  evaluatedAt: string;
  /** Active diagnosis profile and whether it was recognised from the messages (not chosen). */
  profile?: { name: ProfileName; detected: boolean };
  skewSeconds?: number;
  /** The SP private keys given for decryption (public identification only) and the ones that could not be read. */
  decryptionKeys?: DecryptionKeySummary[];
  decryptionKeyErrors?: { code: string; message: string }[];
}

/**
 * A finding as produced inside the core, anchored to a DOM node; inspect.ts turns the node
 * into a line/column of the pretty-printed XML (Finding.location).
 */
/** What a finding says, without where in the XML it is: OIDC findings (a token has no XML) are these. */
export type FindingText = Omit<Finding, 'location'>;

export interface RawFinding extends FindingText {
  node?: Node | null;
}
