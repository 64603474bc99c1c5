// Sharing a diagnosis end to end (issue 6): link round trip over a sample of the corpus,
// redaction checked by decoding the link, exports, share files, capture pairing, history.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createShareState, decodeShareFragment, shareFragmentOf, shareUrl, type ShareState } from '../src/core/share';
import { corpus, dropFile, fixturesDir, setMessage } from './helpers';

interface Sample {
  file: string;
  trust?: string;
  at: string;
}

// Responses (valid, wrapped, comment-split NameID), a Redirect AuthnRequest, a POST form,
// metadata: one of each shape the link must carry.
const SAMPLES: Sample[] = [
  { file: 'crewjam__onelogin_response.b64', trust: 'crewjam__onelogin_idp_metadata.xml', at: '2016-01-05T17:53:12Z' },
  { file: 'crewjam__xsw_permutation_one.xml', trust: 'crewjam__onelogin_idp_metadata.xml', at: '2016-01-05T17:53:12Z' },
  { file: 'crewjam__google_response_cve_2018_7340_comment.xml', trust: 'crewjam__google_idp_metadata.xml', at: '2016-01-05T16:55:39Z' },
  { file: 'crewjam__signed_authnrequest_redirect_query.txt', trust: 'crewjam__sp_cert.pem', at: '2015-12-01T01:31:21Z' },
  { file: 'crewjam__logoutrequest_post_form.html', at: '2015-12-01T01:31:21Z' },
  { file: 'gosaml2__adfs_response.xml', trust: 'gosaml2__adfs_idp_signing_cert.pem', at: '2017-09-21T23:28:00Z' },
  { file: 'crewjam__okta_idp_metadata.xml', at: '2020-03-03T19:24:28Z' },
];

async function openAt(page: Page, at?: string): Promise<void> {
  await page.goto(at ? `/?at=${encodeURIComponent(new Date(at).toISOString())}` : '/');
  await page.waitForFunction(() => typeof window.__samlscope?.setInput === 'function');
}

/** Waits until the page shows a settled inspection, then lists what it shows. */
async function shown(page: Page) {
  await expect(page.locator('[data-message-kind]').first()).toBeVisible();
  await expect(page.getByRole('status').first()).not.toHaveText(/Decoding/);
  return page.evaluate(() => ({
    kind: document.querySelector('[data-message-kind]')?.getAttribute('data-message-kind'),
    findings: [...document.querySelectorAll('.message-details [data-finding-code]')].map((e) => e.getAttribute('data-finding-code')).sort(),
    verdicts: [...document.querySelectorAll('[data-signature-verdict]')].map((e) => e.getAttribute('data-signature-verdict')),
    evaluatedAt: window.__samlscope?.report()?.evaluatedAt,
  }));
}

async function copyLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  const field = page.getByLabel('Share link');
  await expect(field).toHaveValue(/#share=s1\./);
  return field.inputValue();
}

/**
 * A HAR of a real exchange shape: an HTTP-POST AuthnRequest whose ID is the InResponseTo of the
 * OneLogin Response that follows it (the fixture login.har pairs two unrelated corpus messages).
 */
function pairedHar(): string {
  const har = JSON.parse(readFileSync(path.join(fixturesDir, 'login.har'), 'utf8'));
  const response = har.log.entries[1];
  const request =
    '<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ' +
    'ID="id-d40c15c104b52691eccf0a2a5c8a15595be75423" Version="2.0" IssueInstant="2016-01-05T17:53:00Z" ' +
    'Destination="https://app.onelogin.com/trust/saml2/http-post/sso/503983" AssertionConsumerServiceURL="https://29ee6d2e.ngrok.io/saml/acs" ' +
    'ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"><saml:Issuer>https://29ee6d2e.ngrok.io/saml/metadata</saml:Issuer></samlp:AuthnRequest>';
  const body = `SAMLRequest=${encodeURIComponent(Buffer.from(request).toString('base64'))}`;
  const requestEntry = {
    ...response,
    startedDateTime: '2016-01-05T17:53:00.000Z',
    request: { ...response.request, url: 'https://app.onelogin.com/trust/saml2/http-post/sso/503983', bodySize: body.length, postData: { mimeType: 'application/x-www-form-urlencoded', text: body } },
  };
  har.log.entries = [requestEntry, response];
  return JSON.stringify(har);
}

