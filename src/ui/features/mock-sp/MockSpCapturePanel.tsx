// The IdP's answer captured at /acs, on the inspect page: loads it from the URL fragment, fills
// the expectations and the trust from the mock-SP request it answers (docs/mock-sp.md
// "Capture"), and shows how it correlates with that request (ID ↔ InResponseTo, RelayState).
import { useEffect, useMemo, useRef, useState } from 'react';
import { correlateCapture, inspectOptionsFor, matchSentRequest, type Correlation } from '../../../core/mocksp/correlate';
import { WorkerRunner } from '../../worker/runner';
import { runBudgetMs } from '../../worker/runBudget';
import { spawnInspectionWorker } from '../../worker/spawn';
import type { CorrelatableReport } from '../../../core/mocksp/correlate';
import './capture.css';
import { loadSentEntries, parseCaptureFragment, type CapturedAnswer, type SentEntry } from './capture';

export interface CaptureState {
  answer: CapturedAnswer;
  /** The sent request it answers (by InResponseTo), else the newest sent one, else null. */
  entry: SentEntry | null;
  matchedById: boolean;
}

export interface CaptureTargets {
  setInput(text: string, source: string): void;
  setTrust(text: string): void;
  setExpectations(e: { sp?: string; acs?: string; idp?: string; req?: string }): void;
}

/** Reads `#capture=…` once, on load, and hands the answer and its context to the page. */
export function useAcsCapture(targets: CaptureTargets): CaptureState | null {
  const [state, setState] = useState<CaptureState | null>(null);
  const targetsRef = useRef(targets);
  targetsRef.current = targets;
  // Read once per page instance (StrictMode runs effects twice in development).
  const answerRef = useRef<CapturedAnswer | null | undefined>(undefined);
  useEffect(() => {
    if (answerRef.current === undefined) {
      answerRef.current = parseCaptureFragment(window.location.hash);
      // The payload is not kept in the address bar (or in history) once read.
      if (answerRef.current) window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
    }
    const answer = answerRef.current;
    if (!answer) return;
    let cancelled = false;
    void (async () => {
      const entries = loadSentEntries();
      // A first pass only to read InResponseTo and pick the request this answers; in a worker of
      // its own, under the watchdog, like every inspection of what arrived from outside.
      const runner = new WorkerRunner(spawnInspectionWorker, runBudgetMs);
      const outcome = await runner.run('inspect', { input: answer.payload, source: 'capture', options: {} }).outcome;
      runner.dispose();
      // No first pass (stopped by the watchdog): fall back to the newest sent request, as when nothing matches.
      const matched = outcome.ok ? matchSentRequest(entries.map((e) => e.record), outcome.value.report) : null;
      const entry = matched ? (entries.filter((e) => e.record === matched || e.record.id === matched.id).pop() ?? null) : (entries[entries.length - 1] ?? null);
      if (cancelled) return;
      const t = targetsRef.current;
      if (entry) {
        const o = inspectOptionsFor(entry.record, entry.settings, { idpMetadata: entry.idpMetadata });
        if (entry.idpMetadata) t.setTrust(entry.idpMetadata);
        t.setExpectations({ sp: o.spEntityId, acs: o.acsUrl, idp: o.idpEntityId, req: matched ? o.requestId : undefined });
      }
      t.setInput(answer.payload, `captured at ${answer.path} (${answer.method}, ${answer.via === 'sw' ? 'service worker' : answer.via === 'server' ? 'server' : 'capture'})`);
      setState({ answer, entry, matchedById: !!matched });
    })();
    return () => {
      cancelled = true;
    };
  }, []);
  return state;
}

const STATUS_TEXT: Record<string, string> = {
  match: 'matches',
  mismatch: 'does not match',
  missing: 'missing',
  'not-applicable': 'not applicable',
  unsolicited: 'unsolicited (no InResponseTo)',
  unexpected: 'unexpected',
};

export function MockSpCapturePanel({ capture, report }: { capture: CaptureState; report: CorrelatableReport | null }) {
  const correlation = useMemo<Correlation | null>(() => (capture.entry && report ? correlateCapture(capture.entry.record, report) : null), [capture, report]);
  const { answer, entry } = capture;
  const rows: { field: string; label: string; status: string; expected: string | null; actual: string | null }[] = correlation
    ? [
        { field: 'inResponseTo', label: 'InResponseTo ↔ request ID', ...correlation.inResponseTo },
        { field: 'relayState', label: 'RelayState', ...correlation.relayState },
        { field: 'issuer', label: 'Issuer ↔ IdP entity ID', ...correlation.issuer },
        { field: 'destination', label: 'Destination ↔ ACS URL', ...correlation.destination },
      ]
    : [];
  return (
    <section
      className="panel mock-sp-capture"
      aria-labelledby="capture-heading"
      data-capture-via={answer.via}
      data-correlation={correlation ? (correlation.correlated ? 'correlated' : 'not-correlated') : 'none'}
    >
      <h2 id="capture-heading">Captured at {answer.path}</h2>
      <p className="small">
        {answer.method === 'POST' ? 'HTTP-POST' : 'HTTP-Redirect'} answer received by samlscope’s{' '}
        {answer.via === 'sw' ? 'service worker' : answer.via === 'server' ? 'server (no service worker yet)' : 'capture'}.{' '}
        {entry
          ? capture.matchedById
            ? `It answers the ${entry.record.kind} ${entry.record.id} sent by the mock SP at ${entry.record.sentAt}; its expectations and the IdP metadata are filled in below.`
            : `No sent request has the ID it answers; compared with the last request sent (${entry.record.id}).`
          : 'The mock SP has no record of a request sent from this browser: nothing to correlate with.'}
      </p>
      {correlation && (
        <>
          <table className="correlation">
            <thead>
              <tr>
                <th scope="col">Check</th>
                <th scope="col">Result</th>
                <th scope="col">Expected</th>
                <th scope="col">In the answer</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.field} data-correlation-field={r.field} data-status={r.status}>
                  <th scope="row">{r.label}</th>
                  <td className={`status-${r.status}`}>{STATUS_TEXT[r.status] ?? r.status}</td>
                  <td>
                    <code>{r.expected ?? '—'}</code>
                  </td>
                  <td>
                    <code>{r.actual ?? '—'}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {correlation.elapsed && (
            <p className="small muted" data-elapsed-ms={correlation.elapsed.ms} data-elapsed-precision-ms={correlation.elapsed.precisionMs}>
              {correlation.elapsed.text}
            </p>
          )}
          {correlation.problems.length > 0 && (
            <ul className="correlation-problems">
              {correlation.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
