import { validateShareState, type ShareState } from './state';

/**
 * Local history of recent inspections (issue 6: "off by default or clearly clearable").
 * The model knows nothing of storage: the UI backs `HistoryStore` with IndexedDB, tests with
 * memory. Entries hold the same ShareState a link carries, so reopening one is the same code
 * path as opening a link.
 */

export interface HistoryEntry {
  id: string;
  /** ISO-8601 instant the entry was saved. */
  savedAt: string;
  title: string;
  state: ShareState;
}

/** What the UI implements over IndexedDB (one object store keyed by `id`). */
export interface HistoryStore {
  list(): Promise<HistoryEntry[]>;
  put(entry: HistoryEntry): Promise<void>;
  delete(id: string): Promise<void>;
  clear(): Promise<void>;
}

export interface HistorySettings {
  /** Off by default: nothing is written until the user turns history on. */
  enabled: boolean;
  /** Oldest entries beyond this are deleted on each save. */
  maxEntries: number;
}

export const DEFAULT_HISTORY_SETTINGS: Readonly<HistorySettings> = { enabled: false, maxEntries: 20 };

export class MemoryHistoryStore implements HistoryStore {
  private entries = new Map<string, HistoryEntry>();
  async list(): Promise<HistoryEntry[]> {
    return [...this.entries.values()].map((e) => structuredClone(e));
  }
  async put(entry: HistoryEntry): Promise<void> {
    this.entries.set(entry.id, structuredClone(entry));
  }
  async delete(id: string): Promise<void> {
    this.entries.delete(id);
  }
  async clear(): Promise<void> {
    this.entries.clear();
  }
}

/** A short title for an entry: the source label, or the first message's kind and issuer. */
export function historyTitleOf(state: ShareState, summary?: { kind?: string; issuer?: string | null }): string {
  const what = summary?.kind ? `${summary.kind}${summary.issuer ? ` from ${summary.issuer}` : ''}` : null;
  const label = [state.source, what].filter(Boolean).join(' — ') || 'Pasted input';
  return `${label}${state.redacted ? ' (redacted)' : ''}`;
}

function newId(): string {
  const b = new Uint8Array(8);
  globalThis.crypto.getRandomValues(b);
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
}

export class InspectionHistory {
  private settings: HistorySettings;
  constructor(private readonly store: HistoryStore, settings: Partial<HistorySettings> = {}) {
    this.settings = { ...DEFAULT_HISTORY_SETTINGS, ...settings };
  }

  get enabled(): boolean {
    return this.settings.enabled;
  }

  /** Turning history off also forgets everything already saved: "off" means nothing is kept. */
  async setEnabled(enabled: boolean): Promise<void> {
    this.settings = { ...this.settings, enabled };
    if (!enabled) await this.store.clear();
  }

  /** Save an inspection; returns null (and writes nothing) while history is off. */
  async record(state: ShareState, title: string = historyTitleOf(state), now: Date = new Date()): Promise<HistoryEntry | null> {
    if (!this.settings.enabled) return null;
    const entry: HistoryEntry = { id: newId(), savedAt: now.toISOString(), title, state };
    await this.store.put(entry);
    const all = await this.list();
    for (const old of all.slice(this.settings.maxEntries)) await this.store.delete(old.id);
    return entry;
  }

  /**
   * Newest first. Entries whose state no longer validates (written by another version, or
   * tampered with in devtools) are skipped rather than crashing the page.
   */
  async list(): Promise<HistoryEntry[]> {
    const raw = await this.store.list();
    return raw
      .filter((e) => e && typeof e.id === 'string' && typeof e.savedAt === 'string' && typeof e.title === 'string' && validateShareState(e.state).ok)
      .sort((a, b) => b.savedAt.localeCompare(a.savedAt) || b.id.localeCompare(a.id));
  }

  async remove(id: string): Promise<void> {
    await this.store.delete(id);
  }

  async clear(): Promise<void> {
    await this.store.clear();
  }
}
