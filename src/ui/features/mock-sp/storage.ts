// Persistence of the mock SP, always explicit: settings in localStorage only when the tester
// presses Save (Clear removes them), the SP key pair in IndexedDB. The SpKeyPair is stored as is:
// its CryptoKey is non-extractable and structured-cloneable (WebCrypto §"CryptoKey" is
// [Serializable]), so the key survives reloads without its bits ever being readable by script.
import { normalizeSettings, type MockSpSettings, type SpKeyPair } from '../../../core/mocksp';

export const SETTINGS_KEY = 'samlscope.mocksp.settings';
/** The IdP metadata is saved with the settings (it is what the tester pasted, not a secret). */
export interface SavedMockSp {
  settings: MockSpSettings;
  idpMetadata: string;
}

export function loadSavedSettings(origin: string): SavedMockSp | null {
  try {
    const raw = localStorage.getItem(SETTINGS_KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as { settings?: unknown; idpMetadata?: unknown };
    return { settings: normalizeSettings(v.settings, origin), idpMetadata: typeof v.idpMetadata === 'string' ? v.idpMetadata : '' };
  } catch {
    return null;
  }
}

export function saveSettings(saved: SavedMockSp): boolean {
  try {
    localStorage.setItem(SETTINGS_KEY, JSON.stringify(saved));
    return true;
  } catch {
    return false;
  }
}

export function clearSavedSettings(): void {
  try {
    localStorage.removeItem(SETTINGS_KEY);
  } catch {
    // storage disabled: nothing was saved
  }
}

// ---- key pair in IndexedDB ----

const DB_NAME = 'samlscope-mocksp';
const STORE = 'keys';
const KEY_ID = 'sp-signing-key';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB unavailable'));
  });
}

async function withStore<T>(mode: IDBTransactionMode, run: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = run(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    db.close();
  }
}

export async function loadKeyPair(): Promise<SpKeyPair | null> {
  try {
    const v = await withStore<unknown>('readonly', (s) => s.get(KEY_ID));
    return v && typeof v === 'object' && (v as SpKeyPair).privateKey ? (v as SpKeyPair) : null;
  } catch {
    return null;
  }
}

export async function storeKeyPair(pair: SpKeyPair): Promise<boolean> {
  try {
    await withStore('readwrite', (s) => s.put(pair, KEY_ID));
    return true;
  } catch {
    return false;
  }
}

export async function removeKeyPair(): Promise<void> {
  try {
    await withStore('readwrite', (s) => s.delete(KEY_ID));
  } catch {
    // nothing stored
  }
}
