// How the browser extension's panel hands a recorded flow to the app bundled with it
// (docs/extension.md): a share state whose `source` is this marker, opened in an extension page.
// The app then says where the flow came from in its own words instead of "a shared link". The
// marker alone is not honoured on the web site: any link can carry any `source`, and only an
// extension page is reached from the panel. It is a label, never evidence: the flow is inspected
// like any other input.
import type { ShareState } from '../../../core/share/state';

export const CAPTURE_HANDOVER_SOURCE = 'browser extension capture';

const EXTENSION_PROTOCOLS = new Set(['chrome-extension:', 'moz-extension:']);

/** Whether a share state opened from the address came from the extension's panel. */
export function isCaptureHandover(state: Pick<ShareState, 'source'>, pageProtocol: string): boolean {
  return state.source === CAPTURE_HANDOVER_SOURCE && EXTENSION_PROTOCOLS.has(pageProtocol);
}

/** How many exchanges the handed-over HAR holds; null when the input is not a HAR. */
export function capturedExchangeCount(input: string): number | null {
  try {
    const entries = (JSON.parse(input) as { log?: { entries?: unknown } } | null)?.log?.entries;
    return Array.isArray(entries) ? entries.length : null;
  } catch {
    return null;
  }
}
