// `samlscope inspect --format NAME`: every export format of core/exports, written by the same
// render the page's Share panel uses (the JSON envelope of --json is the `json` format).
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../core/corpus/corpus.testutil';
import { EXPORT_FORMATS, reportToMarkdown } from '../core/exports';
import { inspectInput } from '../core/inspect';

const root = resolve(__dirname, '../..');
const cli = resolve(root, 'dist/cli.mjs');
const run = (args: string[]) => spawnSync('node', [cli, ...args], { cwd: root, encoding: 'utf8' });
const METADATA = resolve(CORPUS_DIR, 'crewjam__onelogin_idp_metadata.xml');
const RESPONSE = resolve(CORPUS_DIR, 'crewjam__onelogin_response.xml');
const AT = '2016-01-05T17:53:30Z';

beforeAll(() => {
  execFileSync('node', ['scripts/build-cli.mjs'], { cwd: root, stdio: 'ignore' });
});

describe('samlscope inspect --format', () => {
  it('--format json prints exactly what --json prints', () => {
    const json = run(['inspect', '--json', '--metadata', METADATA, '--at', AT, RESPONSE]);
    const format = run(['inspect', '--format', 'json', '--metadata', METADATA, '--at', AT, RESPONSE]);
    expect(format.status).toBe(json.status);
    expect(format.stdout).toBe(json.stdout);
    expect(JSON.parse(format.stdout).tool.name).toBe('samlscope');
  });

  it('--format markdown prints the Markdown the page exports', async () => {
    const r = run(['inspect', '--format=markdown', '--metadata', METADATA, '--at', AT, RESPONSE]);
    expect(r.status).toBe(0);
    const report = await inspectInput(readFileSync(RESPONSE, 'utf8'), RESPONSE, { trust: [readFileSync(METADATA, 'utf8')], at: new Date(AT) });
    expect(r.stdout).toBe(reportToMarkdown(report));
  });

  it('refuses a format that is not in the registry, naming those that are', () => {
    const r = run(['inspect', '--format', 'pdf', RESPONSE]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`--format must be one of ${EXPORT_FORMATS.map((f) => f.name).join(', ')}.`);
  });
});
