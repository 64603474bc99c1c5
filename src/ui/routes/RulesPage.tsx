// `/rules`: every diagnosis rule with its codes, severity, what it checks and its references,
// the signature codes the verifier emits, the status code and NameID format tables, and the
// symptom search (`?symptom=`) that points into them.
import { useCallback, useEffect, useMemo } from 'react';
import { Link, useLocation, useNavigate, useSearch } from '@tanstack/react-router';
import { categoryTitle, NAMEID_FORMATS, SOURCES, STATUS_CODES, VERIFIER_CODES } from '../../core/diagnosis';
import { RULES } from '../../core/rules';
import { SeverityIcon } from '../shared/DiagnosisCategories';
import { SymptomSearch, useSymptomMatches } from '../shared/SymptomSearch';

import type { RulesSearch } from './rulesSearch';

export { validateRulesSearch, type RulesSearch } from './rulesSearch';

export function RulesPage() {
  const search = useSearch({ from: '/rules' }) as RulesSearch;
  const navigate = useNavigate({ from: '/rules' });
  const location = useLocation();
  const setSymptom = useCallback(
    (symptom: string | undefined) => {
      void navigate({ search: symptom ? { symptom } : {}, hash: location.hash || undefined, replace: true });
    },
    [navigate, location.hash],
  );
  const matches = useSymptomMatches(search.symptom);
  const matchedCodes = useMemo(() => new Set(matches.flatMap((m) => m.codes)), [matches]);

  // A link from a symptom lands on its code: bring it into view once the table is rendered.
  useEffect(() => {
    if (!location.hash) return;
    document.getElementById(location.hash.replace(/^#/, ''))?.scrollIntoView({ block: 'center' });
  }, [location.hash]);

  return (
    <div className="rules-page">
      <h1>Diagnosis rules</h1>
      <p>
        Every rule samlscope runs on a message, with the finding codes it emits. Severity is the usual one; a profile can lower or raise it
        (see the <Link to="/profiles">profiles</Link>). Paste the error text a service showed you to find the rules that explain it.
      </p>
      <SymptomSearch value={search.symptom} onChange={setSymptom} presentCodes={null} />

      <section className="panel" aria-labelledby="rules-heading">
        <h2 id="rules-heading">Rules ({RULES.length})</h2>
        <table className="rules-table">
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Codes</th>
              <th scope="col">Severity</th>
              <th scope="col">Title and what it checks</th>
              <th scope="col">References</th>
            </tr>
          </thead>
          <tbody>
            {RULES.map((r) => {
              const matched = r.codes.some((c) => matchedCodes.has(c));
              return (
                <tr key={r.id} id={`rule-${r.id}`} data-rule-id={r.id} className={matched ? 'symptom-match' : undefined} data-symptom-match={matched ? 'true' : undefined}>
                  <th scope="row">
                    <code>{r.id}</code>
                    <div className="muted small">{categoryTitle(r.category)}</div>
                  </th>
                  <td>
                    <ul className="plain-list">
                      {r.codes.map((c) => (
                        <li key={c} id={`code-${c}`} data-code={c} className={matchedCodes.has(c) ? 'symptom-match' : undefined}>
                          <code>{c}</code>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <SeverityIcon severity={r.severity} /> {r.severity}
                  </td>
                  <td>
                    <strong>{r.title}</strong>
                    <p className="small">{r.checks}</p>
                  </td>
                  <td className="small">
                    <ul className="plain-list">
                      {r.references.map((ref) => (
                        <li key={ref}>{ref}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section className="panel" aria-labelledby="verifier-heading">
        <h2 id="verifier-heading">Signature and trust codes (from the verifier)</h2>
        <table className="rules-table">
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Severity</th>
              <th scope="col">Meaning</th>
            </tr>
          </thead>
          <tbody>
            {VERIFIER_CODES.map((v) => (
              <tr key={v.code} id={`code-${v.code}`} data-code={v.code} className={matchedCodes.has(v.code) ? 'symptom-match' : undefined}>
                <th scope="row">
                  <code>{v.code}</code>
                </th>
                <td>
                  <SeverityIcon severity={v.severity} /> {v.severity}
                </td>
                <td>{v.meaning}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="panel" aria-labelledby="status-heading">
        <h2 id="status-heading">SAML status codes (SAML core §3.2.2.2)</h2>
        <table className="rules-table">
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Level</th>
              <th scope="col">Meaning</th>
              <th scope="col">Usual cause</th>
            </tr>
          </thead>
          <tbody>
            {STATUS_CODES.map((s) => (
              <tr key={s.uri} id={`status-${s.name}`}>
                <th scope="row" title={s.uri}>
                  <code>{s.name}</code>
                </th>
                <td>{s.level === 'top' ? 'top-level' : 'second-level'}</td>
                <td>{s.meaning}</td>
                <td>{s.likelyCause}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="panel" aria-labelledby="nameid-heading">
        <h2 id="nameid-heading">NameID formats (SAML core §8.3) and what authentik sends</h2>
        <table className="rules-table">
          <thead>
            <tr>
              <th scope="col">Format</th>
              <th scope="col">Meaning</th>
              <th scope="col">Stable</th>
              <th scope="col">authentik sends ({SOURCES.authentikSamlProvider})</th>
            </tr>
          </thead>
          <tbody>
            {NAMEID_FORMATS.map((f) => (
              <tr key={f.uri} id={`nameid-${f.name}`}>
                <th scope="row" title={f.uri}>
                  <code>{f.name}</code>
                  <div className="muted small">{f.specSection}</div>
                </th>
                <td>{f.meaning}</td>
                <td>{f.stable ? 'yes' : 'no'}</td>
                <td>{f.authentikSends ?? 'not documented'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
