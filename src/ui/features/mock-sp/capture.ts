// The app side of the /acs capture (docs/mock-sp.md "Capture"): the service worker
// (public/sw-capture.js) or the server middleware (vite-plugins/acsCapture.ts) redirects to
// `/#capture=<base64url of the body or query>&via=sw|server&path=/acs&method=POST`. The
// payload travels in the fragment so it is never sent to a server again (RFC 3986 §3.5).
import type { MockSpSettings, SentRequestRecord } from '../../../core/mocksp';

export interface CapturedAnswer {
  /** The form body (HTTP-POST) or raw query string (HTTP-Redirect), exactly as received. */
  payload: string;
  via: 'sw' | 'server' | 'unknown';
  path: string;
  method: 'GET' | 'POST';
}

export function base64UrlToText(s: string): string | null {
  try {
    const b64 = s.replace(/-/g, '+').replace(/_/g, '/');
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function textToBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The capture in a location hash (`#capture=…`), or null when there is none or it is damaged. */
export function parseCaptureFragment(hash: string): CapturedAnswer | null {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!/(^|&)capture=/.test(h)) return null;
  const params = new URLSearchParams(h);
  const raw = params.get('capture');
  if (!raw) return null;
  const payload = base64UrlToText(raw);
  if (payload === null) return null;
  const via = params.get('via');
  const method = params.get('method');
  return {
    payload,
    via: via === 'sw' || via === 'server' ? via : 'unknown',
    path: params.get('path') ?? '/acs',
    method: method === 'GET' ? 'GET' : 'POST',
  };
}

// ---- what was sent (the answer comes back in another tab: localStorage, not sessionStorage) ----

/** A request the mock SP sent, with what inspecting its answer needs. */
export interface SentEntry {
  record: SentRequestRecord;
  settings: MockSpSettings;
  /** The IdP metadata pasted on the mock SP page: the answer's trust anchor. */
  idpMetadata: string | null;
}

export const SENT_KEY = 'samlscope.mocksp.sent';
const MAX_SENT = 10;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function loadSentEntries(): SentEntry[] {
  const s = storage();
  if (!s) return [];
  try {
    const v = JSON.parse(s.getItem(SENT_KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? (v.filter((e) => e && typeof e === 'object' && (e as SentEntry).record && (e as SentEntry).settings) as SentEntry[]) : [];
  } catch {
    return [];
  }
}

export function saveSentEntry(entry: SentEntry): void {
  const s = storage();
  if (!s) return;
  const list = [...loadSentEntries(), entry].slice(-MAX_SENT);
  s.setItem(SENT_KEY, JSON.stringify(list));
}

export function clearSentEntries(): void {
  storage()?.removeItem(SENT_KEY);
}
