// Bundles the CLI (src/cli/main.ts + the core) so that `node dist/cli.mjs` starts without
// compiling TypeScript at run time (CONTRACT §1).
//
// Cold start (issue 15, docs/performance.md "CLI start"):
// - dist/cli.mjs is a small launcher (src/cli/launch.ts). Everything `inspect` needs is ONE
//   script, dist/cli-chunks/cli-<hash>.js (each extra module file costs ~1.5 ms to resolve and
//   link), with its V8 code cache beside it (cli-<hash>.v8cache, made here by
//   scripts/train-cli-cache.mjs after representative inspections), so that a start deserializes
//   bytecode instead of compiling ~0.5 MB of JavaScript and the functions an inspection needs.
// - What only some runs need — the other subcommands (metadata tools, mock IdP, OIDC with CEL,
//   the XSD files), node-forge (decryption with 3DES or RSA-OAEP) and the Public Suffix List
//   (captures) — is built apart as ES modules in dist/cli-chunks/ and loaded on demand through the
//   launcher's import(), so a cold `inspect` never compiles it.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT_DIR = 'dist';
const CHUNK_DIR = 'cli-chunks';
const ENTRY = join(OUT_DIR, 'cli.mjs'); // the launcher (package.json bin)

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
const [cli, lazy] = await Promise.all([
  // The CLI as a script: CommonJS output has no import/export statements; its require() is the
  // launcher's argument, and so is the loader of the lazy chunks (see below).
  build({ ...common, format: 'cjs', banner: {}, entryPoints: { cli: 'src/cli/main.ts' }, outdir: OUT_DIR, plugins: [rawImports, lazyChunks] }),
  // The lazy modules share their common code through chunks (one node-forge instance for all).
  build({ ...common, entryPoints: LAZY, outdir: join(OUT_DIR, CHUNK_DIR), chunkNames: 'chunk-[hash]', splitting: true, plugins: [rawImports] }),
]);

/**
 * The launcher reads the script as latin1 (a one-byte string, no UTF-8 decoding): it must be
 * ASCII. esbuild (charset ascii, its default) escapes every non-ASCII character of strings,
 * regular expressions and names; what is left is in comments ("§", "–"), replaced by "?" here.
 * A non-ASCII character outside a comment fails the build rather than being changed.
 */
function asciiComments(text) {
  return text.split('\n').map((line, i) => {
    const at = line.search(/[^\x00-\x7f]/);
    if (at < 0) return line;
    const before = line.slice(0, at);
    const inComment = /^\s*(\/\/|\/\*|\*)/.test(line) || before.includes('//') || (before.includes('/*') && !before.includes('*/'));
    if (!inComment) throw new Error(`build-cli: a non-ASCII character outside a comment at line ${i + 1} of the CLI script: ${line.slice(0, 120)}`);
    return line.replace(/[^\x00-\x7f]/g, '?');
  }).join('\n');
}

// A vm.Script has no import() (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING): each import() of a lazy
// chunk calls the launcher's loader instead. "use strict" because the sources were ES modules.
const IMPORT_CHUNK = '__samlscopeImportChunk';
const body = cli.outputFiles[0].text.replaceAll(`import("./${CHUNK_DIR}/`, `${IMPORT_CHUNK}("./${CHUNK_DIR}/`);
const stray = /\bimport\s*\(/.exec(body);
if (stray) throw new Error(`build-cli: the CLI script still calls import() (${body.slice(stray.index, stray.index + 80)}); only chunks of dist/${CHUNK_DIR}/ can be loaded`);
const scriptText = `(function (require, ${IMPORT_CHUNK}) {"use strict"; var module = { exports: {} }, exports = module.exports;\n${asciiComments(body)}\nreturn module.exports;\n})\n`;
const scriptName = `cli-${createHash('sha256').update(scriptText).digest('hex').slice(0, 16)}`;
const scriptTarget = join(OUT_DIR, CHUNK_DIR, `${scriptName}.js`);
const cacheTarget = join(OUT_DIR, CHUNK_DIR, `${scriptName}.v8cache`);
const launcherBuild = await build({ ...common, banner: {}, entryPoints: { cli: 'src/cli/launch.ts' }, outdir: OUT_DIR, define: { __SAMLSCOPE_CLI_SCRIPT__: JSON.stringify(`./${CHUNK_DIR}/${scriptName}.js`) } });

// Each file is written beside its final name and renamed over it, so a CLI started while another
// build runs (test files build in parallel) reads either the old or the new file, never half of
// one. Names in dist/cli-chunks/ carry a content hash; the same source gives the same files. The
// launcher comes last: it names a script (and cache) already in place.
const written = new Set();
function writeAtomically(target, contents) {
  mkdirSync(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, target);
  written.add(resolve(target));
}
for (const file of lazy.outputFiles) writeAtomically(relative(process.cwd(), file.path), file.text);
writeAtomically(scriptTarget, scriptText);
// The trainer runs without NODE_OPTIONS: V8 rejects a cache made under other flags.
const { NODE_OPTIONS: _ignored, ...env } = process.env;
const trained = spawnSync(process.execPath, [fileURLToPath(new URL('./train-cli-cache.mjs', import.meta.url)), scriptTarget, `${cacheTarget}.${process.pid}.tmp`], { env, encoding: 'utf8' });
if (trained.status !== 0) throw new Error(`build-cli: making the code cache failed:\n${trained.stderr}`);
renameSync(`${cacheTarget}.${process.pid}.tmp`, cacheTarget);
written.add(resolve(cacheTarget));
writeAtomically(ENTRY, `#!/usr/bin/env node\n${launcherBuild.outputFiles[0].text}`);
chmodSync(ENTRY, 0o755);
// Files of earlier builds are not needed by this one.
for (const name of readdirSync(join(OUT_DIR, CHUNK_DIR))) {
  const path = resolve(OUT_DIR, CHUNK_DIR, name);
  if (!written.has(path) && /\.(mjs|js|v8cache)$/.test(name)) rmSync(path, { force: true });
}
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
console.log(`built ${ENTRY} (launcher), ${scriptTarget} (${kb(scriptText.length)}, code cache ${kb(readFileSync(cacheTarget).length)}${trained.stdout.trim() ? `: ${trained.stdout.trim()}` : ''}) and ${lazy.outputFiles.length} modules loaded on demand in ${OUT_DIR}/${CHUNK_DIR}/ (samlscope ${version})`);
