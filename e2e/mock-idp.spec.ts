// The mock IdP page (issue 16) end to end, inside the app: mock SP → mock IdP → mock SP round
// trip, a POSTed request captured at /mock-idp/sso, IdP-initiated login with a test-pack
// variant inspected at /acs, and LogoutRequest → LogoutResponse.
import { expect, test, type Page } from '@playwright/test';
import { pageFindings } from './accessibility';

const SCREENS = '/work/notes/screens';

async function cleanSlate(page: Page): Promise<void> {
  await page.goto('/mock-idp');
  await page.evaluate(async () => {
    localStorage.clear();
    for (const name of ['samlscope-mockidp', 'samlscope-mocksp']) {
      await new Promise<void>((resolve) => {
        const r = indexedDB.deleteDatabase(name);
        r.onsuccess = r.onerror = r.onblocked = () => resolve();
      });
    }
  });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Mock IdP', exact: true })).toBeVisible();
}

async function generateKey(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Generate IdP key' }).click();
  await expect(page.locator('[data-idp-key="RSA"]')).toBeVisible();
}

async function idpMetadata(page: Page): Promise<string> {
  await page.locator('.idp-metadata-export summary').click();
  const text = await page.locator('[data-export="idp-metadata"]').textContent();
  expect(text).toContain('IDPSSODescriptor');
  return text!;
}

function spMetadata(origin: string): string {
  return `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${origin}/sp-under-test"><md:SPSSODescriptor AuthnRequestsSigned="false" WantAssertionsSigned="true" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${origin}/slo"/><md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${origin}/acs" index="0" isDefault="true"/></md:SPSSODescriptor></md:EntityDescriptor>`;
}

