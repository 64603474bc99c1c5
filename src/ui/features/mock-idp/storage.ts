// Persistence of the mock IdP, in this browser only. The key pair goes to IndexedDB as is, like
// the mock SP's (src/ui/mocksp/storage.ts): a non-extractable CryptoKey is structured-cloneable,
// so it survives reloads without its bits being readable by script. Settings, users and the
// test pack's results go to localStorage, so the tab an SP's request arrives in (or the SP's
// redirect back) sees what the tester set up in another tab.
import { keyPairStore } from '../../shared/keyPairStore';
import type { MockUser, PackResults, PresetName, SignMode, SpKeyPair } from '../../../core/idp';
import { DEFAULT_USERS, PRESETS, SIGN_MODES } from '../../../core/idp';
import type { IdpBlockCipher } from '../../../core/idp';

export const IDP_SETTINGS_KEY = 'samlscope.mockidp.settings';
export const PACK_RESULTS_KEY = 'samlscope.mockidp.pack';

export interface MockIdpSettings {
  entityId: string;
  spMetadata: string;
  /** Override of the SP metadata's (or the request's) ACS URL; empty: none. */
  acsUrl: string;
  /** Override of the SP metadata's entity ID; empty: none. */
  spEntityId: string;
  users: MockUser[];
  userIndex: number;
  preset: PresetName;
  sign: SignMode;
  encrypt: boolean;
  blockCipher: IdpBlockCipher;
  signMetadata: boolean;
  wantAuthnRequestsSigned: boolean;
}

export function defaultIdpSettings(origin: string): MockIdpSettings {
  return {
    entityId: `${origin}/mock-idp`,
    spMetadata: '',
    acsUrl: '',
    spEntityId: '',
    users: DEFAULT_USERS.map((u) => ({ ...u, groups: [...u.groups] })),
    userIndex: 0,
    preset: 'scaleway',
    sign: 'both',
    encrypt: false,
    blockCipher: 'aes256-gcm',
    signMetadata: false,
    wantAuthnRequestsSigned: false,
  };
}

function str(v: unknown, d: string): string {
  return typeof v === 'string' ? v : d;
}

function normalizeUsers(v: unknown, d: MockUser[]): MockUser[] {
  if (!Array.isArray(v) || v.length === 0) return d;
  const out = v
    .filter((u) => u && typeof u === 'object')
    .map((u: Record<string, unknown>) => ({
      username: str(u.username, ''),
      email: str(u.email, ''),
      name: str(u.name, ''),
      uid: str(u.uid, ''),
      groups: Array.isArray(u.groups) ? u.groups.filter((g): g is string => typeof g === 'string') : [],
    }));
  return out.length ? out : d;
}

export function normalizeIdpSettings(raw: unknown, origin: string): MockIdpSettings {
  const d = defaultIdpSettings(origin);
  if (!raw || typeof raw !== 'object') return d;
  const r = raw as Record<string, unknown>;
  const users = normalizeUsers(r.users, d.users);
  const userIndex = typeof r.userIndex === 'number' && r.userIndex >= 0 && r.userIndex < users.length ? r.userIndex : 0;
  return {
    entityId: str(r.entityId, d.entityId) || d.entityId,
    spMetadata: str(r.spMetadata, ''),
    acsUrl: str(r.acsUrl, ''),
    spEntityId: str(r.spEntityId, ''),
    users,
    userIndex,
    preset: PRESETS.some((p) => p.name === r.preset) ? (r.preset as PresetName) : d.preset,
    sign: (SIGN_MODES as readonly unknown[]).includes(r.sign) ? (r.sign as SignMode) : d.sign,
    encrypt: r.encrypt === true,
    blockCipher: ['aes128-gcm', 'aes256-gcm', 'aes128-cbc', 'aes256-cbc'].includes(r.blockCipher as string) ? (r.blockCipher as IdpBlockCipher) : d.blockCipher,
    signMetadata: r.signMetadata === true,
    wantAuthnRequestsSigned: r.wantAuthnRequestsSigned === true,
  };
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function loadIdpSettings(origin: string): MockIdpSettings {
  try {
    return normalizeIdpSettings(JSON.parse(storage()?.getItem(IDP_SETTINGS_KEY) ?? 'null'), origin);
  } catch {
    return defaultIdpSettings(origin);
  }
}

export function saveIdpSettings(s: MockIdpSettings): void {
  try {
    storage()?.setItem(IDP_SETTINGS_KEY, JSON.stringify(s));
  } catch {
    // storage full or disabled: the settings live for this tab only
  }
}

export function loadPackResults(): PackResults {
  try {
    const v = JSON.parse(storage()?.getItem(PACK_RESULTS_KEY) ?? '{}') as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as PackResults) : {};
  } catch {
    return {};
  }
}

export function savePackResults(r: PackResults): void {
  try {
    storage()?.setItem(PACK_RESULTS_KEY, JSON.stringify(r));
  } catch {
    // as above
  }
}

export function forgetMockIdp(): void {
  try {
    storage()?.removeItem(IDP_SETTINGS_KEY);
    storage()?.removeItem(PACK_RESULTS_KEY);
  } catch {
    // nothing stored
  }
}

// ---- key pair in IndexedDB (own database: the mock SP's key is another identity) ----

const KEYS = keyPairStore('samlscope-mockidp', 'idp-signing-key');

export function loadIdpKey(): Promise<SpKeyPair | null> {
  return KEYS.load();
}

export async function storeIdpKey(pair: SpKeyPair | null): Promise<void> {
  try {
    if (pair) await KEYS.save(pair);
    else await KEYS.remove();
  } catch {
    // IndexedDB unavailable: the key lives for this tab only
  }
}
