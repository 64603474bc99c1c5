// A metadata document: pasted, or opened from a file (an aggregate of tens of megabytes is
// opened, not pasted: the text area then shows only its size, never the text).
import { useId, useState, type ChangeEvent } from 'react';

export interface MetadataSource {
  text: string;
  /** File name, or "pasted". */
  name: string;
}

const SHOW_LIMIT = 2 * 1024 * 1024;

export function MetadataInput({ label, value, onChange, hint }: { label: string; value: MetadataSource; onChange: (v: MetadataSource) => void; hint?: string }) {
  const id = useId();
  const [reading, setReading] = useState(false);
  const big = value.text.length > SHOW_LIMIT;
  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    setReading(true);
    void file.text().then((text) => {
      setReading(false);
      onChange({ text, name: file.name });
    });
  };
  return (
    <div className="md-input">
      <label htmlFor={id}>{label}</label>
      {big ? (
        <p className="md-big-file" id={id}>
          {value.name}: {(value.text.length / 1048576).toFixed(1)} MiB opened (not shown).{' '}
          <button type="button" className="link-button" onClick={() => onChange({ text: '', name: 'pasted' })}>
            Clear
          </button>
        </p>
      ) : (
        <textarea id={id} className="md-textarea" spellCheck={false} value={value.text} placeholder="<md:EntityDescriptor …> or <md:EntitiesDescriptor …>" onChange={(e) => onChange({ text: e.target.value, name: 'pasted' })} />
      )}
      <div className="md-input-row small">
        <label className="md-file">
          Open a file… <input type="file" accept=".xml,application/xml,text/xml,application/samlmetadata+xml" onChange={onFile} aria-label={`${label}: open a file`} />
        </label>
        {reading && <span className="muted">reading…</span>}
        {hint && <span className="muted">{hint}</span>}
      </div>
    </div>
  );
}
