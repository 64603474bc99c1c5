// Share and export an OIDC diagnosis, like the inspect page's Share panel (docs/sharing.md,
// docs/oidc.md "Sharing"): a link with the whole state in its fragment (`#share=o1.…`), masks
// chosen before sharing (claims, e-mails, token signature) that apply to the link and to every
// export, and the JSON (as `samlscope oidc --json`) and Markdown exports.
import { useEffect, useState } from 'react';
import type { ExoscaleOidcSettings, OidcReport } from '../../../core/oidc';
import {
  createOidcShareState,
  OIDC_REDACTION_FIELDS,
  oidcReportToJson,
  oidcReportToMarkdown,
  oidcShareUrl,
  redactOidcShareState,
  type OidcRedactionField,
  type OidcReportedVerdict,
} from '../../../core/share/oidc';
import { linkLengthAdvice, type LinkLengthAdvice } from '../../../core/share';
import { TOOL_VERSION } from '../../../core/exports';
import { copyText } from '../../shared/clipboard';
import { downloadText } from '../../shared/download';

const LABELS: Record<OidcRedactionField, string> = {
  claims: 'Claim values (sub, email, name, groups…) and the access/refresh token or code',
  emails: 'E-mail addresses anywhere',
  signature: 'Token signature',
};

export interface OidcShareContext {
  input: string;
  keys: string;
  /** The client secret in here is never put into a state (createOidcShareState drops it). */
  settings: ExoscaleOidcSettings;
  report: OidcReport;
}

interface Built {
  url: string;
  advice: LinkLengthAdvice;
  report: OidcReport;
  reported?: OidcReportedVerdict;
  note?: string;
  notes: string[];
}

export function OidcSharePanel({ ctx, reinspect }: { ctx: OidcShareContext | null; reinspect: (input: string, keys: string, settings: ExoscaleOidcSettings, at: string) => Promise<OidcReport> }) {
  const [fields, setFields] = useState<OidcRedactionField[]>([]);
  const [link, setLink] = useState<Built | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setLink(null);
    setStatus('');
  }, [ctx, fields]);

  if (!ctx) return null;

  const build = async (): Promise<Built> => {
    const state = createOidcShareState({ input: ctx.input, keys: ctx.keys, settings: ctx.settings, at: ctx.report.evaluatedAt, skewSeconds: ctx.report.skewSeconds });
    const base = `${location.origin}${location.pathname}`;
    if (fields.length === 0) {
      const url = oidcShareUrl(base, state);
      return { url, advice: linkLengthAdvice(url), report: ctx.report, notes: [] };
    }
    const r = await redactOidcShareState(state, fields, ctx.report);
    const url = oidcShareUrl(base, r.state);
    // The exports describe what the recipient will see: the masked copy, inspected afresh.
    const report = await reinspect(r.state.input, r.state.keys, r.state.settings, r.state.at);
    const note = `The sharer masked ${fields.map((f) => LABELS[f].toLowerCase()).join('; ')} (${r.maskedCount} distinct value${r.maskedCount === 1 ? '' : 's'}).`;
    return { url, advice: linkLengthAdvice(url), report, reported: r.state.redacted?.reported, note, notes: r.notes };
  };

  const run = async (fn: (b: Built) => Promise<string> | string) => {
    setBusy(true);
    try {
      const b = await build();
      setStatus(await fn(b));
    } catch (e) {
      setStatus(`Could not build the link or export: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  const suffix = fields.length ? '-redacted' : '';
  const markdown = (b: Built) => oidcReportToMarkdown(b.report, { reported: b.reported, redactedNote: b.note });

  return (
    <section className="panel share-panel oidc-share" aria-labelledby="oidc-share-heading">
      <h2 id="oidc-share-heading">Share</h2>
      <p className="hint small">
        The link carries the token, the keys, the settings (never the client secret) and the evaluation time in its fragment (<code>#share=o1.…</code>),
        which browsers never send to any server.
      </p>
      <fieldset className="redaction-choices">
        <legend>Mask before sharing</legend>
        {OIDC_REDACTION_FIELDS.map((f) => (
          <label key={f} className="checkbox">
            <input
              type="checkbox"
              name="oidc-redact"
              value={f}
              checked={fields.includes(f)}
              onChange={(e) => setFields((cur) => (e.target.checked ? OIDC_REDACTION_FIELDS.filter((x) => x === f || cur.includes(x)) : cur.filter((x) => x !== f)))}
            />{' '}
            {LABELS[f]}
          </label>
        ))}
        <p className="hint small">
          Masks are deterministic within one share, so “sub = email” correlations survive. Protocol claims (iss, aud, exp, iat, nonce…) stay: they are the
          diagnosis. Masking applies to the link and to every export.
        </p>
      </fieldset>
      <div className="share-actions">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() =>
            void run(async (b) => {
              setLink(b);
              return (await copyText(b.url)) ? 'Link copied to the clipboard.' : 'Copying was refused by the browser: select the link below and copy it.';
            })
          }
        >
          Copy link
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void run((b) => {
              downloadText(`samlscope-oidc${suffix}.report.json`, `${JSON.stringify(oidcReportToJson(b.report, TOOL_VERSION), null, 2)}\n`, 'application/json');
              return 'Report JSON downloaded.';
            })
          }
        >
          Export report (JSON)
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void run((b) => {
              downloadText(`samlscope-oidc${suffix}.md`, markdown(b), 'text/markdown');
              return 'Markdown downloaded.';
            })
          }
        >
          Export Markdown
        </button>
        <button type="button" disabled={busy} onClick={() => void run(async (b) => ((await copyText(markdown(b))) ? 'Markdown copied to the clipboard.' : 'Copying was refused by the browser: use "Export Markdown".'))}>
          Copy Markdown
        </button>
        <button
          type="button"
          disabled={busy || !ctx.report.token}
          onClick={() =>
            void run((b) => {
              const t = b.report.token;
              if (!t) return 'No decoded token to download.';
              downloadText(`samlscope-oidc${suffix}-token.json`, `${JSON.stringify({ header: t.header, payload: t.payload }, null, 2)}\n`, 'application/json');
              return 'Decoded token downloaded.';
            })
          }
        >
          Download decoded token
        </button>
      </div>
      <p className="small share-status" role="status" aria-live="polite">
        {status}
      </p>
      {link && link.notes.length > 0 && (
        <ul className="small muted share-notes">
          {link.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
      {link && (
        <div className={`share-link link-${link.advice.level}`} data-link-level={link.advice.level} data-link-length={link.advice.length}>
          <label className="share-link-field">
            <span>{fields.length ? 'Redacted share link' : 'Share link'}</span>
            <input type="text" readOnly aria-label="Share link" value={link.url} onFocus={(e) => e.currentTarget.select()} spellCheck={false} />
          </label>
          <p className="small link-length">
            <strong>Link length:</strong> {link.advice.message}
          </p>
        </div>
      )}
    </section>
  );
}
