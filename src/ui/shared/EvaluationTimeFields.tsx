// The evaluation instant and clock skew inputs, shared by the inspect page (SAML conditions) and
// the OIDC page (exp/iat/nbf). Both keep them in the URL search params (`at`, `skew`).

/** datetime-local works in local wall time without zone; we show and take UTC explicitly. */
function isoToUtcLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 19);
}

export function EvaluationTimeFields({
  idPrefix,
  at,
  skew,
  defaultSkew,
  onChange,
}: {
  idPrefix: string;
  at: string | undefined;
  skew: number | undefined;
  defaultSkew: number;
  /** `undefined` clears the param (back to "now" / the default skew). */
  onChange: (change: { at?: string | undefined; skew?: number | undefined }) => void;
}) {
  return (
    <>
      <div className="option">
        <label htmlFor={`${idPrefix}-at`}>Evaluation time (UTC)</label>
        <div className="option-row">
          <input
            id={`${idPrefix}-at`}
            type="datetime-local"
            step="1"
            value={isoToUtcLocalInput(at)}
            onChange={(e) => onChange({ at: e.target.value ? `${e.target.value.length === 16 ? `${e.target.value}:00` : e.target.value}Z` : undefined })}
          />
          <button type="button" onClick={() => onChange({ at: undefined })} disabled={!at}>
            Now
          </button>
        </div>
      </div>
      <div className="option">
        <label htmlFor={`${idPrefix}-skew`}>Allowed clock skew (seconds)</label>
        <input
          id={`${idPrefix}-skew`}
          type="number"
          min={0}
          step={1}
          value={skew ?? defaultSkew}
          onChange={(e) => {
            const n = Number(e.target.value);
            onChange({ skew: e.target.value === '' || !Number.isFinite(n) || n < 0 || n === defaultSkew ? undefined : Math.floor(n) });
          }}
        />
      </div>
    </>
  );
}