function stateOfLink(link: string): ShareState {
  const decoded = decodeShareFragment(shareFragmentOf(link) ?? '');
  if (!decoded.ok) throw new Error(`link does not decode: ${decoded.error.code} ${decoded.error.message}`);
  return decoded.value;
}

test.describe('share links', () => {
  for (const s of SAMPLES) {
    test(`round trip: ${s.file}`, async ({ page, context }) => {
      await openAt(page, s.at);
      if (s.trust) await page.getByLabel('Trusted metadata or certificate').fill(corpus(s.trust));
      await setMessage(page, corpus(s.file), s.file);
      const before = await shown(page);
      const link = await copyLink(page);
      // The state is in the fragment only: the query string carries no payload.
      expect(new URL(link).search).toBe('');
      const state = stateOfLink(link);
      expect(state.input).toBe(corpus(s.file));
      expect(state.at).toBe(before.evaluatedAt);
      expect(state.source).toBe(s.file);

      const other = await context.newPage();
      await other.goto(link);
      const after = await shown(other);
      expect(after).toEqual(before);
      await expect(other.getByText('Evaluated at the instant recorded in the link')).toBeVisible();
      await expect(other.locator('.share-opened')).toContainText(state.at);
    });
  }

  test('a link opened later evaluates at the recorded instant, not now', async ({ page, context }) => {
    // Evaluated "now" (no ?at=): the OneLogin Response of 2016 is expired.
    await openAt(page);
    await setMessage(page, corpus('crewjam__onelogin_response.xml'));
    const before = await shown(page);
    expect(before.findings).toContain('expired');
    const link = await copyLink(page);
    const other = await context.newPage();
    await other.goto(link);
    const after = await shown(other);
    expect(after.evaluatedAt).toBe(before.evaluatedAt);
    expect(after.findings).toEqual(before.findings);
    await expect(other).toHaveURL(new RegExp(`at=${encodeURIComponent(before.evaluatedAt!)}`));
  });

  test('a HAR keeps the selected message and pairs requests with responses', async ({ page, context }) => {
    await openAt(page, '2016-01-05T17:53:12Z');
    await setMessage(page, pairedHar(), 'login.har');
    const list = page.locator('.message-list');
    await expect(list.locator('tbody tr')).toHaveCount(2);
    // AuthnRequest (1) ↔ Response (2), by ID ↔ InResponseTo.
    await expect(list.locator('tbody tr').nth(0)).toHaveAttribute('data-paired-with', '1');
    await expect(list.locator('tbody tr').nth(1)).toHaveAttribute('data-paired-with', '0');
    await list.getByRole('button', { name: /Go to paired Response \(message 2\)/ }).click();
    await expect(page.locator('[data-message-kind="Response"]')).toBeVisible();
    await expect(page.locator('.capture-pair')).toContainText('answers AuthnRequest (message 1)');
    await expect(list.locator('tbody tr').nth(0)).toHaveClass(/paired/);
    const before = await shown(page);
    const link = await copyLink(page);
    expect(stateOfLink(link).selected).toBe(1);
    const other = await context.newPage();
    await other.goto(link);
    await expect(other.locator('[data-message-kind="Response"]')).toBeVisible();
    expect(await shown(other)).toEqual(before);
  });

  test('a malformed link shows a typed error', async ({ page }) => {
    await page.goto('/#share=s1.AAAA%%%not-base64');
    await expect(page.locator('[data-share-error]')).toHaveAttribute('data-share-error', 'share-bad-base64url');
    await expect(page.getByRole('alert').filter({ hasText: 'This share link could not be opened' })).toBeVisible();
    await page.goto('/#share=s2.abc');
    await page.reload();
    await expect(page.locator('[data-share-error]')).toHaveAttribute('data-share-error', 'share-unsupported-version');
  });

  test('link length and advice are shown; a long link offers the file export', async ({ page }) => {
    await openAt(page, '2016-01-05T17:53:12Z');
    await page.getByLabel('Trusted metadata or certificate').fill(corpus('crewjam__onelogin_idp_metadata.xml'));
    await setMessage(page, corpus('crewjam__onelogin_response.xml'));
    await shown(page);
    const link = await copyLink(page);
    const box = page.locator('.share-link');
    await expect(box).toHaveAttribute('data-link-length', String(link.length));
    await expect(box).toContainText(`${link.length.toLocaleString('en-US')} characters`);
    await expect(box).toHaveAttribute('data-link-level', 'long');
    await expect(box.getByRole('button', { name: 'Download share file instead' })).toBeVisible();
  });
});

