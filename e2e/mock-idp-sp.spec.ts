// The mock IdP against real SP libraries (issue 16): @node-saml/node-saml and samlify as SPs on
// 127.0.0.1 (e2e/sp/servers.mjs). Every row of the test pack is sent SP-initiated (a fresh
// AuthnRequest from the library each time, answered by `samlscope idp response --request`);
// the valid Response must be accepted, and every outcome must match the table in
// docs/mock-idp.md — a library that accepts an attack is a finding about that library, and
// the table says so; a change in either direction fails here until the table is updated.
// Then the page's test pack against node-saml, with the redirect back detected.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist/cli.mjs');
const appPort = Number(process.env.E2E_PORT ?? 4173);
const app = `http://127.0.0.1:${appPort}`;
const NODE_SAML_PORT = Number(process.env.SP_NODE_SAML_PORT ?? 5373);
const SAMLIFY_PORT = Number(process.env.SP_SAMLIFY_PORT ?? 5374);
const LIBRARIES = { 'node-saml': `http://127.0.0.1:${NODE_SAML_PORT}`, samlify: `http://127.0.0.1:${SAMLIFY_PORT}` } as const;
type Library = keyof typeof LIBRARIES;
const IDP_ENTITY_ID = `${app}/mock-idp`;

const dir = mkdtempSync(path.join(tmpdir(), 'samlscope-mockidp-sp-'));
const idpKey = path.join(dir, 'idp.key');
const idpCert = path.join(dir, 'idp.crt');
let servers: ChildProcess | null = null;
let serverLog = '';

test.beforeAll(async () => {
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '2', '-subj', '/CN=samlscope mock IdP e2e', '-keyout', idpKey, '-out', idpCert], { stdio: 'ignore' });
  servers = spawn('node', [path.join(root, 'e2e/sp/servers.mjs')], {
    env: { ...process.env, NODE_SAML_PORT: String(NODE_SAML_PORT), SAMLIFY_PORT: String(SAMLIFY_PORT), IDP_CERT_FILE: idpCert, IDP_ENTITY_ID, IDP_SSO_URL: `${app}/mock-idp/sso` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  servers.stdout!.on('data', (b: Buffer) => (serverLog += b.toString()));
  servers.stderr!.on('data', (b: Buffer) => (serverLog = `${serverLog}${b.toString()}`.slice(-20_000)));
  servers.on('exit', (code, signal) => (serverLog += `\n[servers.mjs exited: code ${code}, signal ${signal}]\n`));
  for (const base of Object.values(LIBRARIES)) {
    await expect.poll(async () => (await fetch(`${base}/last`).catch(() => null))?.ok ?? false, { timeout: 15_000 }).toBe(true);
  }
});

test.afterAll(() => {
  if (servers?.pid) process.kill(servers.pid);
});

function variants(): string[] {
  const out = execFileSync('node', [cli, 'idp', 'variants', '--json'], { encoding: 'utf8' });
  return (JSON.parse(out) as { variants: { name: string }[] }).variants.map((v) => v.name);
}

/** One SP-initiated login: the library's AuthnRequest, the mock IdP's answer (CLI), the library's verdict. */
async function tryRow(library: Library, row: string): Promise<{ accepted: boolean; detail: string; nameId: string | null; email: string | null }> {
  const base = LIBRARIES[library];
  const login = await fetch(`${base}/login`, { redirect: 'manual' });
  const location = login.headers.get('location')!;
  expect(location).toContain('/mock-idp/sso?SAMLRequest=');
  const requestFile = path.join(dir, `${library}-${row}.url`);
  writeFileSync(requestFile, location);
  const args = ['idp', 'response', '--request', requestFile, '--idp-key', idpKey, '--idp-cert', idpCert, '--idp-entity-id', IDP_ENTITY_ID, '--name-id', 'jdoe', '--attribute', 'email=jdoe@example.com', '--output', 'base64'];
  if (row !== 'valid') args.push('--variant', row);
  const samlResponse = execFileSync('node', [cli, ...args], { encoding: 'utf8' }).trim();
  const res = await fetch(`${base}/acs`, { method: 'POST', body: new URLSearchParams({ SAMLResponse: samlResponse }), redirect: 'manual' });
  const detail = await res.text();
  // Who the library logged in: the attacker's copy says "admin", the signed original "jdoe";
  // and the e-mail attribute it read (attribute-comment-injection splits its value).
  return { accepted: res.status === 200, detail, nameId: /logged in as ([^,]*)/.exec(detail)?.[1] ?? null, email: /, email (.*)$/.exec(detail)?.[1] ?? null };
}

/** The table of docs/mock-idp.md: variant → { library: 'accepted (<NameID logged in>)' | 'rejected' }. */
function documentedOutcomes(): Map<string, Record<Library, string>> {
  const doc = readFileSync(path.join(root, 'docs/mock-idp.md'), 'utf8');
  const section = doc.slice(doc.indexOf('<!-- sp-library-table -->'), doc.indexOf('<!-- /sp-library-table -->'));
  const map = new Map<string, Record<Library, string>>();
  for (const m of section.matchAll(/^\| `([a-z0-9-]+)` \| (accepted \([^)]*\)|rejected)[^|]*\| (accepted \([^)]*\)|rejected)[^|]*\|/gm)) map.set(m[1]!, { 'node-saml': m[2]!, samlify: m[3]! });
  return map;
}

