// The ordered registry of export formats: what the page's Share panel and the CLI's --format list.
import { describe, expect, it } from 'vitest';
import { inspectInput } from '../inspect';
import { readCorpus } from '../share/share.testutil';
import { EXPORT_FORMATS, exportFormatNamed, reportsToJson, reportToMarkdown } from './index';

describe('EXPORT_FORMATS', () => {
  it('lists JSON, then Markdown, each with a media type and a file suffix', () => {
    expect(EXPORT_FORMATS.map((f) => [f.name, f.label, f.mediaType, f.fileSuffix, f.copyable])).toEqual([
      ['json', 'report (JSON)', 'application/json', '.report.json', false],
      ['markdown', 'Markdown', 'text/markdown', '.md', true],
    ]);
    expect(exportFormatNamed('markdown')).toBe(EXPORT_FORMATS[1]);
    expect(exportFormatNamed('pdf')).toBeUndefined();
  });

  it('renders one report as the page exports it and several as the CLI prints them', async () => {
    const at = new Date('2016-01-05T17:53:30Z');
    const a = await inspectInput(readCorpus('crewjam__onelogin_response.xml'), 'a.xml', { at });
    const b = await inspectInput(readCorpus('crewjam__xsw_permutation_one.xml'), 'b.xml', { at });
    const json = exportFormatNamed('json')!;
    expect(JSON.parse(json.render([a, b], { version: '9.9.9' }))).toEqual(JSON.parse(JSON.stringify(reportsToJson([a, b], '9.9.9'))));
    expect(json.render([a]).endsWith('}\n')).toBe(true);
    const md = exportFormatNamed('markdown')!;
    expect(md.render([a])).toBe(reportToMarkdown(a));
    expect(md.render([a, b])).toBe(`${reportToMarkdown(a)}\n---\n\n${reportToMarkdown(b)}`);
  });
});
