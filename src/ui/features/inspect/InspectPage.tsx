// The inspect page (route `/`, the start page): paste or drop anything, see what it is.
// Thin over the core: every fact shown comes from inspectInput()'s InspectReport, computed in the
// inspection worker (src/ui/worker/) so that no input can freeze the page. The page holds the
// report's bounded overview (worker/reportOverview.ts) and the shown message in full.
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { EvaluationTimeFields } from '../../shared/EvaluationTimeFields';
import { useWorkerRun, useWorkerTask } from '../../worker/useWorkerRun';
import type { InspectRunView } from '../../worker/protocol';
import { useMessageDetail } from '../../worker/useMessageDetail';
import { reportViewOf, type ReportView, type ShownMessage } from '../../worker/reportOverview';
import { MoreItems, useSliceLimit } from '../../shared/incremental';
import { RunErrorNotice, RunProgress } from '../../shared/RunProgress';
import type { Finding, InspectedMessage, InspectOptions, InspectReport, SignatureReport } from '../../../core/types';
import type { RunError as InspectRunError } from '../../worker/protocol';
import { CodeEditor, type EditorHighlight, type EditorMarker } from '../../shared/CodeEditor';
import { CopyButton, CopyableValue } from '../../shared/CopyButton';
import { DiagnosisProfilePanel, ExpectationNote } from './DiagnosisProfile';
import { ErrorList } from './ErrorList';
import { FindingsList } from './FindingsList';
import { MessageList } from './MessageList';
import { MockSpCapturePanel, useAcsCapture } from '../mock-sp/MockSpCapturePanel';
import { MessageDetails, OverallVerdictPill, SummaryPanel, TrustedBadge } from './MessageSummaryView';
import { SignaturesPanel } from './SignaturesPanel';
import { AnchorScope } from './AnchorScope';
import { DecryptionPanel } from './DecryptionPanel';
import { CapturePairNote } from './CapturePairNote';
import { ClaimDisagreements, ShareLinkError, ShareOpenedNotice, SharerClaims, type SharedOrigin } from '../sharing/ShareNotices';
import { compareClaim } from '../../../core/share/claims';
import { shareFragmentOf } from '../../../core/share/fragment';
import type { ShareError, ShareState } from '../../../core/share/state';
import type { ShareContext } from '../sharing/shareContext';
import { searchOfShareState } from '../sharing/openShare';
import { mayBeShareFile } from '../sharing/mayBeShareFile';
import { SymptomSearch, useSymptomMatches } from '../../shared/SymptomSearch';
import { PROFILES, type InspectSearch, type ProfileName } from '../../search';
import { trustEntries } from './trust';
import { elementLineRange, findIdLine } from './xmlLines';
import type { RulesSearch } from '../../routes/rulesSearch';

// Below the fold and only once something is inspected: loaded then (they bring DEFLATE for links).
const SharePanel = lazy(() => import('../sharing/SharePanel').then((m) => ({ default: m.SharePanel })));
const HistoryPanel = lazy(() => import('../sharing/HistoryPanel').then((m) => ({ default: m.HistoryPanel })));

const DEFAULT_SKEW = 180;
const TYPING_DEBOUNCE_MS = 150;

interface TrustFile {
  name: string;
  text: string;
}

/** The report as the page holds it: every message's overview, the shown one in full. */
export interface ShownReport extends Omit<ReportView, 'messages'> {
  messages: ShownMessage[];
}

/** The test/automation hook (see e2e/helpers.ts). Carries no data out of the page. */
export interface SamlscopeHook {
  setInput(text: string, source?: string): void;
  setTrust(text: string): void;
  /** The report shown; only the shown message is complete (`message()`), the others are overviews. */
  report(): ShownReport | null;
  /** The shown message in full, once the worker sent it. */
  message(): InspectedMessage | null;
  loadFixture?: () => Promise<void>;
}

declare global {
  interface Window {
    __samlscope?: SamlscopeHook;
  }
}

function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return !!target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], .monaco-editor');
}