test.describe('redaction', () => {
  test('a redacted link carries no masked value and shows the sharer’s verdicts as claims', async ({ page, context }) => {
    await openAt(page, '2016-01-05T17:53:12Z');
    await page.getByLabel('Trusted metadata or certificate').fill(corpus('crewjam__onelogin_idp_metadata.xml'));
    await setMessage(page, corpus('crewjam__onelogin_response.xml'));
    const before = await shown(page);
    expect(before.verdicts).toContain('valid');
    // The shown message in full (the page holds the other messages as overviews).
    const m = await page.evaluate(() => window.__samlscope!.message()!);
    const secrets = new Set<string>();
    for (const a of m.assertions) {
      if (a.nameId) secrets.add(a.nameId.value);
      for (const vs of Object.values(a.attributes)) for (const v of vs) secrets.add(v);
    }
    for (const c of m.certificates) secrets.add(c.der);
    const xml = m.payload.xml;
    for (const mt of xml.matchAll(/<(?:ds:)?(?:SignatureValue|DigestValue)[^>]*>([^<]+)</g)) secrets.add(mt[1]!.replace(/\s+/g, ''));
    for (const mt of xml.matchAll(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g)) secrets.add(mt[0]);
    const masked = [...secrets].filter((v) => v.length >= 4 && v !== 'true' && v !== 'false');
    expect(masked.length).toBeGreaterThan(5);

    for (const label of ['NameID', 'Attribute values', 'E-mail addresses anywhere', 'Certificates', 'Signature and digest values']) {
      await page.getByRole('checkbox', { name: label }).check();
    }
    const link = await copyLink(page);
    await expect(page.locator('.share-link')).toContainText('Redacted share link');
    const state = stateOfLink(link);
    expect(state.redacted?.fields.sort()).toEqual(['attributes', 'certificates', 'emails', 'nameid', 'signatures']);
    const everything = JSON.stringify(state);
    for (const v of masked) {
      expect(everything, `masked value ${v.slice(0, 40)} must not be in the link`).not.toContain(v);
      // base64 values are compared without line breaks, as the state may re-wrap them
      expect(everything.replace(/\\n|\s/g, '')).not.toContain(v.replace(/\s+/g, ''));
    }

    const other = await context.newPage();
    await other.goto(link);
    await expect(other.locator('[data-message-kind="Response"]')).toBeVisible();
    // CONTRACT §2: the sharer's verdicts are claims, never data-signature-verdict or data-finding-code.
    const panel = other.locator('.sharer-claims');
    await expect(panel).toBeVisible();
    await expect(panel).toContainText('What the sharer claims (not verified)');
    await expect(panel).toContainText('cannot be re-checked');
    const claimed = await panel.locator('[data-claimed-verdict]').evaluateAll((els) => els.map((e) => e.getAttribute('data-claimed-verdict')));
    expect(claimed).toEqual(before.verdicts);
    await expect(panel.locator('[data-signature-verdict], [data-finding-code], [data-verdict]')).toHaveCount(0);
    await expect(other.locator('[data-claimed-trusted]')).toHaveAttribute('data-claimed-trusted', 'true');
    const claimedCodes = await panel.locator('[data-claimed-finding-code]').evaluateAll((els) => els.map((e) => e.getAttribute('data-claimed-finding-code')).sort());
    expect(claimedCodes).toEqual(before.findings);
    // The recipient's own inspection of the masked copy is shown too; what masking explains is said so, not shouted.
    await expect(other.locator('section.signatures [data-signature-verdict]').first()).toBeVisible();
    await expect(other.locator('.claim-masked-differences')).toBeVisible();
    await expect(other.locator('.claim-disagreements')).toHaveCount(0);
  });
});

