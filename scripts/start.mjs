#!/usr/bin/env node
// `npm start`: serve the production build of the app (what users get: bundled, minified, cached
// by the service worker), building it first when it is missing or older than its sources.
// `vite preview` runs the same ACS capture middleware as the dev server (vite-plugins/acsCapture.ts)
// and the preview headers of vite.config.ts. The dev server (hot reload) is `npm run dev`.
//
//   node scripts/start.mjs                serve on 127.0.0.1:5173 (PORT=… to change)
//   node scripts/start.mjs --write-stamp  record that dist/app is up to date (end of `npm run build:app`)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Written after a successful app build; its mtime is when dist/app was last made. */
const STAMP = path.join(root, 'dist', 'app.build-stamp');
/** What the app bundle is built from. Tests and test helpers never reach the bundle. */
const INPUTS = ['src', 'index.html', 'public', 'vite.config.ts', 'vite-plugins', 'package.json', 'package-lock.json'];
const NOT_IN_BUNDLE = /\.(test|fuzz\.test)\.tsx?$|\.testutil\.ts$/;

/** The newest modification time (ms) under `p`, and the file that has it. */
function newest(p) {
  if (!existsSync(p)) return { mtime: 0, file: null };
  const st = statSync(p);
  if (!st.isDirectory()) return { mtime: NOT_IN_BUNDLE.test(p) ? 0 : st.mtimeMs, file: p };
  let best = { mtime: 0, file: null };
  for (const entry of readdirSync(p)) {
    const n = newest(path.join(p, entry));
    if (n.mtime > best.mtime) best = n;
  }
  return best;
}

/** Why dist/app must be (re)built, or null when it is up to date. */
export function staleReason() {
  if (!existsSync(path.join(root, 'dist', 'app', 'index.html'))) return 'dist/app is missing';
  if (!existsSync(STAMP)) return 'dist/app has no build stamp (built by an older script)';
  const built = statSync(STAMP).mtimeMs;
  let latest = { mtime: 0, file: null };
  for (const input of INPUTS) {
    const n = newest(path.join(root, input));
    if (n.mtime > latest.mtime) latest = n;
  }
  return latest.mtime > built ? `${path.relative(root, latest.file)} changed after the last build` : null;
}

export function writeStamp() {
  mkdirSync(path.dirname(STAMP), { recursive: true });
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}

function main() {
  if (process.argv.includes('--write-stamp')) {
    writeStamp();
    return;
  }
  const reason = staleReason();
  if (reason) {
    console.log(`Building the app (${reason}): npm run build:app`);
    const r = spawnSync('npm', ['run', 'build:app'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  const port = process.env.PORT ?? '5173';
  const preview = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', port, '--strictPort'], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => preview.kill(signal));
  preview.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
