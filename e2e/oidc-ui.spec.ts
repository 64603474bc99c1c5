// The /oidc page's issue-14 changes as the user sees them: the decoded token beside the input at
// 1440x900, a share link that reproduces the diagnosis (and a redacted one that hides the
// claims, with the sharer's verdict as a claim), exports, and no sideways scroll or audit
// at 390x844 (e2e/accessibility.ts: axe and sideways scroll).
import { webcrypto } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { pageFindings } from './accessibility';

const subtle = webcrypto.subtle;
const b64url = (b: Uint8Array) => Buffer.from(b).toString('base64url');
const SEED_EXPRESSION = "email.endsWith('@exoscale.com') ? 'dc097e90-4636-4d2a-a629-670ab4395209' : false";
const ISSUER = 'https://auth.example.com/realms/acme';
const CLIENT_ID = 'exoscale-portal';

async function signedToken(email: string) {
  const pair = (await subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const jwk = await subtle.exportKey('jwk', pair.publicKey);
  const now = Math.floor(Date.now() / 1000);
  const header = b64url(Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'k1' })));
  const payload = b64url(Buffer.from(JSON.stringify({ iss: ISSUER, sub: 'user-7f3a9c', aud: CLIENT_ID, exp: now + 600, iat: now - 5, email, email_verified: true, name: 'Ada Lovelace' })));
  const sig = new Uint8Array(await subtle.sign('RSASSA-PKCS1-v1_5', pair.privateKey, new TextEncoder().encode(`${header}.${payload}`)));
  const jwks = JSON.stringify({ keys: [{ kty: jwk.kty, n: jwk.n, e: jwk.e, kid: 'k1', use: 'sig', alg: 'RS256' }] });
  return { token: `${header}.${payload}.${b64url(sig)}`, jwks };
}

async function openWithToken(page: Page, token: string, jwks: string): Promise<void> {
  const q = new URLSearchParams({ client: CLIENT_ID, iss: ISSUER, org: 'acme', cel: SEED_EXPRESSION });
  await page.goto(`/oidc?${q}`);
  await page.getByLabel('ID token or OIDC URL').fill(token);
  await page.getByLabel('Trusted JWKS or certificate').fill(jwks);
  await expect(page.locator('[data-oidc-verdict]')).toHaveAttribute('data-oidc-verdict', 'valid');
}

async function expectClean(page: Page, state: string): Promise<void> {
  expect(await pageFindings(page, state)).toEqual([]);
}

