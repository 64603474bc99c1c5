// What the inspection worker does for each request kind (protocol.ts). Plain async functions over
// the core, so they are tested in Node like the core itself; inspection.worker.ts only routes.
import { inspectInput } from '../../core/inspect';
import { inspectOidc } from '../../core/oidc';
import { decodeShareFragment } from '../../core/share';
import { buildShareArtifacts } from '../features/sharing/artifacts';
import { inspectWithMaskedTrust } from '../features/sharing/maskedTrust';
import { parseShareFile } from '../features/sharing/shareFile';
import { aggregateWarmUpInput } from './aggregateWarmUp';
import { METADATA_HANDLERS } from './metadataHandlers';
import type { InspectRunView, RequestOf, ResponseOf, WorkerRequestKind } from './protocol';
import { reportViewOf } from './reportOverview';
import { entityDetail, keepRun, messageDetail } from './resultStore';
import { readInputFile, refusedFileReport, type FileRead } from './fileInput';
import { receivedMessageOf } from './shownText';
import type { InspectRun } from '../features/sharing/maskedTrust';

type Handlers = { [K in WorkerRequestKind]: (request: RequestOf<K>) => Promise<ResponseOf<K>> };

export const WORKER_HANDLERS: Handlers = {
  inspect: async ({ selected = 0, file, ...request }): Promise<InspectRunView> => {
    const run = await inspectRequest(file ? await readInputFile(file, request.source) : null, request);
    const runId = keepRun(run);
    const index = Math.min(Math.max(0, selected), run.report.messages.length - 1);
    const message = run.report.messages[index];
    return { ...run, runId, report: reportViewOf(run.report), selected: message ? { index, message: receivedMessageOf(message, { runId, message: index }) } : null };
  },
  'message-detail': async ({ runId, index }) => {
    const message = messageDetail(runId, index);
    return message ? receivedMessageOf(message, { runId, message: index }) : null;
  },
  'entity-detail': async ({ runId, message, entity }) => entityDetail(runId, message, entity),
  'warm-up': async ({ aggregateEntity, ...request }) => {
    reportViewOf((await inspectWithMaskedTrust(request)).report);
    const aggregate = aggregateEntity ? aggregateWarmUpInput(aggregateEntity) : null;
    // Read in parts whatever its size: that is the path of an aggregate pasted for real.
    if (aggregate) {
      const report = await inspectInput(aggregate, 'warm-up', { ...request.options, aggregateInPartsMinChars: 0 });
      reportViewOf(report);
      if (report.messages[0]) receivedMessageOf(report.messages[0], { runId: 0, message: 0 });
    }
    return null;
  },
  oidc: ({ input, options }) => inspectOidc(input, options),
  'open-share': async ({ fragment }) => decodeShareFragment(fragment),
  'open-share-file': async ({ text }) => parseShareFile(text),
  'share-artifacts': ({ ctx, fields }) => buildShareArtifacts(ctx, fields),
  ...METADATA_HANDLERS,
};

/** The inspection of the request's text, or of the file read for it (`read`); a file refused is a report with its error. */
async function inspectRequest(read: FileRead | null, request: Omit<RequestOf<'inspect'>, 'file' | 'selected'>): Promise<InspectRun> {
  if (!read) return inspectWithMaskedTrust(request);
  if (!read.ok) return { report: refusedFileReport(request.source, read.error, request.options.at ?? new Date()), maskedTrustCertificates: 0, maskedTrustErrors: [] };
  return inspectWithMaskedTrust({ ...request, input: read.text });
}
