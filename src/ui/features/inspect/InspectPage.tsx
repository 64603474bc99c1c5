// The inspect page (route `/`, the start page): paste or drop anything, see what it is — the
// answer first (issue 14): the input on the left, the verdict and the worst findings beside it,
// the rest in sections the user opens. Thin over the core: every fact shown comes from
// inspectInput()'s InspectReport, computed in the inspection worker (src/ui/worker/) so that no
// input can freeze the page, and read through reportView.ts. The page holds the report's bounded
// overview (worker/reportOverview.ts) and the shown message in full.
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { EvaluationTimeFields } from '../../shared/EvaluationTimeFields';
import { useWorkerRun } from '../../worker/useWorkerRun';
import type { InspectRunView } from '../../worker/protocol';
import { useMessageDetail } from '../../worker/useMessageDetail';
import { reportViewOf, type ReportView, type ShownMessage } from '../../worker/reportOverview';
import { RunErrorNotice, RunProgress } from '../../shared/RunProgress';
import type { Finding, InspectedMessage, InspectOptions, InspectReport, SignatureReport } from '../../../core/types';
import { CodeEditor, type EditorHighlight, type EditorMarker } from '../../shared/CodeEditor';
import { CopyButton } from '../../shared/CopyButton';
import { useAfterPaint } from '../../shared/useAfterPaint';
import { ExpectationNote } from './ExpectationNote';
import { ErrorList } from './ErrorList';
import { CaptureStep, MessageList } from './MessageList';
import { MockSpCapturePanel, useAcsCapture } from '../mock-sp/MockSpCapturePanel';
import { ShareLinkError, ShareOpenedNotice, type SharedOrigin } from '../sharing/ShareNotices';
import { capturedExchangeCount, isCaptureHandover } from '../sharing/captureHandover';
import { compareClaim } from '../../../core/share/claims';
import type { ShareState } from '../../../core/share/state';
import type { ShareContext } from '../sharing/shareContext';
import { searchOfShareState } from '../sharing/openShare';
import { SymptomSearch, useSymptomMatches } from '../../shared/SymptomSearch';
import { DEFAULT_SKEW_SECONDS as DEFAULT_SKEW, PROFILES, searchToOptions, type InspectSearch, type ProfileName } from '../../search';
import { trustEntries } from './trust';
import { elementLineRange, findIdLine } from './xmlLines';
import { useInspectSearch } from './useInspectSearch';
import { usePasteAndDrop } from './usePasteAndDrop';
import { useHoldUntilAnswered } from './useHoldUntilAnswered';
import { warmUpRequest } from './warmUpRequest';
import { whenIdle } from '../../shared/whenIdle';
import { useOpenShare } from './useOpenShare';
import { useDecryptionKey } from './useDecryptionKey';
import { TrustPanel, type TrustFile } from './TrustPanel';
import { VerdictCard } from './VerdictCard';
import { ExamplesMenu, FirstScreen } from './ExamplesMenu';
import type { InspectExample } from './examples';
import { isCapture, worstMessageIndex } from './reportView';
import { inspectAsFile } from './fileInput';
import { FileInputView, FileNotShared, XmlStartNote } from './FileInputView';
import { xmlCutOf } from '../../worker/shownText';
import { EntityDetailContext } from './entityDetailContext';

// Below the fold and only once something is inspected: loaded then (they bring DEFLATE for links).
const SharePanel = lazy(() => import('../sharing/SharePanel').then((m) => ({ default: m.SharePanel })));
const HistoryPanel = lazy(() => import('../sharing/HistoryPanel').then((m) => ({ default: m.HistoryPanel })));
// A message's details (findings, signatures, sections, the diagnosis profile with the profile
// registry): rendered after the verdict card (useDeferredValue below), so they load apart from
// the first screen (issue 15: first-screen JavaScript) and are fetched when the page is idle.
const loadMessageDetailsView = () => import('./MessageDetailsView');
const MessageDetailsView = lazy(() => loadMessageDetailsView().then((m) => ({ default: m.MessageDetailsView })));

const TYPING_DEBOUNCE_MS = 150;

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

