// The layering of docs/architecture.md, checked on the real import graph (scripts/import-graph.mjs):
// no import cycle, no arrow from a lower layer up to a higher one, every module in a layer.
import { describe, expect, it } from 'vitest';
import { buildGraph, findCycles, importsOf, isTestFile, layerOf, LAYERS, unplaced, upwardArrows, type Edge } from '../scripts/import-graph.mjs';

const { files, graph } = buildGraph();
const production = (f: string) => !isTestFile(f);

/** Violations that existed when this test was written; each refactoring step removes its own. */
const KNOWN_CYCLES: string[] = [];
const KNOWN_UPWARD: string[] = [];

describe('import graph of src/', () => {
  it('reads the graph (a sanity floor: the scanner found the modules and their imports)', () => {
    expect(files.filter(production).length).toBeGreaterThan(150);
    expect(graph.get('src/core/inspect.ts')!.map((e) => e.to)).toContain('src/core/binding/detect.ts');
  });

  it('has no import cycle, type-only imports included', () => {
    expect(findCycles(graph, production).map((c) => c.join(' ⇄ '))).toEqual(KNOWN_CYCLES);
  });

  it('has no arrow from a lower layer up to a higher one', () => {
    expect(upwardArrows(graph).map((a) => `${a.from} → ${a.to}`).sort()).toEqual([...KNOWN_UPWARD].sort());
  });

  it('places every production module in a layer', () => {
    expect(unplaced(files)).toEqual([]);
  });

  it('names test helpers one way: a module only tests import is a *.testutil.ts', () => {
    const importers = new Map<string, string[]>();
    for (const [from, edges] of graph) for (const { to } of edges) importers.set(to, [...(importers.get(to) ?? []), from]);
    const testOnly = files.filter((f) => !/\.test\.tsx?$/.test(f) && (importers.get(f) ?? []).length > 0 && importers.get(f)!.every((by) => /\.test\.tsx?$|\.testutil\.ts$/.test(by)));
    expect(testOnly.filter((f) => !f.endsWith('.testutil.ts'))).toEqual([]);
  });
});

describe('the checker itself', () => {
  it('reads static, type-only, re-export and dynamic imports, and ignores commented-out ones', () => {
    const text = [
      "import { a } from './a';",
      "import type { B } from './b';",
      "import { type C, type D } from './c';",
      "export * from './e';",
      "// import { x } from './commented';",
      '/* import { y } from \'./block\'; */',
      "const m = await import('./lazy');",
      "const s = `import { z } from './template'`;",
    ].join('\n');
    expect(importsOf(text)).toEqual([
      { specifier: './a', kind: 'static' },
      { specifier: './b', kind: 'type' },
      { specifier: './c', kind: 'type' },
      { specifier: './e', kind: 'static' },
      { specifier: './lazy', kind: 'dynamic' },
    ]);
  });

  it('finds a cycle, a type-only one too', () => {
    const g = new Map<string, Edge[]>([
      ['src/core/x.ts', [{ to: 'src/core/y.ts', kind: 'static' }]],
      ['src/core/y.ts', [{ to: 'src/core/x.ts', kind: 'type' }]],
      ['src/core/z.ts', [{ to: 'src/core/x.ts', kind: 'static' }]],
    ]);
    expect(findCycles(g)).toEqual([['src/core/x.ts', 'src/core/y.ts']]);
  });

  it('flags an import from a lower layer into a higher one (not the other way), and one shell importing the other', () => {
    const g = new Map<string, Edge[]>([
      ['src/core/dsig/verify.ts', [{ to: 'src/core/saml/summarize.ts', kind: 'static' }]],
      ['src/core/saml/summarize.ts', [{ to: 'src/core/xml/dom.ts', kind: 'static' }]],
      ['src/core/dsig/verify.test.ts', [{ to: 'src/core/inspect.ts', kind: 'static' }]],
    ]);
    g.set('src/cli/main.ts', [{ to: 'src/ui/features/sharing/SharePanel.tsx', kind: 'type' }]);
    expect(upwardArrows(g).map((a) => `${a.from} → ${a.to}`)).toEqual(['src/core/dsig/verify.ts → src/core/saml/summarize.ts', 'src/cli/main.ts → src/ui/features/sharing/SharePanel.tsx']);
    expect(layerOf('src/core/xml/dom.ts')).toBeLessThan(layerOf('src/core/dsig/verify.ts')!);
    expect(LAYERS.at(-1)!.prefixes).toContain('src/ui/');
  });
});
