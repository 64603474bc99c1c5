// Every resource limit of the core, declared once. docs/limits.md is the table users read: keep
// the two in step. Hostile input is bounded by these before any work proportional to it is done;
// each limit hit becomes a finding or a typed input error (`input-too-large`,
// `signature-limit-exceeded`, `oidc-*`), never an exception.

// ── Inputs: decoding, inflating, containers (binding/, share/) ───────────────────────────────

// ── XML-DSig: signatures, references, transforms, KeyInfo (dsig/, x509/) ────────────────────

// ── OpenID Connect: tokens, JSON, keys, CEL (oidc/) ──────────────────────────────────────────

// ── Run time: the worker's watchdog (ui/) ────────────────────────────────────────────────────
export {};
