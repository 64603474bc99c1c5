// An aggregate's entities on the inspect page (issue 15): a federation holds thousands, so they
// are a searchable, sortable table (src/ui/shared/EntityTable.tsx) filtered by role and key
// expiry; a row opens that entity's roles, keys and endpoints.
import { useMemo, type ReactNode } from 'react';
import type { EntitySummary } from '../../../core/types';
import { EntityTable, type EntityColumn, type EntityFilter } from '../../shared/EntityTable';

const SOON_MS = 30 * 86_400_000;

const SHORT_ROLES: Record<string, string> = { IDPSSODescriptor: 'IdP', SPSSODescriptor: 'SP', AttributeAuthorityDescriptor: 'AA', AuthnAuthorityDescriptor: 'Authn', PDPDescriptor: 'PDP' };
const shortRole = (r: string) => SHORT_ROLES[r] ?? r;
const rolesOf = (e: EntitySummary) => e.roles.map((r) => shortRole(r.role)).join(', ');
const muted = (text: string) => <span className="muted">{text}</span>;

const search = {
  label: 'Search',
  placeholder: 'entityID or name',
  matches: (e: EntitySummary, q: string) => e.entityId.toLowerCase().includes(q) || (e.displayName ?? '').toLowerCase().includes(q),
};

export function MetadataEntityTable({ entities, at, renderDetail }: { entities: EntitySummary[]; at: Date; renderDetail: (entity: EntitySummary) => ReactNode }) {
  const now = at.getTime();
  const columns = useMemo<EntityColumn<EntitySummary>[]>(
    () => [
      { key: 'displayName', label: 'Name', cell: (e) => e.displayName ?? muted('—'), sortValue: (e) => (e.displayName ?? '').toLowerCase() },
      { key: 'roles', label: 'Roles', cell: (e) => rolesOf(e) || muted('none'), sortValue: rolesOf },
      {
        key: 'earliestKeyNotAfter',
        label: 'First key expiry',
        cell: (e) => (e.earliestKeyNotAfter ? <>{e.earliestKeyNotAfter.slice(0, 10)}{Date.parse(e.earliestKeyNotAfter) < now ? <strong> expired</strong> : null}</> : muted('—')),
        // Entities without a readable key sort last.
        sortValue: (e) => e.earliestKeyNotAfter ?? '\uffff',
      },
    ],
    [now],
  );
  const filters = useMemo<EntityFilter<EntitySummary>[]>(() => {
    const roles = [...new Set(entities.flatMap((e) => e.roles.map((r) => r.role)))].sort();
    return [
      {
        label: 'Role',
        options: [{ value: 'all', label: 'all roles' }, ...roles.map((r) => ({ value: r, label: `${shortRole(r)} (${r})` }))],
        keeps: (e, role) => e.roles.some((r) => r.role === role),
      },
      {
        label: 'Keys',
        options: [
          { value: 'all', label: 'any expiry' },
          { value: 'expired', label: 'a key has expired' },
          { value: 'soon', label: 'a key expires within 30 days' },
          { value: 'none', label: 'no readable key' },
        ],
        keeps: (e, expiry) => {
          if (!e.earliestKeyNotAfter) return expiry === 'none';
          const t = Date.parse(e.earliestKeyNotAfter);
          return expiry === 'expired' ? t < now : expiry === 'soon' ? t >= now && t - now < SOON_MS : false;
        },
      },
    ];
  }, [entities, now]);
  return (
    <EntityTable
      items={entities}
      entityIdOf={(e) => e.entityId}
      columns={columns}
      search={search}
      filters={filters}
      renderDetail={renderDetail}
      pageSize={50}
      sortable
      rowAttribute="data-entity-row"
      countAttribute="data-entity-count"
    />
  );
}
