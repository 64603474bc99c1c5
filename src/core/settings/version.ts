// The one version string of the tool: the CLI's `--version`, the JSON report's `tool.version`
// (CONTRACT §2) and the page's exports all read it. Defined in core/tool.ts (the foundation
// layer, so the JSON head below every layer can name it); settings re-exports it for its users.
export { TOOL_VERSION as VERSION } from '../tool';
