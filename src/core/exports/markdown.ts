import type { ReportedVerdicts } from '../share/state';
import { fixText } from '../findings/fix';
import type { InspectedMessage, InspectReport } from '../types';
import type { ExportFormat } from './format';

/**
 * A report as Markdown, ready to paste into a ticket (GitHub, GitLab, Jira's Markdown
 * editor). Every value comes from the message, so every value is escaped: a NameID or an
 * attribute may contain `|` (which would split a table cell), `*`, `_`, `<` or a backtick.
 */

/**
 * Backslash-escape the ASCII punctuation that has meaning inline (CommonMark §2.4 allows a
 * backslash before any ASCII punctuation): emphasis (`*`, `_`, `~`), code (backtick), links
 * (`[`, `]`; with those escaped, `(` and `!` are inert), raw HTML and entities (`<`, `>`, `&`)
 * and GFM table cells (`|`). Newlines become spaces so a value stays on its line. `#`, `+`,
 * `-` and `.` only matter at the start of a line, where a value never is.
 */
export function escapeMarkdown(value: string): string {
  return value.replace(/\r\n?|\n/g, ' ').replace(/[\\`*_[\]<>|~&]/g, '\\$&');
}

/** A table cell: escaped, with GFM's pipe rule (a `|` even inside code would end the cell). */
function cell(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return escapeMarkdown(value);
}

function line(label: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  return `- **${label}:** ${escapeMarkdown(value)}`;
}

function messageTitle(m: InspectedMessage, i: number, total: number): string {
  const n = total > 1 ? `Message ${i + 1}: ` : '';
  return `## ${n}${escapeMarkdown(m.kind)}${m.error ? ' (not parsed)' : ''}`;
}

function messageToMarkdown(m: InspectedMessage, i: number, total: number, reported?: ReportedVerdicts): string[] {
  const out: string[] = [messageTitle(m, i, total), ''];
  const facts = [
    line('Binding', m.binding ?? 'none (pasted without a binding)'),
    line('Captured', [m.payload.method, m.payload.url, m.payload.time].filter(Boolean).join(' ') || null),
    line('Issuer', m.issuer),
    line('Destination', m.destination),
    line('ID', m.id),
    line('InResponseTo', m.inResponseTo),
    line('IssueInstant', m.issueInstant),
    m.status ? line('Status', [m.status.code, m.status.subcode, m.status.message].filter(Boolean).join(' / ')) : null,
  ].filter((x): x is string => x !== null);
  out.push(...facts);
  if (m.error) out.push(`- **Error:** ${escapeMarkdown(`${m.error.code}: ${m.error.message}`)}`);
  for (const [j, a] of m.assertions.entries()) {
    const label = m.assertions.length > 1 ? `Assertion ${j + 1}` : 'Assertion';
    out.push(`- **${label}:** ${a.encrypted && !a.decrypted ? 'encrypted (not decrypted)' : escapeMarkdown(a.id ?? '(no ID)')}`);
    const sub = [
      line('Issuer', a.issuer),
      line('NameID', a.nameId ? `${a.nameId.value}${a.nameId.format ? ` (${a.nameId.format})` : ''}` : null),
      line('Audiences', a.audiences.length ? a.audiences.join(', ') : null),
      line('Recipient', a.recipient),
      line('Valid', a.notBefore || a.notOnOrAfter ? `from ${a.notBefore ?? '(unbounded)'} until ${a.notOnOrAfter ?? '(unbounded)'}` : null),
      line('SubjectConfirmation NotOnOrAfter', a.subjectNotOnOrAfter),
      line('Attributes', Object.keys(a.attributes).length ? Object.entries(a.attributes).map(([k, v]) => `${k} = ${v.join('; ')}`).join(' · ') : null),
    ].filter((x): x is string => x !== null);
    out.push(...sub.map((s) => `  ${s}`));
  }
  if (m.logoutRequest?.nameId) out.push(line('NameID', m.logoutRequest.nameId.value)!);
  out.push('');
  const trusted = reported ? reported.trusted : m.trusted;
  const sigs = reported ? reported.signatures.map((s) => ({ ...s, key: null as string | null })) : m.signatures.map((s) => ({ target: s.target, targetId: s.targetId, verdict: s.verdict, reason: s.reason, key: keyOf(s.key) }));
  out.push(`### Signatures${reported ? ' (reported by the sharer)' : ''}`, '');
  if (sigs.length === 0) out.push('No signature.', '');
  else {
    out.push('| Target | Verdict | Reason | Key |', '|---|---|---|---|');
    for (const s of sigs) out.push(`| ${cell(`${s.target}${s.targetId ? ` ${s.targetId}` : ''}`)} | **${cell(s.verdict)}** | ${cell(s.reason)} | ${cell(s.key)} |`);
    out.push('');
  }
  out.push(`**Trusted:** ${trusted ? 'yes — the data shown is covered by a valid signature from a trust anchor' : 'no — do not rely on the data shown'}${reported ? ' (reported by the sharer)' : ''}`, '');
  out.push('### Findings', '');
  if (reported) {
    if (reported.findings.length === 0) out.push('No findings reported.', '');
    for (const f of reported.findings) out.push(`- **${cell(f.severity)}** \`${f.code.replace(/`/g, '')}\` ${escapeMarkdown(f.title)}`);
    if (reported.findings.length) out.push('', '_Explanations and fixes are in the sharer\'s full report; the redacted copy cannot be re-verified._', '');
    return out;
  }
  if (m.findings.length === 0) out.push('No findings.', '');
  for (const f of m.findings) {
    out.push(`#### ${severityIcon(f.severity)} ${escapeMarkdown(f.severity)}: \`${f.code.replace(/`/g, '')}\` — ${escapeMarkdown(f.title)}`, '');
    out.push(escapeMarkdown(f.explanation), '');
    out.push(`**Fix:** ${escapeMarkdown(fixText(f, 'page'))}`, '');
    if (f.location) out.push(`_Location: line ${f.location.line}, column ${f.location.column} of the pretty-printed XML._`, '');
    if (f.references?.length) out.push(`_References: ${f.references.map(escapeMarkdown).join('; ')}_`, '');
  }
  return out;
}

