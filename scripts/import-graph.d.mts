// Types of scripts/import-graph.mjs for src/architecture.test.ts.
export interface Edge { to: string; kind: 'static' | 'type' | 'dynamic' }
export interface Arrow { from: string; to: string; kind: Edge['kind']; fromLayer: string; toLayer: string; why?: string }
export const FORBIDDEN: { from: string; to: string; why: string }[];
export const LAYERS: { name: string; prefixes: string[] }[];
export function isTestFile(file: string): boolean;
export function layerOf(file: string): number | null;
export function importsOf(text: string): { specifier: string; kind: Edge['kind'] }[];
export function buildGraph(root?: string): { files: string[]; graph: Map<string, Edge[]>; lines: Map<string, number> };
export function findCycles(graph: Map<string, Edge[]>, include?: (file: string) => boolean): string[][];
export function upwardArrows(graph: Map<string, Edge[]>): Arrow[];
export function unplaced(files: string[]): string[];
export function summary(root?: string): { modules: number; edges: number; cycles: string[][]; upwardArrows: Arrow[]; unplaced: string[]; largest: { file: string; lines: number }[] };
