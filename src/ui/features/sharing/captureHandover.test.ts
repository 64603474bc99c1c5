import { describe, expect, it } from 'vitest';
import { capturedExchangeCount, CAPTURE_HANDOVER_SOURCE, isCaptureHandover } from './captureHandover';

describe('capture handover (extension panel → bundled app)', () => {
  it('is honoured only in an extension page', () => {
    const state = { source: CAPTURE_HANDOVER_SOURCE };
    expect(isCaptureHandover(state, 'chrome-extension:')).toBe(true);
    expect(isCaptureHandover(state, 'moz-extension:')).toBe(true);
    // On the web site any link may claim the marker: it stays "a shared link".
    expect(isCaptureHandover(state, 'https:')).toBe(false);
    expect(isCaptureHandover({ source: 'pasted' }, 'chrome-extension:')).toBe(false);
    expect(isCaptureHandover({}, 'chrome-extension:')).toBe(false);
  });

  it('counts the HAR entries, and nothing for what is not a HAR', () => {
    expect(capturedExchangeCount(JSON.stringify({ log: { entries: [{}, {}, {}] } }))).toBe(3);
    expect(capturedExchangeCount('<samlp:Response/>')).toBeNull();
    expect(capturedExchangeCount('null')).toBeNull();
    expect(capturedExchangeCount('{"log":{}}')).toBeNull();
  });
});
