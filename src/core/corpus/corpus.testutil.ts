import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const CORPUS_DIR = resolve(__dirname, '../../../test/corpus');

export interface CorpusEntry {
  file: string;
  kind: string;
  trust?: { cert_file?: string; metadata_file?: string };
  at_time?: string;
  decryption_key?: string;
  expected: { signature: string; per_signature?: Record<string, string>; notes?: string };
}

export const readCorpus = (f: string) => readFileSync(resolve(CORPUS_DIR, f), 'utf8');

/** The corpus's own description files, as opposed to the third-party fixtures (test/corpus/README.md). */
export const CORPUS_OWN_FILES = new Set(['README.md', 'ORIGINS.md', 'manifest.json', 'trust_files.json']);
/** Every third-party fixture file in the corpus (not the licence texts, not the index files), sorted. */
export const corpusDataFiles = (): string[] =>
  readdirSync(CORPUS_DIR, { withFileTypes: true }).filter((d) => d.isFile() && !CORPUS_OWN_FILES.has(d.name)).map((d) => d.name).sort();
export const corpusManifest = (): CorpusEntry[] => JSON.parse(readCorpus('manifest.json'));
export function trustOf(e: CorpusEntry): string[] {
  const out: string[] = [];
  if (e.trust?.cert_file) out.push(readCorpus(e.trust.cert_file));
  if (e.trust?.metadata_file) out.push(readCorpus(e.trust.metadata_file));
  return out;
}
