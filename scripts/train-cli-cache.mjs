// Makes the V8 code cache of the CLI script (called by scripts/build-cli.mjs; issue 15,
// docs/performance.md "CLI start"): `node scripts/train-cli-cache.mjs SCRIPT CACHE`.
//
// V8 compiles a function only when it is first called. A cache taken right after compiling the
// script would hold little more than its top level; taken after the CLI has inspected a typical
// signed Response, it holds the bytecode of every function that inspection ran, which a cold
// `samlscope inspect` would otherwise compile.
// The script is compiled as src/cli/launch.ts compiles it: V8 accepts a cache for the same source.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Script } from 'node:vm';

const [scriptArg, cachePath] = process.argv.slice(2);
if (!scriptArg || !cachePath) throw new Error('usage: train-cli-cache.mjs SCRIPT CACHE');

const scriptPath = resolve(scriptArg);
const corpus = fileURLToPath(new URL('../test/corpus/', import.meta.url));
const c = (name) => join(corpus, name);
/**
 * Arguments of `samlscope`, each run once; verdicts do not matter, only the code paths. One
 * typical inspection only: V8 deserializes every function of a cache at each start, needed or
 * not, and a cache trained on five kinds of input (523 KB: also text reports, metadata, a
 * Redirect query, an aggregate) made a cold `inspect --json --cert` slower (1.63× `node -e 0`)
 * than this one (444 KB, 1.50×) or than an untrained cache (181 KB, 1.55×; without any, 1.81×;
 * docs/performance.md "CLI start").
 */
const TRAINING = [
  ['inspect', '--json', '--cert', c('rubysaml__adfs_response_sha256.embedded-cert.pem'), c('rubysaml__adfs_response_sha256.xml')],
];

const script = new Script(readFileSync(scriptPath, 'latin1'), { filename: scriptPath });
// The launcher resolves chunk specifiers from dist/, the script's parent folder.
const distUrl = pathToFileURL(`${dirname(dirname(scriptPath))}/`);
const { main } = script.runInThisContext()(createRequire(scriptPath), (specifier) => import(new URL(specifier, distUrl).href));

const write = { out: process.stdout.write, err: process.stderr.write };
let ran = 0;
for (const argv of TRAINING) {
  if (!argv.slice(1).every((a) => a.startsWith('-') || /^\d{4}-/.test(a) || existsSync(a))) continue; // a checkout without test/
  process.stdout.write = process.stderr.write = () => true;
  try {
    await main(argv);
    ran++;
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
  }
}
process.exitCode = 0;
writeFileSync(cachePath, script.createCachedData());
console.log(`after ${ran} training inspection${ran === 1 ? '' : 's'}`);
