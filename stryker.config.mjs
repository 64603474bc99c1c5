// Mutation testing of the security-critical core: `npm run mutation [-- <scope>]`.
// How to run it and what the numbers mean: docs/mutation.md.
import { resolveScope } from './scripts/mutation-scopes.mjs';

const scope = resolveScope();
const dir = `reports/mutation/${scope.label}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  mutate: scope.mutate,
  coverageAnalysis: 'perTest',
  // Two cores shared with other work: one test process unless STRYKER_CONCURRENCY says otherwise.
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 1),
  incremental: true,
  // One incremental file per scope, so running one scope never forgets another's results.
  incrementalFile: `${dir}/incremental.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `${dir}/index.html` },
  jsonReporter: { fileName: `${dir}/mutation.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: true },
  // Stryker rewrites tsconfig.json's extends/references in its sandbox through the TypeScript JS
  // API, which TypeScript 7 (the native compiler) no longer ships. Ours has neither, so point the
  // option at a file that does not exist and the rewrite is skipped.
  tsconfigFile: 'stryker-skips-tsconfig-rewrite.json',
  // One sandbox folder per scope, so two scopes can run at once; every run ignores all of them
  // (and other generated folders) when it copies the project into its sandbox.
  tempDirName: `.stryker-tmp/${scope.label}`,
  ignorePatterns: ['/.stryker-tmp', '/reports', '/dist', '/test-results*', '/playwright-report'],
  cleanTempDir: true,
  timeoutMS: 10_000,
  thresholds: { high: 90, low: 85, break: null },
};