function keyOf(k: InspectedMessage['signatures'][number]['key']): string {
  const parts: string[] = [k.source];
  if (k.anchor) parts.push(k.anchor);
  else if (k.subject) parts.push(k.subject);
  if (k.sha256Fingerprint) parts.push(`SHA-256 ${k.sha256Fingerprint}`);
  return parts.join(', ');
}

function severityIcon(s: string): string {
  return s === 'error' ? '❌' : s === 'warning' ? '⚠️' : 'ℹ️';
}

export interface MarkdownOptions {
  /** Shown at the top when the shared input was redacted (what was masked, and that verdicts are the sharer's). */
  redactedNote?: string;
  /**
   * For a redacted state: the verdicts computed before redaction, one per message. When given,
   * they replace the (meaningless) verdicts of the redacted copy and are labelled as reported.
   */
  reportedVerdicts?: ReportedVerdicts[];
  /** Link back to samlscope with the shared state, if the user wants it in the ticket. */
  link?: string;
}

export function reportToMarkdown(report: InspectReport, options: MarkdownOptions = {}): string {
  const out: string[] = ['# samlscope report', ''];
  out.push(`- **Input:** ${escapeMarkdown(report.source)}${report.detected ? ` (${escapeMarkdown(report.detected)})` : ''}`);
  out.push(`- **Evaluated at:** ${escapeMarkdown(report.evaluatedAt)}${report.skewSeconds !== undefined ? ` (clock skew allowed: ${report.skewSeconds} s)` : ''}`);
  if (report.profile) out.push(`- **Profile:** ${escapeMarkdown(report.profile.name)}${report.profile.detected ? ' (recognised from the messages)' : ''}`);
  out.push(`- **Trust anchors:** ${report.trustAnchors.length ? report.trustAnchors.map((a) => escapeMarkdown(a.description)).join('; ') : 'none given'}`);
  if (options.link) out.push(`- **Link:** <${options.link.replace(/[<>\s]/g, encodeURIComponent)}>`);
  out.push('');
  if (options.redactedNote) out.push(`> **Redacted.** ${escapeMarkdown(options.redactedNote)}`, '');
  for (const e of report.errors) out.push(`- ❌ **${escapeMarkdown(e.code)}:** ${escapeMarkdown(e.message)}`);
  for (const e of report.trustErrors) out.push(`- ⚠️ trust input **${escapeMarkdown(e.code)}:** ${escapeMarkdown(e.message)}`);
  if (report.errors.length || report.trustErrors.length) out.push('');
  for (const [i, m] of report.messages.entries()) out.push(...messageToMarkdown(m, i, report.messages.length, options.reportedVerdicts?.[i]));
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

export const markdownExport: ExportFormat = {
  name: 'markdown',
  label: 'Markdown',
  mediaType: 'text/markdown',
  fileSuffix: '.md',
  copyable: true,
  // Several reports (the CLI's several inputs): one after the other, separated by a rule.
  render: (reports, options = {}) => reports.map((r) => reportToMarkdown(r, options)).join('\n---\n\n'),
};
