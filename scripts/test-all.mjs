#!/usr/bin/env node
// Runs every test: unit (Vitest), then the built app end to end (Playwright in Debian's Chromium).
// On a fresh Debian machine where we run as root, installs the system tools the tests use:
// chromium (Playwright may not download browsers here), xmlsec1 (the signature oracle) and
// xmllint (libxml2-utils, a second canonicalization oracle).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const required = [
  { bin: '/usr/bin/chromium', pkg: 'chromium' },
  { bin: '/usr/bin/xmlsec1', pkg: 'xmlsec1' },
  { bin: '/usr/bin/xmllint', pkg: 'libxml2-utils' },
];

function run(cmd, args, extraEnv = {}) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...extraEnv } });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

function ensureSystemPackages() {
  const missing = required.filter((r) => !existsSync(r.bin)).map((r) => r.pkg);
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`Missing system packages: ${missing.join(', ')}. Install them with: sudo apt-get install -y ${missing.join(' ')}`);
    process.exit(1);
  }
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['update', '-qq'], env) !== 0) process.exit(1);
  if (run('apt-get', ['install', '-y', '-qq', ...missing], env) !== 0) process.exit(1);
}

ensureSystemPackages();
const steps = [
  ['npx', ['vitest', 'run']],
  ['npm', ['run', 'build']],
  ['npx', ['playwright', 'test']],
];
for (const [cmd, args] of steps) {
  const status = run(cmd, args, { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' });
  if (status !== 0) {
    console.error(`\n${cmd} ${args.join(' ')} failed with exit status ${status}`);
    process.exit(status);
  }
}
console.log('\nAll tests passed: unit (Vitest) and end-to-end (Playwright, Chromium).');
