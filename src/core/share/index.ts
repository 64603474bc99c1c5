// Sharing a diagnosis (issue 6): links, redaction, history. See docs/sharing.md. Exports (JSON,
// Markdown) are in ../exports/.
export * from './state';
export * from './redact';
export * from './history';
export * from './masks';
export * from './claims';
