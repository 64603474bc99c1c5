#!/usr/bin/env node
// Time to the first screen of / and /mock-sp in Chromium, each in a fresh browser context (cold
// HTTP cache, no service worker), against a running server:
//   npm start &   node scripts/measure-first-screen.mjs [http://127.0.0.1:5173] [runs]
// "First screen": the page's h1 is visible (the route has rendered). Also printed: the browser's
// first contentful paint and the number of requests the page made. A measurement, not a test.
import { chromium } from '@playwright/test';

const base = process.argv[2] ?? 'http://127.0.0.1:5173';
const runs = Number(process.argv[3] ?? 3);
const ROUTES = ['/', '/mock-sp'];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  for (const route of ROUTES) {
    const rows = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const page = await context.newPage();
      let requests = 0;
      page.on('request', () => requests++);
      const start = Date.now();
      await page.goto(base + route, { waitUntil: 'commit' });
      await page.locator('main h1').first().waitFor({ state: 'visible', timeout: 60_000 });
      const firstScreenMs = Date.now() - start;
      const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
      rows.push({ firstScreenMs, fcpMs: fcp === null ? null : Math.round(fcp), requests });
      await context.close();
    }
    const sorted = rows.map((r) => r.firstScreenMs).sort((a, b) => a - b);
    console.log(`${route}: first screen ${rows.map((r) => r.firstScreenMs).join(', ')} ms (median ${sorted[Math.floor(sorted.length / 2)]} ms); FCP ${rows.map((r) => r.fcpMs).join(', ')} ms; requests ${rows.map((r) => r.requests).join(', ')}`);
  }
} finally {
  await browser.close();
}
