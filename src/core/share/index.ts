// Sharing a diagnosis (issue 6): links, redaction, exports, history. See docs/sharing.md.
export * from './state';
export * from './redact';
export * from './markdown';
export * from './json';
export * from './history';
export * from './masks';
export * from './claims';
