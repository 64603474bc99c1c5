// `npm run bench -- --page`: what users feel in the browser (issue 15), in Debian's Chromium
// driven by Playwright against the production build (`npm run build` first):
//   1. JavaScript each page loads on a cold visit (gzip), the first screen (/) first;
//   2. paste-to-verdict of a typical signed Response with its IdP metadata as trust: from the
//      paste event to the verdict element in the DOM (performance marks, 20 runs, median);
//   3. a 10 MB signed metadata aggregate pasted with its signing certificate: time to the
//      verdict against the Node core's inspectInput on the same text in this process, and the
//      longest main-thread task during the run (PerformanceObserver 'longtask').
// Measurements, not tests: nothing here asserts a time. Options: --port N (default 4199),
// --runs N (paste-to-verdict runs, default 20), --size-mb N (aggregate, default 10).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { inspectInput } from '../src/core/inspect';
import { aggregateTemplate, ID_ATTR, responseTemplate } from './fixtures';
import { formatMs, formatRatio, renderTable, summarizeTimings } from './stats';
import { makeKeyPair, requireTools, signWithXmlsec } from './tools';

const ROOT = process.cwd();
const DIST = join(ROOT, 'dist/app');
const ROUTES = ['/', '/mock-sp', '/mock-idp', '/oidc', '/rules', '/profiles'];

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const gzipKb = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length / 1024;

