import { toContractReport } from '../report';
import type { InspectReport } from '../types';

declare const __SAMLSCOPE_VERSION__: string;
/** Injected at build time (scripts/build-cli.mjs); in dev and tests it falls back. */
export const TOOL_VERSION: string = typeof __SAMLSCOPE_VERSION__ === 'string' ? __SAMLSCOPE_VERSION__ : '0.0.0-dev';

/** The CONTRACT §2 envelope, the same the CLI prints with --json, for one or several reports. */
export function reportsToJson(reports: InspectReport[], version: string = TOOL_VERSION) {
  return { tool: { name: 'samlscope' as const, version }, reports: reports.map(toContractReport) };
}

/** CONTRACT §2 JSON of one report (the web page's "Export JSON"). */
export function reportToJson(report: InspectReport, version: string = TOOL_VERSION) {
  return reportsToJson([report], version);
}

/** The export as text, pretty-printed like the CLI's. */
export function reportToJsonText(report: InspectReport, version: string = TOOL_VERSION): string {
  return `${JSON.stringify(reportToJson(report, version), null, 2)}\n`;
}
