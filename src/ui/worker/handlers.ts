// What the inspection worker does for each request kind (protocol.ts). Plain async functions over
// the core, so they are tested in Node like the core itself; inspection.worker.ts only routes.
import { inspectInput } from '../../core/inspect';
import { inspectOidc } from '../../core/oidc';
import { decodeShareFragment, withoutMaskedCertificates } from '../../core/share';
import { parseTrustInputs } from '../../core/x509/trust';
import type { InputError } from '../../core/types';
import { buildShareArtifacts } from '../share/artifacts';
import { parseShareFile } from '../share/shareFile';
import type { InspectRun, RequestOf, ResponseOf, WorkerRequestKind } from './protocol';

/**
 * inspectInput over the trust without its masked certificates. The errors of the entries that
 * held masks are computed alone (the other entries blanked, so each error carries the same
 * "trust input N" label) and moved out of `trustErrors`: they describe the masking.
 */
export async function inspectWithMaskedTrust({ input, source, options }: RequestOf<'inspect'>): Promise<InspectRun> {
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

type Handlers = { [K in WorkerRequestKind]: (request: RequestOf<K>) => Promise<ResponseOf<K>> };

export const WORKER_HANDLERS: Handlers = {
  inspect: inspectWithMaskedTrust,
  oidc: ({ input, options }) => inspectOidc(input, options),
  'open-share': async ({ fragment }) => decodeShareFragment(fragment),
  'open-share-file': async ({ text }) => parseShareFile(text),
  'share-artifacts': ({ ctx, fields }) => buildShareArtifacts(ctx, fields),
};
