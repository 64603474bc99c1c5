// The Share panel (issue 6): redaction choices, "Copy link", the link's length advice, and the
// exports (share file, one button per export format of core/exports, decoded XML). Every
// artefact is built from the same ShareArtifacts, so a redacted link and a redacted Markdown
// carry the same masks.
import { useEffect, useRef, useState } from 'react';
// Leaf modules, not the core/share barrel: the barrel brings redaction and the whole inspection
// core into the page's first screen (they run in the worker).
import { linkLengthAdvice, REDACTION_FIELDS, shareUrl, type LinkLengthAdvice, type RedactionField } from '../../../core/share/state';
import { EXPORT_FORMATS, type ExportFormat } from '../../../core/exports';
import { copyText } from '../../shared/clipboard';
import type { ShareArtifacts, ShareContext } from './shareContext';
import { REDACTION_LABELS } from './redaction';
import { useWorkerTask } from '../../worker/useWorkerRun';
import { RunProgress } from '../../shared/RunProgress';
import { downloadText, fileStem } from '../../shared/download';
import { SHARE_FILE_SUFFIX, shareFileText } from './shareFile';

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The app's own address without query or fragment: the link's state lives in the fragment only. */
function appBaseUrl(): string {
  return `${location.origin}${location.pathname}`;
}

