// Who wrote a JSON document: the `tool` head of every JSON samlscope writes (the CONTRACT §2
// report, `oidc --json`, `metadata --json`, the page's exports), defined once.
declare const __SAMLSCOPE_VERSION__: string;
/** Injected at build time (scripts/build-cli.mjs); in dev and tests it falls back. */
export const TOOL_VERSION: string = typeof __SAMLSCOPE_VERSION__ === 'string' ? __SAMLSCOPE_VERSION__ : '0.0.0-dev';

export function toolOf(version: string = TOOL_VERSION) {
  return { name: 'samlscope' as const, version };
}
