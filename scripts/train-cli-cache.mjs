// Makes the V8 code cache of the CLI script (called by scripts/build-cli.mjs; issue 15,
// docs/performance.md "CLI start"): `node scripts/train-cli-cache.mjs SCRIPT CACHE`.
//
// V8 compiles a function only when it is first called. A cache taken right after compiling the
// script would hold little more than its top level; taken after the CLI has inspected
// representative messages (signed Responses with a certificate and with metadata, JSON and text
// reports, a Redirect-binding query, a small signed aggregate), it holds the bytecode of every
// function those inspections ran, which a cold `samlscope inspect` would otherwise compile.
// The script is compiled exactly as src/cli/launch.ts compiles it (same source, same file name).
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
/** Arguments of `samlscope`, each run once; verdicts do not matter, only the code paths. */
const TRAINING = [
  ['inspect', '--json', '--cert', c('rubysaml__adfs_response_sha256.embedded-cert.pem'), c('rubysaml__adfs_response_sha256.xml')],
  ['inspect', '--json', '--metadata', c('crewjam__google_idp_metadata.xml'), c('crewjam__google_response.xml')],
  ['inspect', '--metadata', c('crewjam__onelogin_idp_metadata.xml'), '--at', '2016-01-05T17:53:30Z', c('crewjam__onelogin_response.xml')],
  ['inspect', '--json', c('python3saml__logoutrequest_redirect_signed.query.txt')],
  ['inspect', '--json', c('python3saml__signed_metadata_settings1.xml')],
];

const script = new Script(readFileSync(scriptPath, 'utf8'), { filename: scriptPath });
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
console.log(`after ${ran} training inspections`);