async function serve(port: number): Promise<() => void> {
  const child = spawn(join(ROOT, 'node_modules/.bin/vite'), ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', DIST], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return () => child.kill();
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error(`vite preview did not start on port ${port}`);
}

/** JavaScript a cold visit of `route` loads before it is idle, gzip (what a server would send). */
async function jsOfRoute(page: Page, base: string, route: string): Promise<{ kb: number; files: number }> {
  const files = new Set<string>();
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.pathname.endsWith('.js') && !u.pathname.includes('worker')) files.add(u.pathname);
  });
  await page.goto(base + route.slice(1), { waitUntil: 'networkidle' });
  await page.locator('main h1').first().waitFor({ timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  let kb = 0;
  for (const f of files) kb += gzipKb(readFileSync(join(DIST, f)));
  return { kb, files: files.size };
}

async function pasteToVerdictMs(page: Page, text: string): Promise<number> {
  return page.evaluate(async (t) => {
    window.__samlscope!.setInput('', 'bench');
    // The page at rest before the paste: no verdict shown and no run in flight (the run that the
    // clearing starts would otherwise be superseded by the paste, which stops its worker).
    await new Promise<void>((resolve) => {
      const check = () => (document.querySelector('[data-verdict], .answer[aria-busy="true"]') ? requestAnimationFrame(check) : resolve());
      check();
    });
    performance.clearMarks();
    const shown = new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        if (document.querySelector('[data-verdict="trusted"]')) {
          observer.disconnect();
          performance.mark('samlscope-verdict');
          resolve(performance.measure('paste-to-verdict', 'samlscope-paste', 'samlscope-verdict').duration);
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-verdict'] });
    });
    const data = new DataTransfer();
    data.setData('text/plain', t);
    performance.mark('samlscope-paste');
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    return shown;
  }, text);
}

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/app is missing: run npm run build first');
  requireTools();
  const port = option('--port', 4199);
  const runs = option('--runs', 20);
  const sizeMb = option('--size-mb', 10);
  const base = `http://127.0.0.1:${port}/`;
  const dir = mkdtempSync(join(tmpdir(), 'samlscope-bench-page-'));
  const stop = await serve(port);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    console.log(`samlscope page benchmark: ${browser.version()} (Chromium), production build in dist/app`);

    // ---- 1. JavaScript per page ----
    const indexHtml = readFileSync(join(DIST, 'index.html'), 'utf8');
    const initial = [...indexHtml.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    const firstScreenKb = initial.reduce((n, f) => n + gzipKb(readFileSync(join(DIST, f))), 0);
    const rows: string[][] = [['index.html (script + modulepreload)', String(initial.length), firstScreenKb.toFixed(1), firstScreenKb <= 150 ? 'target ≤ 150 kB: met' : 'target ≤ 150 kB: MISSED']];
    for (const route of ROUTES) {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const r = await jsOfRoute(await context.newPage(), base, route);
      rows.push([`cold visit of ${route}`, String(r.files), r.kb.toFixed(1), route === '/' ? 'first screen, editor (Monaco) included once it loads' : '']);
      await context.close();
    }
    const workerFile = readdirSync(join(DIST, 'assets')).find((f) => f.startsWith('inspection.worker'));
    if (workerFile) rows.push(['inspection worker (loaded on first inspection)', '1', gzipKb(readFileSync(join(DIST, 'assets', workerFile))).toFixed(1), 'the core: never in the page bundle']);
    console.log('\n1. JavaScript loaded (gzip -9 of the files requested, workers excluded unless named)');
    console.log(renderTable(['', 'files', 'kB gzip', 'note'], rows));

    // ---- fixtures: keys, a signed Response and its IdP metadata, a signed aggregate ----
    const signer = makeKeyPair(dir, 'signer', '/CN=bench-signer/O=samlscope benchmark');
    const response = responseTemplate();
    writeFileSync(join(dir, 'response.xml'), response.xml);
    signWithXmlsec(join(dir, 'response.xml'), join(dir, 'response.signed.xml'), signer, ID_ATTR.response);
    const responseXml = readFileSync(join(dir, 'response.signed.xml'), 'utf8');
    const metadata =
      `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${response.issuer}">` +
      `<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${signer.certDer}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>` +
      `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example.com/sso"/></md:IDPSSODescriptor></md:EntityDescriptor>`;
    const entityCerts = [0, 1].map((i) => makeKeyPair(dir, `entity${i}`, `/CN=idp${i}.example.edu/O=Example ${i}`).certDer);
    const agg = aggregateTemplate(sizeMb * 1024 * 1024, entityCerts);
    writeFileSync(join(dir, 'agg.xml'), agg.xml);
    signWithXmlsec(join(dir, 'agg.xml'), join(dir, 'agg.signed.xml'), signer, ID_ATTR.entities);
    const aggXml = readFileSync(join(dir, 'agg.signed.xml'), 'utf8');

    // ---- 2. paste-to-verdict ----
    const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}?at=${encodeURIComponent(response.at.toISOString())}`);
    await page.waitForFunction(() => typeof window.__samlscope?.setInput === 'function');
    await page.locator('.input-editor[data-monaco-ready="true"]').waitFor({ timeout: 60_000 });
    await page.evaluate((m) => window.__samlscope!.setTrust(m), metadata);
    await page.locator('.trust-summary').waitFor({ timeout: 60_000 });
    await pasteToVerdictMs(page, responseXml); // warm-up: the worker starts, code is compiled
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) samples.push(await pasteToVerdictMs(page, responseXml));
    const p2v = summarizeTimings(samples);
    const node: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await inspectInput(responseXml, 'bench', { trust: [metadata], at: response.at });
      node.push(performance.now() - t);
    }
    const nodeP2v = summarizeTimings(node);
    console.log(`\n2. Paste-to-verdict: signed Response ${(responseXml.length / 1024).toFixed(1)} KB, its IdP metadata as trust, ${runs} runs after one warm-up`);
    console.log(
      renderTable(
        ['', 'runs', 'median ms', 'p90 ms', 'note'],
        [
          ['paste event → data-verdict="trusted" in the DOM', String(p2v.runs), formatMs(p2v.median), formatMs(p2v.p90), p2v.median <= 50 ? 'target ≤ 50 ms: met' : 'target ≤ 50 ms: MISSED'],
          ['Node core inspectInput, same input', String(nodeP2v.runs), formatMs(nodeP2v.median), formatMs(nodeP2v.p90), 'this process'],
        ],
      ),
    );

    // ---- 3. the aggregate ----
    await page.evaluate((cert) => {
      window.__samlscope!.setInput('', 'bench');
      window.__samlscope!.setTrust(cert);
    }, signer.certPem);
    const aggNode: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const r = await inspectInput(aggXml, 'bench', { trust: [signer.certPem], at: new Date() });
      aggNode.push(performance.now() - t);
      if (!r.messages[0]?.trusted) throw new Error('the Node core did not trust the signed aggregate');
    }
    const pageRuns: { ms: number; longest: number; tasks: number }[] = [];
    for (let i = 0; i < 3; i++) {
      pageRuns.push(
        await page.evaluate(async (xml) => {
          window.__samlscope!.setInput('', 'bench');
          await new Promise((r) => setTimeout(r, 300));
          const tasks: number[] = [];
          const lt = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration)));
          lt.observe({ type: 'longtask' });
          const t0 = performance.now();
          window.__samlscope!.setInput(xml, 'aggregate.xml');
          const ms = await new Promise<number>((resolve) => {
            const check = () => (document.querySelector('[data-verdict="trusted"]') ? resolve(performance.now() - t0) : requestAnimationFrame(check));
            check();
          });
          await new Promise((r) => setTimeout(r, 500)); // the render that follows the verdict
          lt.disconnect();
          return { ms, longest: Math.max(0, ...tasks), tasks: tasks.length };
        }, aggXml),
      );
    }
    const aggPage = summarizeTimings(pageRuns.map((r) => r.ms));
    const aggCore = summarizeTimings(aggNode);
    const longest = Math.max(...pageRuns.map((r) => r.longest));
    console.log(`\n3. Signed aggregate ${(aggXml.length / 2 ** 20).toFixed(1)} MB (${agg.entityCount} entities), its signing certificate as trust, 3 runs each`);
    console.log(
      renderTable(
        ['', 'runs', 'median ms', 'ratio', 'note'],
        [
          ['page: paste (hook) → data-verdict="trusted"', String(aggPage.runs), formatMs(aggPage.median), formatRatio(aggPage.median, aggCore.median), `target ≤ 1.5×: ${aggPage.median <= 1.5 * aggCore.median ? 'met' : 'MISSED'}`],
          ['Node core inspectInput, same text', String(aggCore.runs), formatMs(aggCore.median), '1.00×', 'this process'],
          ['page: longest main-thread task during a run', String(pageRuns.length), longest.toFixed(0), '', `${pageRuns.map((r) => r.tasks).join('/')} long tasks per run; target no task over 50 ms: ${longest <= 50 ? 'met' : 'MISSED'}`],
        ],
      ),
    );
    await context.close();
  } finally {
    await browser.close();
    stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(`BENCHMARK FAILED: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
