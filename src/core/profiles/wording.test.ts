// Issue 14 item 3, over real messages: every finding the page shows speaks the product of the
// active profile, with no CLI flag, no source file name and no contract section; the generic
// profile names no product; the CLI keeps its own hints; the JSON `fix` stays one string.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { corpusManifest, readCorpus, trustOf } from '../corpus/corpus.testutil';
import { fixText } from '../findings/fix';
import { inspectInput } from '../inspect';
import { toContractReport } from '../report';
import type { Finding } from '../types';
import { PROFILE_NAMES, type ProfileName } from './registry';
import { wordFinding } from './wording';

const CLI_ONLY = /--(at|metadata|cert|sp-key|profile|skew|sp-entity-id|acs-url|idp-entity-id|request-id|json|keys|client-id)\b/;
const FILE_OR_CONTRACT = /\d{3}_[0-9a-f]{16}\.txt|seed \d{3}_|CONTRACT §/;
const pageText = (f: Finding) => `${f.title}\n${f.explanation}\n${fixText(f, 'page')}\n${(f.references ?? []).join('\n')}`;

const entries = corpusManifest().filter((e) => ['response', 'authnrequest', 'logoutrequest', 'logoutresponse', 'metadata', 'redirect-url', 'post-body'].includes(e.kind));
const SCALEWAY_ISSUER = readFileSync(resolve(__dirname, '../../../e2e/fixtures/diagnosis/issuer-is-sp-entity-id.xml'), 'utf8');

async function findings(input: string, profile?: ProfileName, o: { trust?: string[]; at?: Date } = {}): Promise<Finding[]> {
  const report = await inspectInput(input, 'x.xml', { ...o, ...(profile ? { profile } : {}) });
  return report.messages.flatMap((m) => m.findings);
}

describe('fix texts on the page', () => {
  test('no CLI flag, file name or contract section in any finding of the corpus, in any profile, at any time', async () => {
    let seen = 0;
    for (const e of entries) {
      for (const profile of PROFILE_NAMES) {
        // Evaluated years later too, so the time findings (whose fix used to say "--at") appear.
        for (const at of [e.at_time ? new Date(e.at_time) : undefined, new Date('2040-01-01T00:00:00Z')]) {
          for (const f of await findings(readCorpus(e.file), profile, { trust: trustOf(e), ...(at ? { at } : {}) })) {
            seen++;
            expect(pageText(f), `${e.file} ${profile} ${f.code}`).not.toMatch(CLI_ONLY);
            expect(pageText(f), `${e.file} ${profile} ${f.code}`).not.toMatch(FILE_OR_CONTRACT);
          }
        }
      }
    }
    expect(seen).toBeGreaterThan(500);
  }, 120_000);

  test('under the generic profile, third-party messages get no product advice', async () => {
    for (const e of entries) {
      for (const at of [e.at_time ? new Date(e.at_time) : undefined, new Date('2040-01-01T00:00:00Z')]) {
        for (const f of await findings(readCorpus(e.file), 'generic', { trust: trustOf(e), ...(at ? { at } : {}) })) {
          expect(`${f.explanation}\n${fixText(f, 'page')}`, `${e.file} ${f.code}`).not.toMatch(/authentik|Scaleway|Terraform|sign_response|signing_kp/i);
        }
      }
    }
  }, 120_000);

  test('the SHA-1 warning of the OneLogin response is worded for the IdP in general, and for authentik only under an authentik profile', async () => {
    const onelogin = readCorpus('crewjam__onelogin_response.xml');
    const generic = (await findings(onelogin)).find((f) => f.code === 'weak-algorithm');
    expect(generic?.fix).toBe("Switch the IdP's signing algorithm to RSA-SHA256 and its digest algorithm to SHA-256 for this SP.");
    const ak = (await findings(onelogin, 'authentik-provider')).find((f) => f.code === 'weak-algorithm');
    expect(ak?.fix).toContain('"Signature algorithm"');
    const scw = (await findings(onelogin, 'scaleway')).find((f) => f.code === 'weak-algorithm');
    expect(scw?.fix).toContain('`signature_algorithm`');
  });

  test('the Scaleway Issuer fix quotes the Issuer the message actually has, not an example URL', async () => {
    const f = (await findings(SCALEWAY_ISSUER, undefined, { at: new Date('2026-03-01T10:01:00Z') })).find((x) => x.code === 'issuer-is-sp-entity-id')!;
    expect(f.fix).toContain('"https://iam.scaleway.com/saml/8f1c2d3e-aaaa-bbbb-cccc-123456789abc"');
    expect(f.fix).toContain('issuer = var.authentik_url');
    expect(f.fix).toContain('"Entity ID"');
    expect(f.fix).not.toContain('authentik.example.com');
    // With the IdP entity ID known, the fix names it as the value to set.
    const known = (await findings(SCALEWAY_ISSUER, undefined, { at: new Date('2026-03-01T10:01:00Z') }).then(() => inspectInput(SCALEWAY_ISSUER, 'x.xml', { at: new Date('2026-03-01T10:01:00Z'), idpEntityId: 'https://authentik.apps.example.com/' })))
      .messages[0].findings.find((x) => x.code === 'issuer-is-sp-entity-id')!;
    expect(known.fix).toContain('the authentik URL "https://authentik.apps.example.com/"');
  });
});

describe('the CLI keeps its own hints', () => {
  test('an expired message: the page names its field, the CLI its flag; the JSON fix is one string per surface', async () => {
    const report = await inspectInput(SCALEWAY_ISSUER, 'x.xml', { at: new Date('2026-03-02T00:00:00Z') });
    const f = report.messages[0].findings.find((x) => x.code === 'expired')!;
    expect(fixText(f, 'page')).toContain('"Evaluation time (UTC)"');
    expect(fixText(f, 'page')).not.toContain('--at');
    expect(fixText(f, 'cli')).toContain('(--at)');
    const cli = toContractReport(report, 'cli').messages[0].findings.find((x) => x.code === 'expired')!;
    const page = toContractReport(report, 'page').messages[0].findings.find((x) => x.code === 'expired')!;
    expect(typeof cli.fix).toBe('string');
    expect(cli.fix).toContain('--at');
    expect(page.fix).not.toContain('--at');
    expect(Object.keys(cli)).not.toContain('fixParts');
  });
});

describe('wordFinding', () => {
  const base = { code: 'issuer-mismatch', severity: 'error' as const, title: 't', explanation: 'e', fix: 'neutral', references: [] };
  test('code/variant first, then code, else the neutral words', () => {
    expect(wordFinding('scaleway', { ...base, fixParts: { variant: 'response', values: { expected: 'https://ak/' } } }).fix).toContain('"https://ak/"');
    expect(wordFinding('generic', { ...base, fixParts: { variant: 'response' } }).fix).toBe('neutral');
    expect(wordFinding('scaleway', { ...base, fixParts: { variant: 'no-such-variant' } }).fix).toBe('neutral');
  });
  test('a note is appended to the explanation, an explanation replaces it', () => {
    const t = wordFinding('scaleway', { ...base, code: 'nameid-transient', fixParts: {} });
    expect(t.explanation).toBe('e Scaleway matches the NameID against usernames and will not find the user.');
    const u = wordFinding('authentik-source', { ...base, code: 'unsolicited-response' });
    expect(u.explanation).toContain('Allow IdP-initiated logins');
    expect(u.title).toBe('IdP-initiated response: authentik source refuses it by default');
  });
});
