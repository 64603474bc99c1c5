// axe-core (Deque's accessibility engine, through @axe-core/playwright) over every page and every
// state the inspect examples reach (issue 14: "axe: 0 violations on every page in every state you
// can reach with the examples"). e2e/a11y.ts and e2e/pageAudit.ts check contrast and names from
// Chromium directly; this is the independent engine users and auditors run.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const EXAMPLE_IDS = ['scaleway-csrf-403', 'scaleway-issuer', 'scaleway-user-not-found', 'round-trip', 'valid', 'tampered', 'wrapping', 'untrusted-key'];

async function violations(page: Page, state: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const lines = result.violations.map((v) => `${state}: ${v.id} (${v.impact}) ${v.nodes.length}× — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  console.log(`axe ${state}: ${result.violations.length} violation(s)${lines.length ? `\n  ${lines.join('\n  ')}` : ''}`);
  return lines;
}

for (const size of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
  test.describe(`axe at ${size.width}x${size.height}`, () => {
    test.use({ viewport: size });

    test(`pages: 0 violations (${size.width})`, async ({ page }) => {
      test.setTimeout(180_000);
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
      // 16 axe scans of large DOMs: ~2 min idle, 5 min was exceeded at load 10–12 on 2 cores.
      test.setTimeout(600_000);
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
