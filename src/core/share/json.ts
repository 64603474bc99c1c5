import type { Surface } from '../findings/fix';
import { toContractReport } from '../report';
import type { InspectReport } from '../types';

import { VERSION } from '../settings/version';

export const TOOL_VERSION: string = VERSION;

/**
 * The CONTRACT §2 envelope for one or several reports: the CLI prints it with --json (surface
 * 'cli'), the page exports it (surface 'page', the default here).
 */
export function reportsToJson(reports: InspectReport[], version: string = TOOL_VERSION, surface: Surface = 'page') {
  return { tool: { name: 'samlscope' as const, version }, reports: reports.map((r) => toContractReport(r, surface)) };
}

/** CONTRACT §2 JSON of one report (the web page's "Export JSON"). */
export function reportToJson(report: InspectReport, version: string = TOOL_VERSION) {
  return reportsToJson([report], version);
}

/** The export as text, pretty-printed like the CLI's. */
export function reportToJsonText(report: InspectReport, version: string = TOOL_VERSION): string {
  return `${JSON.stringify(reportToJson(report, version), null, 2)}\n`;
}
