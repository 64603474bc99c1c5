import { useEffect, useRef, useState } from 'react';
import { copyText } from './clipboard';

/** A real <button>, named after what it copies, announcing the result politely. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  return (
    <button
      type="button"
      className="copy-button"
      aria-label={`Copy ${label}`}
      title={`Copy ${label}`}
      onClick={async () => {
        const ok = await copyText(value);
        setState(ok ? 'copied' : 'failed');
        window.clearTimeout(timer.current);
        timer.current = window.setTimeout(() => setState('idle'), 1500);
      }}
    >
      {state === 'copied' ? <span aria-hidden="true">✓</span> : state === 'failed' ? <span aria-hidden="true">✗</span> : <CopyIcon />}
      <span className="visually-hidden" aria-live="polite">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : ''}
      </span>
    </button>
  );
}

/** A value with its copy button; long URIs wrap instead of overflowing. */
export function CopyableValue({ value, label, className }: { value: string | null | undefined; label: string; className?: string }) {
  if (value === null || value === undefined || value === '') return <span className="muted">—</span>;
  return (
    <span className={`copyable ${className ?? ''}`}>
      <code className="value">{value}</code>
      <CopyButton value={value} label={label} />
    </span>
  );
}

export interface FieldRow {
  label: string;
  value: string | null | undefined;
  /** shown after the value, e.g. "(expected …)" */
  hint?: string;
  testId?: string;
}

/** A definition list of label → copyable value. */
export function Fields({ rows }: { rows: FieldRow[] }) {
  return (
    <dl className="fields">
      {rows.map((r) => (
        <div className="field" key={r.label} data-field={r.testId ?? r.label}>
          <dt>{r.label}</dt>
          <dd>
            <CopyableValue value={r.value} label={r.label} />
            {r.hint && <span className="muted small"> {r.hint}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Inline SVG (no icon font, no network): two overlapping sheets. */
function CopyIcon() {
  return (
    <svg aria-hidden="true" width="12" height="12" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.6">
      <rect x="5" y="5" width="9" height="9" rx="1.5" />
      <path d="M3 11V3.5A1.5 1.5 0 0 1 4.5 2H11" />
    </svg>
  );
}
