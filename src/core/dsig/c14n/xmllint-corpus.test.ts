// Oracle: whole-document canonicalization of every real message in test/corpus/, compared
// byte for byte with libxml2 (`xmllint --c14n` / `--exc-c14n` / `--c14n11`, all *with* comments).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { readXml } from '../../xml/reader';
import { C14N_URIS, canonicalize } from './index';

const XMLLINT = '/usr/bin/xmllint';
const CORPUS = join(__dirname, '../../../../test/corpus');

function xmllint(flag: '--c14n' | '--exc-c14n' | '--c14n11', file: string): string | null {
  const r = spawnSync(XMLLINT, [flag, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) return null; // libxml2 rejects the file: nothing to compare against
  return r.stdout;
}

describe('whole-document c14n vs xmllint on the corpus', () => {
  it('has xmllint installed', () => {
    expect(existsSync(XMLLINT), `${XMLLINT} is missing: apt-get install libxml2-utils`).toBe(true);
    // xmllint prints its version on stderr.
    expect(spawnSync(XMLLINT, ['--version'], { encoding: 'utf8' }).stderr).toMatch(/using libxml version \d+/);
  });

  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.xml')).sort();
  it('finds corpus files', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  for (const file of files) {
    it(file, () => {
      expect.hasAssertions();
      const path = join(CORPUS, file);
      const text = readFileSync(path, 'utf8');
      // No corpus message has a DTD (the reader refuses one before canonicalization: input-dtd-forbidden).
      expect(text).not.toMatch(/<!DOCTYPE/i);
      const inclusive = xmllint('--c14n', path);
      const exclusive = xmllint('--exc-c14n', path);
      const inclusive11 = xmllint('--c14n11', path);
      if (inclusive === null || exclusive === null || inclusive11 === null) {
        // libxml2 refuses the document (of the corpus, only the message with two root elements):
        // nothing to compare with, so the reader must refuse it as well.
        expect([inclusive, exclusive, inclusive11], `${file}: xmllint refuses one c14n but not the others`).toEqual([null, null, null]);
        expect(readXml(text).ok, `${file}: libxml2 refuses it, the reader accepts it`).toBe(false);
        return;
      }
      // libxml2 reads it, so the core's reader must too; xmldom (used by the mock SP) is checked alongside.
      const light = readXml(text);
      if (!light.ok) {
        // Only what libxml2 itself flags (it recovers from namespace errors such as a "::foo" QName).
        const lint = spawnSync(XMLLINT, ['--noout', path], { encoding: 'utf8' });
        expect(lint.stderr, `${file}: refused by the reader (${light.error.message}) but clean for libxml2`).toMatch(/error/);
      }
      const docs: Array<[string, Document]> = light.ok ? [['reader', light.value as unknown as Document]] : [];
      try {
        docs.push(['xmldom', new DOMParser({ onError: () => {} }).parseFromString(text, 'text/xml') as unknown as Document]);
      } catch {
        // xmldom refuses it (multiple roots, misplaced declaration): only the reader is compared
      }
      for (const [parser, doc] of docs) {
        const inc = canonicalize(doc, { algorithm: C14N_URIS.inclusiveWithComments });
        const exc = canonicalize(doc, { algorithm: C14N_URIS.exclusiveWithComments });
        expect(inc.ok && inc.value, `${parser} inclusive`).toBe(inclusive);
        expect(exc.ok && exc.value, `${parser} exclusive`).toBe(exclusive);
        const inc11 = canonicalize(doc, { algorithm: C14N_URIS.inclusive11WithComments });
        expect(inc11.ok && inc11.value, `${parser} inclusive 1.1`).toBe(inclusive11);
      }
    });
  }
});
