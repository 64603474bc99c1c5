// The /metadata page (CONTRACT §4): lint (with the schema check running in the browser's worker),
// a federation-size aggregate in the searchable entity table, diff, pair and the rollover plan.
// Metadata is built with openssl at test time (src/core/mdtools/testing/fixtures.testutil.ts).
import { expect, test, type Page } from '@playwright/test';
import { DAY, aggregateXml, entityXml, iso, makeCert } from '../src/core/mdtools/testing/fixtures.testutil';

async function open(page: Page, tab?: string): Promise<void> {
  await page.goto(tab ? `/metadata?tab=${tab}` : '/metadata');
  await expect(page.getByRole('heading', { name: 'Metadata', level: 1 })).toBeVisible();
}

test('lint shows each problem with its code, the schema checked in the browser', async ({ page }) => {
  await open(page);
  const bad = entityXml({ signing: makeCert({ bits: 1024, cn: 'small' }), ssoLocation: 'http://idp.example.org/sso', roleTail: '<md:NameIDFormat>urn:x</md:NameIDFormat>' });
  await page.getByLabel('Metadata to lint', { exact: true }).fill(bad);
  await page.getByRole('button', { name: 'Lint', exact: true }).click();
  const result = page.locator('[data-md-result="lint"]');
  await expect(result).toContainText('EntityDescriptor: 1 entity');
  await expect(result).toContainText('schema checked');
  await expect(page.locator('[data-finding-code="md-http-endpoint"]')).toBeVisible();
  await expect(page.locator('[data-finding-code="md-key-too-small"]')).toBeVisible();
  await expect(page.locator('[data-finding-code="md-schema"]').first()).toContainText('This element is not expected');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: 'test-results/metadata-lint-1440.png', fullPage: false });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: 'test-results/metadata-lint-390.png', fullPage: true });
});

test('an aggregate opened from a file: the entity table searches and opens an entity', async ({ page }) => {
  // 400 entities with openssl certificates: seconds on an idle machine, much more on a shared one.
  test.setTimeout(180_000);
  await open(page);
  const cert = makeCert();
  const entities = Array.from({ length: 400 }, (_, i) => entityXml({ entityID: `https://idp${i}.example.org/idp`, displayName: `University ${i}`, signing: cert, contactEmail: i % 7 === 0 ? 'ops@example.org' : undefined }, false));
  const xml = aggregateXml(entities, ` validUntil="${iso(Date.now() + 10 * DAY)}"`);
  await page.getByLabel('Metadata to lint: open a file').setInputFiles({ name: 'federation.xml', mimeType: 'application/xml', buffer: Buffer.from(xml) });
  await page.getByRole('checkbox', { name: /schema/ }).uncheck();
  await page.getByRole('button', { name: 'Lint', exact: true }).click();
  await expect(page.locator('[data-md-result="lint"]')).toContainText('EntitiesDescriptor: 400 entities', { timeout: 120_000 });
  await expect(page.locator('[data-finding-code="md-aggregate-unsigned"]')).toBeVisible();
  await expect(page.getByText('400 of 400 entities')).toBeVisible();
  await expect(page.getByText('page 1 of 4')).toBeVisible();
  await page.getByLabel('Search entities').fill('idp287.example');
  await expect(page.getByText('1 of 400 entities')).toBeVisible();
  await page.getByRole('button', { name: 'https://idp287.example.org/idp' }).click();
  // 287 = 7 × 41: its contact address lacks mailto:.
  await expect(page.locator('.md-entity-findings [data-finding-code="md-contact-not-mailto"]')).toBeVisible();
  await page.getByLabel('Search entities').fill('');
  await page.getByLabel('Show').selectOption('warning');
  // Every 7th entity (0, 7, …, 399) has a contact address without mailto:.
  await expect(page.getByText('58 of 400 entities')).toBeVisible();
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: 'test-results/metadata-aggregate-1440.png' });
});

test('diff lists the key rolled and the endpoint moved', async ({ page }) => {
  await open(page, 'diff');
  await page.getByLabel('Old metadata', { exact: true }).fill(entityXml({ signing: makeCert({ cn: 'old' }) }));
  await page.getByLabel('New metadata', { exact: true }).fill(entityXml({ signing: makeCert({ cn: 'new' }), ssoLocation: 'https://idp.example.org/new-sso' }));
  await page.getByRole('button', { name: 'Compare' }).click();
  const r = page.locator('[data-md-result="diff"]');
  await expect(r).toContainText('0 entities added, 0 removed, 1 changed');
  await expect(r.locator('[data-md-change="key:added"]')).toContainText('CN=new');
  await expect(r.locator('[data-md-change="key:removed"]')).toContainText('signature checks fail');
  await expect(r.locator('[data-md-change="endpoint:changed"]')).toContainText('https://idp.example.org/new-sso');
});

test('pair says what stops the login, in authentik\'s words', async ({ page }) => {
  await open(page, 'pair');
  await page.getByLabel('IdP metadata', { exact: true }).fill(entityXml({ wantAuthnRequestsSigned: true, ssoLocation: 'https://auth.example.com/application/saml/app/sso/binding/redirect/' }));
  await page.getByLabel('SP metadata', { exact: true }).fill(entityXml({ sp: true, acsLocation: 'http://sp.example.org/acs', nameIdFormats: ['urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress'] }));
  await page.getByRole('button', { name: 'Check the pair' }).click();
  await expect(page.locator('[data-md-pair-verdict="broken"]')).toHaveText('3 problems stop the login');
  await expect(page.locator('[data-finding-code="pair-signing-required"]')).toContainText('Verification Certificate');
  await expect(page.locator('[data-finding-code="pair-acs-not-https"]')).toBeVisible();
  await expect(page.locator('[data-finding-code="pair-nameid-format-unsupported"]')).toBeVisible();
});

test('rollover puts the key on a timeline with dated steps and the partner that breaks', async ({ page }) => {
  await open(page, 'rollover');
  await page.getByLabel('Metadata of the entity whose keys roll over', { exact: true }).fill(entityXml({ signing: makeCert({ days: 45, cn: 'expiring-soon' }) }));
  await page.getByLabel("Partners' metadata (optional)", { exact: true }).fill(entityXml({ sp: true, entityID: 'https://scaleway.example/sp' }));
  await page.getByLabel('Days partners take to load new metadata').fill('14');
  await page.getByRole('button', { name: 'Plan the rollover' }).click();
  const r = page.locator('[data-md-result="rollover"]');
  await expect(r.locator('[data-md-key-status="valid"]')).toContainText('CN=expiring-soon');
  await expect(r.locator('[data-md-step-state]')).toHaveCount(4);
  await expect(r.getByText('Publish the new key beside the old one')).toBeVisible();
  await expect(r.getByText('Switch signing to the new key')).toBeVisible();
  await expect(r.locator('[data-md-break="https://scaleway.example/sp"]').first()).toBeVisible();
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: 'test-results/metadata-rollover-1440.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  // Nothing wider than the phone: the breaks table scrolls inside its panel, URLs wrap.
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: 'test-results/metadata-rollover-390.png', fullPage: true });
});

test('the nav link leads to /metadata', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Metadata' }).click();
  await expect(page).toHaveURL(/\/metadata$/);
  await expect(page.getByRole('tab', { name: 'Lint' })).toHaveAttribute('aria-selected', 'true');
});
