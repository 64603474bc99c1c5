// Trust bound to entity and role (CONTRACT §2, docs/verification.md): pasting a federation
// aggregate of two IdPs as trust, a Response issued by IdP A but signed with IdP B's key is not
// valid, says why, and the trust summary shows which entity and role each anchor belongs to.
// The aggregate and the Response are made at test time: keys by openssl, signatures by xmlsec1.
import { expect, test } from '@playwright/test';
import { makeKey, type KeyPair } from '../src/core/dsig/testing/xmlsec.testutil';
import { IDP_A, IDP_B, aggregate, entityDescriptor, signedResponse } from '../src/core/dsig/testing/federation.testutil';
import { openInspect, setMessage, setTrust } from './helpers';

let a: KeyPair, b: KeyPair;
let federation = '';

test.beforeAll(() => {
  a = makeKey('e2e-idp-a', 'rsa2048');
  b = makeKey('e2e-idp-b', 'rsa2048');
  federation = aggregate([entityDescriptor(IDP_A, { idp: a }), entityDescriptor(IDP_B, { idp: b })]);
});

test.describe('trust bound to entity and role', () => {
  test('a Response from IdP A signed by IdP B\'s key: untrusted, signature-key-wrong-entity, not trusted', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openInspect(page);
    await setTrust(page, federation);
    await setMessage(page, signedResponse(b));
    const signature = page.locator('section.signatures [data-signature-verdict]').first();
    await expect(signature).toHaveAttribute('data-signature-verdict', 'untrusted');
    await expect(page.locator('[data-finding-code="signature-key-wrong-entity"]').first()).toBeVisible();
    // CONTRACT §4: one element carries data-verdict, in the viewport at 1440x900 without scrolling.
    const verdict = page.locator('[data-verdict]');
    await expect(verdict).toHaveCount(1);
    await expect(verdict).toHaveAttribute('data-verdict', 'untrusted');
    await expect(verdict).toBeInViewport();
    // The Signatures panel names the Issuer claimed and why B's key is not accepted for it.
    await expect(signature.locator('[data-claimed-issuer]')).toHaveAttribute('data-claimed-issuer', IDP_A);
    const decision = signature.locator('[data-anchor-decision="signature-key-wrong-entity"]');
    await expect(decision).toContainText(IDP_B);
    await expect(decision).toContainText(`claims Issuer ${IDP_A}`);
    // The trust summary shows each anchor's entity and role.
    const summary = page.locator('.trust-summary');
    await expect(summary.locator(`[data-anchor-entity="${IDP_A}"][data-anchor-role="IDPSSODescriptor"]`)).toHaveCount(1);
    await expect(summary.locator(`[data-anchor-entity="${IDP_B}"][data-anchor-role="IDPSSODescriptor"]`)).toHaveCount(1);
    await page.screenshot({ path: 'test-results/trust-wrong-entity.png', fullPage: true });
  });

  test('the same Response signed by IdP A\'s key: valid and trusted', async ({ page }) => {
    await openInspect(page);
    await setTrust(page, federation);
    await setMessage(page, signedResponse(a));
    await expect(page.locator('section.signatures [data-signature-verdict]').first()).toHaveAttribute('data-signature-verdict', 'valid');
    await expect(page.locator('[data-verdict]').first()).toHaveAttribute('data-verdict', 'trusted');
    await expect(page.locator('section.signatures [data-anchor-decision="accepted"]').first()).toContainText(IDP_A);
  });

  test('a bare certificate says it is trusted for any issuer', async ({ page }) => {
    await openInspect(page);
    await setTrust(page, b.certPem);
    await setMessage(page, signedResponse(b));
    await expect(page.locator('section.signatures [data-signature-verdict]').first()).toHaveAttribute('data-signature-verdict', 'valid');
    await expect(page.locator('.trust-summary [data-anchor-scope="any-issuer"]')).toContainText('trusted for any issuer (a certificate given without metadata)');
  });
});
