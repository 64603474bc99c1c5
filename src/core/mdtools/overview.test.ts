import { describe, expect, it } from 'vitest';
import type { EntitySummary, MetadataSummary } from '../types';
import { metadataOverview } from './overview';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CORPUS_DIR } from '../corpus/corpus.testutil';

// A real certificate (TestShib's IdP signing certificate, from the corpus).
const der = /<ds:X509Certificate>([^<]+)</.exec(readFileSync(resolve(CORPUS_DIR, 'python3saml__testshib-providers.xml'), 'utf8'))![1]!.replace(/\s+/g, '');

function entity(entityId: string, roles: [string, ('signing' | 'encryption' | null)[]][], validUntil: string | null = null): EntitySummary {
  return {
    entityId, validUntil, cacheDuration: null,
    roles: roles.map(([role, uses]) => ({ role, protocolSupportEnumeration: null, wantAuthnRequestsSigned: null, authnRequestsSigned: null, wantAssertionsSigned: null, singleSignOnServices: [], singleLogoutServices: [], assertionConsumerServices: [], nameIdFormats: [], keyDescriptors: uses.map((use) => ({ use, certificates: [der] })) })),
  };
}

describe('metadataOverview', () => {
  const meta: MetadataSummary = {
    validUntil: null,
    entities: [
      entity('https://idp.example.org', [['IDPSSODescriptor', ['signing', 'encryption']]]),
      entity('https://sp.example.org', [['SPSSODescriptor', ['encryption']]], '2000-01-01T00:00:00Z'),
      entity('https://both.example.org', [['IDPSSODescriptor', [null]], ['SPSSODescriptor', []]]),
    ],
  };
  it('counts entities, roles, key uses and distinct certificates', () => {
    const o = metadataOverview(meta, new Date('2020-01-01T00:00:00Z'));
    expect(o.entityCount).toBe(3);
    expect(o.roles).toEqual({ IDPSSODescriptor: 2, SPSSODescriptor: 2 });
    expect(o.keys).toMatchObject({ signing: 1, encryption: 2, unspecified: 1, certificates: 1, unreadable: 0 });
    // The SP only has an encryption key; a KeyDescriptor without use signs too (SAML metadata §2.4.1.1).
    expect(o.entitiesWithoutSigningKey).toBe(1);
    expect(o.entitiesExpired).toBe(1);
  });
  it('says which certificates have expired or expire soon, and the first to go', () => {
    const notAfter = metadataOverview(meta, new Date('2020-01-01T00:00:00Z')).keys.earliestNotAfter!.notAfter;
    const t = Date.parse(notAfter);
    expect(metadataOverview(meta, new Date(t + 1000)).keys).toMatchObject({ expired: 1, expiringWithin30Days: 0 });
    expect(metadataOverview(meta, new Date(t - 86_400_000)).keys).toMatchObject({ expired: 0, expiringWithin30Days: 1 });
    expect(metadataOverview(meta, new Date(t - 40 * 86_400_000)).keys).toMatchObject({ expired: 0, expiringWithin30Days: 0 });
    expect(metadataOverview(meta, new Date(t)).keys.earliestNotAfter!.entityId).toBe('https://idp.example.org');
  });
  it('counts a certificate it cannot read instead of guessing its validity', () => {
    const broken: MetadataSummary = { validUntil: null, entities: [{ ...entity('https://x.example.org', [['IDPSSODescriptor', ['signing']]]), roles: [{ ...entity('x', [['IDPSSODescriptor', ['signing']]]).roles[0]!, keyDescriptors: [{ use: 'signing', certificates: ['AAAA'] }] }] }] };
    expect(metadataOverview(broken, new Date()).keys).toMatchObject({ certificates: 1, unreadable: 1, expired: 0, earliestNotAfter: null });
  });
  it('counts a certificate once however its lines are broken, and reads its validity from any of them', () => {
    const lines = (width: number, eol: string) => `${eol}  ${der.match(new RegExp(`.{1,${width}}`, 'g'))!.join(`${eol}  `)}${eol}`;
    const written = [der, lines(64, '\n'), lines(76, '\r\n'), `\t${der}\t`];
    const same: MetadataSummary = {
      validUntil: null,
      entities: written.map((text, i) => ({ ...entity(`https://e${i}.example.org`, [['IDPSSODescriptor', ['signing']]]), roles: [{ ...entity('x', [['IDPSSODescriptor', ['signing']]]).roles[0]!, keyDescriptors: [{ use: 'signing' as const, certificates: [text] }] }] })),
    };
    const o = metadataOverview(same, new Date('2020-01-01T00:00:00Z'));
    expect(o.keys).toMatchObject({ signing: 4, certificates: 1, unreadable: 0 });
    expect(new Set(same.entities.map((e) => e.earliestKeyNotAfter)).size).toBe(1);
    expect(same.entities[0]!.earliestKeyNotAfter).toBe(o.keys.earliestNotAfter!.notAfter);
  });
  it('tells apart texts that share their length and middle', () => {
    // Same length, same 32 middle characters: one bucket, two certificates (one real, one not).
    const twin = `${'A'.repeat(8)}${der.slice(8)}`;
    const pair: MetadataSummary = { validUntil: null, entities: [der, twin].map((text, i) => ({ ...entity(`https://t${i}.example.org`, [['IDPSSODescriptor', ['signing']]]), roles: [{ ...entity('x', [['IDPSSODescriptor', ['signing']]]).roles[0]!, keyDescriptors: [{ use: 'signing' as const, certificates: [text] }] }] })) };
    expect(metadataOverview(pair, new Date('2020-01-01T00:00:00Z')).keys).toMatchObject({ certificates: 2, unreadable: 1 });
  });
  it('counts texts alike in length and middle one by one, however many (a crowded bucket)', () => {
    // 40 texts that differ only in their last characters: past the bucket's 8, the whole text is the key.
    const texts = Array.from({ length: 40 }, (_, i) => `${der.slice(0, -8)}${String(i).padStart(4, '0')}AAAA`);
    texts.push(texts[3]!, texts[30]!, ` ${texts[30]!}\n`);
    const crowd: MetadataSummary = { validUntil: null, entities: texts.map((text, i) => ({ ...entity(`https://c${i}.example.org`, [['IDPSSODescriptor', ['signing']]]), roles: [{ ...entity('x', [['IDPSSODescriptor', ['signing']]]).roles[0]!, keyDescriptors: [{ use: 'signing' as const, certificates: [text] }] }] })) };
    expect(metadataOverview(crowd, new Date('2020-01-01T00:00:00Z')).keys).toMatchObject({ signing: 43, certificates: 40 });
  });
});

