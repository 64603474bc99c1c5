// `samlscope metadata lint|diff|pair|rollover` (CONTRACT §5): a thin shell over src/core/mdtools —
// read files, call the core, print text or JSON. Exit status: lint and pair 0 when nothing of
// severity error was found, 1 otherwise; diff 0 when the documents are equivalent, 1 when they
// differ (as diff(1)); rollover 0. Every command: 2 on a usage error or an input that cannot be
// read or is not SAML metadata.
import { jsonEnvelopeText } from '../core/exports/json';
import { METADATA_LIMITS } from '../core/limits';
import { diffExitStatus, diffMetadata, type DiffReport } from '../core/mdtools/diff';
import { lintMetadata } from '../core/mdtools/lint/lint';
import { pairExitStatus, pairMetadata, type PairReport } from '../core/mdtools/pair/pair';
import { planRollover, type RolloverPlan } from '../core/mdtools/rollover';
import type { LintReport, MdFinding } from '../core/mdtools/types';
import { readInputBounded } from './input';

export const METADATA_USAGE = `samlscope metadata lint [--json] [--at ISO-8601] [--no-schema] <file>...
  Metadata health, per entity: validUntil (eduGAIN: at most 28 days), cacheDuration,
  certificates (expired, expiring within 30 days of --at, RSA < 2048, SHA-1), http: endpoints,
  unknown bindings, signing keys, contacts, mdrpi, mdui, shibmd:Scope, entity attributes,
  duplicate entityIDs and the SAML metadata schema (libxml2; --no-schema skips it).
samlscope metadata diff [--json] <old> <new>
  Entities, keys, endpoints, NameID formats, attributes and flags added, removed or changed.
samlscope metadata pair [--json] [--at ISO-8601] [--idp-entity-id ID] [--sp-entity-id ID] <idp-metadata> <sp-metadata>
  What stops this IdP and this SP from working together (pair-* codes).
samlscope metadata rollover [--json] [--at ISO-8601] [--propagation-days N] [--entity-id ID] [--partner FILE]... <metadata>
  Every key on a timeline, the dates of a safe rollover, and which partners break when.

Exit status: lint and pair 0 no error found, 1 errors found; diff 0 no difference, 1 differences;
2 usage error, unreadable input or not SAML metadata.`;

interface MdArgs {
  json: boolean;
  schema: boolean;
  at?: Date;
  files: string[];
  idpEntityId?: string;
  spEntityId?: string;
  entityId?: string;
  propagationDays?: number;
  partners: string[];
}

function parseMdArgs(argv: string[]): { ok: true; args: MdArgs } | { ok: false; message: string } {
  const args: MdArgs = { json: false, schema: true, files: [], partners: [] };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i]!;
    let inline: string | undefined;
    if (a.startsWith('--') && a.includes('=')) {
      inline = a.slice(a.indexOf('=') + 1);
      a = a.slice(0, a.indexOf('='));
    }
    if (a === '-' || !a.startsWith('-')) {
      args.files.push(a);
      continue;
    }
    if (a === '--json') { args.json = true; continue; }
    if (a === '--no-schema') { args.schema = false; continue; }
    const v = inline ?? argv[++i];
    if (v === undefined) return { ok: false, message: `${a} needs a value.` };
    switch (a) {
      case '--at': {
        const d = new Date(v);
        if (Number.isNaN(d.getTime())) return { ok: false, message: `--at ${JSON.stringify(v)} is not an ISO-8601 instant.` };
        args.at = d;
        break;
      }
      case '--idp-entity-id': args.idpEntityId = v; break;
      case '--sp-entity-id': args.spEntityId = v; break;
      case '--entity-id': args.entityId = v; break;
      case '--partner': args.partners.push(v); break;
      case '--propagation-days': {
        const n = Number(v);
        if (!Number.isFinite(n) || n < 0) return { ok: false, message: `--propagation-days ${JSON.stringify(v)} is not a number of days.` };
        args.propagationDays = n;
        break;
      }
      default:
        return { ok: false, message: `Unknown option ${a}.` };
    }
  }
  return { ok: true, args };
}

async function read(path: string): Promise<string> {
  const r = await readInputBounded(path, METADATA_LIMITS.inputChars);
  if (r.ok) return r.text;
  throw new Error(`cannot read ${path}: ${'tooLarge' in r ? `${r.tooLarge.code}: ${r.tooLarge.message}` : r.ioError}`);
}

