// Hosting headers (issue 10 point 7, docs/hosting.md): `vite preview` — what `npm start` serves —
// sends the headers a static host should set, on the page, its routes, its chunks and the worker.
import { expect, test } from '@playwright/test';

const EXPECTED: Record<string, string | RegExp> = {
  'content-security-policy': /^default-src 'self';.*worker-src 'self'.*script-src 'self' 'wasm-unsafe-eval';.*frame-ancestors 'none'$/,
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': /camera=\(\)/,
};

function expectSecurityHeaders(headers: Record<string, string>, what: string): void {
  for (const [name, value] of Object.entries(EXPECTED)) {
    expect(headers[name], `${name} on ${what}`).toBeDefined();
    if (typeof value === 'string') expect(headers[name], `${name} on ${what}`).toBe(value);
    else expect(headers[name], `${name} on ${what}`).toMatch(value);
  }
}

test('the preview server sends the security headers on the page, a route, the chunks and the inspection worker', async ({ page, request }) => {
  const workerUrls: string[] = [];
  page.on('request', (r) => {
    if (/inspection\.worker-[\w-]+\.js$/.test(r.url())) workerUrls.push(r.url());
  });
  // The worker starts when the page is first idle (warmed up for the first paste) or with the
  // first inspection, whichever comes first; its script is served with the same headers.
  const workerResponse = page.waitForResponse((r) => /inspection\.worker-[\w-]+\.js$/.test(r.url()));
  const response = await page.goto('/');
  expectSecurityHeaders(response!.headers(), '/');
  const oidc = await request.get('/oidc');
  expectSecurityHeaders(oidc.headers(), '/oidc');
  // The header policy and the page's meta policy agree (the header adds frame-ancestors only).
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(response!.headers()['content-security-policy']).toBe(`${meta}; frame-ancestors 'none'`);

  await page.waitForFunction(() => typeof window.__samlscope?.setInput === 'function');
  await page.evaluate(() => window.__samlscope!.setInput('<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="x" Version="2.0" IssueInstant="2020-01-01T00:00:00Z"/>'));
  expectSecurityHeaders((await workerResponse).headers(), 'the inspection worker');
  await expect(page.locator('[data-message-kind="AuthnRequest"]')).toBeVisible();
  expect(workerUrls).toHaveLength(1);
  const { files } = (await (await request.get('/sw-assets.json')).json()) as { files: string[] };
  expect(files.some((f) => /inspection\.worker-[\w-]+\.js$/.test(f)), 'the service worker precaches the worker chunk').toBe(true);
});

test('another site cannot frame the app (frame-ancestors, which a meta CSP cannot say)', async ({ page, baseURL }) => {
  // Another origin on the loopback (the test IdP's JSON endpoint, shown by Chromium as an HTML
  // text document): a public origin would be refused anyway by Private Network Access, which
  // would make this test pass without the header.
  const idpPort = Number(process.env.IDP_PORT ?? 4191);
  await page.goto(`http://127.0.0.1:${idpPort}/test/last`);
  await page.evaluate(
    (src) =>
      new Promise<void>((resolve) => {
        const frame = document.createElement('iframe');
        frame.addEventListener('load', () => resolve());
        frame.src = src;
        document.body.appendChild(frame);
      }),
    `${baseURL}/`,
  );
  const frame = page.frames().find((f) => f !== page.mainFrame());
  expect(frame).toBeDefined();
  // Chromium shows its error page instead: samlscope's root element (in index.html itself) is not in the frame.
  expect(frame!.url()).toBe('chrome-error://chromewebdata/');
  expect(await frame!.locator('#root').count()).toBe(0);
});
