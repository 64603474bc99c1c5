// Shared e2e helpers: corpus access and a robust way to put text into the message editor
// whether the textarea fallback or Monaco is showing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';

const here = path.dirname(fileURLToPath(import.meta.url));
export const corpusDir = path.resolve(here, '../test/corpus');
export const fixturesDir = path.resolve(here, 'fixtures');

export function corpus(name: string): string {
  return readFileSync(path.join(corpusDir, name), 'utf8');
}

export async function openInspect(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByLabel('SAML message')).toHaveCount(1);
  await page.waitForFunction(() => typeof window.__samlscope?.setInput === 'function');
}

/** Sets the message through the page's hook (what a paste does), decoding at once. */
export async function setMessage(page: Page, text: string, source = 'pasted'): Promise<void> {
  await page.evaluate(([t, s]) => window.__samlscope!.setInput(t, s), [text, source] as const);
}

export async function setTrust(page: Page, text: string): Promise<void> {
  await page.getByLabel('Trusted metadata or certificate').fill(text);
}

/** Simulates dropping a file on an element (DataTransfer built in the page). */
export async function dropFile(page: Page, selector: string, name: string, content: string, mime = 'application/json'): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ([n, c, m]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([c], n, { type: m }));
      return dt;
    },
    [name, content, mime] as const,
  );
  await page.dispatchEvent(selector, 'dragenter', { dataTransfer });
  await page.dispatchEvent(selector, 'dragover', { dataTransfer });
  await page.dispatchEvent(selector, 'drop', { dataTransfer });
}
