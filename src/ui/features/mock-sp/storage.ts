// Persistence of the mock SP, always explicit: settings in localStorage only when the tester
// presses Save (Clear removes them), the SP key pair in IndexedDB. The SpKeyPair is stored as is:
// its CryptoKey is non-extractable and structured-cloneable (WebCrypto §"CryptoKey" is
// [Serializable]), so the key survives reloads without its bits ever being readable by script.
import { keyPairStore } from '../../shared/keyPairStore';
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

const KEYS = keyPairStore('samlscope-mocksp', 'sp-signing-key');

export function loadKeyPair(): Promise<SpKeyPair | null> {
  return KEYS.load();
}

export async function storeKeyPair(pair: SpKeyPair): Promise<boolean> {
  try {
    await KEYS.save(pair);
    return true;
  } catch {
    return false;
  }
}

export async function removeKeyPair(): Promise<void> {
  try {
    await KEYS.remove();
  } catch {
    // nothing stored
  }
}
