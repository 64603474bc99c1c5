// Every resource limit of the core, declared once. docs/limits.md is the table users read: keep
// the two in step. Hostile input is bounded by these before any work proportional to it is done;
// each limit hit becomes a finding or a typed input error (`input-too-large`,
// `signature-limit-exceeded`, `oidc-*`), never an exception.

// ── Inputs: decoding, inflating, containers (binding/, share/) ───────────────────────────────
// Sizes are in bytes of decoded data, or UTF-16 code units of text (JavaScript string length).
// Each is far above any genuine SAML exchange (the largest real Responses are a few hundred KB,
// browsers cap URLs at 2 MiB) and far below what exhausts a browser tab.

/**
 * Raw input text (a paste, a file, stdin): UTF-16 code units of the string handed to the
 * decoder; the CLI applies it to the bytes it reads (a UTF-8 file never has fewer bytes than
 * characters), so it stops reading a larger file or stream at the limit.
 */
export const INPUT_MAX_CHARS = 64 * 1024 * 1024;
/**
 * Raw input that is one XML document (it starts with `<`): a federation aggregate is one
 * document and far larger than any message (UK federation ~60 MB in 2020, eduGAIN ~80 MB and
 * growing), so bare XML may be four times INPUT_MAX_CHARS. Containers (HAR, base64, forms)
 * keep INPUT_MAX_CHARS: they hold messages, not aggregates. 256 Mi stays below V8's ~512 Mi
 * string limit; memory and time at this size are measured by `npm run bench:aggregates`
 * (docs/performance.md, "Aggregates up to 256 MB").
 */
export const XML_DOCUMENT_MAX_CHARS = 256 * 1024 * 1024;
/**
 * From this size an EntitiesDescriptor is read one entity at a time (core/aggregate/): each
 * entity is canonicalized into the root signature's digest, summarized and let go, so memory
 * stays a small multiple of the input (docs/performance.md, "Aggregates up to 256 MB"). Below it
 * the whole-document path is as fast and keeps every element for line numbers.
 */
export const AGGREGATE_IN_PARTS_MIN_CHARS = 8 * 1024 * 1024;
/** How far into an input to look for the `<` that makes it one XML document (BOM and whitespace before it). */
export const XML_DOCUMENT_SNIFF_CHARS = 4096;
/**
 * Bytes one base64 value may decode to, computed from its length before decoding (3 bytes per
 * 4 characters, RFC 4648 §4), so an oversized value is refused without allocating its bytes.
 */
export const BASE64_MAX_DECODED_BYTES = 16 * 1024 * 1024;
/**
 * Bytes one DEFLATE / zlib stream may inflate to. DEFLATE expands at most ~1032:1 (RFC 1951: a
 * 258-byte match per ~2 bits), so a 2 MiB Redirect URL could claim 2 GB; inflation is streamed
 * and stops at this limit instead of materialising the output.
 */
export const INFLATE_MAX_BYTES = 16 * 1024 * 1024;
/**
 * Bytes of SAML XML decoded from one input in total (every payload of a HAR or SAML-tracer
 * export together), so 500 payloads each just under the per-payload limits cannot add up.
 */
export const INPUT_MAX_DECODED_TOTAL_BYTES = 64 * 1024 * 1024;
/**
 * Containers opened inside one another: a share link holding a pasted form holding base64
 * holding another base64 value… Each level is a decoding step; real captures need at most 3.
 */
export const CONTAINER_MAX_DEPTH = 4;
/** SAML messages taken from one HAR file or SAML-tracer export; later ones are not decoded. */
export const CAPTURE_MAX_PAYLOADS = 500;
/**
 * Characters of an HTTP response body in a HAR entry read to show what the server answered (a
 * 403 "CSRF verification failed" page, an error page): the text shown is taken from at most this
 * much of the body, so a megabyte page costs no more than a small one.
 */
