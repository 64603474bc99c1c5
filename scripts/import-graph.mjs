#!/usr/bin/env node
// The import graph of src/ and the two properties the layering of docs/architecture.md promises:
// no import cycle (type-only imports count: a cycle of types is still two modules that cannot be
// understood apart) and no arrow from a lower layer up to a higher one. Run it to see the graph's
// figures (`node scripts/import-graph.mjs`, `--json` for everything); src/architecture.test.ts
// runs the same functions and fails on any cycle or upward arrow, which keeps the layering true.
//
// Imports are read with a small scanner, not a TypeScript parser: comments and string contents
// are blanked first, then `import … from '…'`, `export … from '…'`, `import '…'` and
// `import('…')` are taken; only relative specifiers are followed (packages are outside the graph).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Layers of src/, lowest first. A module may import from its own layer or any lower one; an
 * import of a higher layer is an upward arrow. The first matching prefix names a file's layer.
 * Why each layer sits where it does is in docs/architecture.md.
 */
export const LAYERS = [
  { name: 'foundation', prefixes: ['src/core/limits.ts', 'src/core/limit-error.ts', 'src/core/tool.ts', 'src/core/types.ts', 'src/core/encoding/', 'src/core/findings/'] },
  { name: 'xml', prefixes: ['src/core/xml/'] },
  { name: 'x509', prefixes: ['src/core/x509/'] },
  { name: 'xml-security', prefixes: ['src/core/dsig/', 'src/core/xenc/'] },
  { name: 'saml-model', prefixes: ['src/core/saml/', 'src/core/metadata/', 'src/core/binding/'] },
  { name: 'trust', prefixes: ['src/core/trust/'] },
  { name: 'saml-signatures', prefixes: ['src/core/saml-signatures/'] },
  { name: 'aggregate', prefixes: ['src/core/aggregate/'] },
  { name: 'analysis', prefixes: ['src/core/settings/', 'src/core/diagnosis/', 'src/core/rules/', 'src/core/profiles/', 'src/core/symptoms/', 'src/core/oidc/', 'src/core/mdtools/'] },
  { name: 'inspection', prefixes: ['src/core/inspect.ts', 'src/core/analyse.ts', 'src/core/report.ts', 'src/core/parsed-message.ts'] },
  { name: 'products', prefixes: ['src/core/share/', 'src/core/exports/', 'src/core/mocksp/', 'src/core/idp/', 'src/core/corpus/', 'src/core/capture/'] },
  { name: 'shells', prefixes: ['src/ui/', 'src/cli/', 'src/extension/', 'src/main.tsx', 'src/types/'] },
];

/** Arrows between modules of the same layer that must not exist either: the two shells stand side by side. */
export const FORBIDDEN = [
  { from: 'src/ui/', to: 'src/cli/', why: 'the page does not run the command line' },
  { from: 'src/cli/', to: 'src/ui/', why: 'the command line does not run the page' },
  { from: 'src/extension/', to: 'src/cli/', why: 'the browser extension does not run the command line' },
  { from: 'src/ui/', to: 'src/extension/', why: 'the page knows nothing of the extension that may bundle it' },
];

const SOURCE = /\.(ts|tsx|mts|mjs)$/;

/** Test files and test helpers: they may reach anywhere (an oracle test imports what it checks against). */
export const isTestFile = (file) => /\.(test|fuzz\.test|testutil)\.tsx?$/.test(file) || /(^|\/)(testing)\//.test(file);

export function layerOf(file) {
  for (const [i, layer] of LAYERS.entries()) if (layer.prefixes.some((p) => (p.endsWith('/') ? file.startsWith(p) : file === p || file.startsWith(`${p}/`) || file.startsWith(`${p}.`)))) return i;
  return null;
}

function listFiles(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) listFiles(p, out);
    else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Blank comments and the insides of template literals, keeping quoted specifiers readable. */