export async function runMetadata(argv: string[], version: string): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) return usage('samlscope metadata needs a command: lint, diff, pair or rollover.');
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${METADATA_USAGE}\n`);
    return 0;
  }
  const parsed = parseMdArgs(rest);
  if (!parsed.ok) return usage(parsed.message);
  const { args } = parsed;
  const expected: Record<string, [number, number]> = { lint: [1, Infinity], diff: [2, 2], pair: [2, 2], rollover: [1, 1] };
  const range = expected[command];
  if (!range) return usage(`Unknown metadata command ${JSON.stringify(command)}: lint, diff, pair or rollover.`);
  if (args.files.length < range[0] || args.files.length > range[1]) return usage(`samlscope metadata ${command} takes ${range[0] === range[1] ? range[0] : `at least ${range[0]}`} file${range[0] === 1 && range[1] === 1 ? '' : 's'}.`);
  let texts: string[];
  let partners: Array<{ source: string; text: string }>;
  try {
    texts = [];
    for (const f of args.files) texts.push(await read(f));
    partners = [];
    for (const f of args.partners) partners.push({ source: f, text: await read(f) });
  } catch (e) {
    process.stderr.write(`samlscope: ${(e as Error).message}\n`);
    return 2;
  }
  const out = (o: object): void => void process.stdout.write(jsonEnvelopeText(o, version));

  if (command === 'lint') {
    const reports: LintReport[] = [];
    for (let i = 0; i < texts.length; i++) reports.push(await lintMetadata(texts[i]!, args.files[i]!, { ...(args.at ? { at: args.at } : {}), schema: args.schema }));
    if (args.json) out({ reports });
    else process.stdout.write(reports.map(lintText).join('\n'));
    for (const r of reports) for (const e of r.errors) process.stderr.write(`samlscope: ${r.source}: ${e.code}: ${e.message}\n`);
    if (reports.some((r) => r.errors.length > 0)) return 2;
    const anyError = (fs: MdFinding[]): boolean => fs.some((f) => f.severity === 'error');
    return reports.some((r) => anyError(r.findings) || r.entities.some((e) => anyError(e.findings))) ? 1 : 0;
  }
  if (command === 'diff') {
    const r = await diffMetadata(texts[0]!, texts[1]!, args.files[0], args.files[1]);
    if (args.json) out({ diff: r });
    else process.stdout.write(diffText(r));
    for (const e of r.errors) process.stderr.write(`samlscope: ${e.side === 'old' ? args.files[0] : args.files[1]}: ${e.code}: ${e.message}\n`);
    return diffExitStatus(r);
  }
  if (command === 'pair') {
    const r = pairMetadata(texts[0]!, texts[1]!, args.files[0], args.files[1], { ...(args.at ? { at: args.at } : {}), ...(args.idpEntityId ? { idpEntityId: args.idpEntityId } : {}), ...(args.spEntityId ? { spEntityId: args.spEntityId } : {}) });
    if (args.json) out({ pair: r });
    else process.stdout.write(pairText(r));
    for (const e of r.errors) process.stderr.write(`samlscope: ${e.side === 'idp' ? args.files[0] : args.files[1]}: ${e.code}: ${e.message}\n`);
    return pairExitStatus(r);
  }
  const r = await planRollover(texts[0]!, { ...(args.at ? { at: args.at } : {}), ...(args.propagationDays !== undefined ? { propagationDays: args.propagationDays } : {}), ...(args.entityId ? { entityId: args.entityId } : {}), partners });
  if (!r.ok) {
    process.stderr.write(`samlscope: ${args.files[0]}: ${r.error.code}: ${r.error.message}\n`);
    return 2;
  }
  if (args.json) out({ rollover: r.plan });
  else process.stdout.write(rolloverText(r.plan));
  return 0;
}

function usage(message: string): number {
  process.stderr.write(`samlscope: ${message}\n\n${METADATA_USAGE}\n`);
  return 2;
}

const findingLine = (f: MdFinding): string => `  ${f.severity.toUpperCase().padEnd(7)} ${f.code}: ${f.title}\n          ${f.explanation}\n          Fix: ${f.fix}\n`;

function lintText(r: LintReport): string {
  if (r.errors.length) return `${r.source}: not linted (${r.errors.map((e) => e.code).join(', ')})\n`;
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of [...r.findings, ...r.entities.flatMap((e) => e.findings)]) counts[f.severity]++;
  let s = `${r.source}: ${r.kind}, ${r.entities.length} entit${r.entities.length === 1 ? 'y' : 'ies'} — ${counts.error} errors, ${counts.warning} warnings, ${counts.info} notes (at ${r.at}${r.schemaChecked ? ', schema checked' : ''})\n`;
  if (r.findings.length) s += `Document\n${r.findings.map(findingLine).join('')}`;
  for (const e of r.entities) if (e.findings.length) s += `${e.entityID} (${e.roles.join('+')})\n${e.findings.map(findingLine).join('')}`;
  return s;
}

function diffText(r: DiffReport): string {
  if (r.errors.length) return '';
  let s = `${r.old} → ${r.new}: ${r.summary.added} entities added, ${r.summary.removed} removed, ${r.summary.changed} changed, ${r.summary.unchanged} unchanged\n`;
  for (const e of r.entities) {
    s += `${e.status === 'added' ? '+' : e.status === 'removed' ? '-' : '~'} ${e.entityID}\n`;
    for (const c of e.changes) {
      const sign = c.kind === 'added' ? '+' : c.kind === 'removed' ? '-' : '~';
      s += `    ${sign} ${c.role ? `${c.role} ` : ''}${c.item}: ${c.kind === 'changed' ? `${c.before} → ${c.after}` : (c.after ?? c.before)}\n`;
      if (c.impact) s += `      ${c.impact}\n`;
    }
  }
  return s;
}

function pairText(r: PairReport): string {
  if (r.errors.length) return '';
  const errors = r.findings.filter((f) => f.severity === 'error').length;
  return `IdP ${r.idp.entityID} ↔ SP ${r.sp.entityID}: ${errors ? `${errors} problem${errors === 1 ? '' : 's'} stop the login` : 'nothing stops the login'}\n${r.findings.map(findingLine).join('')}`;
}

function rolloverText(p: RolloverPlan): string {
  let s = `${p.entityID} at ${p.at} (propagation ${p.propagationDays} days)\nKeys\n`;
  for (const k of p.keys) s += `  ${k.role} ${k.use} ${k.status.padEnd(13)} ${k.notBefore.slice(0, 10)} → ${k.notAfter.slice(0, 10)}  ${k.subject}\n`;
  for (const plan of p.plans) {
    s += `Rollover of the ${plan.use} key (${plan.role})\n`;
    for (const st of plan.steps) s += `  ${st.date} [${st.state}] ${st.action}\n      ${st.detail}\n`;
  }
  if (p.breaks.length) {
    s += 'If nothing is done\n';
    for (const b of p.breaks) s += `  ${b.date} ${b.partner}: ${b.why}\n`;
  }
  return s;
}