test('SP libraries × variants: the valid Response is accepted, every outcome is the documented one', async () => {
  test.setTimeout(240_000);
  const rows = ['valid', ...variants()];
  const observed: Record<string, Record<Library, string>> = {};
  const details: string[] = [];
  for (const row of rows) {
    observed[row] = { 'node-saml': '', samlify: '' };
    for (const library of Object.keys(LIBRARIES) as Library[]) {
      const r = await tryRow(library, row).catch((e: Error) => {
        throw new Error(`${row} → ${library}: ${e.message}; cause ${String((e as { cause?: unknown }).cause)}\n--- servers.mjs ---\n${serverLog.slice(-3000)}`);
      });
      observed[row]![library] = r.accepted ? `accepted (${r.nameId}${row === 'attribute-comment-injection' ? `, email ${r.email}` : ''})` : 'rejected';
      details.push(`${row} ${library}: ${r.detail.slice(0, 300)}`);
      if (row === 'valid') expect(r.accepted, `${library} must accept the valid Response: ${r.detail}`).toBe(true);
    }
  }
  writeFileSync(path.join(root, 'test-results', 'mock-idp-sp-libraries.json'), `${JSON.stringify({ observed, details }, null, 2)}\n`);
  const documented = documentedOutcomes();
  for (const row of rows) expect({ row, ...documented.get(row) }, `docs/mock-idp.md row for ${row}`).toEqual({ row, ...observed[row] });
});

test('the page\'s test pack against node-saml: the redirect back marks valid accepted; the tester marks xsw3; the report says so', async ({ page, context }) => {
  await page.goto('/mock-idp');
  await page.evaluate(async () => {
    localStorage.clear();
    await new Promise<void>((resolve) => {
      const r = indexedDB.deleteDatabase('samlscope-mockidp');
      r.onsuccess = r.onerror = r.onblocked = () => resolve();
    });
  });
  await page.reload();
  await page.getByLabel('Private key (PEM)').fill(readFileSync(idpKey, 'utf8'));
  await page.getByLabel('Certificate (PEM)').fill(readFileSync(idpCert, 'utf8'));
  await page.getByRole('button', { name: 'Import IdP key' }).click();
  await expect(page.locator('[data-idp-key="RSA"]')).toBeVisible();
  await page.getByLabel('SP metadata').fill(await (await fetch(`${LIBRARIES['node-saml']}/metadata`)).text());
  await expect(page.locator('[data-sp-entity]')).toContainText(`${LIBRARIES['node-saml']}/acs`);

  // SP-initiated: node-saml answers only its own requests, once each.
  await page.goto(`${LIBRARIES['node-saml']}/login`);
  await expect(page).toHaveURL(/\/mock-idp\/sso\?SAMLRequest=/);
  await expect(page.locator('[data-request-field="kind"]')).toHaveText('AuthnRequest');
  const valid = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Send valid' }).click();
  const back = await valid;
  // node-saml accepted and followed the RelayState back to the test pack, which marked it.
  await expect(back).toHaveURL(/\/mock-idp$/);
  await expect(page.locator('[data-pack-row="valid"]')).toHaveAttribute('data-pack-verdict', 'safe');
  await expect(page.locator('[data-pack-row="valid"]')).toContainText('detected');
  await back.close();

  await page.goto(`${LIBRARIES['node-saml']}/login`);
  await expect(page.locator('[data-request-field="kind"]')).toHaveText('AuthnRequest');
  const xsw = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Send xsw3' }).click();
  const answer = await xsw;
  await expect(answer.locator('body')).toContainText('node-saml rejected the Response');
  await answer.close();
  await page.getByLabel('What the SP did with xsw3').selectOption('rejected');
  await expect(page.locator('[data-pack-row="xsw3"]')).toHaveAttribute('data-pack-verdict', 'safe');
  await expect(page.locator('[data-pack-summary]')).toContainText('2 of');
  await page.screenshot({ path: '/work/notes/screens/mockidp-test-pack-1440.png', fullPage: false });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download report (Markdown)' }).click();
  const md = readFileSync((await (await download).path())!, 'utf8');
  expect(md).toContain('- accepted valid: safe');
  expect(md).toContain('- rejected xsw3: safe');
});
