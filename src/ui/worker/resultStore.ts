// The worker keeps the full result of its latest inspection (issue 10 point 4): the page gets a
// bounded overview (reportOverview.ts) and asks for one message's detail when it shows it. Only the
// latest run is kept — the page only ever shows the latest — so memory stays at one report.
import type { EntitySummary, InspectedMessage } from '../../core/types';
import type { InspectRun } from '../features/sharing/maskedTrust';

let latest: { runId: number; run: InspectRun } | null = null;
let nextRunId = 1;

/** Keeps `run` as the latest result (dropping the previous one); returns its id. */
export function keepRun(run: InspectRun): number {
  const runId = nextRunId++;
  latest = { runId, run };
  return runId;
}

/** Message `index` of run `runId` in full, or null when that run is no longer the latest. */
export function messageDetail(runId: number, index: number): InspectedMessage | null {
  if (!latest || latest.runId !== runId) return null;
  return latest.run.report.messages[index] ?? null;
}

/** Entity `entity` of message `message` of run `runId` in full, or null when that run is no longer the latest. */
export function entityDetail(runId: number, message: number, entity: number): EntitySummary | null {
  return messageDetail(runId, message)?.metadata?.entities[entity] ?? null;
}

/** The full result of run `runId`, or null when it is no longer kept. */
export function keptRun(runId: number): InspectRun | null {
  return latest && latest.runId === runId ? latest.run : null;
}
