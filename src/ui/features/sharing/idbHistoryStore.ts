// IndexedDB backing for the core's HistoryStore (src/core/share/history.ts). One database,
// one object store keyed by `id`. The on/off switch lives in localStorage so that the page
// knows whether to open the database at all: with history off, nothing is written anywhere.
import { InspectionHistory, type HistoryEntry, type HistoryStore } from '../../../core/share/history';

const DB_NAME = 'samlscope-history';
const STORE = 'entries';
const ENABLED_KEY = 'samlscope.history.enabled';

function requestDone<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

export class IndexedDbHistoryStore implements HistoryStore {
  private db: Promise<IDBDatabase> | null = null;

  private open(): Promise<IDBDatabase> {
    this.db ??= new Promise((resolve, reject) => {
      const req = indexedDB.open(DB_NAME, 1);
      req.onupgradeneeded = () => {
        if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: 'id' });
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
    });
    return this.db;
  }

  private async run<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const db = await this.open();
    return requestDone(fn(db.transaction(STORE, mode).objectStore(STORE)));
  }

  async list(): Promise<HistoryEntry[]> {
    return (await this.run('readonly', (s) => s.getAll())) as HistoryEntry[];
  }
  async put(entry: HistoryEntry): Promise<void> {
    await this.run('readwrite', (s) => s.put(entry));
  }
  async delete(id: string): Promise<void> {
    await this.run('readwrite', (s) => s.delete(id));
  }
  async clear(): Promise<void> {
    await this.run('readwrite', (s) => s.clear());
  }
}

export function historyEnabledSetting(): boolean {
  try {
    return localStorage.getItem(ENABLED_KEY) === 'true';
  } catch {
    return false;
  }
}

export function saveHistoryEnabledSetting(enabled: boolean): void {
  try {
    if (enabled) localStorage.setItem(ENABLED_KEY, 'true');
    else localStorage.removeItem(ENABLED_KEY);
  } catch {
    // storage refused (private mode): history simply stays off after a reload
  }
}

/** The page's history: off unless the user turned it on in this browser. */
export function createBrowserHistory(): InspectionHistory {
  return new InspectionHistory(new IndexedDbHistoryStore(), { enabled: historyEnabledSetting() });
}
