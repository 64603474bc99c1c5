import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffExitStatus, diffMetadata } from './diff';
import { aggregateXml, entityXml, makeCert } from './testing/fixtures.testutil';

const corpus = (f: string): string => readFileSync(join(__dirname, '../../../test/corpus', f), 'utf8');

describe('metadata diff', () => {
  it('finds nothing between a document and itself (exit 0)', async () => {
    const xml = corpus('crewjam__okta_idp_metadata.xml');
    const r = await diffMetadata(xml, xml);
    expect(r.entities).toEqual([]);
    expect(r.summary.unchanged).toBe(1);
    expect(diffExitStatus(r)).toBe(0);
  });
  it('lists keys added and removed (a rollover), with the impact of the removal', async () => {
    const a = entityXml({ signing: makeCert({ cn: 'old' }) });
    const b = entityXml({ signing: makeCert({ cn: 'new' }) });
    const r = await diffMetadata(a, b);
    expect(diffExitStatus(r)).toBe(1);
    const changes = r.entities[0]!.changes;
    expect(changes.filter((c) => c.subject === 'key').map((c) => c.kind).sort()).toEqual(['added', 'removed']);
    expect(changes.find((c) => c.kind === 'removed')!.impact).toMatch(/signature checks fail/);
    expect(changes.find((c) => c.kind === 'removed')!.before).toContain('CN=old');
  });
  it('lists endpoints changed, NameID formats and flags', async () => {
    const a = entityXml({ sp: true, nameIdFormats: ['urn:oasis:names:tc:SAML:2.0:nameid-format:persistent'] });
    const b = entityXml({ sp: true, acsLocation: 'https://sp.example.org/new-acs', nameIdFormats: ['urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress'], wantAssertionsSigned: true });
    const r = await diffMetadata(a, b);
    const c = r.entities[0]!.changes;
    expect(c.find((x) => x.subject === 'endpoint')).toMatchObject({ kind: 'changed', before: 'https://sp.example.org/acs', after: 'https://sp.example.org/new-acs' });
    expect(c.filter((x) => x.subject === 'nameid-format').map((x) => x.kind).sort()).toEqual(['added', 'removed']);
    expect(c.find((x) => x.subject === 'flag' && x.item === 'WantAssertionsSigned')).toMatchObject({ kind: 'changed', after: 'true' });
  });
  it('lists entities added and removed between two days of an aggregate, and entity attributes', async () => {
    const ea = (v: string): string => `<mdattr:EntityAttributes><saml:Attribute Name="http://macedir.org/entity-category"><saml:AttributeValue>${v}</saml:AttributeValue></saml:Attribute></mdattr:EntityAttributes>`;
    const a = aggregateXml([entityXml({ entityID: 'https://a.example.org', entityExtensions: ea('http://refeds.org/category/research-and-scholarship') }, false), entityXml({ entityID: 'https://b.example.org' }, false)]);
    const b = aggregateXml([entityXml({ entityID: 'https://a.example.org', entityExtensions: ea('http://refeds.org/category/hide-from-discovery') }, false), entityXml({ entityID: 'https://c.example.org' }, false)]);
    const r = await diffMetadata(a, b);
    expect(r.summary).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 0 });
    expect(r.entities.find((e) => e.entityID === 'https://a.example.org')!.changes[0]).toMatchObject({ subject: 'attribute', kind: 'changed' });
  });
  it('says which side could not be read (exit 2)', async () => {
    const r = await diffMetadata('<x/>', entityXml({}));
    expect(r.errors.map((e) => e.side)).toEqual(['old']);
    expect(diffExitStatus(r)).toBe(2);
  });
  it('compares the real python3-saml IdP metadata with two certificates to the one-certificate settings', async () => {
    const r = await diffMetadata(corpus('python3saml__signed_metadata_settings1.xml'), corpus('python3saml__idp_metadata_multi_certs.xml'));
    expect(r.summary.added + r.summary.removed + r.summary.changed).toBeGreaterThan(0);
  });
});
