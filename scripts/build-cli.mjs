// Bundles the CLI (src/cli/main.ts + the core) into one ES module, dist/cli.mjs, so that
// `node dist/cli.mjs` starts without compiling TypeScript at run time (CONTRACT §1).
import { build } from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

// `import x from './file.xsd?raw'` (Vite's raw import, used by src/core/mdtools/schema/files.ts) as text.
const rawImports = {
  name: 'raw-imports',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (a) => ({ path: resolve(a.resolveDir, a.path.replace(/\?raw$/, '')), namespace: 'raw' }));
    b.onLoad({ filter: /.*/, namespace: 'raw' }, (a) => ({ contents: readFileSync(a.path, 'utf8'), loader: 'text', resolveDir: dirname(a.path) }));
  },
};

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.mjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: false,
  legalComments: 'none',
  define: { __SAMLSCOPE_VERSION__: JSON.stringify(version) },
  banner: { js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
  plugins: [rawImports],
  // libxml2 in WebAssembly starts its own worker thread from its package directory: loaded from node_modules at run time.
  external: ['xmllint-wasm'],
});
chmodSync('dist/cli.mjs', 0o755);
console.log(`built dist/cli.mjs (samlscope ${version})`);
