// What the background script and the panel share, in the browser's session storage
// (chrome.storage.session: in memory, gone when the browser closes, never synced): the tabs
// being captured and each tab's recorded flow. The panel turns capture on and off by writing
// CAPTURING_KEY; the background records while a tab is in it.
import type { RecordedExchange } from '../core/capture/recorded';

export const CAPTURING_KEY = 'capturing';

export const flowKey = (tabId: number): string => `flow:${tabId}`;

export interface StoredFlow {
  exchanges: RecordedExchange[];
  /** EXTENSION_MAX_EXCHANGES reached: later exchanges of this tab were not recorded. */
  full: boolean;
  /** A write to session storage failed (its quota): the flow stops growing. */
  storageError?: string;
}

export const emptyFlow = (): StoredFlow => ({ exchanges: [], full: false });
