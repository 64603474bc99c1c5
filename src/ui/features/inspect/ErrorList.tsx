import type { InputError } from '../../../core/types';

/** Decoding errors: role="alert" so they are announced, with the CONTRACT code visible. */
export function ErrorList({ errors, context }: { errors: InputError[]; context: string }) {
  if (errors.length === 0) return null;
  return (
    <div className="error-list">
      {errors.map((e, i) => (
        <div key={i} role="alert" className="input-error" data-finding-code={e.code}>
          <strong>{context}: </strong>
          <code className="finding-code">{e.code}</code> — {e.message}
          {e.line !== undefined && (
            <span className="muted">
              {' '}
              (line {e.line}
              {e.column !== undefined ? `, column ${e.column}` : ''})
            </span>
          )}
        </div>
      ))}
    </div>
  );
}
