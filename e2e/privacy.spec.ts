// The privacy guarantee (issue 6): while a user pastes, inspects, verifies, shares and opens a
// link, no request leaves the app's origin and none carries any part of the payload; and the
// app works offline once loaded (service worker).
import { expect, test, type BrowserContext, type Page, type Request } from '@playwright/test';
import { corpus } from './helpers';

const MESSAGE_B64 = corpus('crewjam__onelogin_response.b64').trim();
const MESSAGE_XML = corpus('crewjam__onelogin_response.xml');
const METADATA = corpus('crewjam__onelogin_idp_metadata.xml');

/** Distinctive substrings of the pasted message, in every encoding it could travel in. */
function needles(): string[] {
  const out = new Set<string>();
  for (const m of MESSAGE_XML.matchAll(/\b(?:ID|InResponseTo)="([^"]{8,})"/g)) out.add(m[1]!);
  for (const m of MESSAGE_XML.matchAll(/<(?:saml:)?NameID[^>]*>([^<]+)</g)) out.add(m[1]!.trim());
  for (const m of MESSAGE_XML.matchAll(/<(?:saml:)?AttributeValue[^>]*>([^<]{6,})</g)) out.add(m[1]!.trim());
  for (const m of MESSAGE_XML.matchAll(/<ds:(?:SignatureValue|DigestValue|X509Certificate)>([^<]+)</g)) out.add(m[1]!.replace(/\s+/g, '').slice(0, 24));
  for (let i = 0; i + 24 <= MESSAGE_B64.length; i += 997) out.add(MESSAGE_B64.slice(i, i + 24));
  for (const n of [...out]) {
    out.add(encodeURIComponent(n));
    out.add(Buffer.from(n).toString('base64').slice(0, 16));
  }
  return [...out].filter((n) => n.length >= 8);
}

interface Seen {
  url: string;
  method: string;
  postData: string | null;
  headers: Record<string, string>;
  from: string;
}

/** Requests of the whole browser context still in flight, and when the last one started or ended. */
const traffic = { inFlight: new Set<Request>(), lastChange: Date.now() };

function record(target: Page | BrowserContext, from: string, seen: Seen[]): void {
  target.on('request', (r: Request) => {
    seen.push({ url: r.url(), method: r.method(), postData: r.postData(), headers: r.headers(), from });
  });
  if ('pages' in target) {
    const settle = (r: Request) => {
      traffic.inFlight.delete(r);
      traffic.lastChange = Date.now();
    };
    target.on('request', (r: Request) => {
      traffic.inFlight.add(r);
      traffic.lastChange = Date.now();
    });
    target.on('requestfinished', settle);
    target.on('requestfailed', settle);
  }
}

/**
 * Waits until the service worker controls the page and its cache holds everything the page
 * loaded (entry, Monaco, its worker, styles) and every file of the build, lazily loaded chunks
 * included (Monaco's XML language is requested only once a message is shown): after that, the
 * worker has no precache request left to make.
 */
async function waitForShellCached(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: 30_000 });
  await page.waitForFunction(
    async () => {
      const names = await caches.keys();
      const name = names.find((n) => n.startsWith('samlscope-shell-'));
      if (!name) return false;
      const cache = await caches.open(name);
      const urls = performance.getEntriesByType('resource').map((e) => e.name).filter((u) => u.startsWith(location.origin) && !u.includes('/sw'));
      for (const u of urls) if (!(await cache.match(u, { ignoreVary: true }))) return false;
      const { files } = (await (await fetch('/sw-assets.json')).json()) as { files: string[] };
      for (const f of files) if (!(await cache.match(`${location.origin}/${f}`, { ignoreVary: true }))) return false;
      return (await cache.match(location.origin + '/')) !== undefined;
    },
    undefined,
    { timeout: 30_000, polling: 500 },
  );
}

/** What actually goes on the wire: the fragment is never part of an HTTP request (RFC 3986 §3.5). */
function wireUrl(url: string): string {
  const i = url.indexOf('#');
  return i >= 0 ? url.slice(0, i) : url;
}

