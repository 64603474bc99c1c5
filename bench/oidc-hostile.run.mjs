#!/usr/bin/env node
// Bundles bench/oidc-hostile.ts (with the core it imports) into one temporary ES module and runs
// it with node, as scripts/bench.mjs does for bench/run.ts. Arguments are passed through.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'samlscope-oidc-bench-'));
const outfile = join(dir, 'oidc-hostile.mjs');
let status = 1;
try {
  await build({
    absWorkingDir: root,
    entryPoints: ['bench/oidc-hostile.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    sourcemap: 'inline',
    legalComments: 'none',
    banner: { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  const r = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
  if (r.error) throw r.error;
  status = r.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(status);
