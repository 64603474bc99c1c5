#!/usr/bin/env node
// Bundles bench/amplification.ts with the core it imports (as scripts/bench.mjs does for
// bench/run.ts) and runs it with node; arguments are passed through.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'samlscope-amplification-build-'));
const outfile = join(dir, 'amplification.mjs');
let status = 1;
try {
  await build({
    absWorkingDir: root, entryPoints: ['bench/amplification.ts'], outfile, bundle: true, platform: 'node', target: 'node20', format: 'esm',
    legalComments: 'none', define: { __SAMLSCOPE_VERSION__: '"bench"' },
    banner: { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  const r = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
  if (r.error) throw r.error;
  status = r.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(status);
