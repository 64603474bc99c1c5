import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { InspectReport } from '../types';

export const CORPUS_DIR = resolve(__dirname, '../../../test/corpus');
export interface Entry { file: string; kind: string; trust?: { cert_file?: string; metadata_file?: string }; at_time?: string; expected: { signature: string } }
export const readCorpus = (f: string) => readFileSync(resolve(CORPUS_DIR, f), 'utf8');
export const manifest = (): Entry[] => JSON.parse(readCorpus('manifest.json'));
export function trustOf(e: Entry): string[] {
  const out: string[] = [];
  if (e.trust?.cert_file) out.push(readCorpus(e.trust.cert_file));
  if (e.trust?.metadata_file) out.push(readCorpus(e.trust.metadata_file));
  return out;
}
/** Entries without a recorded instant are evaluated at a fixed one, so the tests never depend on "now". */
export const FIXED_AT = '2021-01-01T00:00:00.000Z';

/** What must survive a round trip: per message, finding codes, signature verdicts and trust. */
export function verdictsOf(r: InspectReport) {
  return {
    errors: r.errors.map((e) => e.code),
    messages: r.messages.map((m) => ({
      kind: m.kind,
      trusted: m.trusted,
      signatures: m.signatures.map((s) => `${s.target}:${s.verdict}`),
      findings: m.findings.map((f) => `${f.severity}:${f.code}`).sort(),
    })),
  };
}
