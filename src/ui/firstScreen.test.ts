// The first screen loads the page, not the inspection core (issue 15: first-screen JavaScript
// ≤ 150 kB gzip, measured by `npm run bench -- --page`). The core runs in the inspection worker
// (src/ui/worker/); other pages load on visit. Checked on the real import graph: what
// src/main.tsx reaches through static imports (type imports are erased, `import()` loads later).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGraph, importsOf } from '../../scripts/import-graph.mjs';

function firstScreenModules(): string[] {
  const { graph } = buildGraph();
  const seen = new Set<string>(['src/main.tsx']);
  const queue = ['src/main.tsx'];
  while (queue.length > 0) {
    for (const e of graph.get(queue.pop()!) ?? []) {
      if (e.kind !== 'static' || seen.has(e.to)) continue;
      seen.add(e.to);
      queue.push(e.to);
    }
  }
  return [...seen].sort();
}

/** What belongs to the worker or to another page: parsing, verification, decryption, rules, redaction, DEFLATE. */
const NOT_ON_FIRST_SCREEN = [
  /^src\/core\/inspect\.ts$/,
  /^src\/core\/analyse\.ts$/,
  /^src\/core\/dsig\//,
  /^src\/core\/xenc\//,
  /^src\/core\/xml\/parse\.ts$/,
  /^src\/core\/binding\//,
  /^src\/core\/rules\/index\.ts$/,
  /^src\/core\/share\/(state|redact)\.ts$/,
  /^src\/core\/mocksp\/(send|sign|record)\.ts$/,
  /^src\/core\/x509\/certificate\.ts$/,
  /^src\/core\/oidc\//,
  /^src\/core\/idp\//,
  // The profiles' detection and wording (6 kB gzip): only their names (core/profiles/names.ts)
  // are needed to read ?profile=; diagnosis helpers read the registry too. They came back through
  // core/settings and the timeline once (first screen 155.7 kB against the 150 kB target).
  /^src\/core\/profiles\/(?!names\.ts$)/,
  /^src\/core\/diagnosis\/(helpers|timeline|context|expectations)\.ts$/,
  // A message's details render after its verdict card and load with it (MessageDetailsView.tsx).
  /^src\/ui\/features\/inspect\/(MessageDetailsView|MessageSummaryView|SignaturesPanel|DiagnosisProfile|FindingsList|Timeline|DecryptionPanel)\.tsx$/,
  /^src\/ui\/features\/(mock-sp\/MockSpPage|mock-idp\/MockIdpPage|oidc\/OidcPage)/,
  /^src\/ui\/routes\/(RulesPage|ProfilePage)\.tsx$/,
];
const PACKAGES_NOT_ON_FIRST_SCREEN = ['pako', '@xmldom/xmldom', '@peculiar/x509', 'node-forge', 'monaco-editor', 'xmllint-wasm', '@bufbuild/cel'];

describe('first screen', () => {
  const modules = firstScreenModules();

  it('reaches the inspect page but none of the core that runs in the worker, nor other pages', () => {
    expect(modules).toContain('src/ui/features/inspect/InspectPage.tsx');
    expect(modules.filter((m) => NOT_ON_FIRST_SCREEN.some((re) => re.test(m)))).toEqual([]);
  });

  it('imports none of the heavy packages statically', () => {
    const found = modules.flatMap((m) =>
      importsOf(readFileSync(m, 'utf8'))
        .filter((i) => i.kind === 'static' && PACKAGES_NOT_ON_FIRST_SCREEN.some((p) => i.specifier === p || i.specifier.startsWith(`${p}/`)))
        .map((i) => `${m} → ${i.specifier}`),
    );
    expect(found).toEqual([]);
  });
});
