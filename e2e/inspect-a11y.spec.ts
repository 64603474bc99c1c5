// Accessibility of the inspect page in every state the examples reach (issue 14 item 6), with the
// checks of e2e/a11y.ts (axe's rules computed from Chromium; no axe package is installed): the
// first screen, then each example with its sections closed and then all opened, Monaco's XML
// colours included, in the light and the dark theme. Prints the violation count per state.
import { expect, test, type Page } from '@playwright/test';
import { checkAccessibility, type A11yViolation } from './a11y';

const EXAMPLE_IDS = ['scaleway-csrf-403', 'scaleway-issuer', 'scaleway-user-not-found', 'round-trip', 'valid', 'tampered', 'wrapping', 'untrusted-key'];

async function check(page: Page, state: string, all: Record<string, A11yViolation[]>): Promise<void> {
  all[state] = await checkAccessibility(page);
  console.log(`a11y ${state}: ${all[state].length} violation(s)${all[state].length ? `\n  ${all[state].map((v) => `${v.rule} ${v.target}: ${v.detail}`).join('\n  ')}` : ''}`);
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`inspect page accessibility (${scheme})`, () => {
    test.use({ viewport: { width: 1440, height: 900 }, colorScheme: scheme });

    test(`0 violations on the first screen and in every example state (${scheme})`, async ({ page }) => {
      test.setTimeout(180_000);
      const all: Record<string, A11yViolation[]> = {};
      await page.goto('/');
      await expect(page.locator('.first-screen')).toBeVisible();
      await expect(page.locator('.input-editor[data-monaco-ready="true"]')).toHaveCount(1, { timeout: 30_000 });
      await check(page, 'first screen', all);
      for (const id of EXAMPLE_IDS) {
        await page.goto('/');
        await page.locator(`.first-screen [data-example-id="${id}"]`).click();
        await expect(page.locator('[data-verdict]')).toBeVisible();
        await expect(page.locator('.xml-view[data-monaco-ready="true"]')).toHaveCount(1, { timeout: 30_000 });
        await check(page, `${id}`, all);
        await page.evaluate(() => document.querySelectorAll('.inspect details').forEach((d) => ((d as HTMLDetailsElement).open = true)));
        await check(page, `${id}, every section open`, all);
      }
      const total = Object.values(all).flat();
      expect(total, total.map((v) => `${v.rule} ${v.target}: ${v.detail}`).join('\n')).toEqual([]);
    });
  });
}

test.describe('inspect page accessibility at 390x844', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('0 violations on the first screen and with a tampered result, every section open', async ({ page }) => {
    const all: Record<string, A11yViolation[]> = {};
    await page.goto('/');
    await expect(page.locator('.first-screen')).toBeVisible();
    await check(page, '390 first screen', all);
    await page.locator('.first-screen [data-example-id="tampered"]').click();
    await expect(page.locator('[data-verdict="invalid"]')).toBeVisible();
    await page.evaluate(() => document.querySelectorAll('.inspect details').forEach((d) => ((d as HTMLDetailsElement).open = true)));
    await check(page, '390 tampered, every section open', all);
    expect(Object.values(all).flat()).toEqual([]);
  });
});
