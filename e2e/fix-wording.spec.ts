// Issue 14 item 3 as the user sees it: fixes in the words of the product being configured, with
// the real values from the message, never a CLI flag, a source file name or a contract section —
// on the inspect page, on /rules and on /profiles — and no product advice under the generic
// profile. Screenshots at 1440x900 and 390x844 go to test-results/fix-wording/.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { corpus, fixturesDir, setMessage } from './helpers';

const CLI_OR_FILE = /--(at|metadata|cert|sp-key|profile|skew|sp-entity-id|acs-url|idp-entity-id|request-id)\b|\d{3}_[0-9a-f]{16}\.txt|seed \d{3}_|CONTRACT §/;
const SCALEWAY_ISSUER = readFileSync(path.join(fixturesDir, 'diagnosis', 'issuer-is-sp-entity-id.xml'), 'utf8');
const ISSUER = 'https://iam.scaleway.com/saml/8f1c2d3e-aaaa-bbbb-cccc-123456789abc';

async function inspectAt(page: Page, at: string, message: string): Promise<void> {
  await page.goto(`/?at=${at}`);
  await page.waitForFunction(() => typeof window.__samlscope?.setInput === 'function');
  await setMessage(page, message);
  await expect(page.locator('[data-finding-code]').first()).toBeVisible();
}

async function shoot(page: Page, name: string): Promise<void> {
  for (const [w, h] of [[1440, 900], [390, 844]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `test-results/fix-wording/${name}-${w}.png`, fullPage: false });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test.describe('fix wording', () => {
  test('the Scaleway Issuer fix quotes the Issuer the message has and names the Terraform attribute and the console field', async ({ page }) => {
    await inspectAt(page, '2026-03-01T10:01:00Z', SCALEWAY_ISSUER);
    const fix = page.locator('[data-finding-code="issuer-is-sp-entity-id"] .finding-fix').first();
    await expect(fix).toContainText(`"${ISSUER}"`);
    await expect(fix).toContainText('issuer = var.authentik_url');
    await expect(fix).toContainText('"Entity ID" entered in the Scaleway console identity provider');
    await expect(fix).not.toContainText('authentik.example.com');
    await fix.scrollIntoViewIfNeeded();
    await shoot(page, 'scaleway-issuer');
  });

  test('an expired message: the fix names the page\'s evaluation time field, never --at', async ({ page }) => {
    await inspectAt(page, '2026-03-02T00:00:00Z', SCALEWAY_ISSUER);
    const fix = page.locator('[data-finding-code="expired"] .finding-fix').first();
    await expect(fix).toContainText('set "Evaluation time (UTC)" to when it was taken');
    await expect(fix).toContainText("Scaleway's clock is authoritative");
    for (const text of await page.locator('.finding-fix, .finding-explanation, .finding-references').allTextContents()) expect(text).not.toMatch(CLI_OR_FILE);
    await fix.scrollIntoViewIfNeeded();
    await shoot(page, 'expired');
  });

  test('the SHA-1 warning on a OneLogin message (generic profile) gives no authentik advice', async ({ page }) => {
    await inspectAt(page, '2040-01-01T00:00:00Z', corpus('crewjam__onelogin_response.xml'));
    await expect(page.locator('.diagnosis-profile')).toHaveAttribute('data-profile', 'generic');
    const fix = page.locator('[data-finding-code="weak-algorithm"] .finding-fix').first();
    await expect(fix).toContainText("Switch the IdP's signing algorithm to RSA-SHA256");
    const texts = await page.locator('.finding-fix, .finding-explanation').allTextContents();
    expect(texts.length).toBeGreaterThan(1);
    for (const text of texts) {
      expect(text).not.toMatch(/authentik|Scaleway|Terraform/i);
      expect(text).not.toMatch(CLI_OR_FILE);
    }
    await fix.scrollIntoViewIfNeeded();
    await shoot(page, 'onelogin-sha1');
  });

  test('/rules and every /profiles page show no CLI flag, file name or contract section', async ({ page }) => {
    await page.goto('/rules');
    await expect(page.getByRole('heading', { name: 'Diagnosis rules', level: 1 })).toBeVisible();
    await expect(page.locator('.rules-table').first()).toContainText('issuer-is-sp-entity-id');
    expect(await page.locator('main').innerText()).not.toMatch(CLI_OR_FILE);
    await shoot(page, 'rules');
    for (const name of ['', '/generic', '/scaleway', '/authentik-provider', '/authentik-source']) {
      await page.goto(`/profiles${name}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await page.locator('main').innerText(), name).not.toMatch(CLI_OR_FILE);
    }
    await expect(page.locator('.profile-source .source-title')).toHaveText('authentik docs: SAML source');
  });
});
