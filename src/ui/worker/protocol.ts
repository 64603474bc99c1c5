// The one request/response protocol between the page and its inspection worker
// (inspection.worker.ts). Everything here crosses postMessage, so it is plain data: strings,
// numbers, booleans, arrays, plain objects and Dates (HTML "structured clone"; no functions, no
// DOM nodes, no class instances whose methods the page would need).
import type { OidcInspectOptions, OidcReport } from '../../core/oidc';
import type { EntitySummary, InputError, InspectedMessage, InspectOptions, Result } from '../../core/types';
import type { RedactionField, ShareError, ShareState } from '../../core/share';
import type { ShareArtifacts, ShareContext } from '../features/sharing/artifacts';
import type { InspectRun } from '../features/sharing/maskedTrust';
import type { MetadataWorkerRequests } from './metadataHandlers';
import type { ReportView } from './reportOverview';
import type { ReceivedMessage } from './shownText';
import type { ReplyPart } from './sliceTransfer';

export type { InspectRun };

/**
 * An inspection as the page receives it: the bounded overview of the report, and in full only
 * the message the page asked to show (`selected`), when the report has it. The worker keeps the
 * whole run under `runId` for `message-detail` requests.
 */
export interface InspectRunView extends Omit<InspectRun, 'report'> {
  runId: number;
  report: ReportView;
  /** Its XML texts are their start only when long (shownText.ts). */
  selected: { index: number; message: ReceivedMessage } | null;
}

/** What an inspection needs: the input as pasted, its source, the options (trust, time, expectations). */
export interface InspectRequest {
  input: string;
  /**
   * A file inspected as a file (fileInput.ts): the worker reads it and `input` is ignored; the
   * page never holds its text (PAGE_LIMITS.fileInputMinBytes).
   */
  file?: Blob;
  source: string;
  options: InspectOptions;
  selected?: number;
}

/** The warm-up's inspection, and the EntityDescriptor its made-up aggregate repeats (aggregateWarmUp.ts). */
export interface WarmUpRequest extends InspectRequest {
  aggregateEntity?: string;
}

export interface WorkerRequests extends MetadataWorkerRequests {
  /**
   * inspectInput, with masked certificates left out of the trust. The worker keeps the full run;
   * the page receives its overview and message `selected` (default 0) in full.
   */
  inspect: { request: InspectRequest; response: InspectRunView };
  /**
   * An inspection whose result is dropped, run by a fresh worker while the page is idle
   * (runner.ts prepare): a worker's first inspection costs many times a later one, as V8
   * compiles each function on its first call. With `aggregateEntity` (one EntityDescriptor), a
   * made-up aggregate of its copies follows (aggregateWarmUp.ts), for the first pasted aggregate's
   * sake. Nothing is kept; the reply is null.
   */
  'warm-up': { request: WarmUpRequest; response: null };
  /** Message `index` of the kept run `runId` in full; null when that run is no longer kept (a newer run replaced it). */
  'message-detail': { request: { runId: number; index: number }; response: ReceivedMessage | null };
  /**
   * Entity `entity` of message `message` of the kept run `runId`, in full (its roles, keys,
   * endpoints, certificates): the page holds only the entity table's columns (entityColumns.ts)
   * and asks when a row opens. null when that run is no longer kept (replaced, or the worker
   * restarted): the page says so rather than show another run's entity.
   */
  'entity-detail': { request: { runId: number; message: number; entity: number }; response: EntitySummary | null };
  /** inspectOidc (the /oidc page). */
  oidc: { request: { input: string; options: OidcInspectOptions }; response: OidcReport };
  /** Decode and validate a `#share=` fragment (inflating is bounded in core/share/state.ts). */
  'open-share': { request: { fragment: string }; response: Result<ShareState, ShareError> };
  /** Parse and validate a dropped or opened share file (shareFile.ts); null when the text is not one. */
  'open-share-file': { request: { text: string }; response: Result<ShareState, ShareError> | null };
  /** Redact and re-inspect for the Share panel's link and exports. */
  'share-artifacts': { request: { ctx: ShareContext; fields: RedactionField[] }; response: Result<ShareArtifacts, InputError> };
}

export type WorkerRequestKind = keyof WorkerRequests;
export type RequestOf<K extends WorkerRequestKind> = WorkerRequests[K]['request'];
export type ResponseOf<K extends WorkerRequestKind> = WorkerRequests[K]['response'];

/**
 * A request as posted to the worker; `id` pairs it with its reply. `inputParts`: how many
 * WorkerInputParts follow with the rest of its input (inputSlices.ts); the worker runs it once
 * they have all arrived.
 */
export type WorkerEnvelope = { [K in WorkerRequestKind]: { id: number; kind: K; request: RequestOf<K>; inputParts?: number } }[WorkerRequestKind];

/** A slice of the input of request `id`, appended in order. */
export interface WorkerInputPart {
  id: number;
  inputPart: string;
}

export type WorkerInbound = WorkerEnvelope | WorkerInputPart;

/**
 * Why a run produced no result. `run-timeout`: over the run-time budget (core/limits.ts
 * RUN_TIME_BUDGET_MS), the worker was terminated. `run-cancelled`: the user pressed Cancel.
 * `run-internal-error`: the core threw (a bug: errors are values there). `run-worker-failed`:
 * the worker could not start or its reply could not be cloned.
 */
export type RunErrorCode = 'run-timeout' | 'run-cancelled' | 'run-internal-error' | 'run-worker-failed';

export interface RunError {
  code: RunErrorCode;
  message: string;
}

/** A reply; `parts`: how many WorkerReplyParts follow with the rest of its long arrays (sliceTransfer.ts). */
export type WorkerReply = { id: number; ok: true; value: unknown; parts?: number } | { id: number; ok: false; error: RunError };

/** Items of a long array of reply `id`, appended by the page in order. */
export interface WorkerReplyPart {
  id: number;
  part: ReplyPart;
}

export type WorkerMessage = WorkerReply | WorkerReplyPart;
