// The security-critical core that mutation testing covers, split into scopes that can be run
// alone (`npm run mutation -- <scope>`). Each scope names the production files Stryker mutates
// and the unit tests that judge them. Tests that spawn xmlsec1/xmllint over whole corpora
// (xmlsec-oracle, c14n/xmlsec-corpus, c14n/xmllint-corpus) and the corpus sweeps in
// diagnosis/corpus.test.ts and share/roundtrip.test.ts are left out: Stryker reruns every covering test for every mutant, and
// those files alone take ~40 s per run, which would make one scope take hours. The mutants
// they would kill are killed by the fast tests listed here (see docs/mutation.md).

const SLOW = [
  'src/core/dsig/xmlsec-oracle.test.ts',
  'src/core/dsig/c14n/xmlsec-corpus.test.ts',
  'src/core/dsig/c14n/xmllint-corpus.test.ts',
  'src/core/diagnosis/corpus.test.ts',
  'src/core/share/roundtrip.test.ts',
];

/** @type {Record<string, { mutate: string[]; tests: string[] }>} */
export const SCOPES = {
  c14n: {
    mutate: ['src/core/dsig/c14n/index.ts'],
    tests: ['src/core/dsig/c14n/*.test.ts'],
  },
  dsig: {
    mutate: ['src/core/saml-signatures/redirect.ts', 'src/core/dsig/keys.ts', 'src/core/dsig/algorithms.ts'],
    tests: ['src/core/dsig/*.test.ts', 'src/core/saml-signatures/*.test.ts'],
  },
  // verify.ts alone: the largest file, and the one most often changed (XML-DSig in dsig/, what
  // a SAML relying party consumes in saml-signatures/).
  verify: {
    mutate: ['src/core/dsig/verify.ts', 'src/core/saml-signatures/verify.ts', 'src/core/saml-signatures/signer-policy.ts'],
    tests: ['src/core/dsig/*.test.ts', 'src/core/saml-signatures/*.test.ts'],
  },
  x509: {
    mutate: ['src/core/trust/anchors.ts'],
    // No unit test of its own yet besides ours; golden.test.ts reaches it through inspectInput.
    tests: ['src/core/trust/*.test.ts', 'src/core/dsig/golden.test.ts'],
  },
  rules: {
    // timeline.ts holds the NotBefore/NotOnOrAfter comparisons time-validity.ts reports on.
    mutate: ['src/core/rules/signature-policy.ts', 'src/core/rules/time-validity.ts', 'src/core/diagnosis/timeline.ts'],
    tests: ['src/core/rules/*.test.ts', 'src/core/diagnosis/timeline.test.ts', 'src/core/diagnosis/expectations.test.ts'],
  },
  share: {
    mutate: ['src/core/share/redact.ts'],
    // The redaction tests only (redact.test.ts, redact-masks.test.ts): state.test.ts covers
    // redact.ts too but takes ~10 s per run (Stryker estimated 4 h for this scope with it).
    tests: ['src/core/share/redact*.test.ts'],
  },
  oidc: {
    mutate: ['src/core/oidc/verifySignature.ts', 'src/core/oidc/validateClaims.ts'],
    tests: ['src/core/oidc/*.test.ts'],
  },
};

export const EXCLUDED_TESTS = SLOW;

/**
 * Resolve `MUTATION_SCOPE` (comma-separated scope names, or files/globs under src/) to the
 * files to mutate and the tests to run. Empty means every scope.
 */
export function resolveScope(value = process.env.MUTATION_SCOPE ?? '') {
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) names.push(...Object.keys(SCOPES));
  const mutate = [];
  const tests = [];
  for (const name of names) {
    const scope = SCOPES[name.replace(/\/$/, '')];
    if (scope) {
      mutate.push(...scope.mutate);
      tests.push(...scope.tests);
      continue;
    }
    // A single file (or glob) inside one of the scopes: mutate it, run that scope's tests.
    const owner = Object.values(SCOPES).find((s) => s.mutate.some((m) => m === name || m.endsWith(`/${name}`) || name.startsWith(m.replace(/[^/]*$/, ''))));
    if (!owner) throw new Error(`Unknown mutation scope "${name}". Use one of: ${Object.keys(SCOPES).join(', ')}, or a file inside them.`);
    mutate.push(name.startsWith('src/') ? name : owner.mutate.find((m) => m.endsWith(`/${name}`)) ?? name);
    tests.push(...owner.tests);
  }
  return { label: names.join('+').replace(/[^\w+.-]+/g, '_'), mutate: [...new Set(mutate)], tests: [...new Set(tests)] };
}
