// STUB — owned by the summary/inspect helper; replace.
import type { InspectOptions, InspectReport } from './types';
export async function inspectInput(text: string, source: string, _options: InspectOptions = {}): Promise<InspectReport> {
  return { source, detected: null, errors: [{ code: 'input-unrecognized', message: 'not implemented: ' + text.length }], messages: [], trustAnchors: [], trustErrors: [], evaluatedAt: new Date().toISOString() };
}
