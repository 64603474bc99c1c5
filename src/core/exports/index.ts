// The export formats, in the order the page shows them. A new format: one file in this folder,
// one line here; the page's Share panel and the CLI's --format pick it up.
import type { ExportFormat } from './format';
import { jsonExport } from './json';
import { markdownExport } from './markdown';

export type { ExportFormat, ExportOptions } from './format';
export { jsonEnvelopeText, reportsToJson, TOOL_VERSION } from './json';
export { escapeMarkdown, reportToMarkdown, type MarkdownOptions } from './markdown';

export const EXPORT_FORMATS: readonly ExportFormat[] = [jsonExport, markdownExport];

export function exportFormatNamed(name: string): ExportFormat | undefined {
  return EXPORT_FORMATS.find((f) => f.name === name);
}
