// Monaco is large: it is loaded with a dynamic import so the first paint (and the plain
// textarea fallback) never waits for it. Only the base editor plus the contributions this page
// uses are pulled in, and only the base editor worker (XML colouring is a Monarch grammar that
// runs on the main thread; no language service worker is needed).
import type * as Monaco from 'monaco-editor/editor/editor.api';

export type MonacoApi = typeof Monaco;

let loading: Promise<MonacoApi> | null = null;

export function loadMonaco(): Promise<MonacoApi> {
  if (!loading) {
    loading = importMonaco();
    // A failed chunk load must not poison every later attempt.
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

async function importMonaco(): Promise<MonacoApi> {
  const [{ default: EditorWorker }, monaco] = await Promise.all([
    import('monaco-editor/editor/editor.worker?worker'),
    import('monaco-editor/editor/editor.api'),
    import('./contributions'),
  ]);
  (globalThis as unknown as { MonacoEnvironment: Monaco.Environment }).MonacoEnvironment = {
    getWorker: () => new EditorWorker(),
  };
  defineThemes(monaco);
  return monaco;
}

/**
 * Monaco's own themes colour XML below WCAG's 4.5:1 for 13 px text (issue 14 item 6): attribute
 * names #FF0000 on #FFFFFE are 4.0:1, `<?xml` and delimiters #808080 are 3.95:1 on white and
 * 4.3:1 on #1E1E1E. These themes keep Monaco's palette and darken (or lighten) only those tokens:
 * #B00000 is 7.3:1, #616161 is 6.2:1, #A0A0A0 on #1E1E1E is 6.9:1. Checked by e2e/inspect-a11y.spec.ts.
 */
function defineThemes(monaco: MonacoApi): void {
  monaco.editor.defineTheme('samlscope-light', {
    base: 'vs',
    inherit: true,
    rules: [
      { token: 'attribute.name', foreground: 'B00000' },
      { token: 'metatag', foreground: 'B00000' },
      { token: 'metatag.xml', foreground: '616161' },
      { token: 'metatag.html', foreground: '616161' },
      { token: 'metatag.content.html', foreground: 'B00000' },
    ],
    colors: { 'editorLineNumber.foreground': '#237893' },
  });
  monaco.editor.defineTheme('samlscope-dark', {
    base: 'vs-dark',
    inherit: true,
    rules: [
      { token: 'delimiter.xml', foreground: 'A0A0A0' },
      { token: 'delimiter.html', foreground: 'A0A0A0' },
    ],
    colors: {},
  });
}

/** Follow the system colour scheme (the page's CSS does the same with prefers-color-scheme). */
export function preferredMonacoTheme(): 'samlscope-light' | 'samlscope-dark' {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'samlscope-dark' : 'samlscope-light';
}
