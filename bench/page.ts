// `npm run bench -- --page`: what users feel in the browser (issue 15), in Debian's Chromium
// driven by Playwright against the production build (`npm run build` first):
//   1. JavaScript each page loads on a cold visit (gzip), the first screen (/) first;
//   2. paste-to-verdict of a typical signed Response with its IdP metadata as trust: from the
//      paste event to the verdict element in the DOM (performance marks, 20 runs, median);
//   3. a 10 MB signed metadata aggregate pasted with its signing certificate: time to the
//      verdict against the Node core's inspectInput on the same text in this process, and the
//      longest main-thread task during the run (PerformanceObserver 'longtask').
//   4. with --aggregate-sizes 10,50,100,256 (MB, 10^6 bytes): signed aggregates of those sizes
//      opened through the page's file chooser (the worker reads the file; the page keeps no copy):
//      time to the verdict against the CLI on the same file (its own process, start included),
//      the longest main-thread task, and the peak RSS of Chromium's renderer processes (page and
//      worker; /proc, sampled every 50 ms) and of all its processes, beside the CLI's peak RSS.
// Measurements, not tests: nothing here asserts a time. Options: --port N (default 4199),
// --runs N (paste-to-verdict runs, default 20), --size-mb N (aggregate, default 10),
// --aggregate-sizes LIST, --aggregate-runs N (default 1), --aggregates-only (section 4 alone).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { inspectInput } from '../src/core/inspect';
import { aggregateTemplate, ID_ATTR, responseTemplate } from './fixtures';
import { formatMs, formatRatio, renderTable, summarizeTimings } from './stats';
import { makeKeyPair, requireTools, signWithXmlsec, type KeyPair } from './tools';

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

const MB = 1000 * 1000;

/** Every process below `root` (this bench: vite, Chromium and its zygotes, renderers, GPU, utilities), from /proc. */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ")".
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  const walk = (p: number) => (children.get(p) ?? []).forEach((c) => (out.push(c), walk(c)));
  walk(root);
  return out;
}

/** RSS in bytes of Chromium's renderer processes and of all its processes, now. */
function chromiumRss(): { renderers: number; all: number } {
  let renderers = 0;
  let all = 0;
  for (const pid of descendants(process.pid)) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('chrom')) continue;
      const kb = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      all += kb * 1024;
      if (cmd.includes('--type=renderer')) renderers += kb * 1024;
    } catch {
      // gone meanwhile
    }
  }
  return { renderers, all };
}

/** The CLI on `file` in its own process under GNU time: wall ms, peak RSS bytes, whether it answered valid and trusted. */
function cliOnFile(file: string, signer: KeyPair): { wallMs: number; rss: number; trusted: boolean } {
  const marker = '@@samlscope-bench@@';
  const r = spawnSync('/usr/bin/time', ['-f', `${marker} %e %M`, process.execPath, join(ROOT, 'dist/cli.mjs'), 'inspect', '--json', '--cert', signer.certFile, file], { encoding: 'utf8', maxBuffer: 2 ** 28 });
  const m = new RegExp(`${marker} ([0-9.]+) ([0-9]+)`).exec(r.stderr ?? '');
  let trusted = false;
  try {
    const msg = (JSON.parse(r.stdout) as { reports: { messages: { trusted: boolean }[] }[] }).reports[0]?.messages[0];
    trusted = msg?.trusted === true;
  } catch {
    // no JSON: not trusted
  }
  return { wallMs: m ? Number(m[1]) * 1000 : NaN, rss: m ? Number(m[2]) * 1024 : NaN, trusted };
}

/**
 * Section 4: one signed aggregate of `sizeMb` opened through the page's file chooser, on a fresh
 * page per run (so memory is not the previous run's). Time from the chooser's change event to
 * data-verdict="trusted", then until the entity table is in the DOM; long tasks from the change
 * to 0.5 s after the table; RSS sampled every 50 ms from before the file is chosen to the end.
 */
async function aggregateFileRun(browser: import('@playwright/test').Browser, base: string, file: string, signer: KeyPair) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(base);
  await page.waitForFunction(() => typeof window.__samlscope?.setInput === 'function');
  await page.locator('.input-editor[data-monaco-ready="true"]').waitFor({ timeout: 120_000 });
  await page.evaluate((cert) => window.__samlscope!.setTrust(cert), signer.certPem);
  await page.locator('.trust-summary').waitFor({ timeout: 120_000 });
  await page.waitForTimeout(1000);
  const before = chromiumRss();
  const peak = { ...before };
  const sampler = setInterval(() => {
    const now = chromiumRss();
    peak.renderers = Math.max(peak.renderers, now.renderers);
    peak.all = Math.max(peak.all, now.all);
  }, 50);
  try {
    const done = page.evaluate(
      () =>
        new Promise<{ verdictMs: number; tableMs: number; longest: number; tasks: number }>((resolve) => {
          const input = document.querySelector<HTMLInputElement>('.input-panel input[type=file]')!;
          const tasks: number[] = [];
          const lt = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration)));
          input.addEventListener(
            'change',
            () => {
              lt.observe({ type: 'longtask' });
              const t0 = performance.now();
              let verdictMs = -1;
              const check = () => {
                if (verdictMs < 0 && document.querySelector('[data-verdict="trusted"]')) verdictMs = performance.now() - t0;
                if (verdictMs >= 0 && document.querySelector('[data-entity-table]')) {
                  const tableMs = performance.now() - t0;
                  setTimeout(() => {
                    lt.disconnect();
                    resolve({ verdictMs, tableMs, longest: Math.max(0, ...tasks), tasks: tasks.length });
                  }, 500);
                  return;
                }
                requestAnimationFrame(check);
              };
              check();
            },
            { capture: true, once: true },
          );
        }),
    );
    done.catch(() => {}); // settled below; a failure before it must not be an unhandled rejection
    await page.locator('.input-panel input[type=file]').setInputFiles(file);
    const r = await done;
    return { ...r, peakRenderers: peak.renderers, peakAll: peak.all, baseRenderers: before.renderers, baseAll: before.all };
  } finally {
    clearInterval(sampler);
    await context.close();
  }
}

