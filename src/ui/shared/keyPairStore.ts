// A key pair kept in the browser's IndexedDB under one database and key id: the mock SP and the
// mock IdP each keep their own (another identity each), with the same code. CryptoKeys are stored
// as structured clones, so a non-extractable private key stays non-extractable.
import type { SpKeyPair } from '../../core/mocksp';

const STORE = 'keys';

export interface KeyPairStore {
  /** The stored pair, or null when none is stored or IndexedDB is unavailable. */
  load(): Promise<SpKeyPair | null>;
  /** Throws when IndexedDB is unavailable (the callers say what that means for them). */
  save(pair: SpKeyPair): Promise<void>;
  remove(): Promise<void>;
}

export function keyPairStore(dbName: string, keyId: string): KeyPairStore {
  const openDb = (): Promise<IDBDatabase> =>
    new Promise((resolve, reject) => {
      const req = indexedDB.open(dbName, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB unavailable'));
    });

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

  return {
    async load() {
      try {
        const v = await withStore<unknown>('readonly', (s) => s.get(keyId));
        return v && typeof v === 'object' && (v as SpKeyPair).privateKey ? (v as SpKeyPair) : null;
      } catch {
        return null;
      }
    },
    async save(pair) {
      await withStore('readwrite', (s) => s.put(pair, keyId));
    },
    async remove() {
      await withStore('readwrite', (s) => s.delete(keyId));
    },
  };
}
