// An aggregate's entities on the inspect page (issue 15): a federation holds thousands, so they
// are a searchable, sortable table (src/ui/shared/EntityTable.tsx) filtered by role and key
// expiry. The page holds only the table's columns (worker/entityColumns.ts): an item is an
// entity's position, and a row opens that entity's roles, keys and endpoints as the worker
// sends them (`renderDetail`).
import { useMemo, type ReactNode } from 'react';
import { EntityTable, type EntityColumn, type EntityFilter } from '../../shared/EntityTable';
import { entryOf, matchingEntities, roleNamesOf, rolesAt, shortRole, shortRoles, type EntityColumns } from '../../worker/entityColumns';

const SOON_MS = 30 * 86_400_000;

const muted = (text: string) => <span className="muted">{text}</span>;

export function MetadataEntityTable({ table, at, renderDetail }: { table: EntityColumns; at: Date; renderDetail: (entity: number) => ReactNode }) {
  const now = at.getTime();
  // Positions 0…n−1: one small-integer array, the only per-entity allocation of the table.
  const items = useMemo(() => Array.from({ length: table.count }, (_, i) => i), [table]);
  const entityIdOf = useMemo(() => (i: number) => entryOf(table.entityIds, i), [table]);
  const orderOf = useMemo(() => (key: string) => (table.orders as Record<string, Uint32Array | undefined>)[key], [table]);
  const search = useMemo(
    () => ({
      label: 'Search',
      placeholder: 'entityID or name',
      matcher: (q: string) => {
        const hits = matchingEntities(table, q);
        return (i: number) => hits[i] === 1;
      },
    }),
    [table],
  );
  const columns = useMemo<EntityColumn<number>[]>(
    () => [
      { key: 'displayName', label: 'Name', cell: (i) => entryOf(table.displayNames, i) || muted('—') },
      { key: 'roles', label: 'Roles', cell: (i) => shortRoles(entryOf(table.roles, i)) || muted('none') },
      {
        key: 'earliestKeyNotAfter',
        label: 'First key expiry',
        cell: (i) => {
          const t = table.earliestKeyNotAfter[i]!;
          return Number.isNaN(t) ? muted('—') : <>{new Date(t).toISOString().slice(0, 10)}{t < now ? <strong> expired</strong> : null}</>;
        },
      },
    ],
    [table, now],
  );
  const filters = useMemo<EntityFilter<number>[]>(() => {
    const roles = roleNamesOf(table);
    return [
      {
        label: 'Role',
        options: [{ value: 'all', label: 'all roles' }, ...roles.map((r) => ({ value: r, label: `${shortRole(r)} (${r})` }))],
        keeps: (i, role) => rolesAt(table, i).includes(role),
      },
      {
        label: 'Keys',
        options: [
          { value: 'all', label: 'any expiry' },
          { value: 'expired', label: 'a key has expired' },
          { value: 'soon', label: 'a key expires within 30 days' },
          { value: 'none', label: 'no readable key' },
        ],
        keeps: (i, expiry) => {
          const t = table.earliestKeyNotAfter[i]!;
          if (Number.isNaN(t)) return expiry === 'none';
          return expiry === 'expired' ? t < now : expiry === 'soon' ? t >= now && t - now < SOON_MS : false;
        },
      },
    ];
  }, [table, now]);
  return (
    <EntityTable
      items={items}
      entityIdOf={entityIdOf}
      columns={columns}
      search={search}
      filters={filters}
      renderDetail={renderDetail}
      pageSize={50}
      sortable
      orderOf={orderOf}
      rowAttribute="data-entity-row"
      countAttribute="data-entity-count"
    />
  );
}
