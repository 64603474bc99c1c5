// Test-only (Node APIs allowed). In mutation runs, the outputs of the outside tools the tests call
// (xmlsec1 signing and verifying, openssl key generation) are kept on disk and reused.
//
// Why: Stryker reruns every covering test once per mutant (docs/mutation.md). Those tests spawn
// xmlsec1/openssl dozens of times per run — one test signs 1,000 References with xmlsec1 and
// takes ~3.7 s — and none of that depends on the code being mutated: a tool's output is a
// function of its inputs alone. So in a mutation run (vitest.mutation.config.ts sets
// SAMLSCOPE_MUTATION_RUN=1) the first call computes and stores the result, keyed by a SHA-256 of
// everything the tool reads, and every later run reads it back. The tests and their assertions
// are unchanged. `npm test` never sets the variable: there every call runs the tool, so a missing
// or changed xmlsec1/openssl still fails the tests.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Only in mutation runs; elsewhere every call reaches the tool. */
export const ORACLE_CACHE_ENABLED = process.env.SAMLSCOPE_MUTATION_RUN === '1';

// Outside the project: Stryker copies the project into a fresh sandbox per run, so a cache inside
// it would be empty every time. The key covers every input, so sharing the folder is harmless.
const CACHE_DIR = join(tmpdir(), `samlscope-oracle-cache-${process.getuid?.() ?? 'user'}`);
const memory = new Map<string, unknown>();

/**
 * `compute()` in ordinary runs. In mutation runs, the value stored for `kind` + `inputs` (computed
 * once, then read from disk). The value must survive JSON.
 */
export function oracleCached<T>(kind: string, inputs: unknown[], compute: () => T): T {
  if (!ORACLE_CACHE_ENABLED) return compute();
  const key = `${kind}-${createHash('sha256').update(JSON.stringify([kind, ...inputs])).digest('hex')}`;
  if (memory.has(key)) return memory.get(key) as T;
  const file = join(CACHE_DIR, `${key}.json`);
  let value: T;
  try {
    value = (JSON.parse(readFileSync(file, 'utf8')) as { value: T }).value;
  } catch {
    value = compute();
    store(key, value);
  }
  memory.set(key, value);
  return value;
}

/** `oracleCached` for a computation that is asynchronous (WebCrypto key generation). */
export async function oracleCachedAsync<T>(kind: string, inputs: unknown[], compute: () => Promise<T>): Promise<T> {
  if (!ORACLE_CACHE_ENABLED) return compute();
  const key = `${kind}-${createHash('sha256').update(JSON.stringify([kind, ...inputs])).digest('hex')}`;
  if (memory.has(key)) return memory.get(key) as T;
  let value: T;
  try {
    value = (JSON.parse(readFileSync(join(CACHE_DIR, `${key}.json`), 'utf8')) as { value: T }).value;
  } catch {
    value = await compute();
    store(key, value);
  }
  memory.set(key, value);
  return value;
}

function store(key: string, value: unknown): void {
  const file = join(CACHE_DIR, `${key}.json`);
  mkdirSync(CACHE_DIR, { recursive: true });
  // Written under a unique name, then renamed: two test processes never read half a file.
  const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(partial, JSON.stringify({ value }));
  renameSync(partial, file);
}
