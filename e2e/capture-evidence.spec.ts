// Evidence read from a capture, on the page (issue 17): a HAR of an SP-initiated login that loops
// three times, whose SP session cookie (SameSite=Lax) never comes back to the ACS and whose IdP
// clock is 7 minutes ahead of its web server's Date header. Each finding is visible on the step it
// belongs to (CONTRACT §4 data-finding-code). The HAR is built here (src/core/testing/har-login.testutil.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openInspect, setMessage } from './helpers';
import { har, loginEntries, plus } from '../src/core/testing/har-login.testutil';
import { CAPTURE_MAX_EXCHANGES } from '../src/core/limits';

const T0 = '2026-03-01T10:00:00.000Z';
const LOOPING = har(Array.from({ length: 3 }, (_, i) => loginEntries(plus(T0, i * 5), { id: `_req${i}`, idpSkewSeconds: 420, acsStatus: 302, acsLocation: 'https://sp.example.com/login' })).flat());

async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: path.join(dir, `capture-${name}.png`), fullPage: true });
}

for (const viewport of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
  test(`a looping HAR shows redirect-loop, cookie-dropped-samesite and clock-skew-observed at ${viewport.width}px`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await openInspect(page);
    await setMessage(page, LOOPING, 'looping-login.har');
    const steps = page.locator('.message-list');
    // Per cycle: the AuthnRequest (redirect URL), the Response in the IdP's form, the Response POSTed to the ACS.
    await expect(steps.locator('tbody tr')).toHaveCount(9);
    const details = page.locator('.message-details');

    await steps.getByRole('button', { name: /^Show message 1:/ }).click();
    await expect(page.locator('.capture-step')).toHaveAttribute('data-step-index', '0');
    const loop = details.locator('[data-finding-code="redirect-loop"]');
    await expect(loop).toBeVisible();
    await expect(loop).toContainText('3 times');

    await steps.getByRole('button', { name: /^Show message 3:/ }).click();
    await expect(page.locator('.capture-step')).toHaveAttribute('data-step-index', '2');
    const cookie = details.locator('[data-finding-code="cookie-dropped-samesite"]');
    await expect(cookie).toBeVisible();
    await expect(cookie).toContainText('sp_session');
    await expect(cookie).toHaveAttribute('data-severity', 'error');
    // The step itself shows what the POST to the ACS carried: no cookie.
    await expect(page.locator('.capture-step [data-cookies-sent]')).toHaveAttribute('data-cookies-sent', '');

    await steps.getByRole('button', { name: /^Show message 2:/ }).click();
    await expect(page.locator('.capture-step')).toHaveAttribute('data-step-index', '1');
    const skew = details.locator('[data-finding-code="clock-skew-observed"]');
    await expect(skew).toBeVisible();
    await expect(skew).toContainText('420 s ahead');
    await expect(page.locator('.capture-step [data-http-date]')).toHaveAttribute('data-http-date', new Date(Date.parse(T0) + 2000).toUTCString());
    await shot(page, `evidence-${viewport.width}`);
  });
}

test('a HAR whose SAML was redacted by har-sanitizer says what was removed and how to export again', async ({ page }) => {
  await openInspect(page);
  const redacted = har(loginEntries(T0).slice(2)).replace(/SAMLResponse=[^"&]+/g, 'SAMLResponse=[SAMLResponse redacted]');
  await setMessage(page, redacted, 'redacted.har');
  const error = page.locator('[data-finding-code="input-redacted"]');
  await expect(error).toBeVisible();
  await expect(error).toContainText('Export HAR (with sensitive data)');
});

test('a HAR over CAPTURE_MAX_EXCHANGES says how many exchanges were read and dropped, and which messages have no evidence', async ({ page }) => {
  // Bare entries keep the file small (~0.6 MB), so the run stays far inside the page's time budget on a loaded machine.
  const filler = Array.from({ length: CAPTURE_MAX_EXCHANGES }, (_, i) => ({ startedDateTime: plus(T0, 10 + i / 1000), request: { method: 'GET', url: `https://cdn.example.net/${i}.js` } }));
  const long = har([...loginEntries(T0, { cookieBack: true }), ...filler, ...loginEntries(plus(T0, 60), { id: '_late', cookieBack: true })]);
  await openInspect(page);
  await setMessage(page, long, 'long-session.har');
  const steps = page.locator('.message-list');
  await expect(steps.locator('tbody tr')).toHaveCount(6);
  await steps.getByRole('button', { name: /^Show message 1:/ }).click();
  const truncated = page.locator('.message-details [data-finding-code="capture-truncated"]');
  await expect(truncated).toBeVisible();
  await expect(truncated).toContainText('Only the first 5,000 of 5,006 HTTP exchanges were read as evidence');
  await expect(truncated).toHaveAttribute('data-severity', 'warning');
  await shot(page, 'truncated-finding');
  await steps.getByRole('button', { name: /^Show message 4:/ }).click();
  await expect(page.locator('.notes')).toContainText('Captured after the first 5,000 HTTP exchanges of this file');
  // The step past the limit does not read "Cookies sent: none": its cookies were not kept.
  await expect(page.locator('.capture-step [data-evidence-not-kept]')).toBeVisible();
  await expect(page.locator('.capture-step [data-cookies-sent]')).toHaveCount(0);
  await shot(page, 'truncated');
});

test('a HAR Chromium recorded of a login from 127.0.0.1 to localhost names the cookies SameSite withheld, not the one it sent', async ({ page }) => {
  await openInspect(page);
  await setMessage(page, readFileSync(path.resolve(path.dirname(new URL(import.meta.url).pathname), '../test/captures/chromium-login-cross-site.har'), 'utf8'), 'chromium-login.har');
  const steps = page.locator('.message-list');
  await expect(steps.locator('tbody tr')).toHaveCount(2);
  await steps.getByRole('button', { name: /^Show message 2:/ }).click();
  const cookie = page.locator('.message-details [data-finding-code="cookie-dropped-samesite"]');
  await expect(cookie).toBeVisible();
  await expect(cookie).toContainText('Cookie sp_lax, sp_none_insecure not sent back to the ACS');
  await expect(cookie).not.toContainText('sp_unspecified');
  await expect(page.locator('.message-details [data-finding-code="clock-skew-observed"]')).toContainText(/(299|300|301) s ahead/);
});
