// Decrypting an EncryptedAssertion with the SP private key pasted into the page (docs/decryption.md).
import { expect, test } from '@playwright/test';
import { corpus, openInspect, setMessage, setTrust } from './helpers';

// Okta: the Response signed over the encrypted form, the assertion signed inside it.
const MESSAGE = 'crewjam__okta_encrypted_assertion_both_signed.xml';
const METADATA = 'crewjam__okta_idp_metadata.xml';

test.describe('decryption on the inspect page', () => {
  test('SP key + IdP metadata: decrypted assertion, its signature valid, trusted', async ({ page }) => {
    await openInspect(page);
    await setTrust(page, corpus(METADATA));
    await setMessage(page, corpus(MESSAGE));
    const panel = page.locator('section.decryption');
    await expect(panel).toHaveAttribute('data-decryption', 'no-key');
    await expect(page.locator('[data-signature-verdict]')).toHaveCount(1); // the Response only

    const key = corpus('crewjam__sp_key.pem');
    await page.getByLabel('SP private key').fill(key);
    await expect(panel).toHaveAttribute('data-decryption', 'ok');
    await expect(panel.getByLabel('Decrypted XML of EncryptedAssertion')).toContainText('<saml2:Assertion');
    await expect(panel).toContainText('aes256-cbc');
    await expect(panel).toContainText('rsa-oaep-mgf1p');
    await expect(panel.locator('[data-field="decryption-key-0"]')).toContainText('SP key 1');
    // The inner signature joins the signatures panel, verified on the decrypted assertion.
    const sigs = page.locator('section.signatures [data-signature-verdict]');
    await expect(sigs).toHaveCount(2);
    await expect(page.locator('section.signatures [data-signature-verdict="valid"]')).toHaveCount(2);
    await expect(page.locator('section.signatures [data-after-decryption="true"]')).toHaveCount(1);
    await expect(page.locator('[data-finding-code="assertion-decrypted"]').first()).toBeVisible();
    // The assertion's fields are a section the user opens (issue 14).
    await page.locator('details[data-section="details"] > summary').click();
    await expect(page.locator('[data-assertion-decrypted="true"]')).toBeVisible();
    // The key stays in the page: not in the URL (search or fragment).
    expect(page.url()).not.toContain('PRIVATE');
    expect(page.url()).not.toContain(key.split('\n')[1]!.slice(0, 20));
    await page.screenshot({ path: 'test-results/decrypt-ok.png', fullPage: true });
  });

  test('wrong key: a failure message, not a crash', async ({ page }) => {
    await openInspect(page);
    await setTrust(page, corpus(METADATA));
    await setMessage(page, corpus(MESSAGE));
    await page.getByLabel('SP private key').fill(corpus('python3saml__sp.key.pem'));
    const panel = page.locator('section.decryption');
    await expect(panel).toHaveAttribute('data-decryption', 'failed');
    await expect(panel.locator('[data-decryption-error="xenc-wrong-key"]')).toContainText('None of the 1 SP key(s)');
    await expect(page.locator('[data-finding-code="decryption-failed"]').first()).toBeVisible();
    // The Response signature is still verified on the message as received.
    await expect(page.locator('section.signatures [data-signature-verdict="valid"]')).toHaveCount(1);
    await page.screenshot({ path: 'test-results/decrypt-wrong-key.png', fullPage: true });
  });

  test('not a key: the key field says so', async ({ page }) => {
    await openInspect(page);
    await setMessage(page, corpus(MESSAGE));
    await page.getByLabel('SP private key').fill('not a key');
    await expect(page.locator('[data-sp-key-errors="true"]')).toContainText('no PEM private key');
  });

  test('Triple DES from a legacy IdP: decrypted with the lazily loaded 3DES, flagged weak', async ({ page }) => {
    await openInspect(page);
    await setMessage(page, corpus('rubysaml__encrypted_new_attack.xml'));
    await page.getByLabel('SP private key').fill(corpus('rubysaml__ruby-saml.key.pem'));
    const panel = page.locator('section.decryption');
    await expect(panel).toHaveAttribute('data-decryption', 'ok');
    await expect(panel).toContainText('tripledes-cbc');
    // rsa-1_5 key transport: WebCrypto has no RSAES-PKCS1-v1_5, node-forge (lazily loaded) decrypts it.
    await expect(panel.locator('[data-field="decryption-key-0"]')).toContainText('RSA via node-forge');
    await expect(panel.getByLabel('Decrypted XML of EncryptedAssertion')).toContainText('Assertion');
    await expect(page.locator('[data-finding-code="weak-algorithm"]').first()).toBeVisible();
  });
});
