#!/usr/bin/env node
// Summarise Stryker JSON reports (reports/mutation/<scope>/mutation.json): score per file and,
// with --survivors, every surviving or uncovered mutant with its line and replacement.
// Usage: node scripts/mutation-summary.mjs [--survivors] [report.json ...] (default: every scope)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const showSurvivors = args.includes('--survivors');
let files = args.filter((a) => !a.startsWith('--'));
if (files.length === 0) {
  const root = 'reports/mutation';
  files = existsSync(root) ? readdirSync(root).map((d) => join(root, d, 'mutation.json')).filter(existsSync) : [];
}
for (const f of files) {
  const report = JSON.parse(readFileSync(f, 'utf8'));
  console.log(`\n${f}`);
  for (const [name, file] of Object.entries(report.files)) {
    const c = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, Ignored: 0, CompileError: 0, RuntimeError: 0 };
    for (const m of file.mutants) c[m.status] = (c[m.status] ?? 0) + 1;
    const staticCount = file.mutants.filter((m) => m.static).length;
    const detected = c.Killed + c.Timeout;
    const valid = detected + c.Survived + c.NoCoverage;
    const score = valid ? ((100 * detected) / valid).toFixed(1) : 'n/a';
    console.log(`  ${name}: ${score} % (${detected}/${valid}; killed ${c.Killed}, timeout ${c.Timeout}, survived ${c.Survived}, no coverage ${c.NoCoverage}; ${staticCount} of all static)`);
    if (!showSurvivors) continue;
    const lines = file.source.split('\n');
    for (const m of file.mutants.filter((x) => x.status === 'Survived' || x.status === 'NoCoverage').sort((a, b) => a.location.start.line - b.location.start.line)) {
      const l = m.location.start.line;
      const orig = lines[l - 1].slice(m.location.start.column - 1, m.location.start.line === m.location.end.line ? m.location.end.column - 1 : undefined);
      console.log(`    ${m.status === 'NoCoverage' ? 'NC' : 'S '}${m.static ? '*' : ' '}${m.id} L${l}:${m.location.start.column} ${m.mutatorName}: ${JSON.stringify(orig.slice(0, 80))} -> ${JSON.stringify((m.replacement ?? '').slice(0, 80))}`);
    }
  }
}
