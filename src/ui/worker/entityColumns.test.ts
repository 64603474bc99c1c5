import { describe, expect, it } from 'vitest';
import type { EntitySummary } from '../../core/types';
import { entityColumnsOf, entryOf, matchingEntities, pack, roleNamesOf, rolesAt, shortRoles } from './entityColumns';

const role = (name: string) => ({ role: name, protocolSupportEnumeration: null, singleSignOnServices: [], singleLogoutServices: [], assertionConsumerServices: [], nameIdFormats: [], keyDescriptors: [] });
const entity = (entityId: string, roles: string[], displayName?: string, earliestKeyNotAfter?: string): EntitySummary => ({
  entityId,
  validUntil: null,
  cacheDuration: null,
  roles: roles.map(role),
  ...(displayName !== undefined ? { displayName } : {}),
  ...(earliestKeyNotAfter !== undefined ? { earliestKeyNotAfter } : {}),
});

const entities = [
  entity('https://b.example.org/', ['SPSSODescriptor'], 'Beta', '2030-01-01T00:00:00.000Z'),
  entity('https://A.example.edu/', ['IDPSSODescriptor', 'AttributeAuthorityDescriptor'], 'alpha Campus', '2020-06-01T00:00:00.000Z'),
  entity('https://c.example.org/', ['SPSSODescriptor']),
  entity('https://d.example.org/', [], 'Beta'),
];

describe('entity columns', () => {
  it('pack keeps every entry, empty ones included', () => {
    const p = pack(['ab', '', 'c']);
    expect([0, 1, 2].map((i) => entryOf(p, i))).toEqual(['ab', '', 'c']);
    expect(pack([]).text).toBe('');
  });

  it('hold each entity’s entityID, name, roles and first key expiry in document order', () => {
    const c = entityColumnsOf(entities);
    expect(c.count).toBe(4);
    expect([0, 1, 2, 3].map((i) => entryOf(c.entityIds, i))).toEqual(entities.map((e) => e.entityId));
    expect([0, 1, 2, 3].map((i) => entryOf(c.displayNames, i))).toEqual(['Beta', 'alpha Campus', '', 'Beta']);
    expect(rolesAt(c, 1)).toEqual(['IDPSSODescriptor', 'AttributeAuthorityDescriptor']);
    expect(rolesAt(c, 3)).toEqual([]);
    expect(shortRoles(entryOf(c.roles, 1))).toBe('IdP, AA');
    expect(roleNamesOf(c)).toEqual(['AttributeAuthorityDescriptor', 'IDPSSODescriptor', 'SPSSODescriptor']);
    expect(c.earliestKeyNotAfter[1]).toBe(Date.parse('2020-06-01T00:00:00.000Z'));
    expect(Number.isNaN(c.earliestKeyNotAfter[2])).toBe(true);
  });

  it('come with each column’s ascending order: case-insensitive, ties in document order, no key last', () => {
    const { orders } = entityColumnsOf(entities);
    expect([...orders.entityId]).toEqual([1, 0, 2, 3]);
    expect([...orders.displayName]).toEqual([2, 1, 0, 3]);
    expect([...orders.roles]).toEqual([3, 1, 0, 2]);
    expect([...orders.earliestKeyNotAfter]).toEqual([1, 0, 2, 3]);
  });

  it('search the lower-cased entityID and name of every entity in one scan, never across two', () => {
    const c = entityColumnsOf(entities);
    const hits = (q: string) => [...matchingEntities(c, q)].flatMap((h, i) => (h ? [i] : []));
    expect(hits('beta')).toEqual([0, 3]);
    expect(hits('a.example')).toEqual([1]);
    expect(hits('example.org')).toEqual([0, 2, 3]);
    expect(hits('campus')).toEqual([1]);
    // The end of one entity and the start of the next are not one text.
    expect(hits('org/https')).toEqual([]);
    expect(hits('nothing')).toEqual([]);
    expect(hits('')).toEqual([0, 1, 2, 3]);
  });

  it('survive structured clone (postMessage) unchanged', () => {
    const c = entityColumnsOf(entities);
    expect(structuredClone(c)).toStrictEqual(c);
  });
});
