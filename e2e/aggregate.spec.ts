// Issue 15: a federation aggregate on the inspect page — an overview and one searchable, sortable
// entity table (keyboard and axe-clean) rather than one long list; and a large aggregate loaded
// from a file, read by the worker one entity at a time (core/aggregate/, from 8 MiB); a 100 MB
// aggregate opened as a file, which the page hands to the worker unread (PAGE_LIMITS.fileInputMinBytes).
import { createWriteStream } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { corpus, dropFile, openInspect, setMessage } from './helpers';

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
// Two real certificates from the corpus: Google's IdP certificate (expired in 2021) and TestShib's first (valid to 2036).
const expiredCert = /<(?:ds:)?X509Certificate>([^<]+)</.exec(corpus('crewjam__google_idp_metadata.xml'))![1]!.replace(/\s+/g, '');
const laterCert = /<ds:X509Certificate>([^<]+)</.exec(corpus('python3saml__testshib-providers.xml'))![1]!.replace(/\s+/g, '');

function entity(n: number): string {
  const sp = n % 3 === 0;
  const cert = n % 10 === 7 ? expiredCert : laterCert;
  const role = sp
    ? `<md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${cert}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor><md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://sp${n}.example.org/acs" index="0"/></md:SPSSODescriptor>`
    : `<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${cert}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor><md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp${n}.example.edu/sso"/></md:IDPSSODescriptor>`;
  return `\n  <md:EntityDescriptor entityID="https://${sp ? 'sp' : 'idp'}${n}.example.${sp ? 'org' : 'edu'}/">${role}<md:Organization><md:OrganizationName xml:lang="en">Org ${n}</md:OrganizationName><md:OrganizationDisplayName xml:lang="en">Campus ${String(n).padStart(4, '0')}</md:OrganizationDisplayName><md:OrganizationURL xml:lang="en">https://example.org/${n}</md:OrganizationURL></md:Organization></md:EntityDescriptor>`;
}

function aggregate(count: number): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<md:EntitiesDescriptor xmlns:md="${MD}" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" Name="urn:example:federation">${Array.from({ length: count }, (_, i) => entity(i)).join('')}\n</md:EntitiesDescriptor>\n`;
}

async function openDetails(page: Page) {
  const details = page.locator('details[data-section="details"]');
  await details.locator('> summary').click();
  return details;
}

