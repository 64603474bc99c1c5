// dist/cli.mjs (issue 15, docs/performance.md "CLI start"): starts the CLI from bytecode that V8
// compiled at build time, instead of compiling ~0.5 MB of JavaScript at every start.
//
// Why a vm.Script: Node 20 has no module compile cache (`module.enableCompileCache` is Node ≥ 22.1)
// and cannot give cached data to an ES module. So scripts/build-cli.mjs writes the CLI (main.ts and
// all `inspect` needs) as one script — a function expression taking `require` and a loader for
// the chunks in dist/cli-chunks/, since a vm.Script without vm's experimental module API has no
// import() — and beside it the V8 code cache taken after representative inspections
// (scripts/train-cli-cache.mjs), which holds the functions those inspections compiled lazily.
// Both names carry the script's content hash: V8 checks a cache against the source's length only,
// so a cache must never meet another script. V8 rejects a cache made by another Node, V8 or flags;
// then this costs only the plain compile it replaces.
//
// This file imports nothing (an ES import of a built-in builds a facade over all its exports).

declare const __SAMLSCOPE_CLI_SCRIPT__: string;

interface CliScript {
  main(argv: string[]): Promise<number>;
  outputComplete(): boolean;
}
type CliScriptFactory = (require: (id: string) => unknown, importChunk: (specifier: string) => Promise<unknown>) => CliScript;

const { readFileSync } = process.getBuiltinModule('node:fs');
const { Script } = process.getBuiltinModule('node:vm');
const { fileURLToPath } = process.getBuiltinModule('node:url');

const scriptPath = fileURLToPath(new URL(__SAMLSCOPE_CLI_SCRIPT__, import.meta.url));

function codeCache(): Buffer | undefined {
  try {
    return readFileSync(scriptPath.replace(/\.js$/, '.v8cache'));
  } catch {
    return undefined; // no cache: compiled as any script
  }
}

// The script is ASCII (scripts/build-cli.mjs checks it): read as latin1 it becomes a one-byte
// string without UTF-8 decoding, where one non-ASCII character anywhere made V8 hold all of it
// as two bytes per character.
// The file name makes stack traces (`internal error` reports) name dist/cli-chunks/cli-<hash>.js and its lines.
const script = new Script(readFileSync(scriptPath, 'latin1'), { filename: scriptPath, cachedData: codeCache() });
// The script's require() is made on first call: node:module (and the source-map support it
// loads) costs every start, and the inspect path requires nothing.
let required: ((id: string) => unknown) | undefined;
const lazyRequire = (id: string): unknown => (required ??= process.getBuiltinModule('node:module').createRequire(scriptPath))(id);
// The chunks' specifiers are relative to dist/, where this file is.
const { main, outputComplete } = (script.runInThisContext() as CliScriptFactory)(lazyRequire, (specifier) => import(specifier));

main(process.argv.slice(2)).then(
  // Nothing left to print: end now rather than wait for Node's teardown (main.ts outputComplete).
  (code) => { if (outputComplete()) process.exit(code); else process.exitCode = code; },
  (e) => { process.stderr.write(`samlscope: internal error: ${(e as Error).stack ?? e}\n`); process.exitCode = 2; },
);
