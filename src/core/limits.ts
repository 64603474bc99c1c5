// Every resource limit of the core, declared once. docs/limits.md is the table users read: keep
// the two in step. Hostile input is bounded by these before any work proportional to it is done;
// each limit hit becomes a finding or a typed input error (`input-too-large`,
// `signature-limit-exceeded`, `oidc-*`), never an exception.

// ── Inputs: decoding, inflating, containers (binding/, share/) ───────────────────────────────

// ── XML-DSig: signatures, references, transforms, KeyInfo (dsig/, x509/) ────────────────────

// ── OpenID Connect: tokens, JSON, keys, CEL (oidc/) ──────────────────────────────────────────

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
