// The entities of a lint report as a searchable table: one row per entity with its roles and
// counts; a row opens its findings. Federation aggregates hold thousands of entities, so the
// table renders one page of the rows that match the search and the severity filter.
import { useMemo, useState } from 'react';
import type { EntityLint } from '../../../core/mdtools/types';
import { SeverityCounts } from '../../shared/DiagnosisCategories';
import { MdFindingList } from './MdFindingList';

const PAGE = 100;
type Filter = 'all' | 'error' | 'warning' | 'clean';

export function EntityTable({ entities }: { entities: EntityLint[] }) {
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(0);
  const [open, setOpen] = useState<string | null>(entities.length === 1 ? `0` : null);
  const rows = useMemo(() => {
    const q = query.trim().toLowerCase();
    return entities
      .map((e, i) => ({ e, i }))
      .filter(({ e }) => {
        if (q && !e.entityID.toLowerCase().includes(q) && !(e.displayName ?? '').toLowerCase().includes(q) && !e.findings.some((f) => f.code.includes(q))) return false;
        if (filter === 'error') return e.findings.some((f) => f.severity === 'error');
        if (filter === 'warning') return e.findings.some((f) => f.severity === 'warning');
        if (filter === 'clean') return !e.findings.some((f) => f.severity !== 'info');
        return true;
      });
  }, [entities, query, filter]);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  const current = Math.min(page, pages - 1);
  const shown = rows.slice(current * PAGE, current * PAGE + PAGE);
  return (
    <section className="panel" aria-labelledby="md-entities-heading">
      <h2 id="md-entities-heading">Entities</h2>
      <div className="md-table-tools">
        <label>
          Search entities{' '}
          <input type="search" value={query} placeholder="entityID, name or finding code" onChange={(e) => { setQuery(e.target.value); setPage(0); }} />
        </label>
        <label>
          Show{' '}
          <select value={filter} onChange={(e) => { setFilter(e.target.value as Filter); setPage(0); }}>
            <option value="all">all entities</option>
            <option value="error">with errors</option>
            <option value="warning">with warnings</option>
            <option value="clean">without errors or warnings</option>
          </select>
        </label>
        <span className="small muted" data-md-entity-count={rows.length}>
          {rows.length.toLocaleString('en-US')} of {entities.length.toLocaleString('en-US')} entities
        </span>
      </div>
      <div className="table-scroll">
        <table className="data-table md-entity-table">
          <thead>
            <tr>
              <th scope="col">entityID</th>
              <th scope="col">Name</th>
              <th scope="col">Roles</th>
              <th scope="col">Findings</th>
            </tr>
          </thead>
          <tbody>
            {shown.map(({ e, i }) => {
              const key = String(i);
              const isOpen = open === key;
              return [
                <tr key={key} className={isOpen ? 'selected' : undefined} data-md-entity={e.entityID}>
                  <td className="url-cell">
                    <button type="button" className="link-button" aria-expanded={isOpen} onClick={() => setOpen(isOpen ? null : key)}>
                      {e.entityID || '(no entityID)'}
                    </button>
                  </td>
                  <td>{e.displayName ?? <span className="muted">—</span>}</td>
                  <td>{e.roles.join(', ')}</td>
                  <td>{e.findings.length ? <SeverityCounts findings={e.findings} /> : <span className="muted">none</span>}</td>
                </tr>,
                isOpen ? (
                  <tr key={`${key}-findings`} className="md-entity-findings">
                    <td colSpan={4}>
                      <MdFindingList findings={e.findings} empty="No findings for this entity." />
                    </td>
                  </tr>
                ) : null,
              ];
            })}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav className="md-pages small" aria-label="Entity pages">
          <button type="button" disabled={current === 0} onClick={() => setPage(current - 1)}>
            Previous
          </button>{' '}
          page {current + 1} of {pages}{' '}
          <button type="button" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
            Next
          </button>
        </nav>
      )}
    </section>
  );
}
