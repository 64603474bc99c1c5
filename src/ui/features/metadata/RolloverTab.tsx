// The rollover planner: every key on a timeline (validity bars, today, the planned steps), the
// steps with their dates, and the partners that break on which date if nothing is done.
import { useState } from 'react';
import type { RolloverPlan } from '../../../core/mdtools/rollover';
import { RunErrorNotice, RunProgress } from '../../shared/RunProgress';
import { MetadataInput, type MetadataSource } from './MetadataInput';
import { useMetadataTask } from './useMetadataTask';

export function RolloverTab({ doc, setDoc, at }: { doc: MetadataSource; setDoc: (d: MetadataSource) => void; at: () => Date }) {
  const [partners, setPartners] = useState<MetadataSource>({ text: '', name: 'pasted' });
  const [days, setDays] = useState(14);
  const task = useMetadataTask('metadata-rollover');
  const r = task.result;
  return (
    <>
      <section className="panel">
        <div className="md-two">
          <MetadataInput label="Metadata of the entity whose keys roll over" value={doc} onChange={setDoc} />
          <MetadataInput label="Partners' metadata (optional)" value={partners} onChange={setPartners} hint="the SPs of this IdP (or IdPs of this SP), one document or an aggregate" />
        </div>
        <div className="md-actions">
          <label>
            Days partners take to load new metadata{' '}
            <input type="number" min={0} max={365} value={days} onChange={(e) => setDays(Math.max(0, Number(e.target.value) || 0))} className="md-days" />
          </label>
          <button type="button" className="button" disabled={!doc.text.trim() || task.pending} onClick={() => task.start({ text: doc.text, at: at(), propagationDays: days, partners: partners.text.trim() ? [{ source: partners.name, text: partners.text }] : [] })}>
            Plan the rollover
          </button>
        </div>
        <RunProgress activity={task} what="Planning" />
        <RunErrorNotice error={task.error} />
      </section>
      {r && !r.ok && (
        <section className="panel" data-md-result="rollover">
          <p className="input-error" role="alert">
            <code className="finding-code">{r.error.code}</code> {r.error.message}
          </p>
        </section>
      )}
      {r && r.ok && <RolloverView plan={r.plan} />}
    </>
  );
}

function RolloverView({ plan }: { plan: RolloverPlan }) {
  const now = Date.parse(plan.at);
  const times = [now, ...plan.keys.flatMap((k) => (k.notBefore ? [Date.parse(k.notBefore), Date.parse(k.notAfter)] : [])), ...plan.plans.flatMap((p) => p.steps.map((s) => Date.parse(s.date))), ...plan.breaks.map((b) => Date.parse(b.date))];
  // The axis spans the keys and steps, clipped to ten years around today so that a 1970 or 2099 certificate does not squash everything.
  const lo = Math.max(Math.min(...times), now - 5 * 365 * 86_400_000);
  const hi = Math.min(Math.max(...times), now + 5 * 365 * 86_400_000);
  const span = Math.max(hi - lo, 86_400_000);
  const pct = (t: number): number => Math.min(100, Math.max(0, ((t - lo) / span) * 100));
  return (
    <section className="panel" data-md-result="rollover" aria-labelledby="md-rollover-heading">
      <h2 id="md-rollover-heading">Keys of {plan.entityID}</h2>
      <div className="md-timeline" role="list" aria-label="Key validity timeline">
        <div className="md-axis small muted" aria-hidden="true">
          <span>{new Date(lo).toISOString().slice(0, 10)}</span>
          <span>{new Date(hi).toISOString().slice(0, 10)}</span>
        </div>
        {plan.keys.map((k, i) => (
          <div key={i} className="md-key-row" role="listitem" data-md-key-status={k.status}>
            <div className="md-key-label small">
              <strong>{k.use}</strong> {k.role.replace('SSODescriptor', '')} · {k.subject} · <span className={`pill md-status-${k.status}`}>{k.status}</span>
            </div>
            <div className="md-track">
              {k.notBefore && (
                <div className={`md-bar md-status-${k.status}`} style={{ left: `${pct(Date.parse(k.notBefore))}%`, width: `${Math.max(0.5, pct(Date.parse(k.notAfter)) - pct(Date.parse(k.notBefore)))}%` }} title={`${k.notBefore} → ${k.notAfter}`} />
              )}
              <div className="md-now" style={{ left: `${pct(now)}%` }} title={`evaluated at ${plan.at}`} />
              {plan.plans.flatMap((p) => p.steps).map((s, j) => (
                <div key={j} className={`md-step-dot md-step-${s.state}`} style={{ left: `${pct(Date.parse(s.date))}%` }} title={`${s.date}: ${s.action}`} />
              ))}
            </div>
            <div className="small muted">
              {k.notBefore.slice(0, 10)} → {k.notAfter.slice(0, 10)} · SHA-256 {k.sha256.slice(0, 23)}…
            </div>
          </div>
        ))}
      </div>
      {plan.plans.map((p) => (
        <section key={`${p.role}-${p.use}`} aria-label={`Rollover of the ${p.use} key`}>
          <h3>
            Rollover of the {p.use} key ({p.role}), {plan.propagationDays} days for partners to load new metadata
          </h3>
          <ol className="md-steps">
            {p.steps.map((s, i) => (
              <li key={i} className={`md-step md-step-${s.state}`} data-md-step-state={s.state}>
                <strong>
                  <time dateTime={s.date}>{s.date}</time> — {s.action}
                </strong>{' '}
                <span className={`pill md-step-${s.state}`}>{s.state}</span>
                <p className="small">{s.detail}</p>
              </li>
            ))}
          </ol>
        </section>
      ))}
      {plan.breaks.length > 0 && (
        <section aria-labelledby="md-breaks-heading">
          <h3 id="md-breaks-heading">If nothing is done</h3>
          <div className="table-scroll">
          <table className="data-table md-breaks">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Partner</th>
                <th scope="col">What breaks</th>
              </tr>
            </thead>
            <tbody>
              {plan.breaks.map((b, i) => (
                <tr key={i} data-md-break={b.partner} className={Date.parse(b.date) <= now ? 'md-past' : undefined}>
                  <td>
                    <time dateTime={b.date}>{b.date}</time>
                    {Date.parse(b.date) <= now && <span className="pill sev-error">already</span>}
                  </td>
                  <td className="md-wrap">{b.partner}</td>
                  <td>{b.why}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        </section>
      )}
    </section>
  );
}
