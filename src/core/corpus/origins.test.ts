// Every third-party fixture in test/corpus/ has a recorded origin (repository, path, commit) and
// a licence whose text ships beside it (test/corpus/README.md says why the licences ask for that).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, corpusDataFiles } from './corpus.testutil';

const LICENCE_FILES: Record<string, string> = {
  'crewjam/saml': 'LICENSES/crewjam-saml.BSD-2-Clause.txt',
  'russellhaering/gosaml2': 'LICENSES/russellhaering-gosaml2.Apache-2.0.txt',
  'SAML-Toolkits/ruby-saml': 'LICENSES/SAML-Toolkits-ruby-saml.MIT.txt',
  'SAML-Toolkits/python3-saml': 'LICENSES/SAML-Toolkits-python3-saml.MIT.txt',
  'node-saml/node-saml': 'LICENSES/node-saml-node-saml.MIT.txt',
};

const dataFiles = corpusDataFiles();
const rows = new Map(
  readFileSync(resolve(CORPUS_DIR, 'ORIGINS.md'), 'utf8').split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| file ')).map((l) => {
    const cells = l.split(' | ').map((c) => c.replace(/^\| |\s\|$/g, ''));
    return [cells[0], { repo: cells[1], commit: cells[3], licence: cells[5] }] as const;
  }),
);

describe('test/corpus origins and licences', () => {
  it('holds the 222 third-party files the tests were written against', () => {
    expect(dataFiles).toHaveLength(222);
  });

  it('records repository, commit and licence for every file', () => {
    expect.assertions(dataFiles.length * 3);
    for (const f of dataFiles) {
      const row = rows.get(f);
      expect(row, f).toBeDefined();
      expect(row!.commit, f).toMatch(/^[0-9a-f]{12}$/);
      expect(row!.licence, f).toContain(`(${LICENCE_FILES[row!.repo]})`);
    }
  });

  it('ships each source repository\'s licence text', () => {
    for (const [repo, file] of Object.entries(LICENCE_FILES)) {
      const text = readFileSync(resolve(CORPUS_DIR, file), 'utf8');
      expect(text, repo).toMatch(/Permission is hereby granted|Redistribution and use in source and binary forms|Apache License\s+Version 2\.0/);
    }
    expect(existsSync(resolve(CORPUS_DIR, 'LICENSES'))).toBe(true);
  });

  it('ORIGINS.md is what scripts/corpus-origins.mjs generates from the manifests', () => {
    const r = spawnSync(process.execPath, [resolve(CORPUS_DIR, '../../scripts/corpus-origins.mjs'), '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
