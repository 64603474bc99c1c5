// The app shell (issue 14 item 6): the main navigation holds its links without wrapping at
// 390 px (a Menu button) and at 1440 px (one row, even with eight links), a styled not-found
// page for unknown routes, and /acs and /slo without an answer explaining what they are for.
import { expect, test } from '@playwright/test';
import { pageFindings } from './accessibility';

const main = (page: import('@playwright/test').Page) => page.getByRole('navigation', { name: 'Main' });

test.describe('app shell', () => {
  test('at 390x844 the links sit behind a Menu button, one line each; "Mock SP" never wraps', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/mock-sp');
    const toggle = main(page).getByRole('button', { name: /Menu/ });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(toggle).toContainText('Mock SP');
    await expect(main(page).getByRole('link', { name: 'Inspect' })).toBeHidden();
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const links = main(page).getByRole('link');
    expect(await links.count()).toBeGreaterThanOrEqual(5);
    for (const l of await links.all()) {
      await expect(l).toBeVisible();
      // One line: a single client rect, no taller than one line of text plus padding.
      const rects = await l.evaluate((a) => ({ n: a.getClientRects().length, h: a.getBoundingClientRect().height, lh: parseFloat(getComputedStyle(a).lineHeight) }));
      expect(rects.n).toBe(1);
      expect(rects.h).toBeLessThan(rects.lh * 2);
    }
    expect(await pageFindings(page, 'menu open (390)')).toEqual([]);
    await main(page).getByRole('link', { name: 'OIDC' }).click();
    await expect(page).toHaveURL(/\/oidc$/);
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(toggle).toContainText('OIDC');
    await toggle.click();
    await page.keyboard.press('Escape');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  });

  test('at 1440x900 the links are one row, with room for eight', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/');
    await expect(main(page).getByRole('button', { name: /Menu/ })).toBeHidden();
    // Pad the list to eight links (mock IdP and metadata pages come from other branches).
    await page.evaluate(() => {
      const list = document.querySelector('nav[aria-label="Main"] .nav-list')!;
      const names = ['Mock IdP', 'Metadata', 'Extra page'];
      while (list.children.length < 8) {
        const li = list.lastElementChild!.cloneNode(true) as HTMLElement;
        li.querySelector('a')!.textContent = names.shift() ?? 'More';
        list.append(li);
      }
    });
    const tops = await page.locator('nav[aria-label="Main"] .nav-list a').evaluateAll((as) => as.map((a) => ({ top: Math.round(a.getBoundingClientRect().top), n: a.getClientRects().length })));
    expect(tops).toHaveLength(8);
    expect(new Set(tops.map((t) => t.top)).size).toBe(1);
    expect(tops.every((t) => t.n === 1)).toBe(true);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
  });

  for (const [w, h] of [[1440, 900], [390, 844]] as const) {
    test(`unknown routes get a styled not-found page (${w}x${h})`, async ({ page }) => {
      await page.setViewportSize({ width: w, height: h });
      await page.goto('/no/such/page');
      const nf = page.locator('[data-page="not-found"]');
      await expect(nf.getByRole('heading', { name: 'No page at this address' })).toBeVisible();
      await expect(nf).toContainText('/no/such/page');
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
      await expect(page.locator('body')).not.toHaveText(/^Not Found$/);
      expect(await pageFindings(page, `not found (${w})`)).toEqual([]);
      await nf.getByRole('link', { name: 'Mock SP' }).click();
      await expect(page.getByRole('heading', { name: 'Mock SP', exact: true })).toBeVisible();
    });

    test(`/acs and /slo without an answer explain what they are for (${w}x${h})`, async ({ page }) => {
      await page.setViewportSize({ width: w, height: h });
      await page.goto('/acs');
      const acs = page.locator('[data-page="acs"]');
      await expect(acs.getByRole('heading', { name: /Assertion Consumer Service \(\/acs\): no answer to show/ })).toBeVisible();
      await expect(acs).toContainText('HTTP-POST binding');
      await expect(acs.getByRole('link', { name: 'Mock SP' }).first()).toBeVisible();
      expect(await pageFindings(page, `/acs (${w})`)).toEqual([]);
      await page.goto('/slo');
      await expect(page.getByRole('heading', { name: /Logout endpoint \(\/slo\)/ })).toBeVisible();
    });
  }
});
