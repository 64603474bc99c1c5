// The one version string of the tool: the CLI's `--version`, the JSON report's `tool.version`
// (CONTRACT §2) and the page's exports all read it here.
declare const __SAMLSCOPE_VERSION__: string;

/** Injected when the CLI is bundled (scripts/build-cli.mjs); in the page, dev and tests it falls back. */
export const VERSION: string = typeof __SAMLSCOPE_VERSION__ === 'string' ? __SAMLSCOPE_VERSION__ : '0.0.0-dev';
