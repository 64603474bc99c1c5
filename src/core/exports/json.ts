// The JSON report of the contract (docs/contract.md, "JSON report"): the one envelope the CLI's
// --json and the page's "Export report (JSON)" both write.
import { toContractReport } from '../report';
import type { InspectReport } from '../types';
import type { ExportFormat } from './format';

declare const __SAMLSCOPE_VERSION__: string;
/** Injected at build time (scripts/build-cli.mjs); in dev and tests it falls back. */
export const TOOL_VERSION: string = typeof __SAMLSCOPE_VERSION__ === 'string' ? __SAMLSCOPE_VERSION__ : '0.0.0-dev';

/** The CONTRACT §2 envelope, for one or several reports. */
export function reportsToJson(reports: InspectReport[], version: string = TOOL_VERSION) {
  return { tool: toolOf(version), reports: reports.map(toContractReport) };
}

/** Who wrote a JSON document: the head of every JSON the CLI prints (inspect, oidc, metadata). */
export function toolOf(version: string = TOOL_VERSION) {
  return { name: 'samlscope' as const, version };
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
  render: (reports, options = {}) => jsonEnvelopeText({ reports: reports.map(toContractReport) }, options.version),
};