test.describe('metadata aggregate', () => {
  test('an overview and a searchable, sortable entity table, by keyboard, axe-clean', async ({ page }) => {
    test.setTimeout(120_000);
    await openInspect(page);
    await setMessage(page, aggregate(60));
    await expect(page.locator('[data-message-kind="EntitiesDescriptor"]')).toBeVisible({ timeout: 60_000 });
    const details = await openDetails(page);
    const table = details.locator('[data-entity-table]');
    await expect(details.locator('.metadata')).toContainText('60 (20 SPSSODescriptor, 40 IDPSSODescriptor)');
    await expect(table.locator('[data-entity-count]')).toHaveText('60 of 60 entities');
    // One page of rows, not 60.
    await expect(table.locator('tbody tr[data-entity-row]')).toHaveCount(50);

    await table.getByLabel('Search').fill('campus 0042');
    await expect(table.locator('tbody tr[data-entity-row]')).toHaveCount(1);
    await expect(table.locator('tbody tr[data-entity-row]')).toHaveAttribute('data-entity-row', 'https://sp42.example.org/');
    await table.getByLabel('Search').fill('');

    await table.getByLabel('Role').selectOption('SPSSODescriptor');
    await expect(table.locator('[data-entity-count]')).toHaveText('20 of 60 entities');
    await table.getByLabel('Keys').selectOption('expired');
    // n % 3 === 0 and n % 10 === 7: 27 and 57.
    await expect(table.locator('[data-entity-count]')).toHaveText('2 of 60 entities');
    await expect(table.locator('tbody tr[data-entity-row]').first()).toContainText('expired');

    // Sort by name, descending, with the keyboard; open the first row with Enter.
    await table.getByLabel('Role').selectOption('all');
    await table.getByLabel('Keys').selectOption('all');
    const nameHeader = table.getByRole('button', { name: /^Name/ });
    await nameHeader.focus();
    await page.keyboard.press('Enter');
    await expect(table.locator('th[aria-sort="ascending"]')).toContainText('Name');
    await page.keyboard.press('Enter');
    await expect(table.locator('th[aria-sort="descending"]')).toContainText('Name');
    await expect(table.locator('tbody tr[data-entity-row]').first()).toHaveAttribute('data-entity-row', 'https://idp59.example.edu/');
    const first = table.locator('tbody tr[data-entity-row]').first().getByRole('button');
    await first.focus();
    await page.keyboard.press('Enter');
    await expect(first).toHaveAttribute('aria-expanded', 'true');
    await expect(table).toContainText('SingleSignOnService');
    // The row's detail came from the worker (the page holds only the table's columns).
    await expect(table).toContainText('https://idp59.example.edu/sso');
    await table.getByRole('button', { name: 'Next' }).click();
    await expect(table).toContainText('page 2 of 2');

    const axe = await new AxeBuilder({ page }).include('[data-entity-table]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  });

  test('a 10 MB aggregate dropped as a file is read and tabled', async ({ page }) => {
    test.setTimeout(180_000);
    // Above AGGREGATE_IN_PARTS_MIN_CHARS (8 MiB): the worker reads it one entity at a time.
    const xml = aggregate(8_000);
    expect(xml.length).toBeGreaterThan(8 * 1024 * 1024);
    expect(xml.length).toBeLessThan(20 * 1024 * 1024);
    await openInspect(page);
    await page.evaluate(() => localStorage.removeItem('samlscope.testing.runBudgetMs'));
    await dropFile(page, 'main#main', 'federation.xml', xml, 'application/xml');
    await expect(page.locator('[data-message-kind="EntitiesDescriptor"]')).toBeVisible({ timeout: 120_000 });
    const details = await openDetails(page);
    const table = details.locator('[data-entity-table]');
    await expect(table.locator('[data-entity-count]')).toHaveText('8,000 of 8,000 entities');
    await expect(table.locator('tbody tr[data-entity-row]')).toHaveCount(50);
    // An entity deep in the list: found by its name, its row opens its detail from the worker.
    await table.getByLabel('Search').fill('campus 7998');
    await expect(table.locator('tbody tr[data-entity-row]')).toHaveAttribute('data-entity-row', 'https://sp7998.example.org/');
    await table.locator('tbody tr[data-entity-row]').getByRole('button').click();
    await expect(table).toContainText('https://sp7998.example.org/acs');
    await expect(table).toContainText('AssertionConsumerService');
  });

  test('a 10 MB aggregate pasted as text: search finds an entity deep in the list, its row shows its detail; a new input never shows the old detail', async ({ page }) => {
    test.setTimeout(180_000);
    const xml = aggregate(8_000);
    await openInspect(page);
    await page.evaluate(() => localStorage.removeItem('samlscope.testing.runBudgetMs'));
    await setMessage(page, xml);
    await expect(page.locator('[data-message-kind="EntitiesDescriptor"]')).toBeVisible({ timeout: 120_000 });
    const details = await openDetails(page);
    const table = details.locator('[data-entity-table]');
    await expect(table.locator('[data-entity-count]')).toHaveText('8,000 of 8,000 entities');
    await table.getByLabel('Search').fill('idp7999.example');
    await expect(table.locator('tbody tr[data-entity-row]')).toHaveCount(1);
    await expect(table.locator('tbody tr[data-entity-row]')).toHaveAttribute('data-entity-row', 'https://idp7999.example.edu/');
    await table.locator('tbody tr[data-entity-row]').getByRole('button').click();
    await expect(table).toContainText('https://idp7999.example.edu/sso');
    // The page holds the columns, not the summaries.
    const held = await page.evaluate(() => {
      const m = window.__samlscope!.message() as unknown as { metadata: { entities: unknown[] }; entityTable: { count: number } };
      return { entities: m.metadata.entities.length, count: m.entityTable.count };
    });
    expect(held).toEqual({ entities: 0, count: 8_000 });

    // A new input: the old table and its open row go; the new table's rows are its own, closed.
    await setMessage(page, aggregate(8_001).replace(/idp(\d+)\.example\.edu/g, 'idp$1.example.net'));
    await expect(page.locator('[data-message-kind="EntitiesDescriptor"]')).toBeVisible({ timeout: 120_000 });
    const section = page.locator('details[data-section="details"]');
    const next = section.locator('[data-entity-table]');
    await expect(next.locator('[data-entity-count]')).toHaveText('8,001 of 8,001 entities', { timeout: 60_000 });
    if (!(await section.evaluate((e) => (e as HTMLDetailsElement).open))) await section.locator('> summary').click();
    await expect(page.getByText('https://idp7999.example.edu/sso')).toHaveCount(0);
    await expect(next.locator('button[aria-expanded="true"]')).toHaveCount(0);
    await next.getByLabel('Search').fill('idp7999.example');
    await next.locator('tbody tr[data-entity-row]').getByRole('button').click();
    await expect(next).toContainText('https://idp7999.example.net/sso');
    await expect(page.getByText('https://idp7999.example.edu/sso')).toHaveCount(0);
  });

  test('a 100 MB aggregate opened as a file: the worker reads it, the page shows the verdict and the entity table and stays responsive', async ({ page }, testInfo) => {
    test.setTimeout(600_000);
    // 80,000 entities of ~1.3 KB: written in pieces, never one 100 MB string in the test either.
    const count = 80_000;
    const file = testInfo.outputPath('federation-100mb.xml');
    const out = createWriteStream(file);
    const write = (text: string) => new Promise<void>((resolve) => (out.write(text) ? resolve() : out.once('drain', () => resolve())));
    await write(`<?xml version="1.0" encoding="UTF-8"?>\n<md:EntitiesDescriptor xmlns:md="${MD}" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" Name="urn:example:federation">`);
    for (let i = 0; i < count; i += 1000) await write(Array.from({ length: 1000 }, (_, j) => entity(i + j)).join(''));
    await write('\n</md:EntitiesDescriptor>\n');
    await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));

    await openInspect(page);
    await page.evaluate(() => localStorage.removeItem('samlscope.testing.runBudgetMs'));
    await page.locator('.input-panel input[type=file]').setInputFiles(file);
    // In place of the editor: the file's name and size, not its text.
    const shown = page.locator('[data-file-input]');
    await expect(shown).toContainText('File too large to show in the editor');
    await expect(shown).toContainText('federation-100mb.xml');
    await expect(shown).toContainText(/1\d\d\.\d MB/);
    // The page answers while the worker reads: a section opens and its button shows the file's start.
    await page.locator('details.options > summary').click();
    await expect(page.getByLabel('SP entity ID')).toBeVisible();
    await shown.getByRole('button', { name: /Show the start/ }).click();
    await expect(shown.locator('[data-file-start]')).toContainText('<md:EntitiesDescriptor');

    await expect(page.locator('[data-verdict]')).toBeVisible({ timeout: 480_000 });
    await expect(page.locator('[data-message-kind="EntitiesDescriptor"]')).toBeVisible({ timeout: 120_000 });
    const details = await openDetails(page);
    await expect(details.locator('[data-entity-table] [data-entity-count]')).toHaveText('80,000 of 80,000 entities');
    await expect(details.locator('[data-entity-table] tbody tr[data-entity-row]')).toHaveCount(50);
    await details.locator('[data-entity-table]').getByLabel('Search').fill('campus 79999');
    await expect(details.locator('[data-entity-table] tbody tr[data-entity-row]')).toHaveAttribute('data-entity-row', 'https://idp79999.example.edu/');
    // The XML view has the start only, and says so; no share link or history entry for the file.
    await expect(page.locator('[data-xml-cut]')).toContainText('The XML view shows the first');
    await expect(page.locator('[data-file-not-shared]')).toContainText('No share link and no history entry');
    // In the page: the entity table's columns, no entity summary, none of the 100 MB text.
    const held = await page.evaluate(() => {
      const m = window.__samlscope!.message() as unknown as { prettyXml: string; payload: { xml: string }; metadata: { entities: unknown[] }; entityTable: { count: number } };
      return { pretty: m.prettyXml.length, xml: m.payload.xml.length, entities: m.metadata.entities.length, count: m.entityTable.count };
    });
    expect(held.entities).toBe(0);
    expect(held.count).toBe(count);
    const table = details.locator('[data-entity-table]');
    await table.locator('tbody tr[data-entity-row]').getByRole('button').click();
    await expect(table).toContainText('https://idp79999.example.edu/sso');
    expect(held.pretty).toBeLessThanOrEqual(64 * 1024);
    expect(held.xml).toBeLessThanOrEqual(64 * 1024);
  });
});
