// The run-time budget the page's watchdog applies (core/limits.ts RUN_TIME_BUDGET_MS). Tests lower
// it through a localStorage key whose name says what it is for: nobody sets it by accident, it
// can only lower the budget, never raise it, and the page says when it is in effect.
import { AGGREGATE_IN_PARTS_MIN_CHARS, METADATA_RUN_TIME_BUDGET_MS, RUN_TIME_BUDGET_MIN_MS, RUN_TIME_BUDGET_MS } from '../../core/limits';

export const RUN_BUDGET_TEST_KEY = 'samlscope.testing.runBudgetMs';

/**
 * The budget for the next run, in milliseconds. Inspecting an input as large as a federation
 * aggregate (AGGREGATE_IN_PARTS_MIN_CHARS and more) gets the metadata tools' budget: a 10 MB
 * aggregate takes seconds of CPU, more on a loaded machine, where one message takes milliseconds.
 */
export function runBudgetMs(kind?: string, request?: unknown): number {
  const { input, file } = kind === 'inspect' ? ((request as { input?: unknown; file?: unknown } | undefined) ?? {}) : {};
  const large = (typeof input === 'string' && input.length >= AGGREGATE_IN_PARTS_MIN_CHARS) || (typeof Blob !== 'undefined' && file instanceof Blob && file.size >= AGGREGATE_IN_PARTS_MIN_CHARS);
  return loweredBudgetMs() ?? (large ? METADATA_RUN_TIME_BUDGET_MS : RUN_TIME_BUDGET_MS);
}

/** The lowered budget when a test set one, else null. */
export function loweredBudgetMs(): number | null {
  let raw: string | null = null;
  try {
    raw = globalThis.localStorage?.getItem(RUN_BUDGET_TEST_KEY) ?? null;
  } catch {
    return null; // storage refused: the default budget
  }
  return parseLoweredBudget(raw);
}

export function parseLoweredBudget(raw: string | null): number | null {
  if (raw === null || !/^\d{1,9}$/.test(raw.trim())) return null;
  const ms = Number(raw.trim());
  return ms < RUN_TIME_BUDGET_MS ? Math.max(ms, RUN_TIME_BUDGET_MIN_MS) : null;
}
