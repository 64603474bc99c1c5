#!/usr/bin/env node
// `npm run mutation [-- <scope> ...]`: Stryker over the security-critical core (docs/mutation.md).
// Scopes: c14n, dsig, x509, rules, share, oidc, or a file inside them (e.g. saml-signatures/redirect.ts);
// MUTATION_SCOPE=<scope> does the same. `--force` redoes every mutant (ignores the incremental file).
//
// Stryker 10's CLI refuses Node < 22 at import time, while this project supports Node >= 20.19.
// Its programmatic API (the Stryker class) has no such guard and runs fine on Node 20, so this
// script calls it directly instead of `stryker run`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SCOPES, resolveScope } from './mutation-scopes.mjs';

const args = process.argv.slice(2);
const scopes = args.filter((a) => !a.startsWith('-'));
const force = args.includes('--force');
const unknownFlags = args.filter((a) => a.startsWith('-') && a !== '--force');
if (unknownFlags.length) {
  console.error(`Unknown option(s): ${unknownFlags.join(' ')}. Only --force is accepted; edit stryker.config.mjs for the rest.`);
  process.exit(2);
}
const value = scopes.length ? scopes.join(',') : process.env.MUTATION_SCOPE ?? '';
try {
  resolveScope(value);
} catch (e) {
  console.error(e.message);
  console.error(`Scopes: ${Object.keys(SCOPES).join(', ')}`);
  process.exit(2);
}
// The vitest config and stryker.config.mjs read the scope from here (the test runner child
// processes inherit the environment).
process.env.MUTATION_SCOPE = value;

// Static mutants (module-level constants) are covered by no test in particular, so Stryker's
// incremental diff never sees "a new test covers it" and would reuse an old Survived forever,
// even after a test pinning the constant is added. Forget them before each run: they are
// retested with every test (few of them survive once the constants are pinned).
const incrementalFile = `reports/mutation/${resolveScope(value).label}/incremental.json`;
if (!force && existsSync(incrementalFile)) {
  const report = JSON.parse(readFileSync(incrementalFile, 'utf8'));
  let dropped = 0;
  for (const file of Object.values(report.files ?? {})) {
    const keep = file.mutants.filter((m) => !(m.static && m.status !== 'Killed' && m.status !== 'Timeout'));
    dropped += file.mutants.length - keep.length;
    file.mutants = keep;
  }
  if (dropped) {
    writeFileSync(incrementalFile, JSON.stringify(report));
    console.log(`${dropped} static mutant(s) not killed last time will be retested.`);
  }
}

const core = dirname(createRequire(import.meta.url).resolve('@stryker-mutator/core/package.json'));
const { Stryker } = await import(pathToFileURL(join(core, 'dist', 'src', 'stryker.js')).href);
const started = Date.now();
const results = await new Stryker({ configFile: 'stryker.config.mjs', ...(force ? { force: true } : {}) }).runMutationTest();
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
const counts = {};
for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1;
console.log(`mutation scope "${value || 'all'}": ${results.length} mutants in ${minutes} min, ${JSON.stringify(counts)}`);