export function InspectPage() {
  const search = useSearch({ from: '/' }) as InspectSearch & RulesSearch;
  const navigate = useNavigate({ from: '/' });

  const [input, setInputState] = useState('');
  const [source, setSource] = useState('pasted');
  const [trustText, setTrustText] = useState('');
  const [trustFiles, setTrustFiles] = useState<TrustFile[]>([]);
  // The SP private key: secret, kept in this component's state only — not in the URL, share
  // links, history or exports (docs/decryption.md).
  const [spKeyText, setSpKeyText] = useState('');
  const [mockSpKeyNote, setMockSpKeyNote] = useState<string | null>(null);
  // DEV only: a hand-made report shown instead of the core's (window.__samlscope.loadFixture()).
  const [fixture, setFixture] = useState<InspectReport | null>(null);
  const [highlight, setHighlight] = useState<EditorHighlight | null>(null);
  const [dragging, setDragging] = useState<null | 'message' | 'trust'>(null);
  const immediateRef = useRef(false);
  const reportRef = useRef<ShownReport | null>(null);
  const messageRef = useRef<InspectedMessage | null>(null);
  // Read when an inspection starts: the reply carries this message in full.
  const selectedRef = useRef(0);
  const nonceRef = useRef(0);
  // Issue 6: a state opened from a link, share file or history entry, and a link that failed.
  const [shared, setShared] = useState<{ origin: SharedOrigin; state: ShareState } | null>(null);
  const [shareError, setShareError] = useState<{ origin: 'link' | 'file'; error: ShareError } | null>(null);

  const setSearch = useCallback(
    (patch: Partial<InspectSearch & RulesSearch>) => {
      void navigate({
        search: (prev: InspectSearch) => {
          const next: Record<string, unknown> = { ...prev, ...patch };
          for (const k of Object.keys(next)) if (next[k] === undefined || next[k] === '') delete next[k];
          return next as InspectSearch;
        },
        replace: true,
      });
    },
    [navigate],
  );

  /** Restore a shared state: input, trust, and (in the URL search) options and the recorded instant. */
  const applyShareState = useCallback(
    (state: ShareState, origin: SharedOrigin) => {
      immediateRef.current = true;
      setShareError(null);
      setShared({ origin, state });
      setFixture(null);
      setSource(state.source ?? 'shared');
      setInputState(state.input);
      setTrustText('');
      setTrustFiles(state.trust.map((text, i) => ({ name: `trust ${i + 1} (from the ${origin === 'history' ? 'history' : origin})`, text })));
      void navigate({ search: searchOfShareState(state) as never, replace: true });
    },
    [navigate],
  );

  // Opening a link or a share file: decoded (inflated, parsed, validated) in the worker, under the
  // watchdog like any inspection.
  const linkTask = useWorkerTask();
  const [linkRunError, setLinkRunError] = useState<InspectRunError | null>(null);

  /** Paste, drop, file chooser, hook: decode at once. Typing goes through the debounce. */
  const setInputNow = useCallback((text: string, from = 'pasted') => {
    const asInput = () => {
      immediateRef.current = true;
      setFixture(null);
      setSource(from);
      setInputState(text);
    };
    if (!mayBeShareFile(text)) {
      asInput();
      return;
    }
    setLinkRunError(null);
    void linkTask.run('open-share-file', { text }).then((outcome) => {
      if (!outcome.ok) setLinkRunError(outcome.error);
      else if (outcome.value === null) asInput();
      else if (outcome.value.ok) applyShareState(outcome.value.value, 'file');
      else setShareError({ origin: 'file', error: outcome.value.error });
    });
  }, [applyShareState, linkTask.run]);

  // Opening a link: the state is in the fragment (`#share=s1.…`), never sent to any server.
  useEffect(() => {
    const openFragment = () => {
      const fragment = shareFragmentOf(window.location.hash);
      if (fragment === null) return;
      setLinkRunError(null);
      void linkTask.run('open-share', { fragment }).then((outcome) => {
        if (!outcome.ok) setLinkRunError(outcome.error);
        else if (outcome.value.ok) applyShareState(outcome.value.value, 'link');
        else setShareError({ origin: 'link', error: outcome.value.error });
      });
    };
    openFragment();
    window.addEventListener('hashchange', openFragment);
    return () => window.removeEventListener('hashchange', openFragment);
  }, [applyShareState, linkTask.run]);

  /** Mock SP (docs/mock-sp.md): its key, when it was generated or imported exportable, decrypts what the IdP sent it. */
  const applyMockSpKey = useCallback(async () => {
    // Loaded on use: the mock SP's storage brings the mock SP core (XML signing, keys), which the
    // start page does not need until this button is pressed.
    const { loadKeyPair } = await import('../mock-sp/storage');
    const pair = await loadKeyPair();
    if (!pair) setMockSpKeyNote('The mock SP has no key yet: generate one on the Mock SP page.');
    else if (pair.keyType !== 'RSA') setMockSpKeyNote(`The mock SP key is ${pair.description}; decrypting needs an RSA key.`);
    else if (!pair.privateKeyPkcs8Pem) setMockSpKeyNote('The mock SP key has no PEM copy, so it cannot decrypt. On the Mock SP page, remove it and generate or import it again with "Also keep the private key as PEM".');
    else {
      immediateRef.current = true;
      setSpKeyText(pair.privateKeyPkcs8Pem);
      setMockSpKeyNote(`Using the mock SP key (${pair.description}, ${pair.subject}).`);
    }
  }, []);

  const addTrustFile = useCallback((name: string, text: string) => {
    immediateRef.current = true;
    setTrustFiles((files) => [...files.filter((f) => f.name !== name), { name, text }]);
  }, []);

  // ---- the IdP's answer captured at /acs (mock SP, docs/mock-sp.md) ----
  const capture = useAcsCapture({
    setInput: setInputNow,
    setTrust: (text) => {
      immediateRef.current = true;
      setTrustText(text);
    },
    setExpectations: (e) => setSearch(e),
  });

  // ---- decode / inspect ----
  const trust = useMemo(() => trustEntries([trustText, ...trustFiles.map((f) => f.text)]), [trustText, trustFiles]);
  const options = useMemo((): Omit<InspectOptions, 'at'> & { atIso?: string } => {
    const o: Omit<InspectOptions, 'at'> & { atIso?: string } = { trust, skewSeconds: search.skew ?? DEFAULT_SKEW };
    if (search.at) o.atIso = search.at;
    if (search.sp) o.spEntityId = search.sp;
    if (search.acs) o.acsUrl = search.acs;
    if (search.idp) o.idpEntityId = search.idp;
    if (search.req) o.requestId = search.req;
    if (search.profile) o.profile = search.profile;
    return o;
  }, [trust, search.skew, search.at, search.sp, search.acs, search.idp, search.req, search.profile]);

  const hasInput = input.trim() !== '';
  const inspection = useWorkerRun(
    'inspect',
    !hasInput && trust.length === 0
      ? null
      : () => {
          const { atIso, ...rest } = options;
          // "now" is taken when the inspection runs, so a re-run re-evaluates against the clock.
          const opts: InspectOptions = { ...rest, at: atIso ? new Date(atIso) : new Date(), ...(spKeyText.trim() ? { decryptionKeys: [spKeyText] } : {}) };
          return { input, source, options: opts, selected: selectedRef.current };
        },
    () => {
      const delay = immediateRef.current ? 0 : TYPING_DEBOUNCE_MS;
      immediateRef.current = false;
      return delay;
    },
    [input, source, options, hasInput, trust.length, spKeyText],
  );
  const { pending } = inspection;
  const run: InspectRunView | null = inspection.result;
  const decodedReport = run?.report ?? null;
  const fixtureView = useMemo(() => (fixture ? reportViewOf(fixture) : null), [fixture]);
  const report: ReportView | null = fixtureView ?? decodedReport;

  // ---- paste anywhere, drop anywhere ----
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      if (isEditableTarget(e.target)) return; // the focused field takes it
      const data = e.clipboardData;
      if (!data) return;
      const file = data.files?.[0];
      if (file) {
        e.preventDefault();
        void file.text().then((t) => setInputNow(t, file.name));
        return;
      }
      const text = data.getData('text/plain') || data.getData('text');
      if (text) {
        e.preventDefault();
        setInputNow(text, 'pasted');
      }
    };
    const zoneOf = (target: EventTarget | null): 'message' | 'trust' =>
      target instanceof Element && target.closest('[data-drop-target="trust"]') ? 'trust' : 'message';
    const hasFiles = (e: DragEvent) => !!e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files');
    const onDragOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      setDragging(zoneOf(e.target));
    };
    const onDragLeave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(null);
    };
    // Capture phase: Monaco would otherwise insert a dropped file's name as text.
    const onDrop = (e: DragEvent) => {
      setDragging(null);
      const files = e.dataTransfer?.files;
      if (!files || files.length === 0) return;
      e.preventDefault();
      e.stopPropagation();
      const zone = zoneOf(e.target);
      const list = Array.from(files);
      if (zone === 'trust') {
        for (const f of list) void f.text().then((t) => addTrustFile(f.name, t));
      } else {
        const f = list[0];
        void f.text().then((t) => setInputNow(t, f.name));
      }
    };
    document.addEventListener('paste', onPaste);
    window.addEventListener('dragover', onDragOver, true);
    window.addEventListener('dragleave', onDragLeave, true);
    window.addEventListener('drop', onDrop, true);
    return () => {
      document.removeEventListener('paste', onPaste);
      window.removeEventListener('dragover', onDragOver, true);
      window.removeEventListener('dragleave', onDragLeave, true);
      window.removeEventListener('drop', onDrop, true);
    };
  }, [setInputNow, addTrustFile]);

  // ---- automation hook ----
  useEffect(() => {
    const hook: SamlscopeHook = {
      setInput: (text, from) => setInputNow(text, from ?? 'pasted'),
      setTrust: (text) => {
        immediateRef.current = true;
        setTrustText(text);
      },
      report: () => reportRef.current,
      message: () => messageRef.current,
    };
    if (import.meta.env.DEV) {
      hook.loadFixture = async () => {
        const { fixtureReport } = await import('./dev/fixtureReport');
        setInputState('(fixture report: see src/ui/features/inspect/dev/fixtureReport.ts)');
        setFixture(fixtureReport);
      };
    }
    window.__samlscope = hook;
    return () => {
      if (window.__samlscope === hook) delete window.__samlscope;
    };
  }, [setInputNow]);

  // ---- selection ----
  const messages = report?.messages ?? [];
  const selected = Math.min(search.msg ?? 0, Math.max(0, messages.length - 1));
  selectedRef.current = search.msg ?? 0;
  const overview = hasInput ? messages[selected] : undefined;
  // The shown message in full: in the inspection's reply, or asked of the worker when selected.
  const detail = useMessageDetail(inspection, selected);
  const message: InspectedMessage | undefined = !hasInput ? undefined : fixture ? fixture.messages[selected] : detail.message && overview ? detail.message : undefined;
  messageRef.current = message ?? null;
  reportRef.current = useMemo(
    () => (report ? { ...report, messages: report.messages.map((m, i): ShownMessage => (i === selected && message ? message : m)) } : null),
    [report, selected, message],
  );
  useEffect(() => setHighlight(null), [message]);

  // The shared state stays "opened" while its input is what the view shows.
  const sharedActive = shared && shared.state.input === input ? shared : null;
  const redaction = sharedActive?.state.redacted;
  // A shared state's recorded verdicts are the sharer's claims: compared with this page's own.
  const claim = redaction?.reportedVerdicts[selected];
  const disagreements = useMemo(
    () => (claim && message && !fixture ? compareClaim(claim, message, { trustMasked: (run?.maskedTrustCertificates ?? 0) > 0 }) : []),
    [claim, message, fixture, run],
  );
  const shareCtx = useMemo<ShareContext | null>(
    () =>
      decodedReport && hasInput && !fixture && !pending
        ? {
            input,
            source,
            trust,
            options,
            selected,
            evaluatedAt: decodedReport.evaluatedAt,
            messages: decodedReport.messages.map((m) => ({ kind: m.kind, issuer: m.issuer })),
            ...(spKeyText.trim() ? { decryptionKeys: [spKeyText] } : {}),
          }
        : null,
    [decodedReport, hasInput, fixture, pending, input, source, trust, options, selected, spKeyText],
  );

  const markers = useMemo<EditorMarker[]>(
    () =>
      (message?.findings ?? [])
        .filter((f) => f.location)
        .map((f) => ({
          line: f.location!.line,
          column: f.location!.column,
          severity: f.severity,
          message: `${f.title}\n${f.explanation}${f.fix ? `\nFix: ${f.fix}` : ''}`,
          code: f.code,
        })),
    [message],
  );

  const revealFinding = useCallback((f: Finding) => {
    if (!f.location) return;
    setHighlight({ startLine: f.location.line, endLine: f.location.line, column: f.location.column, kind: 'finding', nonce: ++nonceRef.current });
  }, []);

  const showCovered = useCallback(
    (sig: SignatureReport) => {
      if (!message || !sig.targetId) return;
      const range = elementLineRange(message.prettyXml, sig.targetId);
      const line = range?.startLine ?? findIdLine(message.prettyXml, sig.targetId);
      if (!line) return;
      setHighlight({ startLine: line, endLine: range?.endLine ?? line, kind: 'covered', nonce: ++nonceRef.current });
    },
    [message],
  );

  const evaluatedAt = report ? new Date(report.evaluatedAt) : new Date();
  const skew = search.skew ?? DEFAULT_SKEW;
  const anchorCount = report?.trustAnchors.length ?? 0;
  // Symptom search: the findings its matching symptoms name are highlighted in the list.
  const setSymptom = useCallback((symptom: string | undefined) => setSearch({ symptom }), [setSearch]);
  const symptomMatches = useSymptomMatches(search.symptom);
  const symptomCodes = useMemo(() => new Set(symptomMatches.flatMap((m) => m.codes)), [symptomMatches]);
  const presentCodes = useMemo(() => (overview ? new Set(overview.findings.map((f) => f.code)) : null), [overview]);
  const optionsOpen = !!(search.sp || search.acs || search.idp || search.req || search.at || search.skew !== undefined || search.profile);

  return (
    <div className={`inspect ${dragging ? `dragging dragging-${dragging}` : ''}`}>
      <div className="inputs">
        <section className={`panel input-panel ${dragging === 'message' ? 'drop-active' : ''}`} data-drop-target="message" aria-labelledby="input-heading">
          <div className="panel-head">
            <h1 id="input-heading">Inspect a message</h1>
            {/* Always the recipient's own standing, shared state or not (CONTRACT §2: a shared report's verdicts are the recipient's). */}
            {overview && <OverallVerdictPill message={overview} />}
            <div className="panel-actions">
              <label className="button file-button">
                Open file…
                <input
                  type="file"
                  className="visually-hidden"
                  accept=".har,.json,.xml,.txt,.b64,.html,.htm,text/*,application/json,application/xml"
                  onChange={(e) => {
                    const f = e.target.files?.[0];
                    if (f) void f.text().then((t) => setInputNow(t, f.name));
                    e.target.value = '';
                  }}
                />
              </label>
              <button type="button" onClick={() => setInputNow('', 'pasted')} disabled={!hasInput}>
                Clear
              </button>
            </div>
          </div>
          <p className="hint small">
            Paste anywhere on the page or drop a file: a Redirect URL or query string, a POST body or auto-submit form, bare base64,
            XML (protocol message or metadata), a HAR file or a SAML-tracer export.
          </p>
          <CodeEditor
            ariaLabel="SAML message"
            value={input}
            onChange={(t) => {
              setFixture(null);
              setSource('pasted');
              setInputState(t);
            }}
            placeholder="Paste a SAML message, URL, HAR…"
            className="input-editor"
          />
        </section>

        <section className={`panel trust-panel ${dragging === 'trust' ? 'drop-active' : ''}`} data-drop-target="trust" aria-labelledby="trust-heading">
          <div className="panel-head">
            <h2 id="trust-heading">Trust</h2>
            <div className="panel-actions">
              <label className="button file-button">
                Add file…
                <input
                  type="file"
                  multiple
                  className="visually-hidden"
                  accept=".xml,.pem,.crt,.cer,.txt,application/xml,text/*"
                  onChange={(e) => {
                    for (const f of Array.from(e.target.files ?? [])) void f.text().then((t) => addTrustFile(f.name, t));
                    e.target.value = '';
                  }}
                />
              </label>
            </div>
          </div>
          <p className="hint small">IdP (or SP) metadata, or signing certificates (PEM, base64 DER, or an X509Certificate element). Only what you put here is trusted.</p>
          <textarea
            className="trust-input"
            aria-label="Trusted metadata or certificate"
            value={trustText}
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            placeholder="Paste metadata XML or certificates, or drop files here"
            onChange={(e) => setTrustText(e.target.value)}
          />
          {trustFiles.length > 0 && (
            <ul className="trust-files">
              {trustFiles.map((f) => (
                <li key={f.name}>
                  <span>{f.name}</span>
                  <button type="button" aria-label={`Remove trust file ${f.name}`} onClick={() => setTrustFiles((fs) => fs.filter((x) => x.name !== f.name))}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          {report && <TrustSummary report={report} run={fixture ? null : run} />}
          <div className="sp-key">
            <label htmlFor="sp-key-input" className="small">
              <strong>SP private key</strong> (decrypts EncryptedAssertion; stays in this page)
            </label>
            <textarea
              id="sp-key-input"
              className="trust-input sp-key-input"
              aria-label="SP private key"
              value={spKeyText}
              spellCheck={false}
              autoCapitalize="off"
              autoComplete="off"
              data-secret="true"
              placeholder="-----BEGIN PRIVATE KEY----- (PKCS#8) or -----BEGIN RSA PRIVATE KEY----- (PKCS#1)"
              onChange={(e) => {
                immediateRef.current = true;
                setSpKeyText(e.target.value);
              }}
            />
            <div className="option-row small">
              <button type="button" onClick={() => void applyMockSpKey()}>
                Use the mock SP's key
              </button>
              <button type="button" onClick={() => { setSpKeyText(''); setMockSpKeyNote(null); }} disabled={!spKeyText}>
                Forget key
              </button>
              {mockSpKeyNote && <span className="muted">{mockSpKeyNote}</span>}
            </div>
            {report?.decryptionKeyErrors && report.decryptionKeyErrors.length > 0 && (
              <ul className="input-error small" data-sp-key-errors="true">
                {report.decryptionKeyErrors.map((e, i) => (
                  <li key={i}>{e.message}</li>
                ))}
              </ul>
            )}
            {report?.decryptionKeys && report.decryptionKeys.length > 0 && (
              <ul className="anchor-list small">
                {report.decryptionKeys.map((k) => (
                  <li key={k.index}>{k.label}</li>
                ))}
              </ul>
            )}
          </div>
        </section>
      </div>

      <details className="panel options" open={optionsOpen || undefined}>
        <summary>Expectations, evaluation time and profile</summary>
        <div className="options-grid">
          <TextOption label="SP entity ID" value={search.sp} onChange={(v) => setSearch({ sp: v })} note={message ? <ExpectationNote expectation={message.expectations?.spEntityId} typed={search.sp} /> : null} />
          <TextOption label="ACS URL" value={search.acs} onChange={(v) => setSearch({ acs: v })} note={message ? <ExpectationNote expectation={message.expectations?.acsUrl} typed={search.acs} /> : null} />
          <TextOption label="IdP entity ID" value={search.idp} onChange={(v) => setSearch({ idp: v })} note={message ? <ExpectationNote expectation={message.expectations?.idpEntityId} typed={search.idp} /> : null} />
          <TextOption label="Request ID" value={search.req} onChange={(v) => setSearch({ req: v })} note={message ? <ExpectationNote expectation={message.expectations?.requestId} typed={search.req} /> : null} />
          <EvaluationTimeFields idPrefix="opt" at={search.at} skew={search.skew} defaultSkew={DEFAULT_SKEW} onChange={setSearch} />
          <div className="option">
            <label htmlFor="opt-profile">Profile</label>
            {/* Empty = detect from the message (report.profile.detected); "generic" chosen is a real override. */}
            <select id="opt-profile" value={search.profile ?? ''} onChange={(e) => setSearch({ profile: e.target.value ? (e.target.value as ProfileName) : undefined })}>
              <option value="">detect automatically{report?.profile?.detected && hasInput ? ` (${report.profile.name})` : ''}</option>
              {PROFILES.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </div>
        </div>
      </details>

      <SymptomSearch value={search.symptom} onChange={setSymptom} presentCodes={presentCodes} />

      <p className="status small muted" role="status" aria-live="polite">
        {pending ? 'Decoding…' : report && hasInput ? statusLine(report) : ''}
      </p>
      <RunProgress activity={inspection} what="Inspecting" />
      <RunProgress activity={linkTask} what="Opening the shared state" />
      <RunErrorNotice error={inspection.error} onRetry={inspection.retry} />
      <RunErrorNotice error={linkRunError} />

      {shareError && <ShareLinkError origin={shareError.origin} error={shareError.error} onDismiss={() => setShareError(null)} />}
      {sharedActive && <ShareOpenedNotice origin={sharedActive.origin} at={sharedActive.state.at} atStillRecorded={search.at === sharedActive.state.at} redaction={redaction} />}

      {report && hasInput && <ErrorList errors={report.errors} context="Could not decode the input" />}
      {hasInput && /^\s*(?:bearer\s+)?eyJ[\w-]*\.[\w-]*\.[\w-]*\s*$/i.test(input) && (
        <p className="hint oidc-hint" data-oidc-hint="true">
          This looks like a JWT (an OpenID Connect ID token), not SAML: <Link to="/oidc">inspect it on the OIDC page</Link>.
        </p>
      )}

      {capture && hasInput && <MockSpCapturePanel capture={capture} report={report} />}

      {messages.length > 1 && hasInput && <MessageList messages={messages} selected={selected} onSelect={(i) => setSearch({ msg: i === 0 ? undefined : i })} />}

      {overview && !message && (
        <p className="status small muted" data-message-loading={selected} role="status">
          {detail.error ? `Message ${selected + 1} could not be shown (${detail.error.code}): ${detail.error.message}` : `Loading message ${selected + 1} (${overview.kind}, ${overview.payload.xmlChars.toLocaleString('en')} characters of XML)…`}
        </p>
      )}

      {message && (
        <div className="message-layout" data-message-kind={message.kind}>
          <div className="message-details">
            <header className="message-head">
              <h2>
                {message.kind}
                {messages.length > 1 ? <span className="muted"> (message {selected + 1} of {messages.length})</span> : null}
              </h2>
              {message.binding && <span className="pill">{message.binding}</span>}
              <TrustedBadge message={message} anchorCount={anchorCount} />
            </header>
            {message.error && <ErrorList errors={[message.error]} context={`Message ${selected + 1} could not be parsed`} />}
            <CapturePairNote messages={messages} selected={selected} onSelect={(i) => setSearch({ msg: i === 0 ? undefined : i })} />
            <SummaryPanel message={message} />
            {report && <DiagnosisProfilePanel report={report} message={message} messages={reportRef.current?.messages ?? []} chosen={search.profile} onChoose={(profile) => setSearch({ profile })} />}
            {redaction && <ClaimDisagreements disagreements={disagreements} />}
            <FindingsList findings={message.findings} onReveal={revealFinding} message={message} messages={messages} highlightCodes={symptomCodes} />
            <DecryptionPanel message={message} />
            <SignaturesPanel message={message} onShowCovered={showCovered} />
            {redaction && <SharerClaims redaction={redaction} claim={claim} />}
            <MessageDetails message={message} at={evaluatedAt} skewSeconds={skew} />
          </div>
          <section className="xml-pane panel" aria-labelledby="xml-heading" data-highlight-line={highlight?.startLine}>
            <div className="panel-head">
              <h2 id="xml-heading">Decoded XML</h2>
              <div className="panel-actions">
                {highlight && (
                  <button type="button" onClick={() => setHighlight(null)}>
                    Clear highlight
                  </button>
                )}
                <span className="small">
                  pretty <CopyButton value={message.prettyXml} label="pretty-printed XML" />
                </span>
                <span className="small">
                  exact <CopyButton value={message.payload.xml} label="XML exactly as decoded" />
                </span>
              </div>
            </div>
            <CodeEditor readOnly language="xml" ariaLabel="Decoded XML" value={message.prettyXml} markers={markers} highlight={highlight} className="xml-view" />
          </section>
        </div>
      )}

      <div className="share-row">
        <Suspense fallback={null}>
          <SharePanel ctx={shareCtx} />
          <HistoryPanel ctx={shareCtx} onOpen={(state) => applyShareState(state, 'history')} />
        </Suspense>
      </div>
    </div>
  );
}

function statusLine(report: ReportView): string {
  const n = report.messages.length;
  const detected = report.detected ? `Detected ${report.detected}` : 'Not recognised';
  return `${detected}: ${n} message${n === 1 ? '' : 's'}. Evaluated at ${report.evaluatedAt}.`;
}

function TextOption({ label, value, onChange, note }: { label: string; value: string | undefined; onChange: (v: string | undefined) => void; note?: ReactNode }) {
  const id = `opt-${label.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <div className="option">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" spellCheck={false} autoComplete="off" value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)} />
      {note}
    </div>
  );
}

function TrustSummary({ report, run }: { report: ReportView; run: InspectRunView | null }) {
  const masked = run?.maskedTrustCertificates ?? 0;
  // A federation aggregate as trust holds thousands of anchors: rendered in slices.
  const { limit, more } = useSliceLimit(report.trustAnchors.length, report.trustAnchors, 20);
  if (report.trustAnchors.length === 0 && report.trustErrors.length === 0 && masked === 0) return null;
  return (
    <div className="trust-summary">
      <ErrorList errors={report.trustErrors} context="Trust input" />
      {masked > 0 && (
        <div className="notice small" role="note" data-masked-certificates={masked}>
          <strong>
            {masked} certificate{masked === 1 ? ' was' : 's were'} masked by the sharer
          </strong>{' '}
          (a redacted share): a mask is not a certificate, so {masked === 1 ? 'it anchors' : 'they anchor'} no trust here and signatures are checked
          without {masked === 1 ? 'it' : 'them'}.
          {run && run.maskedTrustErrors.length > 0 && (
            <ul className="muted">
              {run.maskedTrustErrors.map((e, i) => (
                <li key={i}>
                  <code>{e.code}</code> {e.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {report.trustAnchors.length > 0 && (
        <>
          <h3>
            {report.trustAnchors.length} trust anchor{report.trustAnchors.length === 1 ? '' : 's'}
          </h3>
          <ul className="anchor-list">
            {report.trustAnchors.slice(0, limit).map((a, i) => (
              <li key={i} className="anchor" data-anchor-source={a.source}>
                <div>{a.description}</div>
                <AnchorScope anchor={a} />
                {a.subject && (
                  <div className="small">
                    Subject: <CopyableValue value={a.subject} label={`subject of trust anchor ${i + 1}`} />
                  </div>
                )}
                {a.sha256Fingerprint && (
                  <div className="small">
                    SHA-256: <CopyableValue value={a.sha256Fingerprint} label={`SHA-256 of trust anchor ${i + 1}`} />
                  </div>
                )}
              </li>
            ))}
          </ul>
          <MoreItems shown={limit} total={report.trustAnchors.length} noun="trust anchors" onMore={more} />
        </>
      )}
    </div>
  );
}
