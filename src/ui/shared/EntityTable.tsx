// A federation's entities as one searchable table instead of one long list: thousands of rows
// are filtered and sorted whole but rendered one page at a time, and a row's entityID button
// opens that entity's detail below it. The inspect page (an aggregate's summaries) and the
// metadata lint (each entity's findings) configure it with their own columns and filters.
import { useMemo, useState, type ReactNode } from 'react';

export interface EntityColumn<T> {
  key: string;
  label: string;
  cell: (item: T) => ReactNode;
  /** Makes the column sortable by this text. */
  sortValue?: (item: T) => string;
}

export interface EntityFilter<T> {
  label: string;
  /** The first option is the default and keeps every row. */
  options: { value: string; label: string }[];
  keeps: (item: T, value: string) => boolean;
}

interface Props<T> {
  items: readonly T[];
  entityIdOf: (item: T) => string;
  /** Every column but the first, which is the entityID button. */
  columns: EntityColumn<T>[];
  /** `matcher` is given the lower-cased query once per change and returns the test of one item. */
  search: { label: string; placeholder: string; matcher: (query: string) => (item: T) => boolean };
  filters: EntityFilter<T>[];
  renderDetail: (item: T) => ReactNode;
  pageSize: number;
  /** Sort by entityID when set (the header then toggles the direction); the document's order otherwise. */
  sortable?: boolean;
  /**
   * Item positions in ascending order of column `key`, ties in document order, when known ahead
   * (an aggregate's columns come sorted from the worker, entityColumns.ts); descending is its
   * reverse. Columns without one are sorted here by their sortValue.
   */
  orderOf?: (key: string) => ArrayLike<number> | undefined;
  /** Open the detail of the only entity of a one-entity document. */
  openSingle?: boolean;
  /** The data-* attribute names of the rows and of the count, which pages' tests and scripts read. */
  rowAttribute: string;
  countAttribute: string;
  className?: string;
  detailRowClassName?: string;
}

interface Sort {
  key: string;
  ascending: boolean;
}

const ENTITY_ID = 'entityId';

export function EntityTable<T>(props: Props<T>) {
  const { items, entityIdOf, columns, search, filters, renderDetail, pageSize, sortable = false } = props;
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<string[]>(() => filters.map((f) => f.options[0]?.value ?? ''));
  const [sort, setSort] = useState<Sort | null>(sortable ? { key: ENTITY_ID, ascending: true } : null);
  const [page, setPage] = useState(0);
  const [open, setOpen] = useState<number | null>(props.openSingle && items.length === 1 ? 0 : null);

  const sortValueOf = useMemo(() => {
    const byKey = new Map<string, (item: T) => string>([[ENTITY_ID, (item: T) => entityIdOf(item).toLowerCase()]]);
    for (const c of columns) if (c.sortValue) byKey.set(c.key, c.sortValue);
    return byKey;
  }, [columns, entityIdOf]);

  // Positions in `items` of the rows shown, filtered and in order.
  const rows = useMemo(() => {
    const q = query.trim().toLowerCase();
    const matches = q ? search.matcher(q) : null;
    const active = filters.map((f, n) => ({ f, value: chosen[n]! })).filter(({ f, value }) => value !== f.options[0]?.value);
    const keeps = (i: number) => {
      const item = items[i]!;
      return (!matches || matches(item)) && active.every(({ f, value }) => f.keeps(item, value));
    };
    const out: number[] = [];
    const presorted = sort ? props.orderOf?.(sort.key) : undefined;
    if (sort && presorted) {
      const n = presorted.length;
      for (let k = 0; k < n; k++) {
        const i = presorted[sort.ascending ? k : n - 1 - k]!;
        if (keeps(i)) out.push(i);
      }
      return out;
    }
    for (let i = 0; i < items.length; i++) if (keeps(i)) out.push(i);
    const value = sort && sortValueOf.get(sort.key);
    if (sort && value) {
      const dir = sort.ascending ? 1 : -1;
      // Each item's key computed once, not twice per comparison: a 256 MB aggregate's 40,000
      // entities take ~16 comparisons each, and a lower-cased copy per comparison made the
      // table's first render a long task (issue 15). Ties keep the document's order, so paging
      // through a sorted table is stable.
      const keyed = out.map((index) => ({ index, key: value(items[index]!) }));
      keyed.sort((a, b) => (a.key < b.key ? -dir : a.key > b.key ? dir : a.index - b.index));
      return keyed.map((k) => k.index);
    }
    return out;
  }, [items, query, chosen, sort, search, filters, sortValueOf, props.orderOf]);

  const pages = Math.max(1, Math.ceil(rows.length / pageSize));
  const current = Math.min(page, pages - 1);
  const shown = rows.slice(current * pageSize, current * pageSize + pageSize);
  const restart = () => {
    setPage(0);
    setOpen(null);
  };
  const header = (key: string, label: string) => {
    if (!sort || !(sortValueOf.has(key) || props.orderOf?.(key))) return <th key={key} scope="col">{label}</th>;
    const active = sort.key === key;
    return (
      <th key={key} scope="col" aria-sort={active ? (sort.ascending ? 'ascending' : 'descending') : 'none'}>
        <button type="button" className="link-button" onClick={() => { setSort({ key, ascending: active ? !sort.ascending : true }); restart(); }}>
          {label}
          {active ? (sort.ascending ? ' ▲' : ' ▼') : ''}
        </button>
      </th>
    );
  };

  return (
    <div className={`entity-table ${props.className ?? ''}`.trim()} data-entity-table>
      <div className="entity-table-tools">
        <label>
          {search.label}{' '}
          <input type="search" value={query} placeholder={search.placeholder} onChange={(e) => { setQuery(e.target.value); restart(); }} />
        </label>
        {filters.map((f, n) => (
          <label key={f.label}>
            {f.label}{' '}
            <select value={chosen[n]} onChange={(e) => { setChosen(chosen.map((v, k) => (k === n ? e.target.value : v))); restart(); }}>
              {f.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        ))}
        <span className="small muted" role="status" {...{ [props.countAttribute]: rows.length }}>
          {rows.length.toLocaleString('en-US')} of {items.length.toLocaleString('en-US')} entities
        </span>
      </div>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              {header(ENTITY_ID, 'entityID')}
              {columns.map((c) => header(c.key, c.label))}
            </tr>
          </thead>
          <tbody>
            {shown.map((index) => {
              const item = items[index]!;
              const isOpen = open === index;
              const id = entityIdOf(item);
              return [
                <tr key={index} className={isOpen ? 'selected' : undefined} {...{ [props.rowAttribute]: id }}>
                  <td className="url-cell">
                    <button type="button" className="link-button" aria-expanded={isOpen} onClick={() => setOpen(isOpen ? null : index)}>
                      {id || '(no entityID)'}
                    </button>
                  </td>
                  {columns.map((c) => (
                    <td key={c.key}>{c.cell(item)}</td>
                  ))}
                </tr>,
                isOpen ? (
                  <tr key={`${index}-detail`} className={props.detailRowClassName}>
                    <td colSpan={columns.length + 1}>{renderDetail(item)}</td>
                  </tr>
                ) : null,
              ];
            })}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav className="entity-table-pages small" aria-label="Entity pages">
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
