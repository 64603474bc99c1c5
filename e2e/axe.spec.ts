// axe-core over every page and every state the inspect examples reach (issue 14: "axe: 0
// violations on every page in every state you can reach with the examples"), at 1440 and 390 px,
// in the default (light) colour scheme; e2e/inspect-a11y.spec.ts adds the dark scheme. The
// feature specs run the same check (e2e/accessibility.ts) in the states only they reach.
import { expect, test } from '@playwright/test';
import { axeViolations as violations } from './accessibility';

const EXAMPLE_IDS = ['scaleway-csrf-403', 'scaleway-issuer', 'scaleway-user-not-found', 'round-trip', 'valid', 'tampered', 'wrapping', 'untrusted-key'];

for (const size of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
  test.describe(`axe at ${size.width}x${size.height}`, () => {
    test.use({ viewport: size });

    test(`pages: 0 violations (${size.width})`, async ({ page }) => {
      const found: string[] = [];
      for (const path of ['/', '/mock-sp', '/mock-idp', '/metadata', '/oidc', '/rules', '/profiles', '/profiles/scaleway', '/acs', '/no-such-page']) {
        await page.goto(path);
        await expect(page.locator('main#main')).toBeVisible();
        await page.waitForLoadState('networkidle');
        found.push(...(await violations(page, path)));
      }
      expect(found).toEqual([]);
    });

    // Each example as it opens (verdict card, findings, step list; sections closed), then with
    // every section (<details>) opened: summary, assertion, certificates, signature trace.
    test(`inspect examples, closed and with every section open: 0 violations (${size.width})`, async ({ page }) => {
      const found: string[] = [];
      for (const id of EXAMPLE_IDS) {
        await page.goto('/');
        await page.locator(`.first-screen [data-example-id="${id}"]`).click();
        await expect(page.locator('[data-verdict]')).toBeVisible();
        await expect(page.locator('.xml-view[data-monaco-ready="true"]')).toHaveCount(1, { timeout: 30_000 });
        found.push(...(await violations(page, id)));
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => ((d as HTMLDetailsElement).open = true)));
        await expect(page.locator('details:not([open])')).toHaveCount(0);
        found.push(...(await violations(page, `${id} (every section open)`)));
      }
      expect(found).toEqual([]);
    });
  });
}