test.describe('mock IdP', () => {
  test('round trip inside the app: mock SP → mock IdP (Redirect) → mock SP /acs, trusted and correlated', async ({ page, context, baseURL }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await cleanSlate(page);
    await generateKey(page);
    const metadata = await idpMetadata(page);
    expect(metadata).toContain(`Location="${baseURL}/mock-idp/sso"`);

    await page.goto('/mock-sp');
    await page.getByLabel('IdP metadata').fill(metadata);
    await expect(page.getByLabel('IdP SSO URL (Destination)')).toHaveValue(`${baseURL}/mock-idp/sso`);
    await page.getByLabel('RelayState').fill('round-trip-1');
    const tab = context.waitForEvent('page');
    await page.getByRole('button', { name: /^Send AuthnRequest/ }).click();
    const idp = await tab;
    await idp.setViewportSize({ width: 1440, height: 900 });

    // The mock IdP read the request from its own query (HTTP-Redirect).
    await expect(idp).toHaveURL(/\/mock-idp\/sso\?SAMLRequest=/);
    await expect(idp.locator('[data-request-field="kind"]')).toHaveText('AuthnRequest');
    await expect(idp.locator('[data-request-field="relay-state"]')).toHaveText('round-trip-1');
    await expect(idp.locator('[data-request-field="acs"]')).toHaveText(`${baseURL}/acs`);
    await expect(idp.locator('[data-answer-mode="sp-initiated"]')).toBeVisible();
    await idp.screenshot({ path: `${SCREENS}/mockidp-1-request-1440.png` });

    await idp.getByRole('button', { name: 'Build Response' }).click();
    await expect(idp.getByLabel(/^Response to send/)).toHaveValue(/<samlp:Response /);
    await idp.locator('.mock-idp-answer').screenshot({ path: `${SCREENS}/mockidp-2-response-1440.png` });
    await idp.getByRole('button', { name: 'Send Response to the ACS' }).click();

    // Back at the mock SP's ACS: captured, inspected with the IdP metadata the mock SP holds.
    await expect(idp.locator('.mock-sp-capture')).toBeVisible({ timeout: 30_000 });
    await expect(idp.locator('[data-message-kind="Response"]')).toBeVisible();
    await idp.waitForFunction(() => (window.__samlscope?.report()?.messages.length ?? 0) > 0);
    const report = await idp.evaluate(() => window.__samlscope!.report()!);
    expect(report.messages[0]!.signatures.map((s) => s.verdict)).toEqual(['valid', 'valid']);
    expect(report.messages[0]!.trusted).toBe(true);
    expect(report.messages[0]!.findings.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual([]);
    await expect(idp.locator('.mock-sp-capture')).toHaveAttribute('data-correlation', 'correlated');
    await expect(idp.locator('[data-verdict="trusted"]')).toBeVisible();
    await idp.screenshot({ path: `${SCREENS}/mockidp-3-captured-1440.png` });
  });

  test('an AuthnRequest POSTed to /mock-idp/sso is captured and shown on the mock IdP page', async ({ page, request, baseURL }) => {
    await cleanSlate(page);
    const xml = `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_posted-1" Version="2.0" IssueInstant="2030-01-01T00:00:00Z" AssertionConsumerServiceURL="${baseURL}/acs"><saml:Issuer>${baseURL}/sp-under-test</saml:Issuer></samlp:AuthnRequest>`;
    const form = { SAMLRequest: Buffer.from(xml).toString('base64'), RelayState: 'posted' };
    const res = await request.post('/mock-idp/sso', { form, maxRedirects: 0 });
    expect(res.status()).toBe(303);
    expect(res.headers().location).toMatch(/^\/mock-idp#capture=/);

    // A real form navigation, as an SP's auto-submit page does.
    await page.setContent(`<form method="post" action="${baseURL}/mock-idp/sso"><input name="SAMLRequest" value="${form.SAMLRequest}"><input name="RelayState" value="posted"><button>go</button></form>`);
    await page.getByRole('button', { name: 'go' }).click();
    await expect(page.locator('[data-request-field="id"]')).toHaveText('_posted-1');
    await expect(page.locator('[data-request-field="relay-state"]')).toHaveText('posted');
    await expect(page.locator('.mock-idp-request')).toContainText('HTTP-POST');
    await expect(page.locator('.mock-idp-request [data-request-verdict="unsigned"]')).toBeVisible();
    expect(page.url()).not.toContain('capture=');
  });

  test('IdP-initiated xsw3 from the test pack\'s variants: sent to /acs, inspect flags signature-wrapping', async ({ page, baseURL }) => {
    await cleanSlate(page);
    await generateKey(page);
    await page.getByLabel('SP metadata').fill(spMetadata(baseURL!));
    await expect(page.locator('[data-sp-entity]')).toContainText(`${baseURL}/acs`);
    await expect(page.locator('[data-answer-mode="idp-initiated"]')).toBeVisible();
    await page.getByLabel('Variant', { exact: true }).selectOption('xsw3');
    await page.getByRole('button', { name: 'Build Response' }).click();
    await expect(page.getByLabel(/^Response to send/)).toHaveValue(/ID="_evil_/);
    await page.getByRole('button', { name: 'Send Response to the ACS' }).click();
    await expect(page.locator('[data-message-kind="Response"]')).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('[data-finding-code="signature-wrapping"]').first()).toBeVisible();
  });

  test('LogoutRequest → LogoutResponse to the SP\'s SingleLogoutService', async ({ page, baseURL }) => {
    await cleanSlate(page);
    await generateKey(page);
    await page.getByLabel('SP metadata').fill(spMetadata(baseURL!));
    const lr = `<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_logout-1" Version="2.0" IssueInstant="2030-01-01T00:00:00Z" Destination="${baseURL}/mock-idp/slo"><saml:Issuer>${baseURL}/sp-under-test</saml:Issuer><saml:NameID>jdoe</saml:NameID><samlp:SessionIndex>_s1</samlp:SessionIndex></samlp:LogoutRequest>`;
    await page.locator('.mock-idp-request summary').click();
    await page.getByLabel(/^AuthnRequest or LogoutRequest/).fill(lr);
    await expect(page.locator('[data-request-field="kind"]')).toHaveText('LogoutRequest');
    await page.getByRole('button', { name: 'Send LogoutResponse' }).click();
    await expect(page.locator('[data-message-kind="LogoutResponse"]')).toBeVisible({ timeout: 30_000 });
    await page.waitForFunction(() => (window.__samlscope?.report()?.messages.length ?? 0) > 0);
    const m = await page.evaluate(() => window.__samlscope!.report()!.messages[0]!);
    expect(m.inResponseTo).toBe('_logout-1');
    expect(m.signatures.length).toBe(1);
  });

  test('the page at 390x844 and the test pack checklist', async ({ page, baseURL }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await cleanSlate(page);
    await generateKey(page);
    await page.getByLabel('SP metadata').fill(spMetadata(baseURL!));
    await page.getByLabel('What the SP did with xsw1').selectOption('accepted');
    await expect(page.locator('[data-pack-row="xsw1"]')).toHaveAttribute('data-pack-verdict', 'vulnerable');
    await page.getByLabel('What the SP did with expired').selectOption('rejected');
    await expect(page.locator('[data-pack-row="expired"]')).toHaveAttribute('data-pack-verdict', 'safe');
    await expect(page.locator('[data-pack-summary]')).toContainText('1 safe, 1 vulnerable');
    // The horizontal page never scrolls; only the checklist table scrolls inside itself.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await pageFindings(page, 'mock IdP with the test pack (390)')).toEqual([]);
    await page.screenshot({ path: `${SCREENS}/mockidp-4-mobile-390.png` });
    await page.locator('.mock-idp-pack').screenshot({ path: `${SCREENS}/mockidp-5-pack-390.png` });
    // Results survive a reload (localStorage).
    await page.reload();
    await expect(page.locator('[data-pack-row="xsw1"]')).toHaveAttribute('data-pack-verdict', 'vulnerable');
  });

  test('the mock SP\'s "Use the mock IdP" fills in this browser\'s mock IdP', async ({ page, baseURL }) => {
    await cleanSlate(page);
    await page.goto('/mock-sp');
    await page.getByRole('button', { name: 'Use the mock IdP' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'no key in this browser' })).toBeVisible();
    await page.goto('/mock-idp');
    await generateKey(page);
    await page.goto('/mock-sp');
    await page.getByRole('button', { name: 'Use the mock IdP' }).click();
    await expect(page.getByLabel('IdP metadata')).toHaveValue(/IDPSSODescriptor/);
    await expect(page.getByLabel('IdP SSO URL (Destination)')).toHaveValue(`${baseURL}/mock-idp/sso`);
  });

  test('a signed Redirect request is verified against the pasted SP metadata: valid, and invalid once the query is altered', async ({ page, context }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await cleanSlate(page);
    await generateKey(page);
    await page.goto('/mock-sp');
    await page.getByRole('button', { name: 'Use the mock IdP' }).click();
    await page.getByRole('button', { name: 'Generate key pair' }).click();
    await expect(page.getByLabel('Sign requests')).toBeChecked();
    const spMd = await page.locator('[data-export="sp-metadata"]').textContent();
    expect(spMd).toContain('AuthnRequestsSigned="true"');
    // The mock SP keeps its settings only when saved: give the mock IdP the SP metadata in another tab.
    const setup = await context.newPage();
    await setup.setViewportSize({ width: 1440, height: 900 });
    await setup.goto('/mock-idp');
    await setup.getByLabel('SP metadata').fill(spMd!);
    await expect(setup.locator('[data-sp-entity]')).toBeVisible();
    expect(await pageFindings(setup, 'mock IdP with SP metadata (1440)')).toEqual([]);
    await setup.close();

    const tab = context.waitForEvent('page');
    await page.getByRole('button', { name: /^Send AuthnRequest/ }).click();
    const idp = await tab;
    await expect(idp).toHaveURL(/SigAlg=.*Signature=/);
    await expect(idp.locator('.request-verification [data-signature-verdict="valid"]')).toBeVisible();
    await expect(idp.locator('.request-verification')).toHaveAttribute('data-request-verdict', 'trusted');
    // The same URL with RelayState changed: the query signature no longer covers what arrived.
    await idp.goto(`${idp.url().replace(/RelayState=[^&]*&?/, '')}&RelayState=tampered`);
    await expect(idp.locator('.request-verification [data-signature-verdict="invalid"]')).toBeVisible();
  });
});

