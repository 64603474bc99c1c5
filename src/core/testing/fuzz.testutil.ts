// Shared settings of the fuzz suites (`*.fuzz.test.ts`): a short run inside `npm test`, a long
// one behind `npm run fuzz` (SAMLSCOPE_FUZZ_RUNS). fast-check prints the seed and path of any
// failure; SAMLSCOPE_FUZZ_SEED replays one.

/** Runs per property: short by default, `npm run fuzz` raises it. */
export function fuzzRuns(short: number): number {
  const env = Number(process.env.SAMLSCOPE_FUZZ_RUNS ?? '');
  return Number.isFinite(env) && env > 0 ? env : short;
}

/** fast-check parameters every fuzz property uses: run count, optional fixed seed, verbose failures. */
export function fuzzParameters(short: number): { numRuns: number; seed?: number; verbose: 1 } {
  const seed = Number(process.env.SAMLSCOPE_FUZZ_SEED ?? '');
  return { numRuns: fuzzRuns(short), verbose: 1, ...(Number.isInteger(seed) && process.env.SAMLSCOPE_FUZZ_SEED ? { seed } : {}) };
}
