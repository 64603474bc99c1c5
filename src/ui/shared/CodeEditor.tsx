// A Monaco editor that is never in the way: until the lazily imported Monaco is ready, a plain
// <textarea> (editable) or <pre> (read-only) with the same accessible name stands in, so a
// person (or a test) can paste at once. When Monaco arrives it takes over the current value
// and the fallback is removed, so exactly one element carries the accessible name.
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { PAGE_LIMITS } from '../../core/limits';
import { afterNextPaint } from './afterNextPaint';
import { afterFirstPaint } from './afterFirstPaint';
import { loadMonaco, preferredMonacoTheme, type MonacoApi } from './monaco/loadMonaco';

export interface EditorMarker {
  line: number;
  column: number;
  severity: 'error' | 'warning' | 'info';
  message: string;
  code: string;
}

export interface EditorHighlight {
  startLine: number;
  endLine: number;
  /** 'finding' (one line) or 'covered' (what a signature covers) */
  kind: 'finding' | 'covered';
  column?: number;
  /** changes on every request, so clicking the same finding twice reveals it again */
  nonce: number;
}

/** How the user changed the text: a paste asks for an answer at once, typing can wait for a pause. */
export type EditCause = 'typed' | 'pasted';

export interface CodeEditorHandle {
  focus(): void;
}

interface CodeEditorProps {
  value: string;
  onChange?: (value: string, cause: EditCause) => void;
  /**
   * A paste that replaces the whole text (into an empty editor, or over a selection of all of
   * it) is handed here instead of being applied by the editor: the page can answer it first and
   * give the text back as `value` (issue 15: the verdict does not wait for Monaco to take it).
   */
  onPasteWhole?: (text: string) => void;
  /**
   * While true, a new `value` does not enter Monaco; once false it enters after the next frame
   * is painted. The page holds the pasted text while the answer to it is being computed, so
   * Monaco's edit and its re-rendering (tens of ms) come after the answer is shown.
   */
  holdValue?: boolean;
  readOnly?: boolean;
  ariaLabel: string;
  language?: 'xml' | 'plaintext';
  className?: string;
  placeholder?: string;
  markers?: EditorMarker[];
  highlight?: EditorHighlight | null;
  /** For tests and status: reports when Monaco has replaced the fallback. */
  onMonacoReady?: () => void;
}

/** Above this many lines the <pre> fallback is not split into per-line elements. */
const MAX_FALLBACK_LINES = 4000;
/**
 * Above this many characters the editor drops what costs main-thread time in proportion to the
 * whole text rather than to the lines on screen: word wrap (every line measured), bracket-pair
 * colourization and guides (a bracket tree of the whole text), folding ranges, bracket matching.
 * A 1.3 MB HAR or a 3 MB pretty-printed message otherwise costs long tasks of up to a second.
 */
const LARGE_VALUE_CHARS = 256 * 1024;

function sizeOptions(large: boolean, readOnly: boolean): Monaco.editor.IEditorOptions {
  return {
    wordWrap: large || readOnly ? 'off' : 'on',
    folding: !large,
    bracketPairColorization: { enabled: !large },
    guides: { bracketPairs: !large, indentation: !large },
    matchBrackets: large ? 'never' : 'always',
    occurrencesHighlight: large ? 'off' : 'singleFile',
    selectionHighlight: !large,
  };
}

/** The model's side of sizeOptions: bracket-pair colourization parses the whole text into a tree (0.5 s for 3 MB). */
function applyModelSize(model: Monaco.editor.ITextModel, large: boolean): void {
  model.updateOptions({ bracketColorizationOptions: { enabled: !large, independentColorPoolPerBracketType: false } });
}

/**
 * Above this many characters a text is not put into the editor unless asked: building Monaco's
 * model of a 10 MB aggregate is one main-thread task of seconds (issue 15: no task over 50 ms
 * while a 10 MB aggregate is inspected). Its beginning is shown instead, with a button that
 * opens the whole text in the editor; copying, inspecting and sharing always use the whole text.
 */
export const HUGE_VALUE_CHARS = PAGE_LIMITS.editorHugeChars;

/** A read-only fallback shows at most this many characters (see below). */
const FALLBACK_MAX_CHARS = 64 * 1024;
/** Above this many characters an outside value replaces the editor's without an undo step (see below). */
const UNDOABLE_VALUE_MAX_CHARS = 512 * 1024;

