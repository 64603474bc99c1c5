// The OIDC page (/oidc) end to end: Exoscale SSO (seed 002_be8525c84e06a101.txt). Tokens are
// signed here with Node's WebCrypto, so they never go stale.
import { webcrypto } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { openInspect, setMessage } from './helpers';

const subtle = webcrypto.subtle;
const b64url = (b: Uint8Array) => Buffer.from(b).toString('base64url');
const SEED_EXPRESSION = "email.endsWith('@exoscale.com') ? 'dc097e90-4636-4d2a-a629-670ab4395209' : false";
const ISSUER = 'https://auth.example.com/realms/acme';
const CLIENT_ID = 'exoscale-portal';

async function signedToken(email: string, options: { embedOwnKey?: boolean; extraClaims?: Record<string, unknown> } = {}) {
  const pair = (await subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const jwk = await subtle.exportKey('jwk', pair.publicKey);
  const now = Math.floor(Date.now() / 1000);
  const header = b64url(Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'k1', ...(options.embedOwnKey ? { jwk: { kty: jwk.kty, n: jwk.n, e: jwk.e } } : {}) })));
  const payload = b64url(Buffer.from(JSON.stringify({ iss: ISSUER, sub: 'u-1', aud: CLIENT_ID, exp: now + 600, iat: now - 5, email, email_verified: true, ...options.extraClaims })));
  const sig = new Uint8Array(await subtle.sign('RSASSA-PKCS1-v1_5', pair.privateKey, new TextEncoder().encode(`${header}.${payload}`)));
  const jwks = JSON.stringify({ keys: [{ kty: jwk.kty, n: jwk.n, e: jwk.e, kid: 'k1', use: 'sig', alg: 'RS256' }] });
  return { token: `${header}.${payload}.${b64url(sig)}`, jwks };
}

async function openWithSettings(page: Page, cel: string) {
  const q = new URLSearchParams({ client: CLIENT_ID, iss: ISSUER, org: 'acme', cel });
  await page.goto(`/oidc?${q}`);
  await expect(page.getByRole('heading', { name: /Inspect an OIDC login/ })).toBeVisible();
}

