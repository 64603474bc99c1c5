import { describe, expect, it } from 'vitest';
import { CAPTURE_RESPONSE_SCAN_MAX_CHARS, CAPTURE_RESPONSE_TEXT_MAX_CHARS } from '../limits';
import { extractFromHar } from './har';
import { capturedHttpResponse, readableBodyText } from './httpResponse';

const DJANGO_403 =
  '<!DOCTYPE html><html lang="en"><head><title>403 Forbidden</title><style>body{color:red}</style></head><body>' +
  '<div id="summary"><h1>Forbidden <span>(403)</span></h1><p>CSRF verification failed. Request aborted.</p><script>var x="<p>no</p>";</script></div></body></html>';

describe('the HTTP answer of a captured exchange', () => {
  it('keeps the readable text of an HTML error page, not its markup', () => {
    const r = capturedHttpResponse({ status: 403, statusText: 'Forbidden', content: { mimeType: 'text/html', text: DJANGO_403 } }, 'request');
    expect(r).toEqual({ carriedIn: 'request', status: 403, statusText: 'Forbidden', mimeType: 'text/html', bodyText: '403 Forbidden\nForbidden (403)\nCSRF verification failed. Request aborted.' });
  });

  it('decodes entities and base64 bodies, and reads a redirect Location from the headers', () => {
    expect(readableBodyText('<p>caf&eacute; &amp; &#x41;&#66;</p>', true)).toBe('caf&eacute; & AB');
    const body = Buffer.from('<p>Bad Request: SAMLResponse missing</p>').toString('base64');
    const r = capturedHttpResponse({ status: 302, headers: [{ name: 'Location', value: '/error?code=7' }], content: { mimeType: 'text/html', text: body, encoding: 'base64' } }, 'request');
    expect(r).toMatchObject({ status: 302, location: '/error?code=7', bodyText: 'Bad Request: SAMLResponse missing' });
  });

  it('is bounded: a huge body costs the scan limit and keeps the text limit', () => {
    const huge = `<p>${'x '.repeat(CAPTURE_RESPONSE_SCAN_MAX_CHARS)}</p>`;
    const r = capturedHttpResponse({ status: 500, content: { mimeType: 'text/html', text: huge } }, 'request')!;
    expect(r.bodyTruncated).toBe(true);
    expect(r.bodyText!.length).toBe(CAPTURE_RESPONSE_TEXT_MAX_CHARS + 1);
  });

  it('records nothing for a blocked request (status 0) and no text for binary bodies', () => {
    expect(capturedHttpResponse({ status: 0 }, 'request')).toBeUndefined();
    expect(capturedHttpResponse({ status: 200, content: { mimeType: 'image/png', text: 'iVBORw0KGgo=' } }, 'response')).toEqual({ carriedIn: 'response', status: 200, mimeType: 'image/png' });
  });

  it('is attached by the HAR reader to the message the request carried', () => {
    const xml = '<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_r" Version="2.0" IssueInstant="2026-03-01T10:00:00Z"/>';
    const har = {
      log: {
        entries: [
          {
            startedDateTime: '2026-03-01T10:00:00Z',
            request: { method: 'POST', url: 'https://idp.example/sso/binding/redirect/', postData: { mimeType: 'application/x-www-form-urlencoded', text: `SAMLRequest=${encodeURIComponent(Buffer.from(xml).toString('base64'))}` } },
            response: { status: 403, statusText: 'Forbidden', content: { mimeType: 'text/html', text: DJANGO_403 } },
          },
        ],
      },
    };
    const { payloads } = extractFromHar(har);
    expect(payloads).toHaveLength(1);
    expect(payloads[0].httpResponse).toMatchObject({ carriedIn: 'request', status: 403 });
    expect(payloads[0].httpResponse!.bodyText).toContain('CSRF verification failed. Request aborted.');
  });
});