test.describe('exports', () => {
  test('Markdown of a failing Response names each finding, its explanation and fix', async ({ page }) => {
    await openAt(page, '2016-01-05T17:53:12Z');
    await page.getByLabel('Trusted metadata or certificate').fill(corpus('crewjam__onelogin_idp_metadata.xml'));
    await setMessage(page, corpus('crewjam__xsw_permutation_one.xml'), 'xsw1.xml');
    await shown(page);
    const report = await page.evaluate(() => window.__samlscope!.report()!);
    const findings = report.messages[0]!.findings;
    expect(findings.some((f) => f.severity === 'error')).toBe(true);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export Markdown' }).click();
    const d = await download;
    expect(d.suggestedFilename()).toBe('xsw1.md');
    const md = readFileSync((await d.path())!, 'utf8');
    const plain = md.replace(/\\(.)/g, '$1');
    for (const f of findings) {
      expect(md).toContain(f.code);
      expect(plain).toContain(f.explanation);
      if (f.fix) expect(plain).toContain(f.fix);
    }
  });

  test('report JSON follows CONTRACT §2, decoded XML is exact', async ({ page }) => {
    await openAt(page, '2016-01-05T17:53:12Z');
    await setMessage(page, corpus('crewjam__onelogin_response.b64'), 'onelogin.b64');
    await shown(page);
    const report = await page.evaluate(() => window.__samlscope!.report()!);
    let download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export report (JSON)' }).click();
    const jsonFile = await download;
    // The buttons come from the export registry (core/exports): its name, suffix and wording.
    expect(jsonFile.suggestedFilename()).toBe('onelogin.report.json');
    await expect(page.locator('.share-status')).toHaveText('Report (JSON) downloaded.');
    await expect(page.locator('[data-export-format="markdown"]').getByRole('button')).toHaveText(['Export Markdown', 'Copy Markdown']);
    const json = JSON.parse(readFileSync((await jsonFile.path())!, 'utf8'));
    expect(json.tool.name).toBe('samlscope');
    expect(json.reports).toHaveLength(1);
    expect(json.reports[0].detected).toBe(report.detected);
    expect(json.reports[0].messages[0].kind).toBe('Response');
    expect(json.reports[0].messages[0].findings.map((f: { code: string }) => f.code)).toEqual(report.messages[0]!.findings.map((f) => f.code));

    download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download decoded XML' }).click();
    const d = await download;
    expect(d.suggestedFilename()).toBe('onelogin-message-1.xml');
    expect(readFileSync((await d.path())!, 'utf8')).toBe(await page.evaluate(() => window.__samlscope!.message()!.payload.xml));
  });

  test('a share file downloads and opens back by drop', async ({ page, context }) => {
    await openAt(page, '2016-01-05T17:53:12Z');
    await page.getByLabel('Trusted metadata or certificate').fill(corpus('crewjam__onelogin_idp_metadata.xml'));
    await setMessage(page, corpus('crewjam__xsw_permutation_one.xml'), 'xsw1.xml');
    const before = await shown(page);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download share file' }).click();
    const d = await download;
    expect(d.suggestedFilename()).toBe('xsw1.samlscope.json');
    const text = readFileSync((await d.path())!, 'utf8');
    const other = await context.newPage();
    await other.goto('/');
    await other.waitForFunction(() => typeof window.__samlscope?.setInput === 'function');
    await dropFile(other, '.input-panel', 'xsw1.samlscope.json', text);
    expect(await shown(other)).toEqual(before);
    await expect(other.locator('.share-opened')).toContainText('Opened from a share file');
    // A broken share file is a typed error, not a crash.
    await dropFile(other, '.input-panel', 'broken.samlscope.json', '{"v": 1, "input": "x", "trust": 5}');
    await expect(other.locator('[data-share-error]')).toHaveAttribute('data-share-error', 'share-bad-shape');
  });
});

