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

/**
 * OpenID Connect (src/core/oidc/). Each is checked before the work it bounds; docs/limits.md
 * (section "OpenID Connect") gives the code reported when one is hit.
 */
export const OIDC_LIMITS = {
  /** Characters of the pasted token / URL / token response. Real ID tokens are 1–16 KB. */
  inputLength: 256 * 1024,
  /** Characters of the pasted keys text (JWKS, JWK, PEM). A real JWKS is a few KB. */
  keysTextLength: 1024 * 1024,
  /** Nesting of JSON arrays/objects in a header, payload, token response or JWKS. */
  jsonDepth: 64,
  /** Keys read from the pasted text; the rest are ignored with `oidc-key-limit`. */
  keysInInput: 100,
  /** Keys a signature is tried against (kid matches first); the rest are not tried. */
  keysTried: 20,
  /** RSA modulus, bits: BoringSSL's and OpenSSL's verification maximum (OPENSSL_RSA_MAX_MODULUS_BITS). */
  rsaModulusMaxBits: 16384,
  /** RSA modulus below this is not a key anybody signs with (RFC 7518 §3.3 wants ≥ 2048; 512 is the floor we parse). */
  rsaModulusMinBits: 512,
  /** RSA public exponent, bits: BoringSSL refuses e above 33 bits (kMaxExponentBits). */
  rsaExponentMaxBits: 33,
  /** Base64url characters of any one key member (n, e, x, y, k) before it is decoded. */
  keyMemberLength: 4096,
  /** Characters of the CEL authorization expression (cel-go's default is 100,000 code points; Exoscale's are a line). */
  celExpressionLength: 4096,
  /** Nesting of the CEL expression: brackets in the text, then depth of the parsed tree (cel-go's parser: 250). */
  celExpressionDepth: 100,
  /**
   * Cost units of one evaluation: each function/operator call costs 1 plus the size of its
   * arguments (1 per list/map element, counted deeply, and 1 per 10 characters or bytes; for a
   * concatenation `+`, 1 per 10 top-level elements or characters); each comprehension
   * (all/exists/map/filter) costs the size of its range and 1 per iteration; matches() 40 per
   * estimated regex instruction. 100,000 units take 0.1–0.3 s here.
   */
  celCost: 100_000,
  /** Estimated instructions of one compiled regular expression in matches() (counted repetitions expanded). */
  celRegexProgramSize: 2_000,
  /** Characters (or bytes) of a string a CEL function returns. */
  celResultStringLength: 100_000,
  /** Elements of a list or map a CEL function returns. */
  celResultElements: 10_000,
} as const;

// ── Run time: the worker's watchdog (ui/) ────────────────────────────────────────────────────
/**
 * Wall-clock budget of one run in the page's inspection worker (inspectInput, inspectOidc,
 * share-link decoding and redaction). Past it the watchdog terminates the worker, starts a
 * fresh one and reports `run-timeout`: the limits above bound every known amplification, this
 * is the backstop for the ones nobody found yet. 15 s is ~100 times a 5 KB Response (~50 ms
 * in Chromium on a laptop) and well under the ~30 s after which users assume a hang.
 */
export const RUN_TIME_BUDGET_MS = 15_000;
/** A run still going after this long shows its elapsed time against the budget and a Cancel button. */
export const RUN_SLOW_NOTICE_MS = 400;
/** The lowest budget a test may set (ui/worker/runBudget.ts): below it even a trivial run would time out. */
export const RUN_TIME_BUDGET_MIN_MS = 50;
