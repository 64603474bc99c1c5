// Bundles the CLI (src/cli/main.ts + the core) into ES modules so that `node dist/cli.mjs` starts
// without compiling TypeScript at run time (CONTRACT §1). dist/cli.mjs is the entry; what only
// some commands need (the metadata tools, the mock IdP, OIDC with CEL, node-forge, the XSD
// files) is split into chunks in dist/cli-chunks/, loaded by dynamic import() when a command
// reaches it, so a cold `inspect` compiles a fraction of the code (issue 15, docs/performance.md).
import { build } from 'esbuild';
import { chmodSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const OUT_DIR = 'dist';
const CHUNK_DIR = 'cli-chunks';
const ENTRY = join(OUT_DIR, 'cli.mjs');

// `import x from './file.xsd?raw'` (Vite's raw import, used by src/core/mdtools/schema/files.ts) as text.
const rawImports = {
  name: 'raw-imports',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (a) => ({ path: resolve(a.resolveDir, a.path.replace(/\?raw$/, '')), namespace: 'raw' }));
    b.onLoad({ filter: /.*/, namespace: 'raw' }, (a) => ({ contents: readFileSync(a.path, 'utf8'), loader: 'text', resolveDir: dirname(a.path) }));
  },
};

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const result = await build({
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: OUT_DIR,
  outExtension: { '.js': '.mjs' },
  chunkNames: `${CHUNK_DIR}/[name]-[hash]`,
  splitting: true,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: false,
  legalComments: 'none',
  define: { __SAMLSCOPE_VERSION__: JSON.stringify(version) },
  // Every output file is its own module: each gets a require() for the CommonJS packages it holds.
  banner: { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
  plugins: [rawImports],
  // libxml2 in WebAssembly starts its own worker thread from its package directory: loaded from node_modules at run time.
  external: ['xmllint-wasm'],
  write: false,
});

// Each file is written beside its final name and renamed over it, so a CLI started while another
// build runs (test files build in parallel) reads either the old or the new file, never half of
// one. Chunk names carry a content hash: the same source gives the same names.
const written = new Set();
for (const file of result.outputFiles) {
  const target = relative(process.cwd(), file.path);
  const contents = target === ENTRY ? `#!/usr/bin/env node\n${file.text}` : file.text;
  mkdirSync(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, target);
  written.add(resolve(target));
}
chmodSync(ENTRY, 0o755);
// Chunks of earlier builds are not needed by this one.
for (const name of readdirSync(join(OUT_DIR, CHUNK_DIR))) {
  const path = resolve(OUT_DIR, CHUNK_DIR, name);
  if (!written.has(path) && name.endsWith('.mjs')) rmSync(path, { force: true });
}
console.log(`built ${ENTRY} and ${result.outputFiles.length - 1} chunks in ${OUT_DIR}/${CHUNK_DIR}/ (samlscope ${version})`);