test.describe('local history', () => {
  test('is off by default, records when turned on, clears', async ({ page }) => {
    // Every indexedDB.open the page makes, by database name: the history's only way to write.
    await page.addInitScript(() => {
      const opens: string[] = ((window as unknown as { __idbOpens: string[] }).__idbOpens = []);
      const open = IDBFactory.prototype.open;
      IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
        opens.push(name);
        return open.call(this, name, version);
      } as typeof open;
    });
    // A controllable clock (it runs at normal speed until told otherwise).
    await page.clock.install();
    const historyOpens = () => page.evaluate(() => (window as unknown as { __idbOpens: string[] }).__idbOpens.filter((n) => n === 'samlscope-history').length);
    await openAt(page, '2016-01-05T17:53:12Z');
    const panel = page.locator('.history-panel');
    await expect(panel).toHaveAttribute('data-history-enabled', 'false');
    await setMessage(page, corpus('crewjam__onelogin_response.xml'), 'first.xml');
    await shown(page);
    // The event that would write: the panel records a settled inspection on a 1.5 s timer. Fire
    // every timer due in the next 5 s now, instead of sleeping and hoping it has run.
    await page.clock.runFor(5000);
    // Off: the history database was never opened, so nothing was written to IndexedDB.
    expect(await historyOpens()).toBe(0);
    const dbs = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(dbs).not.toContain('samlscope-history');

    await panel.locator('summary').click();
    await panel.getByRole('checkbox', { name: /Keep a history/ }).check();
    await page.clock.runFor(5000);
    await expect(panel.locator('.history-list li')).toHaveCount(1, { timeout: 10_000 });
    // The probe sees the database when the history writes (so its 0 above means something).
    expect(await historyOpens()).toBeGreaterThan(0);
    await expect(panel.locator('.history-list')).toContainText('first.xml');
    await setMessage(page, corpus('crewjam__signed_authnrequest_redirect_query.txt'), 'second.txt');
    await expect(panel.locator('.history-list li')).toHaveCount(2, { timeout: 10_000 });
    // Survives a reload; opening an entry restores it.
    await page.reload();
    await page.locator('.history-panel summary').click();
    await expect(page.locator('.history-list li')).toHaveCount(2);
    await page.locator('.history-list').getByRole('button', { name: /^first\.xml/ }).click();
    await expect(page.locator('[data-message-kind="Response"]')).toBeVisible();
    await expect(page.locator('.share-opened')).toContainText('Opened from your local history');
    await page.getByRole('button', { name: 'Clear history' }).click();
    await expect(page.locator('.history-list li')).toHaveCount(0);
    await page.getByRole('checkbox', { name: /Keep a history/ }).uncheck();
    await expect(page.locator('.history-panel')).toHaveAttribute('data-history-enabled', 'false');
  });
});

