import { useState } from 'react';
import { RunErrorNotice, RunProgress } from '../../shared/RunProgress';
import { SeverityCounts } from '../../shared/DiagnosisCategories';
import { LintEntityTable } from './LintEntityTable';
import { MdFindingList } from './MdFindingList';
import { MetadataInput, type MetadataSource } from './MetadataInput';
import { useMetadataTask } from './useMetadataTask';

export function LintTab({ doc, setDoc, at }: { doc: MetadataSource; setDoc: (d: MetadataSource) => void; at: () => Date }) {
  const [schema, setSchema] = useState(true);
  const task = useMetadataTask('metadata-lint');
  const r = task.result;
  const all = r ? [...r.findings, ...r.entities.flatMap((e) => e.findings)] : [];
  return (
    <>
      <section className="panel">
        <MetadataInput label="Metadata to lint" value={doc} onChange={setDoc} hint="an EntityDescriptor or a federation aggregate" />
        <div className="md-actions">
          <label>
            <input type="checkbox" checked={schema} onChange={(e) => setSchema(e.target.checked)} /> Check against the SAML metadata schema (libxml2, loaded on first use)
          </label>
          <button type="button" className="button" disabled={!doc.text.trim() || task.pending} onClick={() => task.start({ text: doc.text, source: doc.name, at: at(), schema })}>
            Lint
          </button>
        </div>
        <RunProgress activity={task} what="Linting" />
        <RunErrorNotice error={task.error} />
      </section>
      {r && r.errors.length > 0 && (
        <section className="panel" data-md-result="lint">
          {r.errors.map((e, i) => (
            <p key={i} className="input-error" role="alert" data-finding-code={e.code}>
              <code className="finding-code">{e.code}</code> {e.message}
            </p>
          ))}
        </section>
      )}
      {r && r.errors.length === 0 && (
        <>
          <section className="panel" data-md-result="lint" aria-labelledby="md-lint-summary">
            <h2 id="md-lint-summary">
              {r.kind}: {r.entities.length.toLocaleString('en-US')} entit{r.entities.length === 1 ? 'y' : 'ies'} <SeverityCounts findings={all} />
            </h2>
            <p className="small muted">
              Evaluated at {r.at}; {r.schemaChecked ? 'schema checked' : 'schema not checked'}
              {r.profile !== 'generic' ? `; fixes worded for ${r.profile}` : ''}. Read in {r.timings.parseMs} ms, checked in {r.timings.checksMs} ms{r.schemaChecked ? `, schema in ${r.timings.schemaMs} ms` : ''}.
            </p>
            {r.findings.length > 0 && (
              <>
                <h3>The document</h3>
                <MdFindingList findings={r.findings} />
              </>
            )}
          </section>
          <LintEntityTable entities={r.entities} />
        </>
      )}
    </>
  );
}
