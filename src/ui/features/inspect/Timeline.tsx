import type { InspectedMessage } from '../../../core/types';
import { buildTimeline, formatRelative, type PointState } from './timeline';
import { CopyButton } from '../../shared/CopyButton';

const stateText: Record<PointState, string> = {
  ok: 'ok',
  'not-yet': 'not yet valid',
  expired: 'expired',
  future: 'in the future',
  info: '',
};

/**
 * The time conditions on one axis with the evaluation instant marked, plus the same data as a
 * table (the axis is decoration; the table is what screen readers and copy buttons use).
 */
export function Timeline({ message, at, skewSeconds }: { message: InspectedMessage; at: Date; skewSeconds: number }) {
  const points = buildTimeline(message, at, skewSeconds);
  if (points.length === 0) return null;
  const now = at.getTime();
  const pMin = Math.min(...points.map((p) => p.time));
  const pMax = Math.max(...points.map((p) => p.time));
  const pSpan = Math.max(pMax - pMin, 60_000);
  // An evaluation time years away would squash every condition into one dot: then the axis
  // shows the conditions only and the evaluation marker sits at the edge with its distance.
  const nowFar = now < pMin - 2 * pSpan ? 'before' : now > pMax + 2 * pSpan ? 'after' : null;
  const min = nowFar ? pMin - pSpan * 0.05 : Math.min(now, pMin) - pSpan * 0.05;
  const max = nowFar ? pMax + pSpan * 0.05 : Math.max(now, pMax) + pSpan * 0.05;
  const span = Math.max(max - min, 1);
  const pos = (t: number) => `${(((Math.min(Math.max(t, min), max) - min) / span) * 100).toFixed(2)}%`;
  return (
    <section className="timeline" aria-labelledby="timeline-heading">
      <h3 id="timeline-heading">Conditions in time</h3>
      <div className="timeline-axis" aria-hidden="true">
        <div className="timeline-line" />
        {points.map((p, i) => (
          <span key={i} className={`timeline-dot state-${p.state}`} style={{ left: pos(p.time) }} title={`${p.label}: ${p.iso}`} />
        ))}
        <span className={`timeline-now ${nowFar ? `far-${nowFar}` : ''}`} style={{ left: pos(now) }} title={`evaluation time ${at.toISOString()}`}>
          <span className="timeline-now-label">
            {nowFar === 'before' ? '← ' : ''}evaluated{nowFar ? ` (${formatRelative(nowFar === 'after' ? now - pMax : now - pMin).replace(/ (after|before)$/, '')} ${nowFar === 'after' ? 'later' : 'earlier'})` : ''}
            {nowFar === 'after' ? ' →' : ''}
          </span>
        </span>
      </div>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Condition</th>
            <th scope="col">Instant (UTC)</th>
            <th scope="col">Relative to evaluation time</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p, i) => (
            <tr key={i} className={`state-${p.state}`}>
              <th scope="row">{p.label}</th>
              <td>
                <code>{p.iso}</code> <CopyButton value={p.iso} label={p.label} />
              </td>
              <td>{formatRelative(p.time - now)}</td>
              <td title={p.note}>
                {p.state !== 'info' && <span className={`pill state-${p.state}`}>{stateText[p.state]}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">
        Evaluated at <code>{at.toISOString()}</code> with {skewSeconds} s allowed clock skew.
      </p>
    </section>
  );
}
