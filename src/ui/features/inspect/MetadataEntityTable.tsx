// An aggregate's entities as one searchable, sortable table instead of one long list (issue 15):
// a federation holds thousands, so the table filters and sorts them all but renders one page of
// rows; a row's button opens that entity's roles, keys and endpoints.
import { useMemo, useState, type ReactNode } from 'react';
import type { EntitySummary } from '../../../core/types';

const PAGE = 50;
const SOON_MS = 30 * 86_400_000;

type SortKey = 'entityId' | 'displayName' | 'roles' | 'earliestKeyNotAfter';
type Expiry = 'all' | 'expired' | 'soon' | 'none';

const SHORT_ROLES: Record<string, string> = { IDPSSODescriptor: 'IdP', SPSSODescriptor: 'SP', AttributeAuthorityDescriptor: 'AA', AuthnAuthorityDescriptor: 'Authn', PDPDescriptor: 'PDP' };
const shortRole = (r: string) => SHORT_ROLES[r] ?? r;
const rolesOf = (e: EntitySummary) => e.roles.map((r) => shortRole(r.role)).join(', ');

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'entityId', label: 'entityID' },
  { key: 'displayName', label: 'Name' },
  { key: 'roles', label: 'Roles' },
  { key: 'earliestKeyNotAfter', label: 'First key expiry' },
];

function sortValue(e: EntitySummary, key: SortKey): string {
  if (key === 'roles') return rolesOf(e);
  // Entities without a readable key sort last when sorting by expiry.
  if (key === 'earliestKeyNotAfter') return e.earliestKeyNotAfter ?? '\uffff';
  return (e[key] ?? '').toLowerCase();
}

export function MetadataEntityTable({ entities, at, renderDetail }: { entities: EntitySummary[]; at: Date; renderDetail: (entity: EntitySummary) => ReactNode }) {
  const [query, setQuery] = useState('');
  const [role, setRole] = useState('all');
  const [expiry, setExpiry] = useState<Expiry>('all');
  const [sort, setSort] = useState<{ key: SortKey; ascending: boolean }>({ key: 'entityId', ascending: true });
  const [page, setPage] = useState(0);
  const [open, setOpen] = useState<number | null>(null);
  const roles = useMemo(() => [...new Set(entities.flatMap((e) => e.roles.map((r) => r.role)))].sort(), [entities]);
  const rows = useMemo(() => {
    const q = query.trim().toLowerCase();
    const now = at.getTime();
    const out = entities
      .map((e, i) => ({ e, i }))
      .filter(({ e }) => {
        if (q && !e.entityId.toLowerCase().includes(q) && !(e.displayName ?? '').toLowerCase().includes(q)) return false;
        if (role !== 'all' && !e.roles.some((r) => r.role === role)) return false;
        if (expiry === 'all') return true;
        if (!e.earliestKeyNotAfter) return expiry === 'none';
        const t = Date.parse(e.earliestKeyNotAfter);
        return expiry === 'expired' ? t < now : expiry === 'soon' ? t >= now && t - now < SOON_MS : false;
      });
    const dir = sort.ascending ? 1 : -1;
    // Each entity's key computed once, not twice per comparison: 40,000 entities (a 256 MB
    // aggregate) take ~16 comparisons each, and a lower-cased copy per comparison made the first
    // render a long task.
    const keyed = out.map((r) => ({ ...r, key: sortValue(r.e, sort.key) }));
    keyed.sort((a, b) => (a.key < b.key ? -dir : a.key > b.key ? dir : a.i - b.i));
    return keyed;
  }, [entities, query, role, expiry, sort, at]);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  const current = Math.min(page, pages - 1);
  const shown = rows.slice(current * PAGE, current * PAGE + PAGE);
  const reset = () => {
    setPage(0);
    setOpen(null);
  };
  return (
    <div className="entity-table" data-entity-table>
      <div className="entity-table-tools">
        <label>
          Search{' '}
          <input type="search" value={query} placeholder="entityID or name" onChange={(e) => { setQuery(e.target.value); reset(); }} />
        </label>
        <label>
          Role{' '}
          <select value={role} onChange={(e) => { setRole(e.target.value); reset(); }}>
            <option value="all">all roles</option>
            {roles.map((r) => (
              <option key={r} value={r}>
                {shortRole(r)} ({r})
              </option>
            ))}
          </select>
        </label>
        <label>
          Keys{' '}
          <select value={expiry} onChange={(e) => { setExpiry(e.target.value as Expiry); reset(); }}>
            <option value="all">any expiry</option>
            <option value="expired">a key has expired</option>
            <option value="soon">a key expires within 30 days</option>
            <option value="none">no readable key</option>
          </select>
        </label>
        <span className="small muted" role="status" data-entity-count={rows.length}>
          {rows.length.toLocaleString('en-US')} of {entities.length.toLocaleString('en-US')} entities
        </span>
      </div>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.key} scope="col" aria-sort={sort.key === c.key ? (sort.ascending ? 'ascending' : 'descending') : 'none'}>
                  <button type="button" className="link-button" onClick={() => { setSort({ key: c.key, ascending: sort.key === c.key ? !sort.ascending : true }); reset(); }}>
                    {c.label}
                    {sort.key === c.key ? (sort.ascending ? ' ▲' : ' ▼') : ''}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map(({ e, i }) => {
              const isOpen = open === i;
              const expired = e.earliestKeyNotAfter !== undefined && Date.parse(e.earliestKeyNotAfter) < at.getTime();
              return [
                <tr key={i} className={isOpen ? 'selected' : undefined} data-entity-row={e.entityId}>
                  <td className="url-cell">
                    <button type="button" className="link-button" aria-expanded={isOpen} onClick={() => setOpen(isOpen ? null : i)}>
                      {e.entityId || '(no entityID)'}
                    </button>
                  </td>
                  <td>{e.displayName ?? <span className="muted">—</span>}</td>
                  <td>{rolesOf(e) || <span className="muted">none</span>}</td>
                  <td>{e.earliestKeyNotAfter ? <>{e.earliestKeyNotAfter.slice(0, 10)}{expired ? <strong> expired</strong> : null}</> : <span className="muted">—</span>}</td>
                </tr>,
                isOpen ? (
                  <tr key={`${i}-detail`}>
                    <td colSpan={4}>{renderDetail(e)}</td>
                  </tr>
                ) : null,
              ];
            })}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav className="small" aria-label="Entity pages">
          <button type="button" disabled={current === 0} onClick={() => { setPage(current - 1); setOpen(null); }}>
            Previous
          </button>{' '}
          page {current + 1} of {pages}{' '}
          <button type="button" disabled={current >= pages - 1} onClick={() => { setPage(current + 1); setOpen(null); }}>
            Next
          </button>
        </nav>
      )}
    </div>
  );
}
