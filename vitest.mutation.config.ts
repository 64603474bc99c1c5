// Vitest configuration for mutation runs only (`npm run mutation`, see docs/mutation.md):
// the fast unit tests of the scope being mutated, without the slow corpus/oracle sweeps.
import { defineConfig } from 'vitest/config';
// Plain ES module shared with stryker.config.mjs.
import { EXCLUDED_TESTS, resolveScope } from './scripts/mutation-scopes.mjs';

const scope = resolveScope() as { tests: string[] };

export default defineConfig({
  test: {
    include: scope.tests,
    exclude: ['**/node_modules/**', ...(EXCLUDED_TESTS as string[])],
    environment: 'node',
    // Lets a test skip itself openly in mutation runs (the one timed c14n test, see its comment).
    env: { SAMLSCOPE_MUTATION_RUN: '1' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
