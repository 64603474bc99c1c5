// The mock SP (issue 5) end to end: full round trips against a real third-party IdP (auth0's
// `samlp`, e2e/idp/server.mjs, started by playwright.config.ts), capture at /acs (server
// middleware and service worker), correlation, and signed Redirect/POST requests checked by
// the IdP and by samlscope's verifier.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { corpus, openInspect, setMessage, setTrust } from './helpers';

const idp = `http://127.0.0.1:${process.env.IDP_PORT ?? 4191}`;

async function idpMetadata(): Promise<string> {
  const res = await fetch(`${idp}/metadata`);
  expect(res.ok).toBe(true);
  return res.text();
}

async function idpLast(): Promise<Record<string, unknown> | null> {
  return (await fetch(`${idp}/test/last`)).json() as Promise<Record<string, unknown> | null>;
}

function openssl(kind: 'rsa' | 'ec'): { key: string; cert: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'mocksp-e2e-'));
  try {
    const keyFile = path.join(dir, 'sp.key');
    const certFile = path.join(dir, 'sp.crt');
    const newkey = kind === 'rsa' ? ['-newkey', 'rsa:2048'] : ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'];
    execFileSync('openssl', ['req', '-x509', ...newkey, '-nodes', '-sha256', '-days', '2', '-subj', '/CN=mock SP e2e', '-keyout', keyFile, '-out', certFile], { stdio: 'ignore' });
    return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function openMockSp(page: Page): Promise<void> {
  await page.goto('/mock-sp');
  await expect(page.getByRole('heading', { name: 'Mock SP', exact: true })).toBeVisible();
}

async function pasteIdpMetadata(page: Page): Promise<void> {
  await page.getByLabel('IdP metadata').fill(await idpMetadata());
  await expect(page.getByLabel('IdP SSO URL (Destination)')).toHaveValue(`${idp}/sso`);
  await expect(page.getByLabel('IdP entity ID (expected Issuer)')).toHaveValue(`${idp}/metadata`);
}

/** Clicks Send and returns the tab where the IdP's answer lands (captured at /acs). */
async function sendAndCapture(context: BrowserContext, page: Page): Promise<Page> {
  const tab = context.waitForEvent('page');
  await page.getByRole('button', { name: /^Send AuthnRequest/ }).click();
  const answer = await tab;
  await expect(answer.locator('.mock-sp-capture')).toBeVisible({ timeout: 30_000 });
  await expect(answer.locator('[data-message-kind="Response"]')).toBeVisible();
  return answer;
}

async function errorFindings(answer: Page): Promise<string[]> {
  await answer.waitForFunction(() => {
    const r = window.__samlscope?.report();
    return !!r && r.messages.length > 0 && r.trustAnchors.length > 0;
  });
  return answer.evaluate(() => window.__samlscope!.report()!.messages.flatMap((m) => m.findings.filter((f) => f.severity === 'error').map((f) => f.code)));
}

test.describe('mock SP', () => {
  test.beforeEach(async ({ page }) => {
    await fetch(`${idp}/test/reset`, { method: 'POST' });
    // Each test starts from a clean slate: no saved settings, no key, no sent requests.
    await page.goto('/mock-sp');
    await page.evaluate(async () => {
      localStorage.clear();
      await new Promise<void>((resolve) => {
        const r = indexedDB.deleteDatabase('samlscope-mocksp');
        r.onsuccess = r.onerror = r.onblocked = () => resolve();
      });
    });
  });

  test('full round trip (HTTP-Redirect) against samlp: trusted valid signatures, no error findings, correlated', async ({ page, context }) => {
    await openMockSp(page);
    await pasteIdpMetadata(page);
    await page.getByLabel('RelayState').fill('e2e-relay-1');
    const answer = await sendAndCapture(context, page);

    // Shown what was sent: URL, parameters, decoded XML, curl.
    await expect(page.locator('.mock-sp-sent[data-sent-binding="HTTP-Redirect"]')).toBeVisible();
    await expect(page.locator('[data-field="url"]')).toContainText(`${idp}/sso?SAMLRequest=`);
    await expect(page.locator('[data-sent="curl"]')).toContainText(`curl -i '${idp}/sso?SAMLRequest=`);
    await expect(page.locator('[data-sent="xml"]')).toContainText('<samlp:AuthnRequest');

    // The IdP saw the request by Redirect; the answer was captured and inspected with the
    // mock-SP expectations and the IdP metadata as trust anchor.
    expect(await idpLast()).toMatchObject({ binding: 'HTTP-Redirect', relayState: 'e2e-relay-1' });
    await expect(answer.locator('[data-signature-verdict="valid"]').first()).toBeVisible();
    await expect(answer.locator('[data-signature-verdict]:not([data-signature-verdict="valid"])')).toHaveCount(0);
    expect(await errorFindings(answer)).toEqual([]);
    const report = await answer.evaluate(() => window.__samlscope!.report()!);
    expect(report.messages[0]!.trusted).toBe(true);
    expect(report.messages[0]!.signatures.map((s) => s.verdict)).toEqual(['valid', 'valid']);
    const capture = answer.locator('.mock-sp-capture');
    await expect(capture).toHaveAttribute('data-correlation', 'correlated');
    await expect(capture.locator('[data-correlation-field="inResponseTo"]')).toHaveAttribute('data-status', 'match');
    await expect(capture.locator('[data-correlation-field="relayState"]')).toHaveAttribute('data-status', 'match');
    await expect(capture.locator('[data-correlation-field="issuer"]')).toHaveAttribute('data-status', 'match');
    await expect(capture.locator('[data-correlation-field="destination"]')).toHaveAttribute('data-status', 'match');
    // The expectations came from the mock SP, visibly (and in the URL), without typing.
    await expect(answer).toHaveURL(/req=_/);
    await expect(answer.getByLabel('Trusted metadata or certificate')).toHaveValue(/IDPSSODescriptor/);
    // The payload does not stay in the address bar.
    expect(answer.url()).not.toContain('capture=');
  });

  test('round trip with a wrong SP entity ID shows audience-mismatch', async ({ page, context }) => {
    await openMockSp(page);
    await pasteIdpMetadata(page);
    await page.getByLabel('SP entity ID').fill('https://wrong.example/sp');
    // samlp always posts a RelayState field, empty when none was sent: send one to correlate.
    await page.getByLabel('RelayState').fill('e2e-relay-2');
    const answer = await sendAndCapture(context, page);
    await expect(answer.locator('[data-finding-code="audience-mismatch"]').first()).toBeVisible();
    expect(await errorFindings(answer)).toContain('audience-mismatch');
    // Still the answer to this request, with a valid signature: only the audience is wrong.
    await expect(answer.locator('.mock-sp-capture')).toHaveAttribute('data-correlation', 'correlated');
    await expect(answer.locator('[data-signature-verdict="valid"]').first()).toBeVisible();
  });

  test('round trip by HTTP-POST with an edited request: the edit is sent and correlated', async ({ page, context }) => {
    await openMockSp(page);
    await pasteIdpMetadata(page);
    await page.getByLabel('Send binding').selectOption('HTTP-POST');
    await page.getByLabel('RelayState').fill('e2e-relay-3');
    const editor = page.getByLabel('AuthnRequest XML');
    await expect(page.locator('.request-editor[data-monaco-ready="true"]')).toHaveCount(1, { timeout: 30_000 });
    const editedId = '_e2e0000000000000000000000000000000000edit';
    // Replace the whole text, as a user would (select all, type).
    await editor.focus();
    await page.keyboard.press('ControlOrMeta+A');
    // Pasted (typing would let Monaco auto-close the tags).
    const edited = `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${editedId}" Version="2.0" IssueInstant="${new Date().toISOString().slice(0, 19)}Z" Destination="${idp}/sso" AssertionConsumerServiceURL="${new URL(page.url()).origin}/acs" ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"><saml:Issuer>${new URL(page.url()).origin}/mock-sp</saml:Issuer></samlp:AuthnRequest>`;
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', text);
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, edited);
    await expect(page.locator('[data-edited="true"]')).toBeVisible();
    await expect(page.locator('[data-sent="xml"]')).toHaveCount(0);
    await expect(page.locator('[data-edit-problem]')).toHaveCount(0);
    const answer = await sendAndCapture(context, page);
    expect(await idpLast()).toMatchObject({ binding: 'HTTP-POST', id: editedId });
    await expect(page.locator('.mock-sp-sent[data-sent-binding="HTTP-POST"]')).toBeVisible();
    await expect(page.locator('[data-sent="xml"]')).toContainText(editedId);
    await expect(answer.locator('[data-correlation-field="inResponseTo"] td').nth(1)).toHaveText(editedId);
    await expect(answer.locator('.mock-sp-capture')).toHaveAttribute('data-correlation', 'correlated');
    expect(await errorFindings(answer)).toEqual([]);

    // An edit that no longer parses is flagged before sending; Regenerate discards the edit.
    await page.bringToFront();
    await editor.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.setData('text/plain', '<samlp:AuthnRequest broken');
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    });
    await expect(page.locator('[data-edit-problem]')).toBeVisible();
    await page.getByRole('button', { name: 'Regenerate from settings' }).click();
    await expect(page.locator('[data-edit-problem]')).toHaveCount(0);
    await expect(page.locator('[data-edited="true"]')).toHaveCount(0);
  });

  test('the IdP encrypts the assertion to the mock SP: captured, then decrypted with the mock SP key', async ({ page, context }) => {
    const sp = openssl('rsa');
    await openMockSp(page);
    const spEntityId = `${new URL(page.url()).origin}/mock-sp`;
    // The IdP encrypts assertions for this SP to its certificate (what KeyDescriptor use="encryption" asks for).
    await fetch(`${idp}/test/sp-encryption-cert`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ issuer: spEntityId, cert: sp.cert }) });
    await pasteIdpMetadata(page);
    await page.getByLabel('Also keep the private key as PEM (to decrypt encrypted assertions)').check();
    await page.getByText('Import a PEM key and certificate').click();
    await page.getByLabel('Private key (PEM)').fill(sp.key);
    await page.getByLabel('Certificate (PEM)').fill(sp.cert);
    await page.getByRole('button', { name: 'Import key' }).click();
    await expect(page.locator('.key-info[data-key-type="RSA"]')).toContainText('PEM copy to decrypt');
    // The SP metadata now offers the certificate for encryption.
    await expect(page.locator('[data-export="sp-metadata"]')).toContainText('use="encryption"');

    const answer = await sendAndCapture(context, page);
    const panel = answer.locator('section.decryption');
    await expect(panel).toHaveAttribute('data-decryption', 'no-key');
    await answer.getByRole('button', { name: "Use the mock SP's key" }).click();
    await expect(panel).toHaveAttribute('data-decryption', 'ok');
    await expect(panel.getByLabel('Decrypted XML of EncryptedAssertion')).toContainText('alice@example.com');
    // Both signatures valid: the Response's over the encrypted form, the assertion's after decryption.
    await expect(answer.locator('section.signatures [data-signature-verdict="valid"]')).toHaveCount(2);
    await expect(answer.locator('section.signatures [data-after-decryption="true"]')).toHaveCount(1);
    const report = await answer.evaluate(() => window.__samlscope!.report()!);
    expect(report.messages[0]!.trusted).toBe(true);
    expect(report.messages[0]!.assertions[0]).toMatchObject({ encrypted: true, decrypted: true });
    // The key stays in the page.
    expect(answer.url()).not.toContain('PRIVATE');
  });

  for (const binding of ['HTTP-Redirect', 'HTTP-POST'] as const) {
    test(`a signed ${binding} request is verified by the IdP (samlp) and by samlscope's verifier`, async ({ page, context }) => {
      const sp = openssl('rsa');
      await openMockSp(page);
      const spEntityId = `${new URL(page.url()).origin}/mock-sp`;
      // Register the SP certificate at the IdP: samlp then requires a signed request and checks it.
      await fetch(`${idp}/test/sp-cert`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ issuer: spEntityId, cert: sp.cert }) });
      await pasteIdpMetadata(page);
      await page.getByLabel('Send binding').selectOption(binding);
      await page.getByText('Import a PEM key and certificate').click();
      await page.getByLabel('Private key (PEM)').fill(sp.key);
      await page.getByLabel('Certificate (PEM)').fill(sp.cert);
      await page.getByRole('button', { name: 'Import key' }).click();
      await expect(page.locator('.key-info[data-key-type="RSA"]')).toBeVisible();
      await page.getByLabel('Sign requests').check();
      await expect(page.locator('[data-export="sp-metadata"]')).toContainText('AuthnRequestsSigned="true"');

      const answer = await sendAndCapture(context, page);
      expect(await idpLast()).toMatchObject({ binding, signed: true, signatureVerified: true, issuer: spEntityId });
      expect(await errorFindings(answer)).toEqual([]);

      // samlscope's own verifier, with the SP certificate as the trust anchor.
      const sent = binding === 'HTTP-Redirect' ? await page.locator('[data-field="url"] code').innerText() : await page.locator('[data-sent="xml"]').innerText();
      if (binding === 'HTTP-Redirect') expect(sent).toMatch(/&SigAlg=.*&Signature=/);
      else expect(sent).toContain('<ds:Signature');
      await openInspect(page);
      await setTrust(page, sp.cert);
      await setMessage(page, sent);
      await expect(page.locator('[data-message-kind="AuthnRequest"]')).toBeVisible();
      await expect(page.locator('[data-signature-verdict="valid"]')).toHaveCount(1);
    });
  }

  for (const binding of ['HTTP-Redirect', 'HTTP-POST'] as const) {
    test(`a ${binding} request signed with a key the IdP does not know is refused by the IdP`, async ({ page, context }) => {
      const registered = openssl('rsa');
      const other = openssl('rsa');
      await openMockSp(page);
      await fetch(`${idp}/test/sp-cert`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ issuer: `${new URL(page.url()).origin}/mock-sp`, cert: registered.cert }) });
      await pasteIdpMetadata(page);
      await page.getByLabel('Send binding').selectOption(binding);
      await page.getByText('Import a PEM key and certificate').click();
      await page.getByLabel('Private key (PEM)').fill(other.key);
      await page.getByLabel('Certificate (PEM)').fill(other.cert);
      await page.getByRole('button', { name: 'Import key' }).click();
      await page.getByLabel('Sign requests').check();
      const tab = context.waitForEvent('page');
      await page.getByRole('button', { name: /^Send AuthnRequest/ }).click();
      const answer = await tab;
      await expect(answer.locator('body')).toContainText('Signature check errors');
      expect(await idpLast()).toMatchObject({ binding, signed: true, signatureVerified: false });
      expect(String((await idpLast())?.error)).toMatch(/signature/i);
    });
  }

  test('a binding the endpoint does not take is flagged before sending (authentik 403 CSRF)', async ({ page }) => {
    await openMockSp(page);
    await page.getByLabel('IdP SSO URL (Destination)').fill('https://auth.example.com/application/saml/scaleway/sso/binding/redirect/');
    await expect(page.locator('[data-authentik-kind="sso-redirect"]')).toBeVisible();
    await expect(page.locator('[data-finding-code="binding-mismatch"]')).toHaveCount(0);
    // Switching the binding moves to authentik's POST endpoint (issue 14)…
    await page.getByLabel('Send binding').selectOption('HTTP-POST');
    await expect(page.getByLabel('IdP SSO URL (Destination)')).toHaveValue('https://auth.example.com/application/saml/scaleway/sso/binding/post/');
    await expect(page.locator('[data-finding-code="binding-mismatch"]')).toHaveCount(0);
    // …and a POST typed at the redirect endpoint is flagged and refused.
    await page.getByLabel('IdP SSO URL (Destination)').fill('https://auth.example.com/application/saml/scaleway/sso/binding/redirect/');
    const warning = page.locator('[data-finding-code="binding-mismatch"]').first();
    await expect(warning).toBeVisible();
    await expect(warning).toContainText('403');
    await expect(warning).toContainText('/application/saml/scaleway/sso/binding/post/');
    await expect(page.locator('[data-send-refused="binding-mismatch"]')).toContainText('403');
    await expect(page.getByRole('button', { name: /^Send AuthnRequest/ })).toBeDisabled();
    // With metadata: a URL listed only for Redirect, sent by POST.
    await page.getByLabel('Send binding').selectOption('HTTP-Redirect');
    await expect(page.locator('[data-finding-code="binding-mismatch"]')).toHaveCount(0);
  });

  test('settings persist only when saved; Clear forgets them', async ({ page }) => {
    await openMockSp(page);
    await page.getByLabel('SP entity ID').fill('https://sp.example.com/saved');
    await page.getByLabel('ForceAuthn').check();
    await page.reload();
    await expect(page.getByLabel('SP entity ID')).toHaveValue(/\/mock-sp$/);
    await page.getByLabel('SP entity ID').fill('https://sp.example.com/saved');
    await page.getByLabel('ForceAuthn').check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('status').first()).toContainText('saved');
    await page.reload();
    await expect(page.getByLabel('SP entity ID')).toHaveValue('https://sp.example.com/saved');
    await expect(page.getByLabel('ForceAuthn')).toBeChecked();
    await page.getByRole('button', { name: 'Clear saved settings' }).click();
    await expect(page.getByLabel('SP entity ID')).toHaveValue(/\/mock-sp$/);
    await page.reload();
    await expect(page.getByLabel('SP entity ID')).toHaveValue(/\/mock-sp$/);
  });

  test('an EC P-256 key is generated in the browser, kept in IndexedDB across reloads, and removable', async ({ page }) => {
    await openMockSp(page);
    await page.getByLabel('Key type').selectOption('EC-P256');
    await page.getByRole('button', { name: 'Generate key pair' }).click();
    await expect(page.locator('.key-info[data-key-type="EC"]')).toBeVisible();
    await expect(page.getByLabel('Signature algorithm')).toHaveValue('ecdsa-sha256');
    await expect(page.locator('[data-export="sp-metadata"]')).toContainText('KeyDescriptor use="signing"');
    await page.reload();
    await expect(page.locator('.key-info[data-key-type="EC"]')).toBeVisible();
    await page.getByRole('button', { name: 'Remove key' }).click();
    await expect(page.locator('.key-info')).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole('button', { name: 'Generate key pair' })).toBeVisible();
    await expect(page.locator('.key-info')).toHaveCount(0);
  });

  test('SP metadata and authentik Terraform are exported (copy and download)', async ({ page }) => {
    await openMockSp(page);
    const origin = new URL(page.url()).origin;
    const md = page.locator('[data-export="sp-metadata"]');
    await expect(md).toContainText(`entityID="${origin}/mock-sp"`);
    await expect(md).toContainText(`Location="${origin}/acs"`);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download SP metadata' }).click();
    expect((await download).suggestedFilename()).toBe('samlscope-sp-metadata.xml');
    await page.getByText('authentik Terraform', { exact: true }).click();
    const tf = page.locator('[data-export="terraform"]');
    await expect(tf).toContainText('authentik_provider_saml');
    await expect(tf).toContainText(`${origin}/acs`);
    await expect(page.getByRole('button', { name: 'Copy authentik Terraform' })).toBeVisible();
  });

  test('a LogoutRequest is built and sent', async ({ page, context }) => {
    await openMockSp(page);
    await page.getByLabel('IdP SLO URL').fill(`${idp}/slo-not-served`);
    await page.getByLabel('NameID to log out').fill('alice');
    const tab = context.waitForEvent('page');
    await page.getByRole('button', { name: /^Send LogoutRequest/ }).click();
    await tab;
    await expect(page.locator('.mock-sp-sent[data-sent-kind="LogoutRequest"]')).toBeVisible();
    await expect(page.locator('[data-sent="xml"]')).toContainText('LogoutRequest');
    await expect(page.locator('[data-sent="xml"]')).toContainText('alice');
  });
});

