// An aggregate's entities as the page holds them (issue 15): only what the entity table shows,
// sorts, filters and searches, as a few packed columns instead of one object per entity. A
// 256 MB aggregate has 40,141 entities; as summaries (roles, KeyDescriptors, endpoints) they
// were most of the page's heap, 401 reply parts to rebuild one task each, and the page's longest
// GC pauses. Packed, a column is one string (or one typed array): structured clone copies it in
// one piece and the heap holds a handful of objects whatever the entity count. An entity's full
// summary stays in the worker (resultStore.ts) and is asked for when its row opens
// (protocol.ts `entity-detail`).
// Hand-written: the packing is a few loops; no library packs strings this way.
import type { EntitySummary } from '../../core/types';

/**
 * Separates entries of a packed string column. XML 1.0 cannot carry U+0000, not even as a
 * character reference, so no entityID or name holds it, and a search (which strips it) never
 * matches across two entities.
 */
const END = '\u0000';
/** Separates an entity's lower-cased entityID from its lower-cased name in the search column. */
const FIELD = '\u0001';

/** A packed string column: entry i is text.slice(starts[i], starts[i + 1] - 1). */
export interface PackedStrings {
  text: string;
  /** count + 1 offsets; each entry is followed by END. */
  starts: Uint32Array;
}

/** The sortable columns of the entity table, each with its ascending order precomputed in the worker. */
export const ENTITY_SORT_KEYS = ['entityId', 'displayName', 'roles', 'earliestKeyNotAfter'] as const;
export type EntitySortKey = (typeof ENTITY_SORT_KEYS)[number];

export interface EntityColumns {
  count: number;
  entityIds: PackedStrings;
  /** mdui:DisplayName or OrganizationDisplayName; '' when the entity has none. */
  displayNames: PackedStrings;
  /** The role descriptors' local names in document order, separated by spaces (NCNames hold none). */
  roles: PackedStrings;
  /** The earliest notAfter of the entity's certificates, in ms since the epoch; NaN when none is readable. */
  earliestKeyNotAfter: Float64Array;
  /** lower-case entityID, FIELD, lower-case name: searched whole with indexOf (matchingEntities). */
  search: PackedStrings;
  /**
   * Entity positions in ascending order of each sortable column (ties in document order):
   * sorting 40,000 entities on the page was a long task of its own.
   */
  orders: Record<EntitySortKey, Uint32Array>;
}

export function pack(values: readonly string[]): PackedStrings {
  const starts = new Uint32Array(values.length + 1);
  let offset = 0;
  values.forEach((v, i) => {
    starts[i] = offset;
    offset += v.length + 1;
  });
  starts[values.length] = offset;
  return { text: values.length ? values.join(END) + END : '', starts };
}

export function entryOf(column: PackedStrings, i: number): string {
  return column.text.slice(column.starts[i], column.starts[i + 1]! - 1);
}

function ascendingOrder(keys: readonly string[]): Uint32Array {
  const order = Uint32Array.from(keys.keys());
  // Uint32Array's sort is stable only by its comparator: ties compare by position.
  return order.sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
}

/** The table's columns of `entities`, built in the worker. */
export function entityColumnsOf(entities: readonly EntitySummary[]): EntityColumns {
  const ids = entities.map((e) => e.entityId);
  const names = entities.map((e) => e.displayName ?? '');
  const roles = entities.map((e) => e.roles.map((r) => r.role).join(' '));
  const expiry = Float64Array.from(entities, (e) => (e.earliestKeyNotAfter ? Date.parse(e.earliestKeyNotAfter) : NaN));
  const lowerIds = ids.map((id) => id.toLowerCase());
  const lowerNames = names.map((n) => n.toLowerCase());
  return {
    count: entities.length,
    entityIds: pack(ids),
    displayNames: pack(names),
    roles: pack(roles),
    earliestKeyNotAfter: expiry,
    search: pack(lowerIds.map((id, i) => `${id}${FIELD}${lowerNames[i]!}`)),
    orders: {
      entityId: ascendingOrder(lowerIds),
      displayName: ascendingOrder(lowerNames),
      roles: ascendingOrder(roles.map(shortRoles)),
      // Entities without a readable key sort last; ISO text sorts as time does.
      earliestKeyNotAfter: ascendingOrder(entities.map((e) => e.earliestKeyNotAfter ?? '\uffff')),
    },
  };
}

const SHORT_ROLES: Record<string, string> = { IDPSSODescriptor: 'IdP', SPSSODescriptor: 'SP', AttributeAuthorityDescriptor: 'AA', AuthnAuthorityDescriptor: 'Authn', PDPDescriptor: 'PDP' };

export const shortRole = (role: string): string => SHORT_ROLES[role] ?? role;

/** A roles entry ("IDPSSODescriptor SPSSODescriptor") as the table shows it ("IdP, SP"). */
export function shortRoles(roles: string): string {
  return roles ? roles.split(' ').map(shortRole).join(', ') : '';
}

/** Entity i's role local names. */
export function rolesAt(columns: EntityColumns, i: number): string[] {
  const roles = entryOf(columns.roles, i);
  return roles ? roles.split(' ') : [];
}

/** The distinct role names of all entities, sorted (the table's role filter). */
export function roleNamesOf(columns: EntityColumns): string[] {
  const text = columns.roles.text;
  return [...new Set(text.split(/[ \u0000]/).filter(Boolean))].sort();
}

/** Which entities' entityID or name contains `query` (lower-case): one scan of the search column, a flag per entity. */
export function matchingEntities(columns: EntityColumns, query: string): Uint8Array {
  const hits = new Uint8Array(columns.count);
  const q = query.replace(/[\u0000\u0001]/g, '');
  const { text, starts } = columns.search;
  if (!q) return hits.fill(1);
  for (let at = text.indexOf(q); at >= 0; ) {
    const i = entityAt(starts, at);
    hits[i] = 1;
    at = text.indexOf(q, starts[i + 1]);
  }
  return hits;
}

/** The entry holding offset `at`: the last i with starts[i] <= at. */
function entityAt(starts: Uint32Array, at: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
