// What the inspection worker does for each request kind (protocol.ts). Plain async functions over
// the core, so they are tested in Node like the core itself; inspection.worker.ts only routes.
import { inspectOidc } from '../../core/oidc';
import { decodeShareFragment } from '../../core/share';
import { buildShareArtifacts } from '../features/sharing/artifacts';
import { inspectWithMaskedTrust } from '../features/sharing/maskedTrust';
import { parseShareFile } from '../features/sharing/shareFile';
import type { RequestOf, ResponseOf, WorkerRequestKind } from './protocol';

type Handlers = { [K in WorkerRequestKind]: (request: RequestOf<K>) => Promise<ResponseOf<K>> };

export const WORKER_HANDLERS: Handlers = {
  inspect: inspectWithMaskedTrust,
  oidc: ({ input, options }) => inspectOidc(input, options),
  'open-share': async ({ fragment }) => decodeShareFragment(fragment),
  'open-share-file': async ({ text }) => parseShareFile(text),
  'share-artifacts': ({ ctx, fields }) => buildShareArtifacts(ctx, fields),
};
