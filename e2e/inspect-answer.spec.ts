// The inspect page answers first (issue 14 items 2, 4, 6): the verdict beside the input and in
// the viewport at 1440x900 after a paste (CONTRACT §4 `data-verdict`), the examples menu on the
// first screen, the capture step view with the HTTP status and body, and no sideways scroll at
// 390 px. SCREENSHOT_DIR=… saves a screenshot of each state (for looking at, not for comparing).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openInspect, setMessage } from './helpers';

const examplesDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../src/ui/features/inspect/examples');
const example = (name: string) => readFileSync(path.join(examplesDir, name), 'utf8');

// What each example of src/ui/features/inspect/examples/index.ts must show (also unit-tested there).
const EXAMPLES = [
  { id: 'scaleway-csrf-403', verdict: 'unsigned', codes: ['binding-mismatch'] },
  { id: 'scaleway-issuer', verdict: 'untrusted', codes: ['issuer-is-sp-entity-id', 'signature-key-wrong-entity'] },
  { id: 'scaleway-user-not-found', verdict: 'trusted', codes: ['nameid-email-for-username'] },
  { id: 'round-trip', verdict: 'trusted', codes: [] },
  { id: 'valid', verdict: 'trusted', codes: [] },
  { id: 'tampered', verdict: 'invalid', codes: ['digest-mismatch'] },
  { id: 'wrapping', verdict: 'untrusted', codes: ['signature-wrapping', 'multiple-assertions'] },
  { id: 'untrusted-key', verdict: 'untrusted', codes: ['signature-untrusted-key'] },
] as const;

async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: path.join(dir, `inspect-${name}.png`) });
}

/** The element is entirely inside the viewport, without scrolling. */
async function expectInViewport(page: Page, selector: string): Promise<void> {
  const scrollY = await page.evaluate(() => window.scrollY);
  expect(scrollY).toBe(0);
  const box = await page.locator(selector).boundingBox();
  const vp = page.viewportSize()!;
  expect(box).not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y + Math.min(box!.height, 120)).toBeLessThanOrEqual(vp.height);
  expect(box!.x + box!.width).toBeLessThanOrEqual(vp.width);
}

/** No sideways scroll: the document is no wider than the viewport, with every section opened. */
async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('.inspect details').forEach((d) => ((d as HTMLDetailsElement).open = true)));
  // Opening sections lays out their tables: wait for the layout to settle (two frames).
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const { scrollWidth, innerWidth, wide } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    wide: [...document.querySelectorAll('.inspect *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5 && !e.closest('.monaco-editor, .table-scroll, .visually-hidden'))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${(e.getAttribute('class') ?? '').split(' ')[0]} ${Math.round(e.getBoundingClientRect().right)}px`),
  }));
  expect(wide, `elements wider than the ${innerWidth}px viewport`).toEqual([]);
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

