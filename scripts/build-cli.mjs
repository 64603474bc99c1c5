// Bundles the CLI (src/cli/main.ts + the core) into ES modules so that `node dist/cli.mjs` starts
// without compiling TypeScript at run time (CONTRACT §1).
//
// Cold start (issue 15, docs/performance.md "CLI start"): dist/cli.mjs is ONE file holding
// everything `inspect` needs, because each extra module file costs ~1.5 ms to resolve and
// link. What only some runs need — the other subcommands (metadata tools, mock IdP, OIDC with
// CEL, the XSD files), node-forge (decryption with 3DES or RSA-OAEP) and the Public Suffix List
// (captures) — is built apart into dist/cli-chunks/ and reached by dynamic import(), so a cold
// `inspect` never compiles it.
import { build } from 'esbuild';
import { chmodSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const OUT_DIR = 'dist';
const CHUNK_DIR = 'cli-chunks';
const ENTRY = join(OUT_DIR, 'cli.mjs');

/** Loaded on demand: output name in dist/cli-chunks/ → module. */
const LAZY = {
  oidc: './src/cli/oidc.ts',
  idp: './src/cli/idp.ts',
  metadata: './src/cli/metadata.ts',
  // The Public Suffix List (tldts), for captures only (core/analyse.ts).
  site: './src/core/diagnosis/site.ts',
  'forge': 'node-forge/lib/forge.js',
  'forge-des': 'node-forge/lib/des.js',
  'forge-rsa': 'node-forge/lib/rsa.js',
  'forge-sha256': 'node-forge/lib/sha256.js',
  'forge-sha512': 'node-forge/lib/sha512.js',
};

// `import x from './file.xsd?raw'` (Vite's raw import, used by src/core/mdtools/schema/files.ts) as text.
const rawImports = {
  name: 'raw-imports',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (a) => ({ path: resolve(a.resolveDir, a.path.replace(/\?raw$/, '')), namespace: 'raw' }));
    b.onLoad({ filter: /.*/, namespace: 'raw' }, (a) => ({ contents: readFileSync(a.path, 'utf8'), loader: 'text', resolveDir: dirname(a.path) }));
  },
};

// In the entry's build, a dynamic import() of a LAZY module stays an import() of its file in
// dist/cli-chunks/ instead of being bundled into dist/cli.mjs.
const SKIP = Symbol('lazy-chunks: resolving');
const lazyChunks = {
  name: 'lazy-chunks',
  setup(b) {
    let byPath = null;
    b.onResolve({ filter: /.*/ }, async (a) => {
      if (a.kind !== 'dynamic-import' || a.pluginData === SKIP) return undefined;
      byPath ??= new Map(await Promise.all(Object.entries(LAZY).map(async ([name, spec]) => [(await b.resolve(spec, { kind: 'entry-point', resolveDir: process.cwd(), pluginData: SKIP })).path, name])));
      const r = await b.resolve(a.path, { kind: a.kind, importer: a.importer, resolveDir: a.resolveDir, pluginData: SKIP });
      const name = byPath.get(r.path);
      return name ? { path: `./${CHUNK_DIR}/${name}.mjs`, external: true } : undefined;
    });
  },
};

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  outExtension: { '.js': '.mjs' },
  sourcemap: false,
  legalComments: 'none',
  define: { __SAMLSCOPE_VERSION__: JSON.stringify(version) },
  // Every output file is its own module: each gets a require() for the CommonJS packages it holds.
  // Through process.getBuiltinModule (Node ≥ 20.16): an ES import of node:module would build a
  // facade over all its exports at every start.
  banner: { js: "const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);" },
  logLevel: 'warning',
  // libxml2 in WebAssembly starts its own worker thread from its package directory: loaded from node_modules at run time.
  external: ['xmllint-wasm'],
  write: false,
};
const [entry, lazy] = await Promise.all([
  build({ ...common, entryPoints: { cli: 'src/cli/main.ts' }, outdir: OUT_DIR, plugins: [rawImports, lazyChunks] }),
  // The lazy modules share their common code through chunks (one node-forge instance for all).
  build({ ...common, entryPoints: LAZY, outdir: join(OUT_DIR, CHUNK_DIR), chunkNames: 'chunk-[hash]', splitting: true, plugins: [rawImports] }),
]);

// Each file is written beside its final name and renamed over it, so a CLI started while another
// build runs (test files build in parallel) reads either the old or the new file, never half of
// one. Chunk names carry a content hash; the same source gives the same files.
const written = new Set();
for (const file of [...lazy.outputFiles, ...entry.outputFiles]) {
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
console.log(`built ${ENTRY} (${(entry.outputFiles[0].contents.length / 1024).toFixed(0)} KB) and ${lazy.outputFiles.length} modules loaded on demand in ${OUT_DIR}/${CHUNK_DIR}/ (samlscope ${version})`);