function stripComments(text) {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const n = text[i + 1];
    if (c === '/' && n === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && n === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (c === '\'' || c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '`') {
      let j = i + 1;
      while (j < text.length && text[j] !== '`') j += text[j] === '\\' ? 2 : 1;
      out += '`' + text.slice(i + 1, j).replace(/[^\n]/g, ' ') + '`';
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const IMPORT_RE = /(?:^|[;\n}])\s*(import|export)\s+(type\s+)?([^;'"]*?)\s*from\s*['"]([^'"]+)['"]|(?:^|[;\n])\s*import\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The imports of one source text: specifier and kind (`static`, `type` — erased at build — or `dynamic`). */
export function importsOf(text) {
  const out = [];
  const code = stripComments(text);
  for (const m of code.matchAll(IMPORT_RE)) {
    if (m[4]) {
      // `import { type A, type B } from` is type-only too.
      const names = m[3] ?? '';
      const allTypes = Boolean(m[2]) || (/^\{[^}]*\}$/.test(names.trim()) && names.replace(/[{}\s]/g, '').split(',').filter(Boolean).every((n) => n.startsWith('type')));
      out.push({ specifier: m[4], kind: allTypes ? 'type' : 'static' });
    } else if (m[5]) out.push({ specifier: m[5], kind: 'static' });
    else if (m[6]) out.push({ specifier: m[6], kind: 'dynamic' });
  }
  return out;
}

function resolveSpecifier(fromFile, specifier, files) {
  if (!specifier.startsWith('.')) return null;
  const base = join(dirname(fromFile), specifier).replace(/\\/g, '/').replace(/\?.*$/, '');
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}.mjs`, `${base}/index.ts`, `${base}/index.tsx`, base.replace(/\.js$/, '.ts')]) {
    if (files.has(candidate)) return candidate;
  }
  return null;
}

/** Every module of src/ (paths relative to the repository) and its resolved relative imports. */
export function buildGraph(root = ROOT) {
  const files = listFiles(join(root, 'src')).map((f) => relative(root, f).replace(/\\/g, '/')).sort();
  const set = new Set(files);
  const graph = new Map();
  const lines = new Map();
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    lines.set(file, text.split('\n').length - (text.endsWith('\n') ? 1 : 0));
    const edges = [];
    for (const imp of importsOf(text)) {
      const to = resolveSpecifier(file, imp.specifier, set);
      if (to) edges.push({ to, kind: imp.kind });
    }
    graph.set(file, edges);
  }
  return { files, graph, lines };
}

/** Strongly connected components with more than one module (or a module importing itself): the import cycles. */
export function findCycles(graph, include = () => true) {
  let index = 0;
  const stack = [];
  const onStack = new Set();
  const idx = new Map();
  const low = new Map();
  const out = [];
  const nodes = [...graph.keys()].filter(include);
  const strong = (v) => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const { to } of graph.get(v) ?? []) {
      if (!include(to)) continue;
      if (!idx.has(to)) {
        strong(to);
        low.set(v, Math.min(low.get(v), low.get(to)));
      } else if (onStack.has(to)) low.set(v, Math.min(low.get(v), idx.get(to)));
    }
    if (low.get(v) === idx.get(v)) {
      const scc = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      const selfLoop = (graph.get(v) ?? []).some((e) => e.to === v);
      if (scc.length > 1 || selfLoop) out.push(scc.sort());
    }
  };
  for (const v of nodes) if (!idx.has(v)) strong(v);
  return out.sort((a, b) => a[0].localeCompare(b[0]));
}

/** Imports from a production module of a lower layer into a module of a higher layer, and the FORBIDDEN ones. */
export function upwardArrows(graph) {
  const out = [];
  for (const [from, edges] of graph) {
    if (isTestFile(from)) continue;
    const lf = layerOf(from);
    for (const { to, kind } of edges) {
      const lt = layerOf(to);
      const forbidden = FORBIDDEN.find((f) => from.startsWith(f.from) && to.startsWith(f.to));
      if ((lf !== null && lt !== null && lt > lf) || forbidden) out.push({ from, to, kind, fromLayer: LAYERS[lf ?? 0].name, toLayer: LAYERS[lt ?? 0].name, ...(forbidden ? { why: forbidden.why } : {}) });
    }
  }
  return out;
}

/** Production modules that belong to no layer: every new folder must be placed. */
export function unplaced(files) {
  return files.filter((f) => !isTestFile(f) && layerOf(f) === null);
}

export function summary(root = ROOT) {
  const { files, graph, lines } = buildGraph(root);
  const production = (f) => !isTestFile(f);
  const cycles = findCycles(graph, production);
  const arrows = upwardArrows(graph);
  const largest = [...lines].filter(([f]) => production(f) && !f.endsWith('.css')).sort((a, b) => b[1] - a[1]).slice(0, 10).map(([file, n]) => ({ file, lines: n }));
  const edges = [...graph].filter(([f]) => production(f)).reduce((n, [, e]) => n + e.length, 0);
  return { modules: files.filter(production).length, edges, cycles, upwardArrows: arrows, unplaced: unplaced(files), largest };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const s = summary();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(s, null, 2));
  } else {
    console.log(`${s.modules} production modules, ${s.edges} relative imports`);
    console.log(`import cycles: ${s.cycles.length}`);
    for (const c of s.cycles) console.log(`  ${c.join(' ⇄ ')}`);
    console.log(`upward arrows: ${s.upwardArrows.length}`);
    for (const a of s.upwardArrows) console.log(`  ${a.from} (${a.fromLayer}) → ${a.to} (${a.toLayer})${a.kind === 'type' ? ' [type]' : ''}`);
    if (s.unplaced.length) console.log(`in no layer: ${s.unplaced.join(', ')}`);
    console.log('largest production files:');
    for (const l of s.largest) console.log(`  ${String(l.lines).padStart(5)} ${l.file}`);
  }
  process.exitCode = s.cycles.length || s.upwardArrows.length || s.unplaced.length ? 1 : 0;
}
