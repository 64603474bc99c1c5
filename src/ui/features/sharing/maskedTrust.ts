// Inspecting a state whose trust may hold redaction masks (a redacted share link or file): the
// masked certificates are left out and what they would have raised is reported as information.
import { inspectInput } from '../../../core/inspect';
import { withoutMaskedCertificates } from '../../../core/share';
import { parseTrustInputs } from '../../../core/trust/anchors';
import type { InputError, InspectOptions, InspectReport } from '../../../core/types';

/** An inspection as the page shows it: the core's report plus what was done to the trust. */
export interface InspectRun {
  report: InspectReport;
  /** Certificates of the trust that were redaction masks, left out (core/share/masks.ts). */
  maskedTrustCertificates: number;
  /** The trust errors of the entries whose certificates were masked: informational, not input errors. */
  maskedTrustErrors: InputError[];
}

/**
 * inspectInput over the trust without its masked certificates. The errors of the entries that
 * held masks are computed alone (the other entries blanked, so each error carries the same
 * "trust input N" label) and moved out of `trustErrors`: they describe the masking.
 */
export async function inspectWithMaskedTrust({ input, source, options }: { input: string; source: string; options: InspectOptions }): Promise<InspectRun> {
  const trust = options.trust ?? [];
  const perEntry = trust.map((t) => withoutMaskedCertificates([t]));
  const maskedTrustCertificates = perEntry.reduce((n, e) => n + e.maskedCertificates, 0);
  if (maskedTrustCertificates === 0) return { report: await inspectInput(input, source, options), maskedTrustCertificates: 0, maskedTrustErrors: [] };
  const stripped = perEntry.map((e) => e.trust[0] ?? '');
  const report = await inspectInput(input, source, { ...options, trust: stripped });
  const ofMasked = await parseTrustInputs(stripped.map((t, i) => (perEntry[i]!.maskedCertificates > 0 ? t : '')));
  const key = (e: InputError) => `${e.code}\u0000${e.message}`;
  const masked = new Set(ofMasked.errors.map(key));
  const maskedTrustErrors = report.trustErrors.filter((e) => masked.has(key(e)));
  report.trustErrors = report.trustErrors.filter((e) => !masked.has(key(e)));
  return { report, maskedTrustCertificates, maskedTrustErrors };
}

