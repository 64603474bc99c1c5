// The metadata tools (route /metadata, CONTRACT §4): lint, diff, pair and rollover, each a tab
// over src/core/mdtools run in the inspection worker. The tab and the evaluation instant are in
// the URL; documents stay in memory only.
import { useCallback, useState } from 'react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { DiffTab } from './DiffTab';
import { LintTab } from './LintTab';
import type { MetadataSource } from './MetadataInput';
import { METADATA_TABS, type MetadataSearch, type MetadataTab } from './metadataSearch';
import { PairTab } from './PairTab';
import { RolloverTab } from './RolloverTab';
import './metadata.css';

const TAB_LABEL: Record<MetadataTab, string> = { lint: 'Lint', diff: 'Diff', pair: 'Pair IdP and SP', rollover: 'Rollover' };

export function MetadataPage() {
  const search = useSearch({ from: '/metadata' }) as MetadataSearch;
  const navigate = useNavigate({ from: '/metadata' });
  const tab = search.tab ?? 'lint';
  // The lint document is also the rollover's: the usual path is "lint says a key expires" → plan it.
  const [doc, setDoc] = useState<MetadataSource>({ text: '', name: 'pasted' });
  const setSearch = useCallback((patch: Partial<MetadataSearch>) => {
    void navigate({ search: (prev: MetadataSearch) => {
      const next: Record<string, unknown> = { ...prev, ...patch };
      for (const k of Object.keys(next)) if (next[k] === undefined || next[k] === '') delete next[k];
      return next as MetadataSearch;
    }, replace: true });
  }, [navigate]);
  const at = useCallback(() => (search.at ? new Date(search.at) : new Date()), [search.at]);
  return (
    <div className="md-page">
      <div className="md-head">
        <h1>Metadata</h1>
        <label className="small">
          Evaluate at{' '}
          <input type="datetime-local" value={search.at ? search.at.slice(0, 16) : ''} onChange={(e) => setSearch({ at: e.target.value ? new Date(`${e.target.value}Z`).toISOString() : undefined })} aria-describedby="md-at-note" />
        </label>
        <span id="md-at-note" className="small muted">{search.at ? `UTC; ${search.at}` : 'now (UTC)'}</span>
      </div>
      <div role="tablist" aria-label="Metadata tools" className="md-tabs">
        {METADATA_TABS.map((t) => (
          <button key={t} type="button" role="tab" id={`md-tab-${t}`} aria-selected={tab === t} aria-controls={`md-panel-${t}`} className={tab === t ? 'active' : undefined} onClick={() => setSearch({ tab: t === 'lint' ? undefined : t })}>
            {TAB_LABEL[t]}
          </button>
        ))}
      </div>
      {/* Every tab stays mounted: switching keeps each tab's documents and results. */}
      {METADATA_TABS.map((t) => (
        <div key={t} role="tabpanel" id={`md-panel-${t}`} aria-labelledby={`md-tab-${t}`} hidden={tab !== t}>
          {t === 'lint' && <LintTab doc={doc} setDoc={setDoc} at={at} />}
          {t === 'diff' && <DiffTab />}
          {t === 'pair' && <PairTab at={at} />}
          {t === 'rollover' && <RolloverTab doc={doc} setDoc={setDoc} at={at} />}
        </div>
      ))}
    </div>
  );
}
