// The browser the extension runs in, for the HAR's `log.browser`: the core's cookie rule needs it
// (Chromium treats a cookie without SameSite as Lax, with a 2-minute window for top-level POSTs;
// Firefox does not), and a HAR reader cannot tell otherwise. Read from the user-agent string,
// which both browsers expose in extension pages and workers; Firefox's token is checked first
// because no Chromium string carries it.
import type { HarCreator } from '../../core/capture/harExport';

export function recordingBrowser(userAgent: string): HarCreator | undefined {
  const firefox = /\bFirefox\/(\d+(?:\.\d+)*)/.exec(userAgent);
  if (firefox) return { name: 'Firefox', version: firefox[1]! };
  const chromium = /\b(?:Chrome|Chromium)\/(\d+(?:\.\d+)*)/.exec(userAgent);
  if (chromium) return { name: 'Chromium', version: chromium[1]! };
  return undefined;
}

/** The browser this code runs in (undefined outside a browser or for one not recognised). */
export function currentBrowser(): HarCreator | undefined {
  const ua = (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent;
  return ua ? recordingBrowser(ua) : undefined;
}
