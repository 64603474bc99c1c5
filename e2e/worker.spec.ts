// The page never freezes (issue 10 point 4): the inspection runs in a Web Worker, a slow run shows
// its progress and can be cancelled, and a run over its time budget is stopped by the watchdog
// with a typed message, after which the page works as before.
import { expect, test, type Page } from '@playwright/test';
import { corpus, openInspect, setMessage } from './helpers';

const BUDGET_KEY = 'samlscope.testing.runBudgetMs';

/**
 * A HAR of `n` copies of a real Response (HTTP-POST): legitimate, and slow in proportion to `n`
 * (each message is decoded, parsed, pretty-printed and diagnosed). Built inside the page, so that
 * handing megabytes to the page does not itself occupy the test's first seconds.
 */
async function pasteSlowHar(page: Page, n: number): Promise<void> {
  const b64 = Buffer.from(corpus('crewjam__onelogin_response.xml')).toString('base64');
  await page.evaluate(
    ([body, count]) => {
      const entry = { startedDateTime: '2016-01-05T17:53:12Z', request: { method: 'POST', url: 'https://sp.example.com/acs', postData: { mimeType: 'application/x-www-form-urlencoded', text: `SAMLResponse=${encodeURIComponent(body)}` } } };
      const har = JSON.stringify({ log: { version: '1.2', entries: Array.from({ length: count }, () => entry) } }, null, 1);
      window.__samlscope!.setInput(har, 'slow.har');
    },
    [b64, n] as const,
  );
}

/** Starts recording the longest pause of the page's event loop (a 20 ms interval timer). */
async function startHeartbeat(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __maxGap: number; __beat: number };
    let last = performance.now();
    w.__maxGap = 0;
    w.__beat = window.setInterval(() => {
      const now = performance.now();
      w.__maxGap = Math.max(w.__maxGap, now - last);
      last = now;
    }, 20);
  });
}

async function maxGap(page: Page): Promise<number> {
  return page.evaluate(() => {
    const w = window as unknown as { __maxGap: number; __beat: number };
    window.clearInterval(w.__beat);
    return w.__maxGap;
  });
}

async function inspectsNormally(page: Page): Promise<void> {
  await setMessage(page, corpus('crewjam__onelogin_response.xml'), 'onelogin.xml');
  await expect(page.locator('[data-message-kind="Response"]')).toBeVisible();
  await expect(page.locator('.message-details [data-finding-code]').first()).toBeVisible();
  await expect(page.locator('[data-run-error]')).toHaveCount(0);
}

test.describe('inspection worker', () => {
  test('the page answers clicks and typing while a slow run is in progress; the watchdog stops it with run-timeout', async ({ page }) => {
    // 1,500 messages take 9–20 s in the worker here: the 6 s budget leaves a margin either way.
    await page.addInitScript((key) => localStorage.setItem(key, '6000'), BUDGET_KEY);
    await openInspect(page);
    await pasteSlowHar(page, 1500);
    const progress = page.locator('[data-run-progress]');
    await expect(progress).toBeVisible();
    await expect(progress).toContainText('of at most 6 s');
    await expect(progress).toContainText('budget lowered for testing');
    await startHeartbeat(page);

    // A click on a control unrelated to the run is handled at once…
    const options = page.locator('details.options');
    let t = Date.now();
    await options.locator('summary').click();
    await expect(options).toHaveAttribute('open', '');
    const clickMs = Date.now() - t;
    // …and so is typing in a field (the symptom search: it does not start another run).
    const field = page.getByLabel('Error message from the service');
    t = Date.now();
    await field.fill('403 CSRF verification failed');
    await expect(field).toHaveValue('403 CSRF verification failed');
    const typeMs = Date.now() - t;
    // All of it happened while the run was in progress.
    await expect(progress).toBeVisible({ timeout: 1 });
    const gap = await maxGap(page);
    console.log(`while running: click answered in ${clickMs} ms, typing in ${typeMs} ms, longest event-loop pause ${Math.round(gap)} ms`);
    expect(clickMs).toBeLessThan(2000);
    expect(typeMs).toBeLessThan(2000);
    expect(gap).toBeLessThan(1000);

    const timeout = page.locator('[data-run-error="run-timeout"]');
    await expect(timeout).toBeVisible({ timeout: 30_000 });
    await expect(timeout).toHaveAttribute('role', 'alert');
    await expect(timeout).toContainText('Inspection stopped after 6 s');
    await expect(progress).toHaveCount(0);
    await expect(page.locator('[data-message-kind]')).toHaveCount(0);
    await inspectsNormally(page);
  });

  test('a small budget stops a moderately slow input; the next run gets a fresh worker', async ({ page }) => {
    await page.addInitScript((key) => localStorage.setItem(key, '200'), BUDGET_KEY);
    await openInspect(page);
    await pasteSlowHar(page, 300);
    await expect(page.locator('[data-run-error="run-timeout"]')).toContainText('Inspection stopped after 0.2 s');
    // The budget is for runs, not for the page: back to the default, ordinary input works.
    await page.evaluate((key) => localStorage.removeItem(key), BUDGET_KEY);
    await inspectsNormally(page);
  });

  test('Cancel stops a slow run; the page works afterwards', async ({ page }) => {
    await openInspect(page);
    await pasteSlowHar(page, 800);
    const progress = page.locator('[data-run-progress]');
    await expect(progress).toBeVisible();
    await expect(progress).toContainText('of at most 15 s');
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.locator('[data-run-error="run-cancelled"]')).toBeVisible();
    await expect(progress).toHaveCount(0);
    await expect(page.locator('[data-message-kind]')).toHaveCount(0);
    await expect(page.getByRole('status').first()).not.toHaveText(/Decoding/);
    await inspectsNormally(page);
  });

  test('the OIDC page checks a token in the worker', async ({ page }) => {
    await page.goto('/oidc');
    await page.getByLabel('ID token or OIDC URL').fill('eyJhbGciOiJub25lIn0.eyJpc3MiOiJ4In0.');
    await expect(page.getByRole('status').first()).toContainText('Detected: ID token');
    await expect(page.locator('[data-run-error]')).toHaveCount(0);
  });
});
