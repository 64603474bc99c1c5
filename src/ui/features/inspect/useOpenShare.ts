// Opening a shared state (issue 6): a `#share=s1.…` link (the fragment is never sent to any
// server) or a pasted/dropped share file. Decoded — inflated, parsed, validated — in the worker,
// under the watchdog like any inspection.
import { useCallback, useEffect, useState } from 'react';
import { shareFragmentOf } from '../../../core/share/fragmentParam';
import type { ShareError, ShareState } from '../../../core/share/state';
import type { RunError } from '../../worker/protocol';
import { useWorkerTask, type WorkerTask } from '../../worker/useWorkerRun';
import { mayBeShareFile } from '../sharing/mayBeShareFile';

export interface ShareOpening {
  /** The worker task, for its progress line. */
  task: WorkerTask;
  runError: RunError | null;
  shareError: { origin: 'link' | 'file'; error: ShareError } | null;
  dismissShareError: () => void;
  /** A paste or drop: opened as a share file when it is one, else handed to `asInput`. */
  openText: (text: string, asInput: () => void) => void;
}

export function useOpenShare(onOpened: (state: ShareState, origin: 'link' | 'file') => void): ShareOpening {
  const task = useWorkerTask();
  const [runError, setRunError] = useState<RunError | null>(null);
  const [shareError, setShareError] = useState<ShareOpening['shareError']>(null);
  const run = task.run;

  const opened = useCallback(
    (state: ShareState, origin: 'link' | 'file') => {
      setShareError(null);
      onOpened(state, origin);
    },
    [onOpened],
  );

  const openText = useCallback(
    (text: string, asInput: () => void) => {
      if (!mayBeShareFile(text)) {
        asInput();
        return;
      }
      setRunError(null);
      void run('open-share-file', { text }).then((outcome) => {
        if (!outcome.ok) setRunError(outcome.error);
        else if (outcome.value === null) asInput();
        else if (outcome.value.ok) opened(outcome.value.value, 'file');
        else setShareError({ origin: 'file', error: outcome.value.error });
      });
    },
    [run, opened],
  );

  useEffect(() => {
    const openFragment = () => {
      const fragment = shareFragmentOf(window.location.hash);
      if (fragment === null) return;
      setRunError(null);
      void run('open-share', { fragment }).then((outcome) => {
        if (!outcome.ok) setRunError(outcome.error);
        else if (outcome.value.ok) opened(outcome.value.value, 'link');
        else setShareError({ origin: 'link', error: outcome.value.error });
      });
    };
    openFragment();
    window.addEventListener('hashchange', openFragment);
    return () => window.removeEventListener('hashchange', openFragment);
  }, [run, opened]);

  return { task, runError, shareError, dismissShareError: useCallback(() => setShareError(null), []), openText };
}