export const CodeEditor = forwardRef<CodeEditorHandle, CodeEditorProps>(function CodeEditor(props, ref) {
  const { value, onChange, onPasteWhole, holdValue = false, readOnly = false, ariaLabel, language = 'plaintext', className, placeholder, markers, highlight, onMonacoReady } = props;
  const hostRef = useRef<HTMLDivElement>(null);
  const fallbackRef = useRef<HTMLTextAreaElement | HTMLPreElement | null>(null);
  const editorRef = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const monacoRef = useRef<MonacoApi | null>(null);
  const decorationsRef = useRef<Monaco.editor.IEditorDecorationsCollection | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const onPasteWholeRef = useRef(onPasteWhole);
  onPasteWholeRef.current = onPasteWhole;
  // Set while the browser delivers a paste to the editor, so the change it makes reads as pasted.
  const pastingRef = useRef(false);
  const valueRef = useRef(value);
  valueRef.current = value;
  const onReadyRef = useRef(onMonacoReady);
  onReadyRef.current = onMonacoReady;
  const [ready, setReady] = useState(false);
  const [loadFailed, setLoadFailed] = useState(false);
  // A huge value stays out of the editor until the user opens it; a new value from outside
  // (not one the editor itself emitted) closes it again.
  const [hugeOpened, setHugeOpened] = useState(false);
  const emittedRef = useRef<string | null>(null);
  if (hugeOpened && value !== emittedRef.current && value.length <= HUGE_VALUE_CHARS) setHugeOpened(false);
  const huge = value.length > HUGE_VALUE_CHARS && !hugeOpened;
  const hugeRef = useRef(huge);
  hugeRef.current = huge;

  useImperativeHandle(ref, () => ({
    focus() {
      if (editorRef.current) editorRef.current.focus();
      else fallbackRef.current?.focus();
    },
  }));

  // Create the editor once Monaco is loaded; dispose on unmount.
  useEffect(() => {
    let cancelled = false;
    let disposeAll: (() => void) | null = null;
    afterFirstPaint().then(loadMonaco).then(
      (monaco) => {
        if (cancelled || !hostRef.current) return;
        const fallbackHadFocus = fallbackRef.current !== null && document.activeElement === fallbackRef.current;
        monacoRef.current = monaco;
        const editor = monaco.editor.create(hostRef.current, {
          value: hugeRef.current ? '' : valueRef.current,
          language,
          readOnly,
          domReadOnly: readOnly,
          ariaLabel,
          theme: preferredMonacoTheme(),
          automaticLayout: true,
          minimap: { enabled: false },
          showFoldingControls: 'always',
          ...sizeOptions(valueRef.current.length > LARGE_VALUE_CHARS, readOnly),
          scrollBeyondLastLine: false,
          // Monaco dims the number of a last empty line to 40 % opacity (1.8:1): shown like the others.
          renderFinalNewline: 'on',
          renderLineHighlight: readOnly ? 'none' : 'line',
          glyphMargin: readOnly,
          fontSize: 13,
          tabSize: 2,
          // Fonts come from the system: no external font files (privacy, offline use).
          fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
          accessibilitySupport: 'auto',
          placeholder: placeholder,
          fixedOverflowWidgets: true,
          // A real <textarea> as Monaco's input element (instead of the EditContext API) so the
          // element named 'SAML message' behaves like a text field for assistive tech and for
          // automation (Playwright fill() needs an input, textarea or contenteditable).
          editContext: false,
          // Tab moves focus to the next control instead of inserting a tab: nobody types
          // indentation into a pasted SAML message, and keyboard users must not be trapped.
          tabFocusMode: true,
        });
        editorRef.current = editor;
        const createdModel = editor.getModel();
        if (createdModel) applyModelSize(createdModel, valueRef.current.length > LARGE_VALUE_CHARS);
        decorationsRef.current = editor.createDecorationsCollection();
        const sub = editor.onDidChangeModelContent(() => {
          if (hugeRef.current) return; // the editor holds nothing of a huge value: not an edit
          const text = editor.getValue();
          if (text !== valueRef.current) {
            emittedRef.current = text;
            onChangeRef.current?.(text, pastingRef.current ? 'pasted' : 'typed');
          }
        });
        // Capture phase on the host: before Monaco's own listener on its textarea, which applies
        // the paste synchronously (the content change above happens inside this event).
        const host = hostRef.current;
        const onPaste = (e: ClipboardEvent) => {
          const text = e.clipboardData?.getData('text/plain') ?? '';
          const model = editor.getModel();
          if (text && onPasteWholeRef.current && model && !readOnly && replacesWholeText(model, editor.getSelections())) {
            e.preventDefault();
            e.stopPropagation();
            onPasteWholeRef.current(text);
            return;
          }
          pastingRef.current = true;
          queueMicrotask(() => {
            pastingRef.current = false;
          });
        };
        host.addEventListener('paste', onPaste, true);
        const scheme = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
        const onScheme = () => monaco.editor.setTheme(preferredMonacoTheme());
        scheme?.addEventListener('change', onScheme);
        disposeAll = () => {
          host.removeEventListener('paste', onPaste, true);
          scheme?.removeEventListener('change', onScheme);
          sub.dispose();
          editor.getModel()?.dispose();
          editor.dispose();
          editorRef.current = null;
          decorationsRef.current = null;
        };
        setReady(true);
        if (fallbackHadFocus) editor.focus();
        onReadyRef.current?.();
      },
      () => {
        if (!cancelled) setLoadFailed(true);
      },
    );
    return () => {
      cancelled = true;
      disposeAll?.();
      setReady(false);
    };
    // The editor is created once; later prop changes are applied by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Value from outside (paste anywhere, file drop, new decode) → editor. A held value enters
  // once released, after the next paint (see holdValue).
  const heldRef = useRef(false);
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    const model = editor.getModel();
    if (!model) return;
    if (huge) {
      if (model.getValueLength() > 0) model.setValue('');
      return;
    }
    if (model.getValueLength() === value.length && editor.getValue() === value) {
      heldRef.current = false;
      return;
    }
    if (holdValue) {
      heldRef.current = true;
      return;
    }
    const apply = () => {
      heldRef.current = false;
      editor.updateOptions(sizeOptions(value.length > LARGE_VALUE_CHARS, readOnly));
      applyModelSize(model, value.length > LARGE_VALUE_CHARS);
      // A replacing edit of a multi-megabyte text costs Monaco ~150 ms per MB on the page's thread
      // (its undo stack keeps the old text and diffs the change); setValue builds a fresh buffer in
      // a fraction of that. Above UNDOABLE_VALUE_MAX_CHARS the paste is therefore not undoable.
      if (readOnly || value.length > UNDOABLE_VALUE_MAX_CHARS || model.getValueLength() > UNDOABLE_VALUE_MAX_CHARS) {
        model.setValue(value);
      } else {
        // An edit operation (not setValue) keeps undo history: Ctrl+Z restores what was there.
        // With the editor focused (a paste handed to onPasteWhole), the cursor ends after the text as a paste leaves it.
        const monaco = monacoRef.current;
        const atEnd = editor.hasTextFocus() && monaco ? () => [monaco.Selection.fromPositions(model.getFullModelRange().getEndPosition())] : undefined;
        editor.executeEdits('samlscope', [{ range: model.getFullModelRange(), text: value }], atEnd);
        editor.pushUndoStop();
      }
    };
    if (!heldRef.current) {
      apply();
      return;
    }
    return afterNextPaint(apply);
  }, [value, ready, readOnly, huge, holdValue]);

  // Finding markers (squiggles + hover explanations in the XML view).
  useEffect(() => {
    const monaco = monacoRef.current;
    const model = editorRef.current?.getModel();
    if (!monaco || !model) return;
    const severity = {
      error: monaco.MarkerSeverity.Error,
      warning: monaco.MarkerSeverity.Warning,
      info: monaco.MarkerSeverity.Info,
    } as const;
    monaco.editor.setModelMarkers(
      model,
      'samlscope',
      (markers ?? [])
        .filter((m) => m.line >= 1 && m.line <= model.getLineCount())
        .map((m) => ({
          severity: severity[m.severity],
          message: m.message,
          code: m.code,
          startLineNumber: m.line,
          startColumn: Math.max(1, m.column),
          endLineNumber: m.line,
          endColumn: model.getLineMaxColumn(m.line),
        })),
    );
  }, [markers, ready, value]);

  // Reveal + highlight (finding clicked, "show covered").
  useEffect(() => {
    const monaco = monacoRef.current;
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (highlight) {
      if (!monaco || !editor || !model || !decorationsRef.current) {
        scrollFallbackTo(fallbackRef.current, highlight.startLine);
        return;
      }
      const last = model.getLineCount();
      const start = Math.min(Math.max(1, highlight.startLine), last);
      const end = Math.min(Math.max(start, highlight.endLine), last);
      decorationsRef.current.set([
        {
          range: new monaco.Range(start, 1, end, model.getLineMaxColumn(end)),
          options: {
            isWholeLine: true,
            className: highlight.kind === 'covered' ? 'xml-covered-line' : 'xml-finding-line',
            linesDecorationsClassName: highlight.kind === 'covered' ? 'xml-covered-gutter' : 'xml-finding-gutter',
            overviewRuler: { color: highlight.kind === 'covered' ? '#2e9e5b' : '#d9822b', position: monaco.editor.OverviewRulerLane.Full },
          },
        },
      ]);
      if (highlight.kind === 'covered') editor.revealLinesNearTop(start, end, monaco.editor.ScrollType.Smooth);
      else editor.revealLineInCenter(start, monaco.editor.ScrollType.Smooth);
      editor.setPosition({ lineNumber: start, column: Math.max(1, highlight.column ?? 1) });
    } else {
      decorationsRef.current?.clear();
    }
  }, [highlight, ready]);

  const showFallback = !ready && !huge;
  // Until Monaco arrives, a read-only view of a very long text shows its beginning only: laying
  // out megabytes of <pre> text is itself a long task (the whole text is in Monaco a moment later).
  const fallbackValue = readOnly && showFallback && value.length > FALLBACK_MAX_CHARS ? `${value.slice(0, FALLBACK_MAX_CHARS)}\n…` : value;
  const lines = readOnly && showFallback ? fallbackValue.split('\n') : [];
  const inHighlight = (n: number) => !!highlight && n >= highlight.startLine && n <= highlight.endLine;

  return (
    <div className={`code-editor ${readOnly ? 'code-editor--readonly' : ''} ${className ?? ''}`} data-monaco-ready={ready ? 'true' : 'false'}>
      {showFallback &&
        (readOnly ? (
          <pre
            ref={(el) => {
              fallbackRef.current = el;
            }}
            className="code-fallback"
            aria-label={ariaLabel}
            tabIndex={0}
          >
            {lines.length > MAX_FALLBACK_LINES
              ? fallbackValue
              : lines.map((line, i) => (
                  <span key={i} data-line={i + 1} className={inHighlight(i + 1) ? `fallback-line ${highlight?.kind === 'covered' ? 'xml-covered-line' : 'xml-finding-line'}` : 'fallback-line'}>
                    {line + '\n'}
                  </span>
                ))}
          </pre>
        ) : (
          <textarea
            ref={(el) => {
              fallbackRef.current = el;
            }}
            className="code-fallback"
            aria-label={ariaLabel}
            value={value}
            placeholder={placeholder}
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            autoCorrect="off"
            onPaste={(e) => {
              const el = e.currentTarget;
              const text = e.clipboardData.getData('text/plain');
              if (text && onPasteWhole && el.selectionStart === 0 && el.selectionEnd === el.value.length) {
                e.preventDefault();
                onPasteWhole(text);
                return;
              }
              pastingRef.current = true;
              queueMicrotask(() => {
                pastingRef.current = false;
              });
            }}
            onChange={(e) => onChange?.(e.target.value, pastingRef.current ? 'pasted' : 'typed')}
          />
        ))}
      {huge && (
        <div className="code-huge" data-huge-value={value.length}>
          <p className="notice small" role="note">
            {(value.length / 2 ** 20).toFixed(1)} MB: too large to edit here without stopping the page for seconds, so only its beginning is
            shown. Everything else on the page uses the whole text.{' '}
            <button type="button" onClick={() => setHugeOpened(true)}>
              Open it all in the editor
            </button>
          </p>
          <pre className="code-fallback" aria-label={ariaLabel} tabIndex={0}>
            {`${value.slice(0, FALLBACK_MAX_CHARS)}\n…`}
          </pre>
        </div>
      )}
      {loadFailed && <p className="muted small">The code editor could not be loaded; the plain view above keeps working.</p>}
      <div ref={hostRef} className="monaco-host" hidden={!ready || huge} />
    </div>
  );
});

/** True when a paste would replace all of the text: the editor is empty, or one selection covers it all. */
function replacesWholeText(model: Monaco.editor.ITextModel, selections: Monaco.Selection[] | null): boolean {
  if (model.getValueLength() === 0) return true;
  if (!selections || selections.length !== 1) return false;
  return selections[0]!.equalsRange(model.getFullModelRange());
}

function scrollFallbackTo(el: HTMLElement | null, line: number) {
  const target = el?.querySelector<HTMLElement>(`[data-line="${line}"]`);
  target?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}
