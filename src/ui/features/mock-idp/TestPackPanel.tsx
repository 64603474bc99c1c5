// The SP test pack: every variant, sent one at a time to the SP's ACS (in a new tab, so this
// checklist stays); the tester marks what the SP did, or the page marks "accepted" itself when
// the SP redirects back to the RelayState return URL. Report as Markdown or JSON.
import { packReportJson, packReportMarkdown, packRows, packSummary, type PackContext, type PackResults, type SpOutcome } from '../../../core/idp';
import { CopyButton } from '../../shared/CopyButton';
import { downloadText } from '../../shared/download';

const OUTCOMES: { value: SpOutcome; label: string }[] = [
  { value: 'not-run', label: 'not run' },
  { value: 'accepted', label: 'accepted (the injected user logged in)' },
  { value: 'accepted-as-signed-user', label: 'accepted as the signed user (not the injected one)' },
  { value: 'rejected', label: 'rejected' },
];

export function TestPackPanel(props: {
  results: PackResults;
  onMark: (row: string, outcome: SpOutcome) => void;
  onSend: (row: string) => void;
  onReset: () => void;
  canSend: string | null;
  detectReturn: boolean;
  onDetectReturn: (v: boolean) => void;
  context: PackContext;
}) {
  const rows = packRows(props.results);
  const summary = packSummary(rows);
  const markdown = packReportMarkdown(props.results, props.context);
  const json = packReportJson(props.results, props.context);
  return (
    <section className="panel mock-idp-pack" aria-labelledby="idp-pack-heading">
      <h2 id="idp-pack-heading">SP test pack</h2>
      <p>
        Send each Response to the SP, then mark what it did. A safe SP accepts the valid Response and rejects every variant; for wrapping and comment injection, logging in the user the signature vouches for (not the injected one) is safe too.{' '}
        <span data-pack-summary={`${summary.run}/${summary.total}`}>
          {summary.run} of {summary.total} run: {summary.safe} safe, {summary.vulnerable} vulnerable, {summary.broken} broken.
        </span>
      </p>
      <label className="option-check">
        <input type="checkbox" checked={props.detectReturn} onChange={(e) => props.onDetectReturn(e.target.checked)} /> Detect the SP&apos;s redirect back: send a RelayState that returns here
        (most SPs redirect to it after a successful login), and mark the variant accepted when it does
      </label>
      {props.canSend && <p className="problem-warning">{props.canSend}</p>}
      <div className="table-scroll">
        <table className="pack-table">
          <thead>
            <tr>
              <th scope="col">Variant</th>
              <th scope="col">A safe SP</th>
              <th scope="col">samlscope codes</th>
              <th scope="col">Send</th>
              <th scope="col">What the SP did</th>
              <th scope="col">Verdict</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name} data-pack-row={r.name} data-pack-verdict={r.verdict}>
                <th scope="row">
                  <code>{r.name}</code>
                  <div className="small muted">{r.title}</div>
                </th>
                <td className="small">{r.expectation}</td>
                <td className="small">{r.codes.map((c) => <code key={c}>{c} </code>)}</td>
                <td>
                  <button type="button" onClick={() => props.onSend(r.name)} disabled={!!props.canSend} aria-label={`Send ${r.name}`}>
                    Send
                  </button>
                </td>
                <td>
                  <select aria-label={`What the SP did with ${r.name}`} value={r.outcome} onChange={(e) => props.onMark(r.name, e.target.value as SpOutcome)}>
                    {OUTCOMES.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                  {r.source === 'detected' && <div className="small muted">detected (redirect back)</div>}
                </td>
                <td>
                  <span className={`pack-verdict pack-verdict-${r.verdict}`}>{r.verdict}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="panel-actions">
        <CopyButton value={markdown} label="test pack report (Markdown)" />
        <button type="button" onClick={() => downloadText('sp-test-pack.md', markdown, 'text/markdown')}>
          Download report (Markdown)
        </button>
        <button type="button" onClick={() => downloadText('sp-test-pack.json', json, 'application/json')}>
          Download report (JSON)
        </button>
        <button type="button" onClick={props.onReset}>
          Reset results
        </button>
      </div>
    </section>
  );
}
