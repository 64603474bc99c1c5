// What an export format is: one way of writing inspection reports down (the JSON report of the
// contract, Markdown for a ticket…), as one unit the ordered registry (./index.ts) lists. The page
// offers one button per format (Share panel), the CLI one `--format` value per format; a new
// format is one new file here and one line in the registry.
import type { ReportedVerdicts } from '../share/state';
import type { Surface } from '../findings/fix';
import type { InspectReport } from '../types';

export interface ExportOptions {
  /** The tool version the JSON envelope names (default: the build's). */
  version?: string;
  /** Where the export is read: fixes add the page's field names or the CLI's flags (default 'page'). */
  surface?: Surface;
  /** An aggregate's per-entity metadata summaries (default true; the CLI's `--entities`). */
  entities?: boolean;
  /** A redacted report: says what was masked, at the top of the text. */
  redactedNote?: string;
  /** A redacted report: the verdicts the unredacted messages had, one per message (docs/sharing.md). */
  reportedVerdicts?: ReportedVerdicts[];
}

export interface ExportFormat {
  /** The CLI's `--format` value. */
  readonly name: string;
  /** What the page calls it: its button reads "Export <label>". */
  readonly label: string;
  /** The media type of a downloaded file (RFC 6838). */
  readonly mediaType: string;
  /** Appended to the input's file stem for a download ("login" → "login.report.json"). */
  readonly fileSuffix: string;
  /** The page also offers "Copy <label>" to the clipboard. */
  readonly copyable: boolean;
  /** The reports, in the order given, as the text of one file. */
  render(reports: InspectReport[], options?: ExportOptions): string;
}
