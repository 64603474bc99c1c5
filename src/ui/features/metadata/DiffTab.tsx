import { useState } from 'react';
import { RunErrorNotice, RunProgress } from '../../shared/RunProgress';
import { MetadataInput, type MetadataSource } from './MetadataInput';
import { useMetadataTask } from './useMetadataTask';

const SIGN = { added: '+', removed: '−', changed: '~' } as const;

export function DiffTab() {
  const [oldDoc, setOld] = useState<MetadataSource>({ text: '', name: 'pasted' });
  const [newDoc, setNew] = useState<MetadataSource>({ text: '', name: 'pasted' });
  const task = useMetadataTask('metadata-diff');
  const r = task.result;
  return (
    <>
      <section className="panel">
        <div className="md-two">
          <MetadataInput label="Old metadata" value={oldDoc} onChange={setOld} />
          <MetadataInput label="New metadata" value={newDoc} onChange={setNew} />
        </div>
        <div className="md-actions">
          <button type="button" className="button" disabled={!oldDoc.text.trim() || !newDoc.text.trim() || task.pending} onClick={() => task.start({ oldText: oldDoc.text, newText: newDoc.text, oldSource: oldDoc.name, newSource: newDoc.name })}>
            Compare
          </button>
        </div>
        <RunProgress activity={task} what="Comparing" />
        <RunErrorNotice error={task.error} />
      </section>
      {r && (
        <section className="panel" data-md-result="diff" aria-labelledby="md-diff-heading">
          {r.errors.map((e, i) => (
            <p key={i} className="input-error" role="alert">
              {e.side === 'old' ? 'Old' : 'New'} metadata: <code className="finding-code">{e.code}</code> {e.message}
            </p>
          ))}
          {r.errors.length === 0 && (
            <>
              <h2 id="md-diff-heading" data-md-diff-summary={`${r.summary.added}/${r.summary.removed}/${r.summary.changed}`}>
                {r.entities.length === 0 ? 'No differences' : `${r.summary.added} entities added, ${r.summary.removed} removed, ${r.summary.changed} changed`}
                <span className="small muted"> ({r.summary.unchanged} unchanged)</span>
              </h2>
              {r.entities.map((e) => (
                <section key={e.entityID} className={`md-diff-entity md-${e.status}`} data-md-diff-entity={e.entityID} data-md-status={e.status}>
                  <h3>
                    <span className={`md-sign md-${e.status}`} aria-label={e.status}>{SIGN[e.status]}</span> {e.entityID}
                  </h3>
                  <div className="table-scroll">
                  <table className="data-table">
                    <thead>
                      <tr>
                        <th scope="col">Change</th>
                        <th scope="col">What</th>
                        <th scope="col">Before</th>
                        <th scope="col">After</th>
                      </tr>
                    </thead>
                    <tbody>
                      {e.changes.map((c, i) => (
                        <tr key={i} data-md-change={`${c.subject}:${c.kind}`}>
                          <td>
                            <span className={`pill md-${c.kind}`}>{c.kind}</span>
                          </td>
                          <td>
                            {c.role && <span className="small muted">{c.role} </span>}
                            {c.item}
                            {c.impact && <p className="small md-impact">{c.impact}</p>}
                          </td>
                          <td className="md-wrap">{c.before ?? ''}</td>
                          <td className="md-wrap">{c.after ?? ''}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  </div>
                </section>
              ))}
            </>
          )}
        </section>
      )}
    </>
  );
}