async function aggregateFiles(browser: import('@playwright/test').Browser, base: string, dir: string, signer: KeyPair, entityCerts: string[], sizes: number[], runs: number): Promise<void> {
  const rows: string[][] = [];
  for (const size of sizes) {
    const template = join(dir, `agg-${size}.template.xml`);
    const file = join(dir, `agg-${size}.xml`);
    const agg = aggregateTemplate(size * MB, entityCerts);
    writeFileSync(template, agg.xml);
    signWithXmlsec(template, file, signer, ID_ATTR.entities);
    rmSync(template, { force: true });
    const bytes = statSync(file).size;
    const cli = cliOnFile(file, signer);
    if (!cli.trusted) throw new Error(`the CLI did not trust the signed ${size} MB aggregate`);
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await aggregateFileRun(browser, base, file, signer));
    rmSync(file, { force: true });
    const verdict = summarizeTimings(results.map((r) => r.verdictMs)).median;
    const table = summarizeTimings(results.map((r) => r.tableMs)).median;
    const longest = Math.max(...results.map((r) => r.longest));
    const peakR = Math.max(...results.map((r) => r.peakRenderers));
    const peakA = Math.max(...results.map((r) => r.peakAll));
    const growR = Math.max(...results.map((r) => r.peakRenderers - r.baseRenderers));
    const mb = (n: number) => `${(n / MB).toFixed(0)} MB`;
    rows.push([
      `${(bytes / MB).toFixed(1)} MB, ${agg.entityCount} entities`,
      formatMs(verdict),
      formatMs(table),
      formatMs(cli.wallMs),
      formatRatio(verdict, cli.wallMs),
      `${longest.toFixed(0)} (${results.map((r) => r.tasks).join('/')})`,
      `${mb(peakR)} (+${mb(growR)}, ${(growR / bytes).toFixed(2)}×)`,
      mb(peakA),
      `${mb(cli.rss)} (${(cli.rss / bytes).toFixed(2)}×)`,
    ]);
    console.log(`  ${rows[rows.length - 1]!.join(' | ')}`);
  }
  console.log(`\n4. Signed aggregates opened as files (the page's file chooser), their signing certificate as trust, ${runs} run(s) each`);
  console.log(
    renderTable(
      ['aggregate', 'page → verdict ms', 'page → entity table ms', 'CLI wall ms (own process)', 'page/CLI', 'longest task ms (long tasks per run)', 'renderers peak RSS (growth, × input)', 'all Chromium peak RSS', 'CLI peak RSS (× input)'],
      rows,
    ),
  );
}

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/app is missing: run npm run build first');
  requireTools();
  const port = option('--port', 4199);
  const runs = option('--runs', 20);
  const sizeMb = option('--size-mb', 10);
  const sizesAt = process.argv.indexOf('--aggregate-sizes');
  const aggregateSizes = sizesAt >= 0 ? (process.argv[sizesAt + 1] ?? '').split(',').map(Number).filter((n) => n > 0) : [];
  const aggregateRuns = option('--aggregate-runs', 1);
  const aggregatesOnly = process.argv.includes('--aggregates-only');
  const base = `http://127.0.0.1:${port}/`;
  const dir = mkdtempSync(join(tmpdir(), 'samlscope-bench-page-'));
  const stop = await serve(port);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    console.log(`samlscope page benchmark: ${browser.version()} (Chromium), production build in dist/app`);
    if (aggregatesOnly) {
      const signer = makeKeyPair(dir, 'signer', '/CN=bench-signer/O=samlscope benchmark');
      const entityCerts = [0, 1].map((i) => makeKeyPair(dir, `entity${i}`, `/CN=idp${i}.example.edu/O=Example ${i}`).certDer);
      await aggregateFiles(browser, base, dir, signer, entityCerts, aggregateSizes.length ? aggregateSizes : [10], aggregateRuns);
      return;
    }

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
    if (aggregateSizes.length) await aggregateFiles(browser, base, dir, signer, entityCerts, aggregateSizes, aggregateRuns);
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