test.describe('inspect page, answer first', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('the first screen offers the examples; each loads its message, trust and instant, and shows its verdict and codes', async ({ page }) => {
    test.setTimeout(180_000); // eight examples, each decoded, verified and rendered
    await openInspect(page);
    const first = page.locator('.first-screen');
    await expect(first).toBeVisible();
    await expect(first.locator('[data-example-id]')).toHaveCount(EXAMPLES.length);
    await shot(page, 'first-screen-1440');
    for (const ex of EXAMPLES) {
      // After the first one, the examples live behind the menu of the input panel.
      if (await first.isVisible()) await first.locator(`[data-example-id="${ex.id}"]`).click();
      else {
        await page.locator('.examples-menu > summary').click();
        await page.locator(`.examples-menu [data-example-id="${ex.id}"]`).click();
      }
      await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', ex.verdict);
      await expect(page).toHaveURL(/at=2026-03-02T09%3A15%3A00Z|at=2026-03-02T09:15:00Z/);
      await expect(page.locator('.trust-files')).toContainText('idp-metadata.xml');
      for (const code of ex.codes) await expect(page.locator(`.message-details [data-finding-code="${code}"]`).first()).toBeVisible();
      if (ex.codes.length === 0) await expect(page.locator('.message-details .finding.sev-error, .message-details .finding.sev-warning')).toHaveCount(0);
      await page.evaluate(() => window.scrollTo(0, 0));
      await expectInViewport(page, '[data-verdict]');
      await shot(page, `example-${ex.id}-1440`);
    }
  });

  test('after a paste the verdict is beside the input, in the viewport at 1440x900', async ({ page }) => {
    // A paste as a user does it: trust first, then the message, evaluated at the example's instant.
    await page.goto('/?at=2026-03-02T09%3A15%3A00Z');
    await page.waitForFunction(() => typeof window.__samlscope?.setInput === 'function');
    await page.getByLabel('Trusted metadata or certificate').fill(example('idp-metadata.xml'));
    await setMessage(page, example('valid-response.xml'));
    const verdict = page.locator('[data-verdict]');
    await expect(verdict).toHaveAttribute('data-verdict', 'trusted');
    await expect(verdict).toContainText('Trusted');
    await expectInViewport(page, '[data-verdict]');
    // Beside the input: right of it, overlapping it vertically.
    const input = (await page.locator('.input-panel').boundingBox())!;
    const box = (await verdict.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(input.x + input.width);
    expect(box.y).toBeLessThan(input.y + input.height);
    await shot(page, 'valid-1440');

    // Tampered reads "Tampered or corrupted", not like an unsigned message, and its worst finding jumps to the XML.
    await setMessage(page, example('tampered-response.xml'));
    await expect(verdict).toHaveAttribute('data-verdict', 'invalid');
    await expect(verdict).toContainText('Tampered or corrupted');
    await expect(verdict.locator('[data-verdict-reason="digest-mismatch"]').first()).toBeVisible();
    await expectInViewport(page, '[data-verdict]');
    await shot(page, 'tampered-1440');
    await expect(page.locator('.xml-view[data-monaco-ready="true"]')).toHaveCount(1, { timeout: 30_000 });
    await verdict.locator('[data-verdict-reason]').first().getByRole('button', { name: /Show in XML/ }).click();
    await expect(page.locator('.xml-view .xml-finding-line').first()).toBeAttached();
    await expect(page.locator('.xml-pane')).toBeInViewport();
  });

  test('a HAR shows each step with its HTTP status and body, even for one entry, and opens on the worst step', async ({ page }) => {
    await openInspect(page);
    await setMessage(page, example('authentik-csrf-403.har'), 'authentik-csrf-403.har');
    const steps = page.locator('.message-list');
    await expect(steps).toBeVisible();
    await expect(steps.locator('tbody tr')).toHaveCount(1);
    await expect(steps.locator('tbody tr').first().locator('[data-http-status="403"]')).toContainText('403 Forbidden');
    const step = page.locator('.capture-step');
    await expect(step.locator('[data-http-status="403"]')).toBeVisible();
    await expect(step.locator('[data-response-body]')).toContainText('CSRF verification failed. Request aborted.');
    await expect(page.locator('[data-verdict]')).toContainText('HTTP 403 Forbidden');
    await expect(page.locator('[data-verdict]')).toContainText('CSRF verification failed. Request aborted.');
    await expect(page.locator('.message-details [data-finding-code="binding-mismatch"]').first()).toBeVisible();
    await shot(page, 'har-csrf-1440');

    // Two steps where the second holds the error: the capture opens on the second.
    const har = JSON.parse(example('round-trip.har'));
    const tampered = Buffer.from(example('tampered-response.xml')).toString('base64');
    har.log.entries[1].request.postData.text = `SAMLResponse=${encodeURIComponent(tampered)}`;
    await setMessage(page, JSON.stringify(har), 'two-steps.har');
    await expect(steps.locator('tbody tr')).toHaveCount(2);
    await expect(steps.locator('tbody tr.selected')).toHaveAttribute('data-message-index', '1');
    await expect(page.locator('.capture-step')).toHaveAttribute('data-step-index', '1');
    await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'invalid');
    await expect(steps.locator('tbody tr').nth(0).locator('[data-http-status="302"]')).toBeVisible();
    // Choosing the first step explicitly keeps it chosen.
    await steps.getByRole('button', { name: /Show message 1/ }).click();
    await expect(page).toHaveURL(/msg=0/);
    await expect(page.locator('.capture-step')).toHaveAttribute('data-step-index', '0');
  });
});

test.describe('inspect page at 390x844', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('nothing scrolls sideways, on the first screen and in every example, with every section open', async ({ page }) => {
    test.setTimeout(180_000);
    await openInspect(page);
    await expect(page.locator('.first-screen')).toBeVisible();
    await shot(page, 'first-screen-390');
    await expectNoHorizontalOverflow(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    for (const ex of EXAMPLES) {
      await page.goto('/');
      await page.locator(`.first-screen [data-example-id="${ex.id}"]`).click();
      await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', ex.verdict);
      await page.locator('[data-verdict]').scrollIntoViewIfNeeded();
      await shot(page, `example-${ex.id}-390`);
      await expectNoHorizontalOverflow(page);
    }
  });
});
