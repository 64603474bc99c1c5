#!/usr/bin/env node
// Runs every test: unit (Vitest), the build, then the built app end to end (Playwright in Debian's
// Chromium), and ends with one line, `N passed, N failed`, counting Vitest and Playwright tests
// together (read from their JSON reporters). Exit status 1 when anything failed.
// Every phase runs even when an earlier one failed, so the counts are complete; only the end-to-end
// tests need the build, and they are not run (and the build counts as one failure) when it fails.
// On a fresh Debian machine where we run as root, installs the system tools the tests use:
// chromium (Playwright may not download browsers here), xmlsec1 (the signature oracle),
// xmllint (libxml2-utils, a second canonicalization oracle) and openssl (test keys, JWS oracle).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const required = [
  { bin: '/usr/bin/chromium', pkg: 'chromium' },
  { bin: '/usr/bin/xmlsec1', pkg: 'xmlsec1' },
  { bin: '/usr/bin/xmllint', pkg: 'libxml2-utils' },
  { bin: '/usr/bin/openssl', pkg: 'openssl' },
];

function run(cmd, args, extraEnv = {}) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...extraEnv } });
  if (r.error) {
    console.error(`${cmd} could not start: ${r.error.message}`);
    return 1;
  }
  return r.status ?? 1;
}

/** Installs what is missing when we are root; returns the packages still missing. */
function ensureSystemPackages() {
  const missing = () => required.filter((r) => !existsSync(r.bin)).map((r) => r.pkg);
  if (missing().length === 0) return [];
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`Missing system packages: ${missing().join(', ')}. Install them with: sudo apt-get install -y ${missing().join(' ')}`);
    return missing();
  }
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['update', '-qq'], env) === 0) run('apt-get', ['install', '-y', '-qq', ...missing()], env);
  return missing();
}

const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
};

/** Vitest's JSON report: tests by status; a file that failed to load counts as one failure. */
function vitestCounts(report, status) {
  if (!report) return { passed: 0, failed: 1, skipped: 0, note: `Vitest wrote no report (exit status ${status})` };
  const brokenFiles = (report.testResults ?? []).filter((f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'));
  const failed = report.numFailedTests + brokenFiles.length;
  const counts = { passed: report.numPassedTests, failed, skipped: report.numPendingTests + report.numTodoTests, note: null };
  if (brokenFiles.length) counts.note = `${brokenFiles.length} test file(s) failed outside any test: ${brokenFiles.map((f) => path.relative(process.cwd(), f.name)).join(', ')}`;
  // Exit status and report must agree: a failing run with nothing counted as failed is a failure.
  if (status !== 0 && failed === 0) return { ...counts, failed: 1, note: `vitest exited with status ${status} without a failed test` };
  return counts;
}

/** Playwright's JSON report: expected (passed), flaky (passed on retry), unexpected (failed), skipped. */
function playwrightCounts(report, status) {
  if (!report?.stats) return { passed: 0, failed: 1, skipped: 0, note: `Playwright wrote no report (exit status ${status})` };
  const { expected = 0, flaky = 0, unexpected = 0, skipped = 0 } = report.stats;
  const errors = (report.errors ?? []).length; // global errors: web server, config, a file that does not load
  const failed = unexpected + errors;
  if (status !== 0 && failed === 0) return { passed: expected + flaky, failed: 1, skipped, note: `playwright exited with status ${status} without a failed test` };
  return { passed: expected + flaky, failed, skipped, note: errors ? `${errors} error(s) outside any test (see above)` : null };
}

const out = mkdtempSync(path.join(tmpdir(), 'samlscope-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const notes = [];
const add = (phase, c) => {
  totals.passed += c.passed;
  totals.failed += c.failed;
  totals.skipped += c.skipped;
  console.log(`\n${phase}: ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`);
  if (c.note) notes.push(`${phase}: ${c.note}`);
};

try {
  const stillMissing = ensureSystemPackages();
  if (stillMissing.length) notes.push(`missing system packages: ${stillMissing.join(', ')} (the tests that need them fail)`);
  const env = { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };

  const vitestJson = path.join(out, 'vitest.json');
  const unit = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`], env);
  add('Unit tests (Vitest)', vitestCounts(readJson(vitestJson), unit));

  const build = run('npm', ['run', 'build'], env);
  if (build !== 0) {
    add('Build (npm run build)', { passed: 0, failed: 1, skipped: 0, note: 'the build failed, so the end-to-end tests were not run' });
  } else {
    const playwrightJson = path.join(out, 'playwright.json');
    const e2e = run('npx', ['playwright', 'test', `--reporter=${process.env.CI ? 'line' : 'list'},json`], { ...env, PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightJson, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson });
    add('End-to-end tests (Playwright)', playwrightCounts(readJson(playwrightJson), e2e));
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}

console.log('');
for (const n of notes) console.log(`Note: ${n}`);
if (totals.skipped) console.log(`(${totals.skipped} skipped, counted in neither)`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);