export function InspectPage() {
  const { search, setSearch, replaceSearch } = useInspectSearch();

  const [input, setInputState] = useState('');
  // A large file inspected as a file (fileInput.ts): the worker reads it, the page never does,
  // and `input` stays empty. Kept so that a change of trust or options inspects it again.
  const [inputFile, setInputFile] = useState<File | null>(null);
  const [source, setSource] = useState('pasted');
  const [trustText, setTrustText] = useState('');
  const [trustFiles, setTrustFiles] = useState<TrustFile[]>([]);
  // DEV only: a hand-made report shown instead of the core's (window.__samlscope.loadFixture()).
  const [fixture, setFixture] = useState<InspectReport | null>(null);
  const [highlight, setHighlight] = useState<EditorHighlight | null>(null);
  const immediateRef = useRef(false);
  const reportRef = useRef<ShownReport | null>(null);
  const messageRef = useRef<InspectedMessage | null>(null);
  // Read when an inspection starts: the reply carries this message in full.
  const selectedRef = useRef<number | undefined>(undefined);
  const nonceRef = useRef(0);
  const xmlPaneRef = useRef<HTMLElement>(null);
  const runNow = useCallback(() => {
    immediateRef.current = true;
  }, []);
  const spKey = useDecryptionKey(runNow);
  // Issue 6: a state opened from a link, share file or history entry.
  const [shared, setShared] = useState<{ origin: SharedOrigin; state: ShareState; exchanges?: number | null } | null>(null);

  /** Restore a shared state: input, trust, and (in the URL search) options and the recorded instant. */
  const applyShareState = useCallback(
    (state: ShareState, opened: SharedOrigin) => {
      const origin: SharedOrigin = opened === 'link' && isCaptureHandover(state, window.location.protocol) ? 'capture' : opened;
      immediateRef.current = true;
      setShared({ origin, state, ...(origin === 'capture' ? { exchanges: capturedExchangeCount(state.input) } : {}) });
      setFixture(null);
      setSource(state.source ?? 'shared');
      setInputFile(null);
      setInputState(state.input);
      setTrustText('');
      setTrustFiles(state.trust.map((text, i) => ({ name: `trust ${i + 1} (from the ${origin === 'history' ? 'history' : origin})`, text })));
      replaceSearch(searchOfShareState(state));
    },
    [replaceSearch],
  );
  const share = useOpenShare(applyShareState);
  const openText = share.openText;

  /** Paste, drop, file chooser, hook: decode at once. Typing goes through the debounce. */
  const setInputNow = useCallback(
    (text: string, from = 'pasted') =>
      openText(text, () => {
        immediateRef.current = true;
        setFixture(null);
        setSource(from);
        setInputFile(null);
        setInputState(text);
      }),
    [openText],
  );

  /** A file opened, dropped or pasted: a large one is inspected as a file, unread by the page. */
  const openFile = useCallback(
    (file: File) => {
      void inspectAsFile(file).then((asFile) => {
        if (!asFile) {
          void file.text().then((t) => setInputNow(t, file.name));
          return;
        }
        immediateRef.current = true;
        setShared(null);
        setFixture(null);
        setSource(file.name);
        setInputState('');
        setInputFile(file);
      });
    },
    [setInputNow],
  );

  /** An example (examples/index.ts): its message, its trust, its evaluation instant — nothing else kept. */
  const loadExample = useCallback(
    (example: InspectExample) => {
      immediateRef.current = true;
      setShared(null);
      share.dismissShareError();
      setFixture(null);
      setSource(example.source);
      setInputFile(null);
      setInputState(example.input);
      setTrustText('');
      setTrustFiles(example.trust.map((t) => ({ ...t })));
      replaceSearch({ at: example.at });
    },
    [replaceSearch, share.dismissShareError],
  );

  const addTrustFile = useCallback((name: string, text: string) => {
    immediateRef.current = true;
    setTrustFiles((files) => [...files.filter((f) => f.name !== name), { name, text }]);
  }, []);

  const dragging = usePasteAndDrop(setInputNow, openFile, addTrustFile);

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
    // The core settings converter (search params → options); `at` stays text so "now" is taken per run.
    const { at: _at, ...o } = searchToOptions(search);
    return { trust, ...o, ...(search.at ? { atIso: search.at } : {}) };
  }, [trust, search.skew, search.at, search.sp, search.acs, search.idp, search.req, search.profile]);

  const spKeyText = spKey.keyText;
  const hasInput = input.trim() !== '' || inputFile !== null;
  const inspection = useWorkerRun(
    'inspect',
    !hasInput && trust.length === 0
      ? null
      : () => {
          const { atIso, ...rest } = options;
          // "now" is taken when the inspection runs, so a re-run re-evaluates against the clock.
          const opts: InspectOptions = { ...rest, at: atIso ? new Date(atIso) : new Date(), ...(spKeyText.trim() ? { decryptionKeys: [spKeyText] } : {}) };
          return { input, ...(inputFile ? { file: inputFile } : {}), source, options: opts, ...(selectedRef.current !== undefined ? { selected: selectedRef.current } : {}) };
        },
    () => {
      const delay = immediateRef.current ? 0 : TYPING_DEBOUNCE_MS;
      immediateRef.current = false;
      return delay;
    },
    [input, inputFile, source, options, hasInput, trust.length, spKeyText],
    warmUpRequest,
  );
  const { pending } = inspection;
  const run: InspectRunView | null = inspection.result;
  const decodedReport = run?.report ?? null;
  const fixtureView = useMemo(() => (fixture ? reportViewOf(fixture) : null), [fixture]);
  const report: ReportView | null = fixtureView ?? decodedReport;

  // The details' chunk is fetched while the page is idle, or at once when something is to be
  // inspected (while the worker runs), so the first message's details do not wait for the network.
  useEffect(() => {
    if (hasInput) void loadMessageDetailsView().catch(() => {});
  }, [hasInput]);
  useEffect(
    () =>
      whenIdle(() => {
        void loadMessageDetailsView().catch(() => {});
        // The first number formatted loads ICU's data (21 ms in Node): not in the task that renders an answer.
        (0).toLocaleString('en');
      }),
    [],
  );

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
  // The shared state stays "opened" while its input is what the view shows.
  const sharedActive = shared && shared.state.input === input ? shared : null;
  // No step chosen in the URL: a shared state opens where the sharer was, anything else on the
  // step with the worst finding (issue 14 item 4).
  const defaultSelected = sharedActive ? sharedActive.state.selected : worstMessageIndex(messages);
  const selected = Math.min(search.msg ?? defaultSelected, Math.max(0, messages.length - 1));
  selectedRef.current = search.msg;
  const selectMessage = useCallback((i: number) => setSearch({ msg: i }), [setSearch]);
  // A result of an earlier input, trust or options is not this input's answer: its messages are
  // not shown until the new run answers (the status line says "Decoding…" meanwhile).
  const current = hasInput && !inspection.stale;
  const overview = current ? messages[selected] : undefined;
  // The shown message in full: in the inspection's reply, or asked of the worker when selected.
  const detail = useMessageDetail(inspection, selected);
  // An aggregate's entity rows ask the worker that keeps the run (entityDetail.tsx).
  const entityDetailSource = useMemo(() => ({ runner: inspection.runner, rerun: inspection.retry }), [inspection.runner, inspection.retry]);
  const message: InspectedMessage | undefined = !hasInput ? undefined : fixture ? fixture.messages[selected] : detail.message && overview ? detail.message : undefined;
  messageRef.current = message ?? null;
  // The answer first (issue 15: paste-to-verdict): a new message commits the verdict card at once;
  // the findings, signatures, sections and the XML editor follow once that frame is painted, in a
  // transition React can interrupt, so their rendering and layout never delay the verdict.
  const details = useAfterPaint(message);
  // Likewise the pasted text enters the editor after the verdict (useHoldUntilAnswered.ts).
  const holdEditorValue = useHoldUntilAnswered(input, inspection.answered);
  const detailsCut = xmlCutOf(details);
  // The XML view of a cut message (an aggregate) opens on request: creating the editor and its
  // model is the longest task left after an aggregate's verdict (issue 15), and its start is
  // rarely what is read first. A jump to a line (a finding, a signature) opens it.
  const [xmlOpenedFor, setXmlOpenedFor] = useState<InspectedMessage | null>(null);
  const xmlViewOpen = !detailsCut || (!!details && xmlOpenedFor === details);
  reportRef.current = useMemo(
    () => (report ? { ...report, messages: report.messages.map((m, i): ShownMessage => (i === selected && message ? message : m)) } : null),
    [report, selected, message],
  );
  useEffect(() => setHighlight(null), [message]);

  const redaction = sharedActive?.state.redacted;
  // A shared state's recorded verdicts are the sharer's claims: compared with this page's own.
  const claim = redaction?.reportedVerdicts[selected];
  const disagreements = useMemo(
    () => (claim && message && !fixture ? compareClaim(claim, message, { trustMasked: (run?.maskedTrustCertificates ?? 0) > 0 }) : []),
    [claim, message, fixture, run],
  );
  const shareCtx = useMemo<ShareContext | null>(
    () =>
      // A file inspected as a file is never put in a link or the history: they carry the whole input.
      decodedReport && current && !fixture && !pending && !inputFile
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
    [decodedReport, current, fixture, pending, inputFile, input, source, trust, options, selected, spKeyText],
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

  /** The XML pane comes into view with the line highlighted (the jump from a finding or a signature). */
  const bringXmlIntoView = useCallback(() => {
    const pane = xmlPaneRef.current;
    if (pane && typeof pane.scrollIntoView === 'function') {
      const r = pane.getBoundingClientRect();
      if (r.top < 0 || r.top > window.innerHeight * 0.6) pane.scrollIntoView({ block: 'start', behavior: 'smooth' });
    }
  }, []);

  const revealFinding = useCallback(
    (f: Finding) => {
      if (!f.location) return;
      setXmlOpenedFor(messageRef.current);
      setHighlight({ startLine: f.location.line, endLine: f.location.line, column: f.location.column, kind: 'finding', nonce: ++nonceRef.current });
      bringXmlIntoView();
    },
    [bringXmlIntoView],
  );

  const showCovered = useCallback(
    (sig: SignatureReport) => {
      if (!message || !sig.targetId) return;
      const range = elementLineRange(message.prettyXml, sig.targetId);
      const line = range?.startLine ?? findIdLine(message.prettyXml, sig.targetId);
      if (!line) return;
      setXmlOpenedFor(message);
      setHighlight({ startLine: line, endLine: range?.endLine ?? line, kind: 'covered', nonce: ++nonceRef.current });
      bringXmlIntoView();
    },
    [message, bringXmlIntoView],
  );

  const evaluatedAt = report ? new Date(report.evaluatedAt) : new Date();
  const skew = search.skew ?? DEFAULT_SKEW;
  const anchorCount = report?.trustAnchors.length ?? 0;
  // Symptom search: the findings its matching symptoms name are highlighted in the list.
  const chooseProfile = useCallback((profile: ProfileName | undefined) => setSearch({ profile }), [setSearch]);
  const setSymptom = useCallback((symptom: string | undefined) => setSearch({ symptom }), [setSearch]);
  const symptomMatches = useSymptomMatches(search.symptom);
  const symptomCodes = useMemo(() => new Set(symptomMatches.flatMap((m) => m.codes)), [symptomMatches]);
  const presentCodes = useMemo(() => (overview ? new Set(overview.findings.map((f) => f.code)) : null), [overview]);
  const optionsOpen = !!(search.sp || search.acs || search.idp || search.req || search.at || search.skew !== undefined || search.profile);
  const capturedSteps = !!report && current && (isCapture(report) || messages.length > 1);
  const showFirstScreen = !hasInput && !pending && !share.task.pending && !capture;

  return (
    <div className={`inspect ${dragging ? `dragging dragging-${dragging}` : ''} ${message ? 'has-result' : ''}`}>
      <section className={`panel input-panel ${dragging === 'message' ? 'drop-active' : ''}`} data-drop-target="message" aria-labelledby="input-heading">
        <div className="panel-head">
          <h1 id="input-heading">Inspect a message</h1>
          <div className="panel-actions">
            {!showFirstScreen && <ExamplesMenu onLoad={loadExample} />}
            <label className="button file-button">
              Open file…
              <input
                type="file"
                className="visually-hidden"
                accept=".har,.json,.xml,.txt,.b64,.html,.htm,text/*,application/json,application/xml"
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  if (f) openFile(f);
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
          Paste anywhere on the page or drop a file: a Redirect URL or query string, a POST body or auto-submit form, bare base64, XML (protocol
          message or metadata), a HAR file or a SAML-tracer export.
        </p>
        {/* A file inspected as a file takes the editor's place: the editor, kept hidden, would lay itself out again on every resize of the page. */}
        {inputFile ? (
          <FileInputView file={inputFile} />
        ) : (
          <CodeEditor
            ariaLabel="SAML message"
            value={input}
            holdValue={holdEditorValue}
            onPasteWhole={setInputNow}
            onChange={(t, cause) => {
              // A paste into the editor is answered at once, like a paste on the page; typing waits for a pause.
              if (cause === 'pasted') immediateRef.current = true;
              setFixture(null);
              setSource('pasted');
              setInputState(t);
            }}
            placeholder="Paste a SAML message, URL, HAR…"
            className="input-editor"
          />
        )}
      </section>

      <div className="answer" aria-busy={pending || inspection.stale}>
        <p className="status small muted" role="status" aria-live="polite">
          {pending || inspection.stale ? 'Decoding…' : report && hasInput ? statusLine(report) : ''}
        </p>
        <RunProgress activity={inspection} what="Inspecting" />
        <RunProgress activity={share.task} what="Opening the shared state" />
        <RunErrorNotice error={inspection.error} onRetry={inspection.retry} />
        <RunErrorNotice error={share.runError} />
        {share.shareError && <ShareLinkError origin={share.shareError.origin} error={share.shareError.error} onDismiss={share.dismissShareError} />}
        {sharedActive && <ShareOpenedNotice origin={sharedActive.origin} at={sharedActive.state.at} atStillRecorded={search.at === sharedActive.state.at} redaction={redaction} exchanges={sharedActive.exchanges} />}

        {showFirstScreen && <FirstScreen onLoad={loadExample} />}

        {message && <VerdictCard message={message} step={capturedSteps ? { index: selected, count: messages.length } : null} anchorCount={anchorCount} onReveal={revealFinding} />}

        {report && current && <ErrorList errors={report.errors} context="Could not decode the input" />}
        {hasInput && /^\s*(?:bearer\s+)?eyJ[\w-]*\.[\w-]*\.[\w-]*\s*$/i.test(input) && (
          <p className="hint oidc-hint" data-oidc-hint="true">
            This looks like a JWT (an OpenID Connect ID token), not SAML: <Link to="/oidc">inspect it on the OIDC page</Link>.
          </p>
        )}

        {capture && hasInput && <MockSpCapturePanel capture={capture} report={report} />}

        {capturedSteps && <MessageList messages={messages} selected={selected} onSelect={selectMessage} />}
        {capturedSteps && overview && isCapture(report!) && <CaptureStep message={message ?? overview} index={selected} count={messages.length} />}

        {overview && !message && (
          <p className="status small muted" data-message-loading={selected} role="status">
            {detail.error ? `Message ${selected + 1} could not be shown (${detail.error.code}): ${detail.error.message}` : `Loading message ${selected + 1} (${overview.kind}, ${overview.payload.xmlChars.toLocaleString('en')} characters of XML)…`}
          </p>
        )}

        {details && (
          <Suspense fallback={null}>
            <EntityDetailContext.Provider value={entityDetailSource}>
            <MessageDetailsView
              message={details}
              messages={messages}
              shownMessages={reportRef.current?.messages ?? []}
              selected={selected}
              onSelect={selectMessage}
              anchorCount={anchorCount}
              report={report}
              redaction={redaction}
              claim={claim}
              disagreements={disagreements}
              highlightCodes={symptomCodes}
              onReveal={revealFinding}
              onShowCovered={showCovered}
              evaluatedAt={evaluatedAt}
              skewSeconds={skew}
              chosenProfile={search.profile}
              onChooseProfile={chooseProfile}
            />
            </EntityDetailContext.Provider>
          </Suspense>
        )}
      </div>

      {details && (
        <section className="xml-pane panel" aria-labelledby="xml-heading" data-highlight-line={highlight?.startLine} ref={xmlPaneRef}>
          <div className="panel-head">
            <h2 id="xml-heading">Decoded XML</h2>
            <div className="panel-actions">
              {highlight && (
                <button type="button" onClick={() => setHighlight(null)}>
                  Clear highlight
                </button>
              )}
              {!detailsCut && (
                <>
                  <span className="small">
                    pretty <CopyButton value={details.prettyXml} label="pretty-printed XML" />
                  </span>
                  <span className="small">
                    exact <CopyButton value={details.payload.xml} label="XML exactly as decoded" />
                  </span>
                </>
              )}
            </div>
          </div>
          {detailsCut && <XmlStartNote cut={detailsCut} fromFile={!!inputFile} />}
          {xmlViewOpen ? (
            <CodeEditor readOnly language="xml" ariaLabel="Decoded XML" value={details.prettyXml} markers={markers} highlight={highlight} className="xml-view" />
          ) : (
            <button type="button" data-open-xml-view="true" onClick={() => setXmlOpenedFor(details)}>
              Show the start of the XML
            </button>
          )}
        </section>
      )}

      <TrustPanel
        dropActive={dragging === 'trust'}
        trustText={trustText}
        onTrustText={setTrustText}
        files={trustFiles}
        onAddFile={addTrustFile}
        onRemoveFile={(name) => setTrustFiles((fs) => fs.filter((x) => x.name !== name))}
        report={report}
        run={fixture ? null : run}
        spKey={spKey}
      />

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

      <div className="symptom-area">
        <SymptomSearch value={search.symptom} onChange={setSymptom} presentCodes={presentCodes} />
      </div>

      <div className="share-row">
        {inputFile && current && <FileNotShared file={inputFile} />}
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
