// Captures made in the browser (docs/extension.md): the record of one exchange, which requests
// are sign-in traffic, and the two export formats samlscope also reads (HAR, SAML-tracer).
export type { AuthProtocol, RecordedExchange, RecordedHeader } from './recorded';
export { authProtocolOf } from './protocol';
export { exchangesToHar, type HarCreator } from './harExport';
export { exchangesToSamlTracer } from './samlTracerExport';
export { formPairs } from './formPairs';