test.describe('OIDC page (Exoscale SSO)', () => {
  test('a signed token with the JWKS and settings: valid, claims pass, CEL granted; tampering gives invalid', async ({ page }) => {
    const { token, jwks } = await signedToken('ada@exoscale.com');
    await openWithSettings(page, SEED_EXPRESSION);
    await expect(page.getByLabel('OIDC Client ID')).toHaveValue(CLIENT_ID);
    await page.getByLabel('ID token or OIDC URL').fill(`Bearer ${token}`);
    await page.getByLabel('Trusted JWKS or certificate').fill(jwks);

    await expect(page.locator('[data-oidc-verdict]')).toHaveAttribute('data-oidc-verdict', 'valid');
    await expect(page.locator('[data-cel-outcome]')).toHaveAttribute('data-cel-outcome', 'granted');
    await expect(page.locator('[data-cel-outcome]')).toContainText('dc097e90-4636-4d2a-a629-670ab4395209');
    for (const claim of ['iss', 'aud', 'exp', 'iat']) await expect(page.locator(`[data-claim-check="${claim}"]`)).toHaveAttribute('data-status', 'pass');
    await expect(page.locator('[data-oidc-part="payload"]')).toContainText('ada@exoscale.com');
    await expect(page.locator('[data-finding-code="cel-role-must-exist"]')).toBeVisible();

    // The expression changes: the same user is denied.
    await page.getByLabel('Common Expression Language Authorization Expression').fill("email.endsWith('@example.org') ? 'dc097e90-4636-4d2a-a629-670ab4395209' : false");
    await expect(page.locator('[data-cel-outcome]')).toHaveAttribute('data-cel-outcome', 'denied');
    await expect(page.locator('[data-finding-code="cel-returned-false"]')).toBeVisible();
    expect(new URL(page.url()).searchParams.get('cel')).toContain('@example.org');
    // Neither the token nor the keys ride in the URL.
    expect(page.url()).not.toContain(token.slice(0, 20));

    // One changed byte in the payload: invalid.
    const [h, p, s] = token.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    claims.email = 'mallory@exoscale.com';
    await page.getByLabel('ID token or OIDC URL').fill(`${h}.${b64url(Buffer.from(JSON.stringify(claims)))}.${s}`);
    await expect(page.locator('[data-oidc-verdict]')).toHaveAttribute('data-oidc-verdict', 'invalid');
    await expect(page.locator('[data-finding-code="oidc-signature-invalid"]')).toBeVisible();
  });

  test('issuer with a trailing slash and a missing claim are explained in Exoscale words', async ({ page }) => {
    const { token, jwks } = await signedToken('ada@exoscale.com');
    await page.goto(`/oidc?${new URLSearchParams({ client: CLIENT_ID, iss: `${ISSUER}/`, cel: "'ops' in groups ? 'dc097e90-4636-4d2a-a629-670ab4395209' : false" })}`);
    await page.getByLabel('ID token or OIDC URL').fill(token);
    await page.getByLabel('Trusted JWKS or certificate').fill(jwks);
    await expect(page.locator('[data-claim-check="iss"]')).toHaveAttribute('data-status', 'fail');
    await expect(page.locator('[data-finding-code="oidc-issuer-trailing-slash"]')).toContainText('OIDC Issuer URL');
    await expect(page.locator('[data-cel-outcome]')).toHaveAttribute('data-cel-outcome', 'error');
    await expect(page.locator('[data-finding-code="cel-claim-missing"]')).toContainText('OIDC Additional Claims');
  });

  test('the gate: a forgery carrying its own key is invalid and only "would be granted"; a decoded payload never shows "access granted"', async ({ page }) => {
    const real = await signedToken('ada@exoscale.com');
    const forged = await signedToken('ada@exoscale.com', { embedOwnKey: true });
    await openWithSettings(page, SEED_EXPRESSION);
    await page.getByLabel('ID token or OIDC URL').fill(forged.token);
    await page.getByLabel('Trusted JWKS or certificate').fill(real.jwks);
    await expect(page.locator('[data-oidc-verdict]')).toHaveAttribute('data-oidc-verdict', 'invalid');
    await expect(page.locator('[data-oidc-trusted]')).toHaveAttribute('data-oidc-trusted', 'false');
    await expect(page.locator('[data-cel-outcome]')).toHaveAttribute('data-cel-outcome', 'granted-if-authentic');
    await expect(page.locator('[data-cel-outcome]')).toContainText('would be granted if the token were authentic');
    await expect(page.locator('[data-cel-outcome]')).not.toContainText('access granted');
    await expect(page.locator('[data-finding-code="oidc-token-not-trusted"]')).toHaveAttribute('data-severity', 'error');

    const claims = JSON.parse(Buffer.from(real.token.split('.')[1], 'base64url').toString());
    await page.getByLabel('ID token or OIDC URL').fill(JSON.stringify(claims));
    await page.getByLabel('Trusted JWKS or certificate').fill('');
    await expect(page.locator('[data-oidc-trusted]')).toHaveAttribute('data-oidc-trusted', 'false');
    await expect(page.locator('[data-cel-outcome]')).toHaveAttribute('data-cel-outcome', 'granted-if-authentic');
    await expect(page.locator('[data-cel-outcome]')).not.toContainText('access granted');
  });

  test('hostile values and a costly expression from a link are findings, not an internal error or a frozen tab', async ({ page }) => {
    const costly = `${'l.all(a, '.repeat(8)}l.exists(x, x == 3)${')'.repeat(8)} ? 'dc097e90-4636-4d2a-a629-670ab4395209' : false`;
    const { token, jwks } = await signedToken('ada@exoscale.com', { extraClaims: { l: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], nbf: 1e16 } });
    await openWithSettings(page, costly);
    await page.getByLabel('ID token or OIDC URL').fill(token);
    await page.getByLabel('Trusted JWKS or certificate').fill(jwks);
    await expect(page.locator('[data-finding-code="cel-cost-exceeded"]')).toBeVisible();
    await expect(page.locator('[data-cel-outcome]')).toHaveAttribute('data-cel-outcome', 'error');
    await expect(page.locator('[data-finding-code="oidc-time-out-of-range"]')).toBeVisible();
    await expect(page.locator('.internal-error')).toHaveCount(0);
    // The tab still answers: the expression is replaced and evaluated.
    await page.getByLabel('Common Expression Language Authorization Expression').fill(SEED_EXPRESSION);
    await expect(page.locator('[data-finding-code="cel-cost-exceeded"]')).toHaveCount(0);
  });

  test('the authorization request URL is decoded and its redirect URI checked', async ({ page }) => {
    await page.goto('/oidc?org=acme');
    const q = new URLSearchParams({ client_id: CLIENT_ID, response_type: 'code', scope: 'openid profile email', redirect_uri: 'https://portal.exoscale.com/sso-login/acme', state: 's' });
    await page.getByLabel('ID token or OIDC URL').fill(`https://auth.example.com/authorize?${q}`);
    await expect(page.locator('[data-oidc-kind="authorization-request"]')).toContainText('openid profile email');
    await expect(page.locator('[data-finding-code="oidc-redirect-uri-is-login-url"]')).toBeVisible();
  });

  test('garbage shows a coded error; the nav has an OIDC link; a JWT on the inspect page points here', async ({ page }) => {
    await page.goto('/oidc');
    await page.getByLabel('ID token or OIDC URL').fill('definitely not a token');
    await expect(page.getByRole('alert')).toContainText('oidc-not-jwt');
    await openInspect(page);
    const { token } = await signedToken('ada@exoscale.com');
    await setMessage(page, token);
    await expect(page.locator('[data-oidc-hint]')).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'OIDC' }).click();
    await expect(page).toHaveURL(/\/oidc/);
  });

  test('the profiles page lists the Exoscale OIDC profile with its requirements and a link to /oidc', async ({ page }) => {
    await page.goto('/profiles');
    const card = page.locator('[data-profile="exoscale-oidc"]');
    await expect(card).toContainText('OIDC Additional Claims');
    await expect(card).toContainText('https://portal.exoscale.com/sso-authenticate/<sso-org-name>');
    await card.getByRole('link', { name: /Exoscale SSO/ }).click();
    await expect(page).toHaveURL(/\/oidc$/);
    await expect(page.getByRole('heading', { name: /Inspect an OIDC login/ })).toBeVisible();
  });
});
