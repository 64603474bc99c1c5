// Accessibility checks shared by the e2e specs: axe-core (Deque's engine, through
// @axe-core/playwright) for WCAG 2.0/2.1 A and AA, plus the one layout check axe does not make.
import AxeBuilder from '@axe-core/playwright';
import { test, type Page } from '@playwright/test';

const AXE_SCAN_BUDGET_MS = 120_000;
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Two of axe's "best-practice" rules the specs asserted before axe was installed (a heading level
// skipped going down; a dialog without a name): enabled on top of the WCAG tags. axe's
// options.rules[id].enabled outranks runOnly tags (axe-core lib/core/utils/rule-should-run.js).
const BEST_PRACTICE_RULES = ['heading-order', 'aria-dialog-name'];

/**
 * Every axe violation on the page as it is now, one line per rule (state, rule id, impact, node
 * count, the first targets and why the first node fails), logged with the state's count.
 */
export async function axeViolations(page: Page, state: string): Promise<string[]> {
  // A scan of a large page takes seconds when idle and over a minute on the shared 2-core machine
  // at load 20; each scan extends the calling test's budget rather than every spec guessing it.
  test.info().setTimeout(test.info().timeout + AXE_SCAN_BUDGET_MS);
  const started = Date.now();
  const result = await new AxeBuilder({ page })
    .options({ rules: Object.fromEntries(BEST_PRACTICE_RULES.map((id) => [id, { enabled: true }])) })
    .withTags(WCAG_TAGS)
    .analyze();
  const lines = result.violations.map((v) => {
    const targets = v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ');
    const why = (v.nodes[0]?.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 240);
    return `${state}: ${v.id} (${v.impact}) ${v.nodes.length}× — ${targets} — ${why}`;
  });
  console.log(`axe ${state}: ${result.violations.length} violation(s) in ${((Date.now() - started) / 1000).toFixed(1)} s${lines.length ? `\n  ${lines.join('\n  ')}` : ''}`);
  return lines;
}

/**
 * The page never scrolls sideways (WCAG 2.1 SC 1.4.10 reflow at 320 CSS px; the specs use 390):
 * axe has no rule for it. Names the first boxes that stick out past the viewport.
 */
export async function sidewaysOverflow(page: Page, state: string): Promise<string[]> {
  return page.evaluate((state) => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return [];
    const out = [`${state}: page is ${root.scrollWidth} px wide in a ${root.clientWidth} px viewport`];
    for (const e of document.querySelectorAll<HTMLElement>('body *')) {
      const r = e.getBoundingClientRect();
      // Monaco lays out its own scrolled content beyond its box; the editor box itself is checked.
      if (r.right > root.clientWidth + 1 && r.width > 0 && !e.closest('.monaco-scrollable-element')) {
        out.push(`${state}: <${e.tagName.toLowerCase()}.${typeof e.className === 'string' ? e.className : ''}> ends at ${Math.round(r.right)} px`);
        if (out.length > 8) break;
      }
    }
    return out;
  }, state);
}

/** axe's violations and any sideways scroll: empty when the page passes both. */
export async function pageFindings(page: Page, state: string): Promise<string[]> {
  return [...(await axeViolations(page, state)), ...(await sidewaysOverflow(page, state))];
}
