// The metadata tools' requests to the inspection worker (route /metadata): lint, diff, pair and
// rollover of documents up to federation size run here, off the page's thread. Registered in
// protocol.ts (one `extends`) and handlers.ts (one spread).
import { diffMetadata, type DiffReport } from '../../core/mdtools/diff';
import { lintMetadata } from '../../core/mdtools/lint/lint';
import { pairMetadata, type PairReport } from '../../core/mdtools/pair/pair';
import { planRollover, type RolloverResult } from '../../core/mdtools/rollover';
import type { LintReport } from '../../core/mdtools/types';

export interface MetadataWorkerRequests {
  'metadata-lint': { request: { text: string; source: string; at: Date; schema: boolean }; response: LintReport };
  'metadata-diff': { request: { oldText: string; newText: string; oldSource: string; newSource: string }; response: DiffReport };
  'metadata-pair': { request: { idpText: string; spText: string; at: Date }; response: PairReport };
  'metadata-rollover': { request: { text: string; at: Date; propagationDays: number; partners: Array<{ source: string; text: string }> }; response: RolloverResult };
}

type Handlers = { [K in keyof MetadataWorkerRequests]: (request: MetadataWorkerRequests[K]['request']) => Promise<MetadataWorkerRequests[K]['response']> };

export const METADATA_HANDLERS: Handlers = {
  'metadata-lint': ({ text, source, at, schema }) => lintMetadata(text, source, { at, schema }),
  'metadata-diff': ({ oldText, newText, oldSource, newSource }) => diffMetadata(oldText, newText, oldSource, newSource),
  'metadata-pair': async ({ idpText, spText, at }) => pairMetadata(idpText, spText, 'IdP metadata', 'SP metadata', { at }),
  'metadata-rollover': ({ text, at, propagationDays, partners }) => planRollover(text, { at, propagationDays, partners }),
};
