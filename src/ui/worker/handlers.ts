// What the inspection worker does for each request kind (protocol.ts). Plain async functions over
// the core, so they are tested in Node like the core itself; inspection.worker.ts only routes.
import { inspectOidc } from '../../core/oidc';
import { decodeShareFragment } from '../../core/share';
import { buildShareArtifacts } from '../features/sharing/artifacts';
import { inspectWithMaskedTrust } from '../features/sharing/maskedTrust';
import { parseShareFile } from '../features/sharing/shareFile';
import { METADATA_HANDLERS } from './metadataHandlers';
import type { InspectRunView, RequestOf, ResponseOf, WorkerRequestKind } from './protocol';
import { reportViewOf } from './reportOverview';
import { keepRun, messageDetail } from './resultStore';

type Handlers = { [K in WorkerRequestKind]: (request: RequestOf<K>) => Promise<ResponseOf<K>> };

export const WORKER_HANDLERS: Handlers = {
  inspect: async ({ selected = 0, ...request }): Promise<InspectRunView> => {
    const run = await inspectWithMaskedTrust(request);
    const runId = keepRun(run);
    const index = Math.min(Math.max(0, selected), run.report.messages.length - 1);
    const message = run.report.messages[index];
    return { ...run, runId, report: reportViewOf(run.report), selected: message ? { index, message } : null };
  },
  'warm-up': async (request) => {
    reportViewOf((await inspectWithMaskedTrust(request)).report);
    return null;
  },
  'message-detail': async ({ runId, index }) => messageDetail(runId, index),
  oidc: ({ input, options }) => inspectOidc(input, options),
  'open-share': async ({ fragment }) => decodeShareFragment(fragment),
  'open-share-file': async ({ text }) => parseShareFile(text),
  'share-artifacts': ({ ctx, fields }) => buildShareArtifacts(ctx, fields),
  ...METADATA_HANDLERS,
};
