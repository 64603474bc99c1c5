// An aggregate entity's full summary, asked of the worker when its row opens (issue 15): the page
// holds only the entity table's columns (worker/entityColumns.ts). The request names the table's
// own run (EntityTableView.runId), so the answer is that input's entity or nothing: when the
// worker no longer keeps that run (a newer input replaced it, or the worker was restarted after a
// timeout or a cancel) the row says so and offers to inspect again, never another run's entity.
import { useContext, useEffect, useState, type ReactNode } from 'react';
import type { EntitySummary } from '../../../core/types';
import type { RunError } from '../../worker/protocol';
import type { EntityTableView } from '../../worker/shownText';
import { EntityDetailContext } from './entityDetailContext';

type DetailState = { state: 'loading' } | { state: 'ready'; entity: EntitySummary } | { state: 'gone' } | { state: 'failed'; error: RunError };

/** Entity `entity` of `table` as the worker keeps it; `attempt` asks again. */
export function useEntityDetail(table: EntityTableView, entity: number, attempt: number): DetailState {
  const source = useContext(EntityDetailContext);
  const [shown, setShown] = useState<{ key: string; detail: DetailState } | null>(null);
  const key = `${table.runId}/${table.message}/${entity}/${attempt}`;
  useEffect(() => {
    if (!source) return;
    const handle = source.runner().runWhenFree('entity-detail', { runId: table.runId, message: table.message, entity });
    let live = true;
    void handle.outcome.then((o) => {
      if (!live) return;
      setShown({ key, detail: o.ok ? (o.value ? { state: 'ready', entity: o.value } : { state: 'gone' }) : { state: 'failed', error: o.error } });
    });
    return () => {
      live = false;
      handle.cancel();
    };
  }, [source, table.runId, table.message, entity, key]);
  if (!source) return { state: 'gone' };
  // Only the answer to this very request: a previous row's or run's answer is never shown.
  return shown && shown.key === key ? shown.detail : { state: 'loading' };
}

/** The row's detail: `render` of the entity once the worker sent it; meanwhile and otherwise, says why not. */
export function RemoteEntityDetail({ table, entity, render }: { table: EntityTableView; entity: number; render: (e: EntitySummary) => ReactNode }) {
  const [attempt, setAttempt] = useState(0);
  const detail = useEntityDetail(table, entity, attempt);
  const source = useContext(EntityDetailContext);
  if (detail.state === 'ready') return <>{render(detail.entity)}</>;
  if (detail.state === 'loading') {
    return (
      <p className="small muted" role="status" data-entity-detail="loading">
        Loading this entity’s roles, keys and endpoints…
      </p>
    );
  }
  if (detail.state === 'gone') {
    return (
      <p className="small" role="status" data-entity-detail="gone">
        This entity’s detail is no longer held: the inspection worker was restarted or replaced since this table was made.{' '}
        {source && (
          <button type="button" onClick={source.rerun}>
            Inspect again
          </button>
        )}
      </p>
    );
  }
  return (
    <p className="small" role="status" data-entity-detail="failed" data-error-code={detail.error.code}>
      This entity’s detail could not be loaded ({detail.error.code}): {detail.error.message}{' '}
      <button type="button" onClick={() => setAttempt(attempt + 1)}>
        Try again
      </button>
    </p>
  );
}
