// What the Share panel hands out, built from what the inspect view holds. Redaction applies to
// every artefact (link, share file, Markdown, JSON, XML): choosing to mask a value and then
// exporting it unmasked by another button would be a trap.
import { inspectWithMaskedTrust } from './maskedTrust';
import {
  createShareState,
  inspectOptionsOf,
  redactShareState,
  type RedactionField,
  type ReportedVerdicts,
  type ShareState,
} from '../../../core/share';
import type { InputError, InspectOptions, InspectReport, Result } from '../../../core/types';
import { fail, ok } from '../../../core/types';

export interface ShareContext {
  input: string;
  source: string;
  trust: string[];
  /** Expectations, skew and profile as the view uses them (evaluation time comes from the report). */
  options: Omit<InspectOptions, 'at' | 'trust'>;
  selected: number;
  /** The inspection currently shown: its evaluatedAt is the instant recorded in the link. */
  report: InspectReport;
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
    options: { ...ctx.options, at: new Date(ctx.report.evaluatedAt) },
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

export async function buildShareArtifacts(ctx: ShareContext, fields: readonly RedactionField[]): Promise<Result<ShareArtifacts, InputError>> {
  const state = shareStateOf(ctx);
  if (fields.length === 0) return ok({ state, report: ctx.report, maskedCount: 0, notes: [] });
  const redacted = await redactShareState(state, fields, ctx.report);
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
