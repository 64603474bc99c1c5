// The mock SP page's issue-14 behaviour as the user sees it: the endpoint follows the binding,
// Send refuses what the IdP's metadata says it does not take, a new key turns signing on, the
// ECDSA and RelayState warnings, Terraform consistent with the NameID policy, elapsed time never
// negative, the 1440 px layout, and no sideways scroll or axe violation at 390 px (e2e/accessibility.ts).
import { expect, test, type Page } from '@playwright/test';
import { defaultSettings } from '../src/core/mocksp/settings';
import { pageFindings } from './accessibility';

const idp = `http://127.0.0.1:${process.env.IDP_PORT ?? 4191}`;

/** IdP metadata with one SingleSignOnService per (binding, location). */
function metadata(...sso: [string, string][]): string {
  return `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.com/">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
${sso.map(([b, l]) => `    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:${b}" Location="${l}"/>`).join('\n')}
  </md:IDPSSODescriptor>
</md:EntityDescriptor>`;
}

const REDIRECT = 'https://idp.example.com/sso/redirect';
const POST = 'https://idp.example.com/sso/post';

async function openMockSp(page: Page): Promise<void> {
  await page.goto('/mock-sp');
  await page.evaluate(async () => {
    localStorage.clear();
    await new Promise<void>((resolve) => {
      const r = indexedDB.deleteDatabase('samlscope-mocksp');
      r.onsuccess = r.onerror = r.onblocked = () => resolve();
    });
  });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Mock SP', exact: true })).toBeVisible();
}

const destination = (page: Page) => page.getByLabel('IdP SSO URL (Destination)');
const sendButton = (page: Page) => page.getByRole('button', { name: /^Send AuthnRequest/ });

async function expectClean(page: Page, state: string): Promise<void> {
  expect(await pageFindings(page, state), page.url()).toEqual([]);
}

test.describe('mock SP (issue 14)', () => {
  // The IdP keeps registered SP certificates between tests (e2e/idp/server.mjs): start clean.
  test.beforeEach(async () => {
    await fetch(`${idp}/test/reset`, { method: 'POST' });
  });

  test('the endpoint follows the chosen binding, from the metadata', async ({ page }) => {
    await openMockSp(page);
    await page.getByLabel('IdP metadata').fill(metadata(['HTTP-Redirect', REDIRECT], ['HTTP-POST', POST]));
    await expect(destination(page)).toHaveValue(REDIRECT);
    await page.getByLabel('Send binding').selectOption('HTTP-POST');
    await expect(destination(page)).toHaveValue(POST);
    await expect(page.locator('[data-endpoint-followed="sso"]')).toContainText(POST);
    await expect(sendButton(page)).toHaveText('Send AuthnRequest (HTTP-POST)');
    await expect(sendButton(page)).toBeEnabled();
    await page.getByLabel('Send binding').selectOption('HTTP-Redirect');
    await expect(destination(page)).toHaveValue(REDIRECT);
    await expect(page.locator('[data-send-refused]')).toHaveCount(0);
  });

  test('Send refuses an endpoint the metadata says does not take the binding, with the reason and the way out', async ({ page }) => {
    await openMockSp(page);
    // An IdP that only takes Redirect: POST has nowhere to go (a real IdP answered 404).
    await page.getByLabel('IdP metadata').fill(metadata(['HTTP-Redirect', REDIRECT]));
    await expect(destination(page)).toHaveValue(REDIRECT);
    await expect(sendButton(page)).toBeEnabled();
    await page.getByLabel('Send binding').selectOption('HTTP-POST');
    await expect(destination(page)).toHaveValue(REDIRECT);
    const refusal = page.locator('[data-send-refused="binding-mismatch"]');
    await expect(refusal).toBeVisible();
    await expect(refusal).toContainText('Not sent');
    await expect(refusal).toContainText('only for HTTP-Redirect, none for HTTP-POST');
    await expect(sendButton(page)).toBeDisabled();
    await refusal.getByRole('button', { name: 'Send with HTTP-Redirect instead' }).click();
    await expect(page.getByLabel('Send binding')).toHaveValue('HTTP-Redirect');
    await expect(refusal).toHaveCount(0);
    await expect(sendButton(page)).toBeEnabled();

    // Both bindings listed, but the Redirect URL typed while sending by POST: refused, with the POST URL offered.
    await page.getByLabel('IdP metadata').fill(metadata(['HTTP-Redirect', REDIRECT], ['HTTP-POST', POST]));
    await page.getByLabel('Send binding').selectOption('HTTP-POST');
    await destination(page).fill(REDIRECT);
    await expect(refusal).toContainText(`its HTTP-POST endpoint is ${POST}`);
    await expect(sendButton(page)).toBeDisabled();
    await refusal.getByRole('button', { name: `Send to ${POST}` }).click();
    await expect(destination(page)).toHaveValue(POST);
    await expect(sendButton(page)).toBeEnabled();
    await expectClean(page, 'after a refusal');
  });

  test('"Generate key pair" turns signing on; an EC key carries the ECDSA compatibility note', async ({ page }) => {
    await openMockSp(page);
    await expect(page.getByLabel('Sign requests')).not.toBeChecked();
    await expect(page.locator('[data-compat-note="ecdsa"]')).toHaveCount(0);
    await page.getByLabel('Key type').selectOption('EC-P256');
    const note = page.locator('[data-compat-note="ecdsa"]');
    await expect(note).toContainText('pysaml2');
    await expect(note).toContainText('Lasso 2.8');
    await expect(note).toContainText('SimpleSAMLphp 1.19');
    await page.getByRole('button', { name: 'Generate key pair' }).click();
    await expect(page.locator('.key-info[data-key-type="EC"]')).toBeVisible();
    await expect(page.getByLabel('Sign requests')).toBeChecked();
    await expect(page.locator('.key-info [data-compat-note="ecdsa"]')).toBeVisible();
    await expect(page.locator('[data-export="sp-metadata"]')).toContainText('AuthnRequestsSigned="true"');
    await page.getByRole('button', { name: 'Remove key' }).click();
    await page.getByLabel('Sign requests').uncheck();
    await page.getByLabel('Key type').selectOption('RSA-2048');
    await expect(note).toHaveCount(0);
    await page.getByRole('button', { name: 'Generate key pair' }).click();
    await expect(page.locator('.key-info[data-key-type="RSA"]')).toBeVisible();
    await expect(page.getByLabel('Sign requests')).toBeChecked();
    await destination(page).fill(`${idp}/sso`);
    await expect(sendButton(page)).toHaveText('Send AuthnRequest (HTTP-Redirect, signed)');
  });

  test('a RelayState with characters IdPs re-encode is warned about', async ({ page }) => {
    await openMockSp(page);
    await page.getByLabel('RelayState').fill('go to page');
    const w = page.locator('[data-problem-code="relay-state-reencoded"]').first();
    await expect(w).toContainText('a space');
    await expect(w).toContainText('pysaml2');
    await page.getByLabel('RelayState').fill('state-1.a_b~c');
    await expect(page.locator('[data-problem-code="relay-state-reencoded"]')).toHaveCount(0);
  });

  test('the authentik Terraform follows the NameID policy (persistent: no username mapping)', async ({ page }) => {
    await openMockSp(page);
    await page.getByText('authentik Terraform', { exact: true }).click();
    const tf = page.locator('[data-export="terraform"]');
    await expect(tf).toContainText('name_id_mapping   = data.authentik_property_mapping_provider_saml.username.id');
    await page.getByLabel('NameIDPolicy format').selectOption({ label: 'persistent' });
    await expect(page.locator('[data-nameid-mapping="none"]')).toContainText('user.uid');
    await expect(tf).not.toContainText('name_id_mapping   =');
    await expect(tf).not.toContainText('providers/saml/username');
    await expect(tf).toContainText('for a persistent NameID authentik sends user.uid');
    await expect(page.getByLabel('AuthnRequest XML')).toBeAttached();
    await expect(page.locator('.request-editor')).toContainText('nameid-format:persistent');
    await page.getByLabel('NameIDPolicy format').selectOption({ label: 'emailAddress' });
    await expect(tf).toContainText('name_id_mapping   = data.authentik_property_mapping_provider_saml.email.id');
  });

  test('elapsed time is compared at the coarser precision and is never negative', async ({ page }) => {
    // Another path first: the capture below must be a new document (the fragment is read on load).
    await page.goto('/acs');
    const origin = new URL(page.url()).origin;
    // A request "sent" at .700 and an answer issued in the same second with a whole-second IssueInstant.
    const settings = defaultSettings(origin);
    const record = { kind: 'AuthnRequest', id: '_e2e-elapsed', issueInstant: '2026-01-15T10:00:00Z', relayState: null, binding: 'HTTP-Redirect', endpoint: `${idp}/sso`, sentAt: '2026-01-15T10:00:00.700Z', spEntityId: settings.spEntityId, acsUrl: settings.acsUrl, idpEntityId: '', xml: '' };
    await page.evaluate((entry) => localStorage.setItem('samlscope.mocksp.sent', JSON.stringify([entry])), { record, settings, idpMetadata: null });
    const response = `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_resp1" Version="2.0" IssueInstant="2026-01-15T10:00:00Z" InResponseTo="_e2e-elapsed" Destination="${origin}/acs"><saml:Issuer>https://idp.example.com/</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status></samlp:Response>`;
    const body = `SAMLResponse=${encodeURIComponent(Buffer.from(response).toString('base64'))}`;
    const fragment = Buffer.from(body).toString('base64url');
    await page.goto(`/#capture=${fragment}&via=server&path=/acs&method=POST`);
    const panel = page.locator('.mock-sp-capture');
    await expect(panel.locator('[data-correlation-field="inResponseTo"]')).toHaveAttribute('data-status', 'match');
    const elapsed = panel.locator('[data-elapsed-ms]');
    await expect(elapsed).toHaveAttribute('data-elapsed-ms', '0');
    await expect(elapsed).toHaveAttribute('data-elapsed-precision-ms', '1000');
    await expect(elapsed).toHaveText('Answer issued within the second the request was sent (compared to the second: the IssueInstant carries no finer time).');
    await expect(panel).not.toContainText('-1 s');
  });

  test('at 1440x900 the settings sit beside the request, and Send is on the first screen', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openMockSp(page);
    const settingsBox = (await page.locator('.mock-sp-settings-column').boundingBox())!;
    const requestBox = (await page.locator('.mock-sp-request').boundingBox())!;
    expect(requestBox.x).toBeGreaterThan(settingsBox.x + settingsBox.width - 1);
    expect(Math.abs(requestBox.y - settingsBox.y)).toBeLessThan(2);
    const send = (await sendButton(page).boundingBox())!;
    expect(send.y + send.height).toBeLessThanOrEqual(900);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(2000);
    await expectClean(page, '1440 first screen');
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the request editor's XML colours reach 4.5:1 (${colorScheme} theme)`, async ({ page }) => {
      // Monaco's own 'vs' theme paints attribute names #ff0000 on white: 4.0:1 (axe color-contrast, serious).
      await page.emulateMedia({ colorScheme });
      await openMockSp(page);
      await expect(page.locator('.request-editor[data-monaco-ready="true"]')).toHaveCount(1, { timeout: 30_000 });
      await expect(page.locator('.request-editor .view-line').first()).toBeVisible();
      expect(await pageFindings(page, `request editor (${colorScheme})`)).toEqual([]);
    });
  }

  test('at 390x844: no sideways scroll and no audit finding, before and after sending', async ({ page, context }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openMockSp(page);
    await expectClean(page, 'first screen');
    await page.getByLabel('IdP metadata').fill(await (await fetch(`${idp}/metadata`)).text());
    await expect(destination(page)).toHaveValue(`${idp}/sso`);
    await page.getByLabel('RelayState').fill('a b');
    await page.getByLabel('Key type').selectOption('EC-P256');
    await page.getByText('authentik Terraform', { exact: true }).click();
    await page.getByText('Import a PEM key and certificate').click();
    await expectClean(page, 'metadata, warnings, Terraform, import open');
    await page.getByLabel('RelayState').fill('e2e-390');
    const tab = context.waitForEvent('page');
    await sendButton(page).click();
    const answer = await tab;
    await expect(page.locator('.mock-sp-sent')).toBeVisible();
    await expectClean(page, 'after sending');
    await answer.setViewportSize({ width: 390, height: 844 });
    await expect(answer.locator('.mock-sp-capture')).toBeVisible({ timeout: 30_000 });
    await expect(answer.locator('.mock-sp-capture')).toHaveAttribute('data-correlation', /correlated/);
    const overflow = await answer.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const capture = (await answer.locator('.mock-sp-capture').boundingBox())!;
    expect(capture.x + capture.width).toBeLessThanOrEqual(390);
    // The inspect page around the capture panel belongs to inspect-ui; the panel itself must fit.
    test.info().annotations.push({ type: 'inspect page overflow at 390 (px)', description: String(overflow) });
  });
});
