// Each worker request kind run in Node, and its reply put through structured clone (what
// postMessage does): a report holding a function, a DOM node or a class instance would throw
// (DataCloneError) or lose its prototype, which toStrictEqual catches.
import { describe, expect, it } from 'vitest';
import { corpusManifest, readCorpus, trustOf } from '../../core/corpus/corpus.testutil';
import { CLIENT_ID, ISSUER, NOW, claims, generateKeyPair, signCompact } from '../../core/oidc/oidc.testutil';
import { createShareState, encodeShareFragment, inspectOptionsOf, redactShareState } from '../../core/share';
import { inspectInput } from '../../core/inspect';
import { WORKER_HANDLERS } from './handlers';

const clone = <T>(v: T): T => structuredClone(v);

describe('worker handlers', () => {
  it('inspect: every corpus entry’s report survives structured clone unchanged', async () => {
    const entries = corpusManifest();
    expect(entries.length).toBeGreaterThan(100);
    for (const e of entries) {
      const run = await WORKER_HANDLERS.inspect({ input: readCorpus(e.file), source: e.file, options: { trust: trustOf(e), at: e.at_time ? new Date(e.at_time) : new Date(0) } });
      expect(clone(run), e.file).toStrictEqual(run);
      expect(run.maskedTrustCertificates).toBe(0);
    }
  });

  it('warm-up: inspects and keeps nothing, so the kept run stays the page’s', async () => {
    const entry = corpusManifest()[0]!;
    const run = await WORKER_HANDLERS.inspect({ input: readCorpus(entry.file), source: entry.file, options: { trust: trustOf(entry), at: new Date(0) } });
    expect(await WORKER_HANDLERS['warm-up']({ input: readCorpus(entry.file), source: 'warm-up', options: { trust: trustOf(entry), at: new Date(0) } })).toBeNull();
    expect(await WORKER_HANDLERS['message-detail']({ runId: run.runId, index: 0 })).not.toBeNull();
  });

  it('entity-detail: an aggregate’s entity of the kept run in full; null once a newer run replaced it', async () => {
    const entity = (n: number) => `<md:EntityDescriptor entityID="https://idp${n}.example.edu/"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp${n}.example.edu/sso"/></md:IDPSSODescriptor></md:EntityDescriptor>`;
    const input = `<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">${[0, 1, 2].map(entity).join('')}</md:EntitiesDescriptor>`;
    const run = await WORKER_HANDLERS.inspect({ input, source: 'test', options: { at: new Date(0) } });
    const message = run.selected!.message;
    expect(message.metadata?.entities).toEqual([]);
    const detail = await WORKER_HANDLERS['entity-detail']({ runId: run.runId, message: 0, entity: 2 });
    expect(detail?.entityId).toBe('https://idp2.example.edu/');
    expect(detail?.roles[0]?.singleSignOnServices[0]?.location).toBe('https://idp2.example.edu/sso');
    expect(clone(detail)).toStrictEqual(detail);
    expect(await WORKER_HANDLERS['entity-detail']({ runId: run.runId, message: 0, entity: 3 })).toBeNull();
    await WORKER_HANDLERS.inspect({ input, source: 'again', options: { at: new Date(0) } });
    expect(await WORKER_HANDLERS['entity-detail']({ runId: run.runId, message: 0, entity: 2 })).toBeNull();
  });

  it('oidc: a signed token’s report survives structured clone unchanged', async () => {
    const key = await generateKeyPair('RS256');
    const token = await signCompact('RS256', key.privateKey, claims(), { kid: key.publicJwk.kid });
    const report = await WORKER_HANDLERS.oidc({ input: token, options: { settings: { clientId: CLIENT_ID, issuerUrl: ISSUER }, keysText: JSON.stringify({ keys: [key.publicJwk] }), at: NOW } });
    expect(report.signature?.verdict).toBe('valid');
    expect(clone(report)).toStrictEqual(report);
  });

  it('open-share decodes a fragment; share-artifacts redacts; both clone', async () => {
    const input = readCorpus('crewjam__onelogin_response.xml');
    const trust = [readCorpus('crewjam__onelogin_idp_metadata.xml')];
    const at = new Date('2016-01-05T17:53:12Z');
    const state = createShareState({ input, trust, options: { trust, at } });
    const opened = await WORKER_HANDLERS['open-share']({ fragment: encodeShareFragment(state) });
    expect(opened).toEqual({ ok: true, value: state });
    expect(await WORKER_HANDLERS['open-share-file']({ text: JSON.stringify(state) })).toEqual({ ok: true, value: state });
    expect(await WORKER_HANDLERS['open-share-file']({ text: '{"log": {"entries": []}}' })).toBeNull();
    const report = await inspectInput(input, 'x', { trust, at });
    const ctx = { input, source: 'x', trust, options: {}, selected: 0, evaluatedAt: report.evaluatedAt, messages: [{ kind: report.messages[0]!.kind, issuer: report.messages[0]!.issuer }] };
    // Unredacted, the exports describe the page's own inspection: computed again at the same instant.
    const plain = await WORKER_HANDLERS['share-artifacts']({ ctx, fields: [] });
    expect(plain.ok && plain.value.report).toStrictEqual(report);
    const artifacts = await WORKER_HANDLERS['share-artifacts']({ ctx, fields: ['nameid'] });
    expect(artifacts.ok).toBe(true);
    expect(clone(artifacts)).toStrictEqual(artifacts);
    // The redacted copy's report (behind the exports) treats masked trust certificates as masks.
    const masked = await WORKER_HANDLERS['share-artifacts']({ ctx, fields: ['certificates'] });
    expect(masked.ok && masked.value.report.trustErrors).toEqual([]);
  });

  it('inspect: masked trust certificates are left out and their errors are informational (was input-bad-base64 "Not an X.509 certificate")', async () => {
    const input = readCorpus('crewjam__onelogin_response.xml');
    const trust = [readCorpus('crewjam__onelogin_idp_metadata.xml'), readCorpus('gosaml2__adfs_idp_signing_cert.pem')];
    const at = new Date('2016-01-05T17:53:12Z');
    const report = await inspectInput(input, 'x', { trust, at });
    const redacted = await redactShareState(createShareState({ input, trust, options: { trust, at } }), ['certificates'], report);
    if (!redacted.ok) throw new Error(redacted.error.message);
    const options = inspectOptionsOf(redacted.value.state);
    const before = await inspectInput(redacted.value.state.input, 'r', options);
    expect(before.trustErrors.map((e) => e.code)).toContain('input-bad-base64');
    const run = await WORKER_HANDLERS.inspect({ input: redacted.value.state.input, source: 'r', options });
    expect(run.report.trustErrors).toEqual([]);
    expect(run.report.errors).toEqual([]);
    expect(run.maskedTrustCertificates).toBeGreaterThanOrEqual(2);
    expect(run.maskedTrustErrors.length).toBeGreaterThan(0);
    // The metadata's expectations still apply: only its masked certificates were left out.
    expect(run.report.messages[0]!.kind).toBe('Response');
  });
});