// Issue 10 point 5: the recipient re-verifies whatever a link carries unmasked.
test.describe('links that lie', () => {
  const AT = '2016-01-05T17:53:12Z';

  /** A hand-made link: an unredacted XSW Response, "redacted" with no field, claiming trusted and valid with no findings. */
  function lyingLink(baseURL: string, trust: string[]): string {
    const input = corpus('crewjam__xsw_permutation_one.xml');
    const state: ShareState = {
      ...createShareState({ input, trust, options: { at: new Date(AT) }, source: 'trust-me.xml' }),
      redacted: {
        fields: [],
        maskedCount: 0,
        reportedVerdicts: [{ trusted: true, signatures: [{ target: 'Response', targetId: null, verdict: 'valid', reason: 'Verified with the IdP metadata.' }], findings: [] }],
      },
    };
    return shareUrl(`${baseURL}/`, state);
  }

  test('an unredacted XSW message claimed valid shows samlscope’s own signature-wrapping, the claim as a claim, and the disagreement', async ({ page, baseURL }) => {
    await page.goto(lyingLink(baseURL!, []));
    await expect(page.locator('[data-message-kind="Response"]')).toBeVisible();
    await expect(page.getByRole('status').first()).not.toHaveText(/Decoding/);
    // samlscope's own finding, in view (not behind a collapsed section).
    const wrapping = page.locator('.message-details [data-finding-code="signature-wrapping"]').first();
    await expect(wrapping).toBeVisible();
    await wrapping.scrollIntoViewIfNeeded();
    await expect(wrapping).toBeInViewport();
    await expect(page.locator('details:not([open]) [data-finding-code="signature-wrapping"]')).toHaveCount(0);
    // No valid verdict anywhere: the recipient computes "untrusted" (no trust in the link).
    await expect(page.locator('[data-signature-verdict]').first()).toBeVisible();
    await expect(page.locator('[data-signature-verdict="valid"]')).toHaveCount(0);
    await expect(page.locator('[data-trusted="true"]')).toHaveCount(0);
    // The one data-verdict (CONTRACT §4) is the recipient's standing, never the claimed one.
    await expect(page.locator('[data-verdict]')).toHaveCount(1);
    await expect(page.locator('[data-verdict]')).not.toHaveAttribute('data-verdict', 'trusted');
    // The claim is shown as a claim: its own attributes, no verdict hooks, no trusted/valid colours.
    const claims = page.locator('.sharer-claims');
    await expect(claims.locator('[data-claimed-verdict="valid"]')).toContainText('claimed: valid');
    await expect(claims.locator('[data-signature-verdict], [data-finding-code], [data-verdict]')).toHaveCount(0);
    await expect(claims.locator('.trusted, .is-trusted, .verdict-valid')).toHaveCount(0);
    // The disagreement is shouted, naming each point.
    const alert = page.locator('.claim-disagreements');
    await expect(alert).toHaveAttribute('role', 'alert');
    await expect(alert).toContainText('The link’s claims are contradicted');
    await expect(alert.locator('[data-disagreement="trusted"]')).toContainText('claims the message is trusted');
    await expect(alert.locator('[data-disagreement="signature"]')).toContainText('claims "valid"');
    await expect(alert.locator('[data-disagreement-code="signature-wrapping"]')).toBeVisible();
    // The alert comes before the page's own findings, which come before the claims.
    const order = await page.evaluate(() => ['.claim-disagreements', '.message-details [data-finding-code="signature-wrapping"]', '.sharer-claims'].map((s) => document.querySelector(s)!.getBoundingClientRect().top));
    expect(order[0]).toBeLessThan(order[1]!);
    expect(order[1]).toBeLessThan(order[2]!);
  });

  test('with the IdP metadata in the link, only the recipient’s signature panel carries verdicts and the message is not trusted', async ({ page, baseURL }) => {
    await page.goto(lyingLink(baseURL!, [corpus('crewjam__onelogin_idp_metadata.xml')]));
    await expect(page.locator('.message-details [data-finding-code="signature-wrapping"]').first()).toBeVisible();
    const all = await page.locator('[data-signature-verdict]').count();
    await expect(page.locator('section.signatures [data-signature-verdict]')).toHaveCount(all);
    await expect(page.locator('[data-trusted="false"]')).toBeVisible();
    await expect(page.locator('.claim-disagreements [data-disagreement="trusted"]')).toBeVisible();
  });

  test('a redacted link opens without any input error: masked certificates are reported as masked', async ({ page, context }) => {
    await openAt(page, AT);
    await page.getByLabel('Trusted metadata or certificate').fill(corpus('crewjam__onelogin_idp_metadata.xml'));
    await setMessage(page, corpus('crewjam__onelogin_response.xml'));
    await shown(page);
    for (const label of ['NameID', 'Attribute values', 'E-mail addresses anywhere', 'Certificates', 'Signature and digest values']) {
      await page.getByRole('checkbox', { name: label }).check();
    }
    const link = await copyLink(page);
    const other = await context.newPage();
    await other.goto(link);
    await shown(other);
    await expect(other.locator('[data-masked-certificates]')).toContainText('masked by the sharer');
    await expect(other.locator('[data-finding-code^="input-"]')).toHaveCount(0);
    await expect(other.locator('.input-error')).toHaveCount(0);
    await expect(other.locator('[data-share-error]')).toHaveCount(0);
  });
});
