// Accessibility of the inspect page (issue 14 item 6) with axe (e2e/accessibility.ts): the first
// screen once Monaco has painted the input editor, in the light and the dark theme; in the dark
// theme also each example with its sections closed and then all opened, Monaco's XML colours
// included (the light theme's example states are e2e/axe.spec.ts's, at 1440 and 390 px); and at
// 390x844 the first screen and a tampered result with every section open. Prints the count per state.
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './accessibility';

const EXAMPLE_IDS = ['scaleway-csrf-403', 'scaleway-issuer', 'scaleway-user-not-found', 'round-trip', 'valid', 'tampered', 'wrapping', 'untrusted-key'];

async function openFirstScreen(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.locator('.first-screen')).toBeVisible();
  await expect(page.locator('.input-editor[data-monaco-ready="true"]')).toHaveCount(1, { timeout: 30_000 });
}

async function openEverySection(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('.inspect details').forEach((d) => ((d as HTMLDetailsElement).open = true)));
  await expect(page.locator('.inspect details:not([open])')).toHaveCount(0);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`inspect first screen, Monaco painted: 0 violations (${scheme})`, async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    await openFirstScreen(page);
    expect(await axeViolations(page, `first screen (${scheme})`)).toEqual([]);
  });
}

test.describe('inspect page accessibility (dark)', () => {
  test.use({ viewport: { width: 1440, height: 900 }, colorScheme: 'dark' });

  test('0 violations in every example state (dark)', async ({ page }) => {
    const found: string[] = [];
    for (const id of EXAMPLE_IDS) {
      await page.goto('/');
      await page.locator(`.first-screen [data-example-id="${id}"]`).click();
      await expect(page.locator('[data-verdict]')).toBeVisible();
      await expect(page.locator('.xml-view[data-monaco-ready="true"]')).toHaveCount(1, { timeout: 30_000 });
      found.push(...(await axeViolations(page, `${id} (dark)`)));
      await openEverySection(page);
      found.push(...(await axeViolations(page, `${id}, every section open (dark)`)));
    }
    expect(found).toEqual([]);
  });
});

test.describe('inspect page accessibility at 390x844', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('0 violations on the first screen and with a tampered result, every section open', async ({ page }) => {
    const found: string[] = [];
    await page.goto('/');
    await expect(page.locator('.first-screen')).toBeVisible();
    found.push(...(await axeViolations(page, '390 first screen')));
    await page.locator('.first-screen [data-example-id="tampered"]').click();
    await expect(page.locator('[data-verdict="invalid"]')).toBeVisible();
    await openEverySection(page);
    found.push(...(await axeViolations(page, '390 tampered, every section open')));
    expect(found).toEqual([]);
  });
});
