import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const CORPUS_DIR = resolve(__dirname, '../../../../shared/corpus');

export interface CorpusEntry {
  file: string;
  kind: string;
  trust?: { cert_file?: string; metadata_file?: string };
  at_time?: string;
  decryption_key?: string;
  expected: { signature: string; per_signature?: Record<string, string>; notes?: string };
}

export const readCorpus = (f: string) => readFileSync(resolve(CORPUS_DIR, f), 'utf8');
export const corpusManifest = (): CorpusEntry[] => JSON.parse(readCorpus('manifest.json'));
export function trustOf(e: CorpusEntry): string[] {
  const out: string[] = [];
  if (e.trust?.cert_file) out.push(readCorpus(e.trust.cert_file));
  if (e.trust?.metadata_file) out.push(readCorpus(e.trust.metadata_file));
  return out;
}
