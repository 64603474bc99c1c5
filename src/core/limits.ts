// Every resource limit of the core, declared once. docs/limits.md is the table users read: keep
// the two in step. Hostile input is bounded by these before any work proportional to it is done;
// each limit hit becomes a finding or a typed input error (`input-too-large`,
// `signature-limit-exceeded`, `oidc-*`), never an exception.

// ── Inputs: decoding, inflating, containers (binding/, share/) ───────────────────────────────

// ── XML-DSig: signatures, references, transforms, KeyInfo (dsig/, x509/) ────────────────────
// Real messages are far below these: across the 225 third-party files of the test corpus the
// maxima are 1 Reference per Signature, 3 Signatures per document, 3 Transforms per Reference and
// 1 certificate per KeyInfo. The limits leave room for SOAP-style multi-part signatures and
// certificate chains. Over a limit: `signature-limit-exceeded` (error), that signature is not
// computed (verdict `unsupported`, never `valid`) and the message is not `trusted`.

/** ds:Reference elements in one SignedInfo (corpus maximum 1). */
export const MAX_REFERENCES_PER_SIGNATURE = 8;
/** ds:Signature elements in one document (corpus maximum 3: Response, Assertion, Advice). */
export const MAX_SIGNATURES_PER_DOCUMENT = 32;
/** ds:Transform elements in one Reference (corpus maximum 3). */
export const MAX_TRANSFORMS_PER_REFERENCE = 8;
/** ds:X509Certificate elements in one KeyInfo (corpus maximum 1; chains have 2-4). */
export const MAX_CERTIFICATES_PER_KEYINFO = 8;
/**
 * References digested when no key verifies SignedInfo: nothing in it is authentic, so its
 * References are digested only far enough to say whether the content changed too.
 */
export const DIGESTS_WITHOUT_VERIFIED_KEY = 1;

// ── OpenID Connect: tokens, JSON, keys, CEL (oidc/) ──────────────────────────────────────────

// ── Run time: the worker's watchdog (ui/) ────────────────────────────────────────────────────
export {};
