// What the inspect page hands the Share and History panels, and what they get back: page-side
// and light (the page's first screen loads it). Building the artefacts inspects again, so it lives
// in artifacts.ts, which only the inspection worker loads.
import { createShareState, type RedactionField, type ReportedVerdicts, type ShareState } from '../../../core/share/state';
import type { InspectOptions, InspectReport, MessageKind } from '../../../core/types';

export { REDACTION_LABELS, redactedNoteOf } from './redaction';

export interface ShareContext {
  input: string;
  source: string;
  trust: string[];
  /** Expectations, skew and profile as the view uses them (evaluation time comes from the report). */
  options: Omit<InspectOptions, 'at' | 'trust'>;
  selected: number;
  /** When the inspection shown was evaluated: the instant recorded in the link and used for the exports. */
  evaluatedAt: string;
  /** Kind and issuer of each message shown (the history entry's title; whether there is a message to export). */
  messages: { kind: MessageKind; issuer: string | null }[];
  /** The SP keys the shown inspection decrypted with: the exports decrypt alike. Never part of a share state. */
  decryptionKeys?: string[];
}

export interface ShareArtifacts {
  state: ShareState;
  /** The report the exports describe: the original, or the inspection of the redacted copy. */
  report: InspectReport;
  reportedVerdicts?: ReportedVerdicts[];
  redactedNote?: string;
  maskedCount: number;
  notes: string[];
}

/** The state of the current view; `at` is the instant the shown findings were computed at. */
export function shareStateOf(ctx: ShareContext): ShareState {
  return createShareState({
    input: ctx.input,
    trust: ctx.trust,
    options: { ...ctx.options, at: new Date(ctx.evaluatedAt) },
    selected: ctx.selected,
    source: ctx.source,
  });
}