export const CAPTURE_RESPONSE_SCAN_MAX_CHARS = 256 * 1024;
/** Characters of readable text kept from that body (tags stripped, whitespace collapsed) per HTTP exchange. */
export const CAPTURE_RESPONSE_TEXT_MAX_CHARS = 2000;
// --- Capture evidence (HTTP exchanges of a HAR / SAML-tracer file, read by the evidence rules) ---
/** HTTP exchanges of one capture kept as evidence (time, URL, cookie names, Date); later ones are dropped. */
export const CAPTURE_MAX_EXCHANGES = 5000;
/** Cookie names kept per exchange, sent and set each. */
export const CAPTURE_MAX_COOKIES_PER_EXCHANGE = 64;
/** Characters kept of a URL, cookie name or header value in that evidence. */
export const CAPTURE_EVIDENCE_MAX_CHARS = 2048;
/**
 * Nesting of arrays and objects in JSON input (HAR, SAML-tracer, parameters as JSON, share
 * state). HAR 1.2 needs 6 levels; measured by a scan before JSON.parse builds anything.
 */
export const JSON_MAX_DEPTH = 64;
/** Bytes a `#share=` link may inflate to (the state's JSON: input, trust, expectations). */
export const SHARE_MAX_INFLATED_BYTES = 32 * 1024 * 1024;
/** Characters of a `#share=` fragment: Chromium refuses longer URLs (content::kMaxURLChars, 2 MiB). */
export const SHARE_MAX_FRAGMENT_CHARS = 2 * 1024 * 1024;

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

// ── Metadata tools: lint, diff, pair, rollover (mdtools/) ────────────────────────────────────
/**
 * The metadata tools read federation aggregates, which are far larger than any SAML message:
 * eduGAIN's is ~80 MB, InCommon's ~60 MB (2026). docs/limits.md (section "Metadata tools").
 */
export const METADATA_LIMITS = {
  /**
   * Characters of one metadata document (UTF-16 code units; the CLI applies it to bytes). Twice
   * the largest aggregate published today; V8 strings stop at ~512 Mi characters.
   */
  inputChars: 256 * 1024 * 1024,
  /**
   * WebAssembly memory for libxml2's schema validation, in 64 KiB pages: 4 GiB, the wasm32
   * maximum. A 100 MB aggregate peaks below it (docs/metadata.md); beyond it the check reports
   * `md-schema-not-checked` instead of a verdict.
   */
  schemaMaxMemoryPages: 65536,
  /** Schema errors kept per document; the rest are counted, not listed (a broken aggregate has millions). */
  schemaErrorsKept: 1000,
  /** Findings of one code listed per entity: a role with 500 http: endpoints is one problem, not 500. */
  findingsPerCodePerEntity: 20,
} as const;

// ---- What the page receives and renders (issue 10 point 4, issue 15; docs/limits.md "Run time") ----
// Not limits on what is inspected (the core inspects everything within the limits above) but on
// what crosses from the inspection worker to the page and what the page lays out at once.

export const PAGE_LIMITS = {
  /**
   * Characters of a captured URL in the message overview the page receives: a Redirect URL
   * carries its whole deflated message (up to the base64 limit); the list needs its host and path.
   */
  overviewUrlChars: 2048,
  /** Rows a long list (messages, findings, attributes, entities) renders first, then per slice. */
  listFirstSlice: 100,
  listNextSlice: 200,
  /** Characters above which a text enters the code editor only when the user opens it (a 10 MB model build is a task of seconds). */
  editorHugeChars: 4 * 1024 * 1024,
  /**
   * Bytes above which an opened, dropped or pasted file is handed to the inspection worker as a
   * File and never read on the page: a 256 MB aggregate read with File.text() on the page is a
   * 256 MB string there, posted again to the worker. Equal to editorHugeChars: past it the editor
   * would not show the text anyway.
   */
  fileInputMinBytes: 4 * 1024 * 1024,
  /**
   * A message whose XML is longer than editorHugeChars reaches the page as its first this many
   * characters (cut at a line end): the worker keeps the whole, the XML view shows the start.
   */
  xmlStartChars: 64 * 1024,
} as const;
/**
 * Wall-clock budget of one metadata run in the page's worker (lint, diff, pair, rollover): an
 * 80 MB federation aggregate takes tens of seconds there (docs/metadata.md), far above
 * RUN_TIME_BUDGET_MS, which is sized for one SAML message.
 */
export const METADATA_RUN_TIME_BUDGET_MS = 180_000;