test('no request leaves the origin or carries the payload while pasting, verifying, sharing and opening a link', async ({ page, context, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const seen: Seen[] = [];
  record(context, 'context', seen); // includes service-worker requests in Chromium
  record(page, 'page', seen);

  await page.goto('/');
  await expect(page.locator('.input-editor[data-monaco-ready="true"]')).toHaveCount(1, { timeout: 30_000 });
  // Verify: trusted metadata, then paste the POST body anywhere on the page.
  await page.getByLabel('Trusted metadata or certificate').fill(METADATA);
  await page.locator('main h1').click();
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, `SAMLResponse=${encodeURIComponent(MESSAGE_B64)}&RelayState=%2Fhome`);
  await expect(page.locator('[data-message-kind="Response"]')).toBeVisible();
  await expect(page.locator('[data-signature-verdict]').first()).toBeVisible();

  // Share: a plain link, then a redacted one, and the Markdown export.
  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  const link = await page.getByLabel('Share link').inputValue();
  expect(link).toContain('#share=s1.');
  await page.getByRole('checkbox', { name: 'NameID' }).check();
  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  await expect(page.getByLabel('Share link')).toHaveValue(/#share=s1\./);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export Markdown' }).click();
  await download;

  // Open the link in another tab (the state travels in the fragment only).
  const other = await context.newPage();
  record(other, 'opened link', seen);
  await other.goto(link);
  await expect(other.locator('[data-message-kind="Response"]')).toBeVisible();
  await expect(other.locator('[data-signature-verdict]').first()).toBeVisible();
  await expect(other.locator('.input-editor[data-monaco-ready="true"]')).toHaveCount(1, { timeout: 30_000 });
  // The requests that could still come are the service worker's: wait until it controls the page
  // and has cached every file of the build (its precache is done), then until no request of the
  // context (pages and worker) has been in flight for 500 ms.
  await waitForShellCached(other);
  // A worker the page ends while its script is still loading (a superseded inspection) leaves that
  // script's request with neither a finished nor a failed event in Playwright; such a same-origin
  // GET was already recorded and checked when it started, so it does not hold up the wait.
  const settled = (r: Request) => r.method() === 'GET' && new URL(r.url()).origin === origin && Date.now() - traffic.lastChange >= 1000;
  await expect.poll(() => [...traffic.inFlight].every(settled) && Date.now() - traffic.lastChange >= 500, { timeout: 30_000 }).toBe(true);

  expect(seen.length).toBeGreaterThan(3);
  const offending: string[] = [];
  const needleList = needles();
  expect(needleList.length).toBeGreaterThan(10);
  for (const r of seen) {
    const url = wireUrl(r.url);
    if (url.startsWith('data:') || url.startsWith('blob:')) continue; // never leave the browser
    if (new URL(url).origin !== origin) offending.push(`${r.from}: third-party request ${r.method} ${url}`);
    const carried = [url, r.postData ?? '', ...Object.values(r.headers)].join('\n');
    for (const n of needleList) if (carried.includes(n)) offending.push(`${r.from}: ${r.method} ${url.slice(0, 120)} carries "${n}"`);
  }
  expect(offending).toEqual([]);
});

test('the app works offline once loaded', async ({ page, context }) => {
  await page.goto('/');
  await expect(page.locator('.input-editor[data-monaco-ready="true"]')).toHaveCount(1, { timeout: 30_000 });
  await waitForShellCached(page);

  await context.setOffline(true);
  try {
    await page.reload();
    await expect(page.getByLabel('SAML message')).toHaveCount(1);
    await expect(page.locator('.input-editor[data-monaco-ready="true"]')).toHaveCount(1, { timeout: 30_000 });
    await page.waitForFunction(() => typeof window.__samlscope?.setInput === 'function');
    await page.getByLabel('Trusted metadata or certificate').fill(METADATA);
    await page.evaluate((t) => window.__samlscope!.setInput(t), MESSAGE_XML);
    await expect(page.locator('[data-message-kind="Response"]')).toBeVisible();
    await expect(page.locator('[data-signature-verdict]').first()).toBeVisible();
    // Another route of the single-page app is served from the cached shell too.
    await page.goto('/mock-sp');
    await expect(page.locator('main')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Inspect' })).toBeVisible();
  } finally {
    await context.setOffline(false);
  }
});
