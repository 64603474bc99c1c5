import { describe, expect, it } from 'vitest';
import { exchangesToHar } from '../../core/capture/harExport';
import { recordingBrowser } from './recordingBrowser';

describe('recordingBrowser', () => {
  it('names Debian Chromium, Chrome and Firefox from their user-agent strings', () => {
    expect(recordingBrowser('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.7871.100 Safari/537.36')).toEqual({ name: 'Chromium', version: '150.0.7871.100' });
    expect(recordingBrowser('Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0')).toEqual({ name: 'Firefox', version: '140.0' });
  });
  it('names nothing it does not recognise', () => {
    expect(recordingBrowser('curl/8.0')).toBeUndefined();
  });
  it('ends up in the HAR as log.browser, beside the creator', () => {
    const har = exchangesToHar([], { name: 'samlscope browser extension', version: '1' }, { name: 'Firefox', version: '140.0' });
    expect(har.log).toMatchObject({ creator: { name: 'samlscope browser extension' }, browser: { name: 'Firefox', version: '140.0' } });
    expect('browser' in exchangesToHar([], { name: 'x', version: '1' }).log).toBe(false);
  });
});