test.describe('/oidc (issue 14)', () => {
  test('at 1440x900 the verdict and the decoded token sit beside the input, on the first screen', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const { token, jwks } = await signedToken('ada@exoscale.com');
    await openWithToken(page, token, jwks);
    const input = (await page.getByLabel('ID token or OIDC URL').boundingBox())!;
    const payload = (await page.locator('[data-oidc-part="payload"]').boundingBox())!;
    const verdict = (await page.locator('[data-oidc-verdict]').boundingBox())!;
    expect(payload.x).toBeGreaterThan(input.x + input.width);
    expect(verdict.x).toBeGreaterThan(input.x + input.width);
    expect(verdict.y + verdict.height).toBeLessThanOrEqual(900);
    expect(payload.y).toBeLessThan(900);
    await expectClean(page, '1440 with a token');
  });

  test('the share link reproduces the diagnosis in another browser, at the recorded instant, without the token in any request', async ({ page, browser }) => {
    const { token, jwks } = await signedToken('ada@exoscale.com');
    await openWithToken(page, token, jwks);
    await page.getByLabel('OIDC Client Secret (optional, for HS256/384/512)').fill('never-in-a-link');
    await page.getByRole('button', { name: 'Copy link' }).click();
    const url = await page.getByLabel('Share link').inputValue();
    expect(url).toMatch(/\/oidc#share=o1\.[A-Za-z0-9_-]+$/);
    expect(url).not.toContain('never-in-a-link');
    await expect(page.locator('.oidc-share [data-link-level]')).toHaveAttribute('data-link-level', /ok|long/);

    const other = await browser.newContext();
    const recipient = await other.newPage();
    const seen: string[] = [];
    recipient.on('request', (r) => seen.push(r.url()));
    await recipient.goto(url);
    await expect(recipient.locator('[data-share-opened="full"]')).toContainText('as recorded in the link');
    await expect(recipient.locator('[data-oidc-verdict]')).toHaveAttribute('data-oidc-verdict', 'valid');
    await expect(recipient.locator('[data-cel-outcome]')).toHaveAttribute('data-cel-outcome', 'granted');
    await expect(recipient.getByLabel('OIDC Client ID')).toHaveValue(CLIENT_ID);
    await expect(recipient.getByLabel('OIDC Client Secret (optional, for HS256/384/512)')).toHaveValue('');
    // The fragment left the address bar; no request carried any part of the token.
    expect(recipient.url()).not.toContain('share=');
    for (const u of seen) expect(u).not.toContain(token.split('.')[1]!.slice(0, 24));
    await other.close();
  });

  test('a redacted link hides the claims and the signature; the recipient sees the sharer\'s verdict as a claim', async ({ page, browser }) => {
    const { token, jwks } = await signedToken('ada@exoscale.com');
    await openWithToken(page, token, jwks);
    await page.getByLabel(/Claim values/).check();
    await page.getByLabel('E-mail addresses anywhere').check();
    await page.getByLabel('Token signature').check();
    await page.getByRole('button', { name: 'Copy link' }).click();
    const url = await page.getByLabel('Share link').inputValue();
    await expect(page.locator('.oidc-share .share-notes')).toContainText('signature was masked');

    const other = await browser.newContext();
    const recipient = await other.newPage();
    await recipient.goto(url);
    await expect(recipient.locator('[data-share-opened="redacted"]')).toBeVisible();
    const payload = recipient.locator('[data-oidc-part="payload"]');
    await expect(payload).toContainText(ISSUER);
    await expect(payload).toContainText('@redacted.invalid');
    await expect(payload).not.toContainText('ada@exoscale.com');
    await expect(payload).not.toContainText('Ada Lovelace');
    await expect(payload).not.toContainText('user-7f3a9c');
    await expect(recipient.locator('[data-oidc-verdict]')).not.toHaveAttribute('data-oidc-verdict', 'valid');
    const claims = recipient.locator('.sharer-claims');
    await expect(claims).toHaveAttribute('data-claimed-verdict', 'valid');
    await expect(claims).toHaveAttribute('data-claimed-trusted', 'true');
    await expect(claims.locator('.claim-masked-differences')).toContainText('signature: claimed valid');
    await expect(claims.locator('[data-disagreement]')).toHaveCount(0);
    await expectClean(recipient, 'redacted link opened');
    await other.close();
  });

  test('exports: report JSON like the CLI, Markdown, decoded token', async ({ page }) => {
    const { token, jwks } = await signedToken('ada@exoscale.com');
    await openWithToken(page, token, jwks);
    const json = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export report (JSON)' }).click();
    const jd = await json;
    expect(jd.suggestedFilename()).toBe('samlscope-oidc.report.json');
    const doc = JSON.parse(await streamText(await jd.createReadStream()));
    expect(doc.tool.name).toBe('samlscope');
    expect(doc.oidc.signature.verdict).toBe('valid');
    const md = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export Markdown' }).click();
    const text = await streamText(await (await md).createReadStream());
    expect(text).toContain('- **Signature:** valid (RS256)');
    const tok = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download decoded token' }).click();
    expect(JSON.parse(await streamText(await (await tok).createReadStream())).payload.email).toBe('ada@exoscale.com');
  });

  test('at 390x844: no sideways scroll and no audit finding, empty and with a token', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/oidc');
    await expect(page.getByRole('heading', { name: /Inspect an OIDC login/ })).toBeVisible();
    await expectClean(page, 'empty');
    const { token, jwks } = await signedToken('ada@exoscale.com');
    await openWithToken(page, token, jwks);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByLabel('Share link')).toBeVisible();
    await expectClean(page, 'with a token and a link');
    await page.getByLabel('ID token or OIDC URL').fill('not a token');
    await expect(page.locator('.oidc-result-column [role="alert"]').first()).toBeVisible();
    await expectClean(page, 'with an error');
  });
});

async function streamText(s: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
