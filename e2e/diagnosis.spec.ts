// Diagnosis end to end (issue 4): one test per finding category with a message that triggers it
// (handcrafted, unsigned, in e2e/fixtures/diagnosis/), its explanation and fix in the page and
// "Show … in XML" highlighting the node's line; the symptom search; profiles and rules pages.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { fixturesDir, setMessage } from './helpers';

const AT = '2026-03-01T10:01:00Z';

function fixture(name: string): string {
  return readFileSync(path.join(fixturesDir, 'diagnosis', name), 'utf8');
}

async function openInspectWith(page: Page, search: string): Promise<void> {
  await page.goto(`/?${search}`);
  await expect(page.getByLabel('SAML message')).toHaveCount(1);
  await page.waitForFunction(() => typeof window.__samlscope?.setInput === 'function');
}

/**
 * The finding is shown with its explanation and fix; its "Show … in XML" button highlights the
 * line the finding is anchored to, and that line of the displayed XML holds `element`.
 */
async function expectFinding(page: Page, code: string, texts: { category: string; explanation: RegExp; fix: RegExp; element: string; msg?: number }): Promise<void> {
  const finding = page.locator(`[data-finding-code="${code}"]`).first();
  await expect(finding).toBeVisible();
  await expect(finding.locator('xpath=ancestor::section[contains(@class,"finding-group")]')).toHaveAttribute('data-category', texts.category);
  await expect(finding.locator('.finding-explanation')).toContainText(texts.explanation);
  await expect(finding.locator('.finding-fix')).toContainText(texts.fix);
  await expect(finding.locator('.severity-icon').first()).toBeVisible();

  const msg = texts.msg ?? 0;
  const line = await page.evaluate(([c, i]) => window.__samlscope!.report()!.messages[i].findings.find((f) => f.code === c)?.location?.line ?? null, [code, msg] as const);
  expect(line).not.toBeNull();
  const text = await page.evaluate(([n, i]) => (window.__samlscope!.report()!.messages[i] === window.__samlscope!.message() ? window.__samlscope!.message()!.prettyXml : '').split('\n')[n - 1], [line!, msg] as const);
  expect(text).toContain(texts.element);

  await expect(page.locator('.xml-view[data-monaco-ready="true"]')).toHaveCount(1, { timeout: 30_000 });
  await expect(page.locator('.xml-view .xml-finding-line')).toHaveCount(0);
  await finding.getByRole('button', { name: /in XML/ }).click();
  await expect(page.locator('.xml-pane')).toHaveAttribute('data-highlight-line', String(line));
  await expect(page.locator('.xml-view .xml-finding-line').first()).toBeAttached();
  // Monaco shows the highlighted line: its text is on screen.
  await expect(page.locator('.xml-view .view-lines')).toContainText(texts.element);
}

