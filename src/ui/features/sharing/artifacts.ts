// What the Share panel hands out, built from what the inspect view holds. Redaction applies to
// every artefact (link, share file, Markdown, JSON, XML): choosing to mask a value and then
// exporting it unmasked by another button would be a trap. The page holds only a bounded overview
// of its inspection (worker/reportOverview.ts), so the exports' report is computed here, in the
// worker, by inspecting the same input at the same instant again.
import { inspectWithMaskedTrust } from './maskedTrust';
import { inspectOptionsOf, type RedactionField } from '../../../core/share/state';
import { redactShareState } from '../../../core/share/redact';
import type { InputError, InspectOptions, InspectReport, Result } from '../../../core/types';
import { fail, ok } from '../../../core/types';
import { redactedNoteOf, shareStateOf, type ShareArtifacts, type ShareContext } from './shareContext';

export { REDACTION_LABELS, redactedNoteOf, shareStateOf, type ShareArtifacts, type ShareContext } from './shareContext';

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
