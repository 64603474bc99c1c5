// The page never freezes (issue 10 point 4), measured as the browser measures it: every task of
// the page's main thread over 50 ms is a "long task" (W3C Long Tasks API), and none may be long
// while a 32 MB, 14-message result arrives and is shown, nor when a heavy message is opened.
// Before the worker kept the result (src/ui/worker/resultStore.ts) the page was blocked up to
// 7.6 s here; the bound below is generous for a loaded 2-core machine, far below a freeze.
import { expect, test, type Page } from '@playwright/test';
import { bigRedirectHar } from './bigHar';
import { openInspect, setMessage } from './helpers';

const LONG_TASK_BOUND_MS = 500;

async function observeLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: Math.round(e.startTime), duration: Math.round(e.duration) });
    }).observe({ type: 'longtask' });
  });
}

async function takeLongTasks(page: Page): Promise<{ start: number; duration: number }[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    const tasks = w.__longTasks;
    w.__longTasks = [];
    return tasks;
  });
}

test.describe('responsiveness with a very large result', () => {
  test.setTimeout(120_000);

  test('14 Redirect messages of 2.3 MB (32 MB of XML): no long task past the bound while the result arrives, renders, and a message opens', async ({ page }) => {
    const har = bigRedirectHar(14);
    await openInspect(page);
    // Loading the editor (Monaco, evaluated once per page) is not what is measured here.
    await expect(page.locator('.input-editor[data-monaco-ready="true"]')).toHaveCount(1, { timeout: 30_000 });
    await observeLongTasks(page);
    const t0 = Date.now();
    await setMessage(page, har, 'big.har');
    const list = page.locator('.message-list [data-message-index]');
    await expect(list).toHaveCount(14, { timeout: 60_000 });
    await expect(page.locator('[data-verdict]')).toBeVisible();
    await expect(page.locator('.xml-pane')).toContainText('attribute-', { timeout: 30_000 });
    const shownMs = Date.now() - t0;
    const arrival = await takeLongTasks(page);

    // Opening another message than the one shown (a capture opens on its worst step, or its last
    // when none is worse): its heavy parts come from the worker on demand.
    const shown = Number(await page.locator('.message-list tr.selected').getAttribute('data-message-index'));
    const other = shown === 13 ? 1 : 14;
    await page.getByRole('button', { name: new RegExp(`^Show message ${other}: Response`) }).click();
    await expect(page.locator('.message-head')).toContainText(`message ${other} of 14`);
    await expect(page.locator('.xml-pane')).toContainText('attribute-', { timeout: 30_000 });
    // Its 10,004 attributes are a long list: shown in slices, the rest on demand (in the
    // assertion's section, which the user opens).
    await page.locator('details[data-section="details"] > summary').click();
    const attributeRows = page.locator('[data-attribute-name]');
    await expect(attributeRows.first()).toBeVisible();
    expect(await attributeRows.count()).toBeLessThan(1000);
    const opening = await takeLongTasks(page);

    const longest = (tasks: { duration: number }[]) => tasks.reduce((m, t) => Math.max(m, t.duration), 0);
    console.log(`shown after ${shownMs} ms; long tasks while arriving: ${arrival.length} (longest ${longest(arrival)} ms; ${arrival.map((t) => t.duration).join(', ')}); opening message ${other}: ${opening.length} (longest ${longest(opening)} ms)`);
    expect(longest(arrival)).toBeLessThan(LONG_TASK_BOUND_MS);
    expect(longest(opening)).toBeLessThan(LONG_TASK_BOUND_MS);
  });
});