test.describe('diagnosis', () => {
  test('issuer: the IdP put the Scaleway SP entity ID into Issuer; Scaleway profile detected from the Audience', async ({ page }) => {
    await openInspectWith(page, `at=${AT}`);
    await setMessage(page, fixture('issuer-is-sp-entity-id.xml'));
    await expectFinding(page, 'issuer-is-sp-entity-id', {
      category: 'issuer',
      explanation: /response Issuer does not match the IDP metadata/,
      fix: /issuer = var\.authentik_url/,
      element: 'Issuer',
    });
    // The profile and the expectations the rules used are a section the user opens (issue 14).
    await page.locator('details[data-section="profile"] > summary').click();
    const panel = page.locator('.diagnosis-profile');
    await expect(panel).toHaveAttribute('data-profile', 'scaleway');
    await expect(panel).toHaveAttribute('data-profile-detected', 'true');
    await expect(panel.locator('[data-field="profile-how"]')).toContainText('detected: Scaleway');
    await expect(panel.locator('[data-field="profile-how"]')).toContainText('Audience https://iam.scaleway.com/saml/8f1c2d3e');
    // The SP entity ID the rule compared with came from the profile's URL pattern.
    const sp = panel.locator('[data-expectation="spEntityId"]');
    await expect(sp).toHaveAttribute('data-expectation-source', 'profile');
    await expect(sp).toContainText("from the profile's URL pattern");
    await expect(panel.getByRole('link', { name: /Scaleway IAM/ })).toHaveAttribute('href', '/profiles/scaleway');
  });

  test('the profile selector overrides detection and is kept in the URL', async ({ page }) => {
    await openInspectWith(page, `at=${AT}`);
    await setMessage(page, fixture('issuer-is-sp-entity-id.xml'));
    await expect(page.locator('.diagnosis-profile')).toHaveAttribute('data-profile', 'scaleway');
    await page.locator('details[data-section="profile"] > summary').click();
    await page.getByLabel('Diagnose as').selectOption('generic');
    await expect(page).toHaveURL(/profile=generic/);
    const panel = page.locator('.diagnosis-profile');
    await expect(panel).toHaveAttribute('data-profile', 'generic');
    await expect(panel).toHaveAttribute('data-profile-detected', 'false');
    await expect(panel).toContainText('chosen by you');
    // Scaleway's both-signed policy no longer applies.
    await expect(page.locator('[data-finding-code="response-unsigned"]')).toHaveCount(0);
  });

  test('audience: the Audience is another SP; the typed SP entity ID is shown as the expectation used', async ({ page }) => {
    await openInspectWith(page, `at=${AT}&sp=${encodeURIComponent('https://sp.example.com/metadata')}`);
    await setMessage(page, fixture('audience-mismatch.xml'));
    await expectFinding(page, 'audience-mismatch', {
      category: 'audience',
      explanation: /restricted to "https:\/\/other-sp\.example\.net\/metadata"/,
      fix: /Set the audience \(SP entity ID\) of this application at the IdP/,
      element: 'Audience',
    });
    const sp = page.locator('.diagnosis-profile [data-expectation="spEntityId"]');
    await expect(sp).toHaveAttribute('data-expectation-source', 'explicit');
    await expect(sp).toContainText('typed');
    await expect(page.locator('.options .expectation-note[data-expectation-source="explicit"]')).toContainText('used (typed)');
  });

  test('in-response-to: expectations taken from the AuthnRequest in the same HAR, with their source', async ({ page }) => {
    await openInspectWith(page, `at=${AT}&msg=1`);
    await setMessage(page, fixture('answered-other-request.har'), 'answered-other-request.har');
    await expect(page.locator('[data-message-kind="Response"]')).toBeVisible();
    await expectFinding(page, 'in-response-to-mismatch', {
      category: 'audience',
      explanation: /but the request ID is "_req9"/,
      fix: /Start the login again from the SP/,
      element: 'InResponseTo',
      msg: 1,
    });
    const panel = page.locator('.diagnosis-profile');
    for (const key of ['requestId', 'spEntityId', 'acsUrl']) {
      const row = panel.locator(`[data-expectation="${key}"]`);
      await expect(row).toHaveAttribute('data-expectation-source', 'request');
      await expect(row).toContainText('from the AuthnRequest in the same input');
    }
    await expect(panel.locator('[data-expectation="requestId"]')).toContainText('_req9');
    // Next to the inputs too.
    await expect(page.locator('.options .expectation-note[data-expectation-source="request"]').first()).toContainText('from the AuthnRequest in the same input');
  });

  test('NameID: an email where Scaleway matches usernames, with what authentik sends per format', async ({ page }) => {
    await openInspectWith(page, `at=${AT}`);
    await setMessage(page, fixture('scaleway-nameid-email.xml'));
    await expectFinding(page, 'nameid-email-for-username', {
      category: 'nameid',
      explanation: /was not found inside the organization/,
      fix: /name_id_mapping/,
      element: 'NameID',
    });
    const table = page.locator('[data-finding-code="nameid-email-for-username"] .nameid-detail');
    await expect(table.locator('[data-nameid-format="emailAddress"]')).toContainText("the user's email address");
    await expect(table.locator('[data-nameid-format="emailAddress"]')).toContainText('sent');
    await expect(table.locator('[data-nameid-format="persistent"]')).toContainText('the hashed user ID');
    await expect(table.locator('[data-nameid-format="transient"]')).toContainText('session');
  });

  test('binding: an AuthnRequest POSTed to the authentik redirect-binding endpoint (403 CSRF)', async ({ page }) => {
    await openInspectWith(page, `at=${AT}`);
    await setMessage(page, fixture('binding-post-to-redirect.html'), 'binding-post-to-redirect.html');
    await expectFinding(page, 'binding-mismatch', {
      category: 'binding',
      explanation: /403 CSRF verification failed/,
      fix: /\/sso\/binding\/post\//,
      element: 'AuthnRequest',
    });
    await expect(page.locator('.diagnosis-profile')).toHaveAttribute('data-profile', 'scaleway');
  });

  test('time: evaluated after NotOnOrAfter the assertion has expired', async ({ page }) => {
    await openInspectWith(page, 'at=2026-03-01T12:00:00Z');
    await setMessage(page, fixture('valid-generic.xml'));
    await expectFinding(page, 'expired', {
      category: 'time',
      explanation: /115 min before the evaluation time/,
      fix: /Synchronise the clocks/,
      element: 'NotOnOrAfter',
    });
  });

  test('time: the same message at a time inside its window has no time finding', async ({ page }) => {
    await openInspectWith(page, `at=${AT}`);
    await setMessage(page, fixture('valid-generic.xml'));
    await expect(page.locator('[data-message-kind="Response"]')).toBeVisible();
    await expect(page.locator('[data-finding-code="signature-missing"]')).toBeVisible();
    await expect(page.locator('[data-finding-code="expired"]')).toHaveCount(0);
    await expect(page.locator('[data-finding-code="not-yet-valid"]')).toHaveCount(0);
  });

  test('status: a Responder/RequestDenied response with the status code table entries', async ({ page }) => {
    await openInspectWith(page, `at=${AT}`);
    await setMessage(page, fixture('status-request-denied.xml'));
    await expectFinding(page, 'status-error', {
      category: 'status',
      explanation: /Second-level status RequestDenied/,
      fix: /allowed for this application/,
      element: 'StatusCode',
    });
    const table = page.locator('[data-finding-code="status-error"] .status-detail');
    await expect(table.locator('[data-status-code="RequestDenied"]')).toContainText('has chosen not to respond');
    await expect(table.locator('[data-status-code="Responder"]')).toContainText('top-level');
  });

  test('symptom search: "was not found inside the organization" points at nameid-email-for-username in the message', async ({ page }) => {
    await openInspectWith(page, `at=${AT}`);
    await setMessage(page, fixture('scaleway-nameid-email.xml'));
    await expect(page.locator('[data-finding-code="nameid-email-for-username"]')).toBeVisible();
    await page.getByLabel('Error message from the service').fill('The user alice@example.com was not found inside the organization');
    const result = page.locator('[data-symptom-id="scaleway-user-not-found"]');
    await expect(result).toBeVisible();
    await expect(result).toContainText('What to check');
    await expect(result).toContainText('name_id_mapping');
    const code = result.locator('[data-code="nameid-email-for-username"]');
    await expect(code).toHaveAttribute('data-present', 'true');
    await expect(code).toContainText('found in this message');
    await expect(result.locator('[data-code="nameid-transient"]')).toHaveAttribute('data-present', 'false');
    await expect(page.locator('[data-finding-code="nameid-email-for-username"]')).toHaveAttribute('data-symptom-match', 'true');
    await expect(page.locator('[data-finding-code="signature-missing"]')).not.toHaveAttribute('data-symptom-match', 'true');
    // The text is kept in the URL and survives a reload.
    await expect(page).toHaveURL(/symptom=The\+user|symptom=The%20user/);
    await page.reload();
    await expect(page.getByLabel('Error message from the service')).toHaveValue('The user alice@example.com was not found inside the organization');
    await expect(page.locator('[data-symptom-id="scaleway-user-not-found"]')).toBeVisible();
    // Each code links to the rule on /rules.
    await page.locator('[data-symptom-id="scaleway-user-not-found"] [data-code="nameid-email-for-username"] a').click();
    await expect(page).toHaveURL(/\/rules#code-nameid-email-for-username$/);
    await expect(page.locator('#code-nameid-email-for-username')).toBeVisible();
  });

  test('rules page lists every rule and the symptom search highlights the matching ones', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rules' }).click();
    await expect(page.getByRole('heading', { name: 'Diagnosis rules', level: 1 })).toBeVisible();
    const rows = page.locator('tr[data-rule-id]');
    expect(await rows.count()).toBeGreaterThanOrEqual(15);
    const issuer = page.locator('tr[data-rule-id="issuer"]');
    await expect(issuer).toContainText('issuer-is-sp-entity-id');
    // The source by its title, never by the seed's file name (issue 14: no file names on the page).
    await expect(issuer).toContainText('Configuring Scaleway SAML SSO with Authentik');
    await expect(issuer).not.toContainText('.txt');
    await page.getByLabel('Error message from the service').fill('403 CSRF verification failed');
    await expect(page).toHaveURL(/\/rules\?symptom=403/);
    await expect(page.locator('[data-symptom-id="authentik-csrf"]')).toBeVisible();
    await expect(page.locator('tr[data-rule-id="binding"]')).toHaveAttribute('data-symptom-match', 'true');
    await expect(issuer).not.toHaveAttribute('data-symptom-match', 'true');
    // Status codes and NameID formats are listed too.
    await expect(page.locator('#status-RequestDenied')).toBeVisible();
    await expect(page.locator('#nameid-persistent')).toContainText('hashed user ID');
  });

  test('symptom search on /rules from the URL: AADSTS50011', async ({ page }) => {
    await page.goto('/rules?symptom=AADSTS50011');
    await expect(page.getByLabel('Error message from the service')).toHaveValue('AADSTS50011');
    await expect(page.locator('.symptom-results .symptom').first()).toBeVisible();
  });

  test('profile pages are reachable from the header and name their source document by title, never a file or a CLI flag', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Profiles' }).click();
    await expect(page.getByRole('heading', { name: 'Diagnosis profiles', level: 1 })).toBeVisible();
    const expected: [string, RegExp, string | null][] = [
      ['generic', /Generic SAML 2\.0/, null],
      ['scaleway', /Scaleway IAM/, 'Configuring Scaleway SAML SSO with Authentik (Scaleway + authentik setup guide)'],
      ['authentik-provider', /authentik as SAML provider/, 'authentik docs: SAML Provider'],
      ['authentik-source', /authentik as SAML source/, 'authentik docs: SAML source'],
    ];
    for (const [name, title, source] of expected) {
      await page.goto('/profiles');
      await page.locator(`.profile-index [data-profile="${name}"] a`).click();
      await expect(page).toHaveURL(new RegExp(`/profiles/${name}$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
      await expect(page.locator('.profile-requirements li').first()).toBeVisible();
      await expect(page.locator('.profile-page')).not.toContainText('--profile');
      await expect(page.locator('.profile-page')).not.toContainText(/\d{3}_[0-9a-f]{16}\.txt/);
      if (source) {
        await expect(page.locator('.profile-source .source-title')).toHaveText(source);
        await expect(page.locator('.profile-source .source-quote').first()).toBeVisible();
      }
    }
    await expect(page.locator('.profile-source')).toContainText('could be used by an attacker to authenticate a user without interaction');
    await page.goto('/profiles/scaleway');
    await expect(page.locator('.profile-requirements')).toContainText('sign_response = true');
    await expect(page.locator('.profile-source .source-title')).toHaveText('Configuring Scaleway SAML SSO with Authentik (Scaleway + authentik setup guide)');
  });
});
