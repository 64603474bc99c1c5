#!/usr/bin/env node
// `npm run bench`: bundles bench/run.ts (with the core it imports) into one temporary ES module
// and runs it with node, so the benchmark measures the same JavaScript the CLI ships, without
// a TypeScript loader in the measured process. Arguments are passed through (see bench/run.ts).
// One flag picks another benchmark of bench/ instead: `--hostile` (bench/hostile.ts: bombs and
// amplification through the CLI), `--amplification` (bench/amplification.ts: reference
// amplification in the core), `--oidc-hostile` (bench/oidc-hostile.ts: hostile tokens, keys, CEL),
// `--page` (bench/page.ts: first-screen JavaScript, paste-to-verdict and a 10 MB aggregate in
// Chromium, against the production build),
// `--idp` (bench/idp.ts: the mock IdP's cost per Response), `--capture` (bench/capture.ts: reading
// capture evidence from a HAR at CAPTURE_MAX_EXCHANGES), `--cli-start` (bench/cli-start.ts: the
// CLI's whole-process cost against `node -e 0` and, on a 10 MB aggregate, against xmlsec1),
// `--aggregates` (bench/aggregates.ts: signed aggregates of 10–256 MB through the CLI, time and
// peak memory beside xmlsec1).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const BENCHES = { '--hostile': 'bench/hostile.ts', '--amplification': 'bench/amplification.ts', '--oidc-hostile': 'bench/oidc-hostile.ts', '--page': 'bench/page.ts', '--idp': 'bench/idp.ts', '--capture': 'bench/capture.ts', '--cli-start': 'bench/cli-start.ts', '--aggregates': 'bench/aggregates.ts' };
const flag = process.argv.slice(2).find((a) => a in BENCHES);
const entry = flag ? BENCHES[flag] : 'bench/run.ts';
const args = process.argv.slice(2).filter((a) => a !== flag);
const dir = mkdtempSync(join(tmpdir(), 'samlscope-bench-build-'));
// Inside the repository, so that the externals above resolve from its node_modules.
const outfile = join(root, `.bench-${process.pid}.mjs`);
let status = 1;
try {
  await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    sourcemap: 'inline',
    legalComments: 'none',
    define: { __SAMLSCOPE_VERSION__: '"bench"' },
    // CommonJS dependencies (xml-crypto, xmldom) call require(); an ES module has none.
    banner: { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
    // Playwright drives a browser from node_modules; it is not bundled.
    external: ['@playwright/test', 'playwright', 'playwright-core'],
  });
  const r = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...args], { stdio: 'inherit', cwd: root });
  if (r.error) throw r.error;
  status = r.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
  rmSync(outfile, { force: true });
}
process.exit(status);