test.describe('capture at /acs', () => {
  test('the server middleware answers a POST to /acs with a redirect carrying the body in the fragment', async ({ request }) => {
    const body = `SAMLResponse=${encodeURIComponent(corpus('crewjam__onelogin_response.b64').trim())}&RelayState=x`;
    const res = await request.post('/acs', { data: body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, maxRedirects: 0 });
    expect(res.status()).toBe(303);
    const location = res.headers()['location']!;
    expect(location.startsWith('/#capture=')).toBe(true);
    expect(location).toContain('via=server');
    const get = await request.get('/slo?SAMLResponse=abc&RelayState=r', { maxRedirects: 0 });
    expect(get.status()).toBe(303);
    expect(get.headers()['location']).toContain('path=%2Fslo');
    // A plain GET /acs is not a capture.
    expect((await request.get('/acs', { maxRedirects: 0 })).status()).not.toBe(303);
  });

  test.describe('without a service worker (first visit, private mode): the server middleware', () => {
    test.use({ serviceWorkers: 'block' });

    test('full round trip captured by the server middleware', async ({ page, context }) => {
      await fetch(`${idp}/test/reset`, { method: 'POST' });
      await openMockSp(page);
      await pasteIdpMetadata(page);
      await page.getByLabel('RelayState').fill('e2e-relay-server');
      const answer = await sendAndCapture(context, page);
      await expect(answer.locator('.mock-sp-capture')).toHaveAttribute('data-capture-via', 'server');
      await expect(answer.locator('.mock-sp-capture')).toHaveAttribute('data-correlation', 'correlated');
      await expect(answer.locator('[data-signature-verdict="valid"]')).toHaveCount(2);
      expect(await errorFindings(answer)).toEqual([]);
    });

    test('a POST navigation to /acs opens the inspect view on the captured Response', async ({ page }) => {
    await openInspect(page);
    const b64 = corpus('crewjam__onelogin_response.b64').trim();
    await page.evaluate((v) => {
      const f = document.createElement('form');
      f.method = 'post';
      f.action = '/acs';
      const i = document.createElement('input');
      i.type = 'hidden';
      i.name = 'SAMLResponse';
      i.value = v;
      f.append(i);
      document.body.append(f);
      f.submit();
    }, b64);
    await expect(page.locator('.mock-sp-capture')).toBeVisible();
    await expect(page.locator('[data-message-kind="Response"]')).toBeVisible();
    await expect(page.locator('.mock-sp-capture')).toContainText('no record of a request');
    await expect(page.locator('.mock-sp-capture')).toHaveAttribute('data-capture-via', 'server');
  });
  });

  test('the service worker (sw-capture.js) captures a POST to /acs', async ({ page }) => {
    await page.goto('/');
    await page.evaluate(async () => {
      // Registered on its own here; in production builds /sw.js imports it (importScripts).
      const existing = await navigator.serviceWorker.getRegistration('/');
      if (!existing) await navigator.serviceWorker.register('/sw-capture.js', { scope: '/' });
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller);
    const b64 = corpus('crewjam__onelogin_response.b64').trim();
    await page.evaluate((v) => {
      const f = document.createElement('form');
      f.method = 'post';
      f.action = '/acs';
      for (const [n, val] of [
        ['SAMLResponse', v],
        ['RelayState', 'sw-relay'],
      ]) {
        const i = document.createElement('input');
        i.type = 'hidden';
        i.name = n!;
        i.value = val!;
        f.append(i);
      }
      document.body.append(f);
      f.submit();
    }, b64);
    await expect(page.locator('.mock-sp-capture[data-capture-via="sw"]')).toBeVisible();
    await expect(page.locator('[data-message-kind="Response"]')).toBeVisible();
    await page.evaluate(async () => {
      for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
    });
  });
});
