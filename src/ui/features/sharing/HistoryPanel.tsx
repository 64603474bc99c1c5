// Local history of recent inspections (issue 6): OFF by default, an explicit toggle, a clear
// button. Entries are ShareStates in this browser's IndexedDB; nothing leaves the page.
import { useEffect, useMemo, useRef, useState } from 'react';
import { historyTitleOf, type HistoryEntry, type InspectionHistory } from '../../../core/share/history';
import type { ShareState } from '../../../core/share/state';
import { shareStateOf, type ShareContext } from './shareContext';
import { createBrowserHistory, saveHistoryEnabledSetting } from './idbHistoryStore';

const RECORD_DELAY_MS = 1500;

/** Same inspection = same input, trust, expectations and profile (the instant alone does not count). */
function sameInspection(a: ShareState, b: ShareState): boolean {
  const strip = (s: ShareState) => JSON.stringify({ ...s, at: undefined, selected: undefined, source: undefined });
  return strip(a) === strip(b);
}

export function HistoryPanel({ ctx, onOpen, history: injected }: { ctx: ShareContext | null; onOpen: (state: ShareState) => void; history?: InspectionHistory }) {
  const history = useMemo(() => injected ?? createBrowserHistory(), [injected]);
  const [enabled, setEnabled] = useState(history.enabled);
  const [entries, setEntries] = useState<HistoryEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const lastRecorded = useRef<ShareState | null>(null);

  const refresh = async () => {
    try {
      setEntries(history.enabled ? await history.list() : []);
    } catch (e) {
      setError(`Local history is unavailable in this browser: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  useEffect(() => {
    void refresh();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [history]);

  // Record the current inspection once it has settled (not on every keystroke).
  useEffect(() => {
    if (!enabled || !ctx || ctx.input.trim() === '') return;
    const timer = window.setTimeout(() => {
      const state = shareStateOf(ctx);
      if (lastRecorded.current && sameInspection(lastRecorded.current, state)) return;
      lastRecorded.current = state;
      const first = ctx.messages[0];
      void history
        .record(state, historyTitleOf(state, first ? { kind: first.kind, issuer: first.issuer } : undefined))
        .then(refresh, (e: unknown) => setError(`Could not save to the local history: ${e instanceof Error ? e.message : String(e)}`));
    }, RECORD_DELAY_MS);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ctx, enabled, history]);

  const toggle = async (on: boolean) => {
    setError(null);
    saveHistoryEnabledSetting(on);
    setEnabled(on);
    lastRecorded.current = null;
    try {
      await history.setEnabled(on); // turning it off also deletes everything saved
    } catch (e) {
      setError(`Could not ${on ? 'enable' : 'clear'} the local history: ${e instanceof Error ? e.message : String(e)}`);
    }
    await refresh();
  };

  return (
    <details className="panel history-panel" data-history-enabled={String(enabled)}>
      <summary>Recent inspections (local history{enabled ? `: ${entries.length}` : ': off'})</summary>
      <label className="checkbox">
        <input type="checkbox" checked={enabled} onChange={(e) => void toggle(e.target.checked)} /> Keep a history of my recent inspections in
        this browser
      </label>
      <p className="hint small">
        Off by default. When on, the last 20 inspections (input, trust, expectations) are kept in this browser’s IndexedDB only — never sent
        anywhere. Turning it off deletes them.
      </p>
      {error && (
        <div role="alert" className="input-error">
          {error}
        </div>
      )}
      {enabled && (
        <>
          {entries.length === 0 ? (
            <p className="muted small">Nothing saved yet.</p>
          ) : (
            <ul className="history-list">
              {entries.map((e) => (
                <li key={e.id} data-history-id={e.id}>
                  <button type="button" className="link-button" onClick={() => onOpen(e.state)}>
                    {e.title}
                  </button>{' '}
                  <time className="small muted" dateTime={e.savedAt}>
                    {e.savedAt}
                  </time>{' '}
                  <button
                    type="button"
                    aria-label={`Delete history entry ${e.title}`}
                    onClick={() => void history.remove(e.id).then(refresh)}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          <button
            type="button"
            onClick={() => {
              // "Clear" means empty: the inspection on screen is not re-saved until it changes.
              lastRecorded.current = ctx ? shareStateOf(ctx) : null;
              void history.clear().then(refresh);
            }}
            disabled={entries.length === 0}
          >
            Clear history
          </button>
        </>
      )}
    </details>
  );
}
