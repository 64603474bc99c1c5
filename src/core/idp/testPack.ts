// The SP test pack's checklist and report: what the tester saw the SP do with each Response
// (or what the page detected), judged against what a safe SP does. "accepted xsw3: vulnerable".
import { VARIANTS, type VariantDefinition } from './variants';

/** What the SP did. `accepted-as-signed-user`: logged in someone else than the real user (comment injection's safe outcome). */
export type SpOutcome = 'not-run' | 'accepted' | 'rejected' | 'accepted-as-signed-user';
export type PackVerdict = 'not-run' | 'safe' | 'vulnerable' | 'broken';

/** The row of the valid Response: the baseline, which a working SP accepts. */
export const VALID_ROW = 'valid';

export interface PackResult {
  outcome: SpOutcome;
  /** Who marked it: the tester, or the page (the SP redirected back to the RelayState return URL). */
  source: 'tester' | 'detected';
  at: string;
}

export type PackResults = Record<string, PackResult>;

export function verdictOf(row: string, outcome: SpOutcome): PackVerdict {
  if (outcome === 'not-run') return 'not-run';
  if (row === VALID_ROW) return outcome === 'accepted' ? 'safe' : 'broken';
  const v = VARIANTS.find((x) => x.name === row);
  if (!v) return 'not-run';
  if (outcome === 'rejected') return 'safe';
  if (outcome === 'accepted-as-signed-user') return v.safeOutcome === 'reject-or-other-user' ? 'safe' : 'vulnerable';
  return 'vulnerable';
}

export interface PackRow {
  name: string;
  title: string;
  expectation: string;
  codes: string[];
  outcome: SpOutcome;
  source: PackResult['source'] | null;
  verdict: PackVerdict;
}

export function packRows(results: PackResults): PackRow[] {
  const row = (name: string, title: string, expectation: string, codes: string[]): PackRow => {
    const r = results[name];
    const outcome = r?.outcome ?? 'not-run';
    return { name, title, expectation, codes, outcome, source: r?.source ?? null, verdict: verdictOf(name, outcome) };
  };
  return [
    row(VALID_ROW, 'The valid Response', 'A working SP accepts it (otherwise the other results mean nothing).', []),
    ...VARIANTS.map((v: VariantDefinition) => row(v.name, v.title, v.expectation, v.codes)),
  ];
}

export interface PackSummary {
  total: number;
  run: number;
  safe: number;
  vulnerable: number;
  broken: number;
}

export function packSummary(rows: PackRow[]): PackSummary {
  const count = (v: PackVerdict) => rows.filter((r) => r.verdict === v).length;
  return { total: rows.length, run: rows.length - count('not-run'), safe: count('safe'), vulnerable: count('vulnerable'), broken: count('broken') };
}

export interface PackContext {
  spEntityId: string;
  acsUrl: string;
  idpEntityId: string;
  generatedAt: Date;
}

/** The report as JSON (stable field names, for an SP's own CI to read). */
export function packReportJson(results: PackResults, ctx: PackContext): string {
  const rows = packRows(results);
  return `${JSON.stringify(
    {
      tool: 'samlscope mock IdP test pack',
      generatedAt: ctx.generatedAt.toISOString(),
      sp: { entityId: ctx.spEntityId, acsUrl: ctx.acsUrl },
      idp: { entityId: ctx.idpEntityId },
      summary: packSummary(rows),
      results: rows.map((r) => ({ variant: r.name, outcome: r.outcome, verdict: r.verdict, markedBy: r.source, expected: r.expectation, samlscopeCodes: r.codes })),
    },
    null,
    2,
  )}\n`;
}

const OUTCOME_TEXT: Record<SpOutcome, string> = { 'not-run': 'not run', accepted: 'accepted', rejected: 'rejected', 'accepted-as-signed-user': 'accepted as the signed user' };

/** The report as Markdown: one line per result ("accepted xsw3: vulnerable"), then the table. */
export function packReportMarkdown(results: PackResults, ctx: PackContext): string {
  const rows = packRows(results);
  const s = packSummary(rows);
  const cell = (t: string) => t.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = [
    `# SP test pack: ${ctx.spEntityId}`,
    '',
    `ACS ${ctx.acsUrl}, mock IdP ${ctx.idpEntityId}, ${ctx.generatedAt.toISOString()}.`,
    '',
    `${s.run} of ${s.total} run: ${s.safe} safe, ${s.vulnerable} vulnerable, ${s.broken} broken.`,
    '',
    ...rows.filter((r) => r.verdict !== 'not-run').map((r) => `- ${OUTCOME_TEXT[r.outcome]} ${r.name}: ${r.verdict}`),
    '',
    '| variant | SP did | verdict | a safe SP | samlscope codes |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.name} | ${OUTCOME_TEXT[r.outcome]}${r.source === 'detected' ? ' (detected)' : ''} | ${r.verdict} | ${cell(r.expectation)} | ${r.codes.join(', ')} |`),
    '',
  ];
  return lines.join('\n');
}

/**
 * The RelayState that brings the browser back to the test pack when the SP accepts the Response:
 * most SPs redirect to the RelayState after a successful login (a return URL). The page reads
 * `pack-result` on load and marks the variant accepted, as detected.
 */
export function returnUrlFor(origin: string, row: string): string {
  return `${origin}/mock-idp?pack-result=${encodeURIComponent(row)}&outcome=accepted`;
}

export function parseReturnUrl(search: string): { row: string; outcome: SpOutcome } | null {
  const p = new URLSearchParams(search);
  const row = p.get('pack-result');
  const outcome = p.get('outcome');
  if (!row || (row !== VALID_ROW && !VARIANTS.some((v) => v.name === row))) return null;
  if (outcome !== 'accepted' && outcome !== 'rejected') return null;
  return { row, outcome };
}
