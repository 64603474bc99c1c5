// What the Share panel hands out, built from what the inspect view holds. Redaction applies to
// every artefact (link, share file, Markdown, JSON, XML): choosing to mask a value and then
// exporting it unmasked by another button would be a trap. The page holds only a bounded overview
// of its inspection (worker/reportOverview.ts), so the exports' report is computed here, in the
// worker, by inspecting the same input at the same instant again.
import { inspectWithMaskedTrust } from './maskedTrust';
import {
  createShareState,
  inspectOptionsOf,
  redactShareState,
  type RedactionField,
  type ReportedVerdicts,
  type ShareState,
} from '../../../core/share';
import type { InputError, InspectOptions, InspectReport, MessageKind, Result } from '../../../core/types';
import { fail, ok } from '../../../core/types';

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

export const REDACTION_LABELS: Record<RedactionField, string> = {
  nameid: 'NameID',
  attributes: 'Attribute values',
  emails: 'E-mail addresses anywhere',
  certificates: 'Certificates',
  signatures: 'Signature and digest values',
};

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

export function redactedNoteOf(fields: readonly RedactionField[], maskedCount: number): string {
  const what = fields.map((f) => REDACTION_LABELS[f].toLowerCase()).join(', ');
  return (
    `The sharer masked ${what} (${maskedCount} distinct value${maskedCount === 1 ? '' : 's'}). ` +
    'Signatures over masked content cannot be re-checked on this copy: masking changes signed content, signature values or digests ' +
    '(and a Redirect query signature covers the original octets). Everything else is inspected afresh by the recipient.'
  );
}

/** The report of the view `ctx` describes, as the page's inspection computed it. */
export async function reportOfContext(ctx: ShareContext): Promise<InspectReport> {
  const options: InspectOptions = { ...ctx.options, trust: ctx.trust, at: new Date(ctx.evaluatedAt) };
  if (ctx.decryptionKeys && ctx.decryptionKeys.length > 0) options.decryptionKeys = ctx.decryptionKeys;
  return (await inspectWithMaskedTrust({ input: ctx.input, source: ctx.source, options })).report;
}

export async function buildShareArtifacts(ctx: ShareContext, fields: readonly RedactionField[]): Promise<Result<ShareArtifacts, InputError>> {
  const state = shareStateOf(ctx);
  const original = await reportOfContext(ctx);
  if (fields.length === 0) return ok({ state, report: original, maskedCount: 0, notes: [] });
  const redacted = await redactShareState(state, fields, original);
  if (!redacted.ok) return fail(redacted.error);
  const r = redacted.value;
  // What the recipient will see: masked trust certificates are masks, not input errors.
  const { report } = await inspectWithMaskedTrust({ input: r.state.input, source: r.state.source ?? 'redacted', options: inspectOptionsOf(r.state) });
  return ok({
    state: r.state,
    report,
    reportedVerdicts: r.state.redacted?.reportedVerdicts,
    redactedNote: redactedNoteOf(fields, r.maskedCount),
    maskedCount: r.maskedCount,
    notes: r.notes,
  });
}