export function SharePanel({ ctx }: { ctx: ShareContext | null }) {
  const [fields, setFields] = useState<RedactionField[]>([]);
  const [link, setLink] = useState<{ url: string; advice: LinkLengthAdvice; redacted: boolean } | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notes, setNotes] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  // One set of artefacts per (view, redaction choice): masks use a fresh random salt per
  // redaction, so reusing them keeps the link and the exports consistent with each other.
  const cache = useRef<{ ctx: ShareContext; key: string; value: Promise<ShareArtifacts | null> } | null>(null);
  // Redaction re-inspects the masked copy: in the worker, under the watchdog.
  const task = useWorkerTask();

  useEffect(() => {
    setLink(null);
    setStatus('');
    setError(null);
  }, [ctx, fields]);

  if (!ctx) return null;

  const artifacts = (): Promise<ShareArtifacts | null> => {
    const key = fields.join(',');
    if (cache.current && cache.current.ctx === ctx && cache.current.key === key) return cache.current.value;
    const value = task.run('share-artifacts', { ctx, fields }).then((outcome) => {
      if (!outcome.ok) {
        cache.current = null;
        setError(`Could not build the link (${outcome.error.code}): ${outcome.error.message}`);
        return null;
      }
      const r = outcome.value;
      if (!r.ok) {
        setError(`Could not redact this input (${r.error.code}): ${r.error.message}`);
        return null;
      }
      setNotes(r.value.notes);
      return r.value;
    });
    cache.current = { ctx, key, value };
    return value;
  };

  const run = async (what: string, fn: (a: ShareArtifacts) => void | Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      const a = await artifacts();
      if (a) {
        await fn(a);
        setStatus(what);
      }
    } finally {
      setBusy(false);
    }
  };

  const stem = fileStem(ctx.source);
  const suffix = fields.length ? '-redacted' : '';

  const copyLink = () =>
    run('', async (a) => {
      const url = shareUrl(appBaseUrl(), a.state);
      setLink({ url, advice: linkLengthAdvice(url), redacted: !!a.state.redacted });
      const copied = await copyText(url);
      setStatus(copied ? 'Link copied to the clipboard.' : 'Copying was refused by the browser: select the link below and copy it.');
    }).then(() => undefined);

  const downloadShareFile = () =>
    run('Share file downloaded: open it with "Open file…" or drop it on the page.', (a) =>
      downloadText(`${stem}${suffix}${SHARE_FILE_SUFFIX}`, shareFileText(a.state), 'application/json'),
    );

  const render = (format: ExportFormat, a: ShareArtifacts) =>
    format.render([a.report], { redactedNote: a.redactedNote, reportedVerdicts: a.reportedVerdicts });

  const selectedXml = (a: ShareArtifacts) => {
    const msgs = a.report.messages;
    const m = msgs[Math.min(ctx.selected, msgs.length - 1)];
    return m ? { xml: m.payload.xml, n: Math.min(ctx.selected, msgs.length - 1) + 1 } : null;
  };
  const hasMessage = ctx.messages.length > 0;

  return (
    <section className="panel share-panel" aria-labelledby="share-heading">
      <h2 id="share-heading">Share</h2>
      <p className="hint small">
        The link carries the whole diagnosis (input, trust, expectations, evaluation time, profile, selected message) in its fragment
        (<code>#share=…</code>), which browsers never send to any server.
      </p>
      <fieldset className="redaction-choices">
        <legend>Mask before sharing</legend>
        {REDACTION_FIELDS.map((f) => (
          <label key={f} className="checkbox">
            <input
              type="checkbox"
              name="redact"
              value={f}
              checked={fields.includes(f)}
              onChange={(e) => setFields((cur) => (e.target.checked ? REDACTION_FIELDS.filter((x) => x === f || cur.includes(x)) : cur.filter((x) => x !== f)))}
            />{' '}
            {REDACTION_LABELS[f]}
          </label>
        ))}
        <p className="hint small">
          Masks are deterministic within one share (the same value always gets the same mask), so correlations such as “NameID = mail
          attribute” survive. Masking applies to the link and to every export below.
        </p>
      </fieldset>
      <RunProgress activity={task} what="Building the share artefacts" />
      <div className="share-actions">
        <button type="button" className="primary" onClick={copyLink} disabled={busy}>
          Copy link
        </button>
        <button type="button" onClick={downloadShareFile} disabled={busy}>
          Download share file
        </button>
        {EXPORT_FORMATS.map((format) => (
          <span key={format.name} className="share-export" data-export-format={format.name}>
            <button
              type="button"
              disabled={busy}
              onClick={() => run(`${capitalized(format.label)} downloaded.`, (a) => downloadText(`${stem}${suffix}${format.fileSuffix}`, render(format, a), format.mediaType))}
            >
              Export {format.label}
            </button>
            {format.copyable && (
              <button
                type="button"
                disabled={busy}
                onClick={() =>
                  run('', async (a) => {
                    const copied = await copyText(render(format, a));
                    setStatus(copied ? `${format.label} copied to the clipboard.` : `Copying was refused by the browser: use "Export ${format.label}".`);
                  })
                }
              >
                Copy {format.label}
              </button>
            )}
          </span>
        ))}
        <button
          type="button"
          disabled={busy || !hasMessage}
          onClick={() =>
            run('Decoded XML downloaded.', (a) => {
              const sel = selectedXml(a);
              if (sel) downloadText(`${stem}${suffix}-message-${sel.n}.xml`, sel.xml, 'application/xml');
            })
          }
        >
          Download decoded XML
        </button>
      </div>
      <p className="small share-status" role="status" aria-live="polite">
        {status}
      </p>
      {error && (
        <div role="alert" className="input-error share-error">
          {error}
        </div>
      )}
      {notes.length > 0 && fields.length > 0 && (
        <ul className="small muted share-notes">
          {notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
      {link && (
        <div className={`share-link link-${link.advice.level}`} data-link-level={link.advice.level} data-link-length={link.advice.length}>
          <label className="share-link-field">
            <span>{link.redacted ? 'Redacted share link' : 'Share link'}</span>
            <input type="text" readOnly aria-label="Share link" value={link.url} onFocus={(e) => e.currentTarget.select()} spellCheck={false} />
          </label>
          <p className="small link-length">
            <strong>Link length:</strong> {link.advice.message}
          </p>
          {link.advice.suggestFileExport && (
            <p className="small">
              <button type="button" onClick={downloadShareFile} disabled={busy}>
                Download share file instead
              </button>{' '}
              The recipient opens it with “Open file…” or by dropping it on samlscope.
            </p>
          )}
        </div>
      )}
    </section>
  );
}
