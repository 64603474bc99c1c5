// Symptom search: paste the error text the SP/IdP showed, get the symptoms that match, what to
// check, the rules (codes) that explain them and — with a message loaded — whether those
// findings are present in it. The text lives in the URL (`?symptom=`) so a diagnosis can be shared.
import { Link } from '@tanstack/react-router';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { SymptomMatch } from '../../core/symptoms';

const URL_DEBOUNCE_MS = 250;

type SymptomsModule = typeof import('../../core/symptoms');
// The symptom catalogue (20 KB) loads when a symptom is first typed, not with the first screen.
let symptomsModule: SymptomsModule | null = null;

export function useSymptomMatches(text: string | undefined): SymptomMatch[] {
  const [mod, setMod] = useState<SymptomsModule | null>(symptomsModule);
  const wanted = !!text && text.trim() !== '';
  useEffect(() => {
    if (!wanted || mod) return;
    let live = true;
    void import('../../core/symptoms').then((m) => {
      symptomsModule = m;
      if (live) setMod(m);
    });
    return () => {
      live = false;
    };
  }, [wanted, mod]);
  return useMemo(() => (wanted && mod ? mod.searchSymptoms(text!) : []), [text, wanted, mod]);
}

export function SymptomSearch({
  value,
  onChange,
  presentCodes,
  headingLevel = 2,
}: {
  /** The text in the URL. */
  value: string | undefined;
  onChange: (text: string | undefined) => void;
  /** Codes of the findings in the loaded message; null when no message is loaded. */
  presentCodes: ReadonlySet<string> | null;
  headingLevel?: 2 | 3;
}) {
  // Local state so typing is not slowed by URL updates; the URL follows after a short pause.
  const [text, setText] = useState(value ?? '');
  const lastSent = useRef(value ?? '');
  useEffect(() => {
    if ((value ?? '') !== lastSent.current) {
      lastSent.current = value ?? '';
      setText(value ?? '');
    }
  }, [value]);
  useEffect(() => {
    if (text === lastSent.current) return;
    const t = window.setTimeout(() => {
      lastSent.current = text;
      onChange(text.trim() ? text : undefined);
    }, URL_DEBOUNCE_MS);
    return () => window.clearTimeout(t);
  }, [text, onChange]);

  const matches = useSymptomMatches(text);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="panel symptom-search" aria-labelledby="symptom-heading">
      <Heading id="symptom-heading">What did the service say?</Heading>
      <label htmlFor="symptom-input">Error message from the service</label>
      <input
        id="symptom-input"
        type="search"
        value={text}
        spellCheck={false}
        autoComplete="off"
        placeholder="e.g. 403 CSRF verification failed, response Issuer does not match the IDP metadata, AADSTS50011…"
        onChange={(e) => setText(e.target.value)}
      />
      {text.trim() !== '' && matches.length === 0 && <p className="muted small">No known symptom matches this text. Try a shorter part of the message.</p>}
      {matches.length > 0 && (
        <ol className="symptom-results">
          {matches.map((m) => (
            <SymptomResult key={m.id} match={m} presentCodes={presentCodes} />
          ))}
        </ol>
      )}
    </section>
  );
}

function SymptomResult({ match: m, presentCodes }: { match: SymptomMatch; presentCodes: ReadonlySet<string> | null }) {
  return (
    <li className="symptom" data-symptom-id={m.id}>
      <div className="symptom-head">
        <q className="symptom-text">{m.symptom}</q> <span className="pill">{m.product}</span>
      </div>
      <p className="symptom-explanation">{m.explanation}</p>
      {m.whatToCheck.length > 0 && (
        <div className="symptom-check">
          <strong>What to check:</strong>
          <ul>
            {m.whatToCheck.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      {m.codes.length > 0 ? (
        <div className="symptom-codes small">
          <strong>Rules:</strong>{' '}
          {m.codes.map((code) => {
            const present = presentCodes ? presentCodes.has(code) : null;
            return (
              <span key={code} className="symptom-code" data-code={code} data-present={present === null ? undefined : present ? 'true' : 'false'}>
                <Link to="/rules" hash={`code-${code}`}>
                  <code>{code}</code>
                </Link>
                {present !== null && <span className={`pill ${present ? 'sev-error' : ''}`}>{present ? 'found in this message' : 'not in this message'}</span>}
              </span>
            );
          })}
        </div>
      ) : (
        <p className="small muted">Not a SAML protocol problem the rules can see in the message; check the settings above.</p>
      )}
    </li>
  );
}
