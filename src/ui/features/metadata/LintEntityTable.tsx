// The entities of a lint report (src/ui/shared/EntityTable.tsx): one row per entity with its
// roles and finding counts, searchable by entityID, name or finding code and filtered by
// severity; a row opens its findings.
import type { EntityLint } from '../../../core/mdtools/types';
import { SeverityCounts } from '../../shared/DiagnosisCategories';
import { EntityTable, type EntityColumn, type EntityFilter } from '../../shared/EntityTable';
import { MdFindingList } from './MdFindingList';

const columns: EntityColumn<EntityLint>[] = [
  { key: 'name', label: 'Name', cell: (e) => e.displayName ?? <span className="muted">—</span> },
  { key: 'roles', label: 'Roles', cell: (e) => e.roles.join(', ') },
  { key: 'findings', label: 'Findings', cell: (e) => (e.findings.length ? <SeverityCounts findings={e.findings} /> : <span className="muted">none</span>) },
];

const search = {
  label: 'Search entities',
  placeholder: 'entityID, name or finding code',
  matcher: (q: string) => (e: EntityLint) => e.entityID.toLowerCase().includes(q) || (e.displayName ?? '').toLowerCase().includes(q) || e.findings.some((f) => f.code.includes(q)),
};

const filters: EntityFilter<EntityLint>[] = [
  {
    label: 'Show',
    options: [
      { value: 'all', label: 'all entities' },
      { value: 'error', label: 'with errors' },
      { value: 'warning', label: 'with warnings' },
      { value: 'clean', label: 'without errors or warnings' },
    ],
    keeps: (e, show) => (show === 'clean' ? !e.findings.some((f) => f.severity !== 'info') : e.findings.some((f) => f.severity === show)),
  },
];

// Module-level, as the other props: a new function per render would re-filter every entity.
const entityIdOf = (e: EntityLint) => e.entityID;

const findingsOf = (e: EntityLint) => <MdFindingList findings={e.findings} empty="No findings for this entity." />;

export function LintEntityTable({ entities }: { entities: EntityLint[] }) {
  return (
    <section className="panel" aria-labelledby="md-entities-heading">
      <h2 id="md-entities-heading">Entities</h2>
      <EntityTable
        items={entities}
        entityIdOf={entityIdOf}
        columns={columns}
        search={search}
        filters={filters}
        renderDetail={findingsOf}
        pageSize={100}
        openSingle
        rowAttribute="data-md-entity"
        countAttribute="data-md-entity-count"
        className="md-entity-table"
        detailRowClassName="md-entity-findings"
      />
    </section>
  );
}
