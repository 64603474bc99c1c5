// The JSON report of the contract (docs/contract.md, "JSON report"): the one envelope the CLI's
// --json and the page's "Export report (JSON)" both write.
import { toContractReport } from '../report';
import type { InspectReport } from '../types';
import { TOOL_VERSION, toolOf } from '../tool';
import type { ExportFormat } from './format';

import type { Surface } from '../findings/fix';

export { TOOL_VERSION };

/** The CONTRACT §2 envelope, for one or several reports. */
export function reportsToJson(reports: InspectReport[], version: string = TOOL_VERSION, surface: Surface = 'page') {
  return { tool: toolOf(version), reports: reports.map((r) => toContractReport(r, surface)) };
}

/** `body` under the tool head, pretty-printed, one trailing line break: what the CLI's --json prints. */
export function jsonEnvelopeText(body: object, version: string = TOOL_VERSION): string {
  return `${JSON.stringify({ tool: toolOf(version), ...body }, null, 2)}\n`;
}

export const jsonExport: ExportFormat = {
  name: 'json',
  label: 'report (JSON)',
  mediaType: 'application/json',
  fileSuffix: '.report.json',
  copyable: false,
  render: (reports, options = {}) => jsonEnvelopeText({ reports: reports.map((r) => toContractReport(r, options.surface ?? 'page', { entities: options.entities ?? true })) }, options.version),
};
