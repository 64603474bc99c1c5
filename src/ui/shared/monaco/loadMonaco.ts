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
  return monaco;
}

/** Follow the system colour scheme (the page's CSS does the same with prefers-color-scheme). */
export function preferredMonacoTheme(): 'vs' | 'vs-dark' {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'vs-dark' : 'vs';
}
