import type { ParsedMessage } from './inspect';
import type { InspectOptions } from './types';
import type { TrustMaterial } from './x509/trust';

/**
 * Diagnosis: run the rule registry over every parsed message, with expectations filled from
 * the trust material, the options and the other messages of the same input.
 */
export function analyseMessages(_parsed: ParsedMessage[], _trust: TrustMaterial, _options: InspectOptions, _at: Date): void {
  // The rule registry (src/core/rules) plugs in here.
}
