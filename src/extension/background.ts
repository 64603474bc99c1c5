/// <reference types="chrome" />
// The extension's background (a service worker in Chromium, an event page in Firefox: the same
// file, see scripts/build-extension.mjs). It observes — never blocks or changes — the requests
// of the tabs the user turned capture on for, and appends each finished exchange to that tab's
// flow in session storage, where the panel reads it live. docs/extension.md explains the
// permissions this needs.
import { ExchangeRecorder } from './recorder';
import { EXTENSION_MAX_EXCHANGES } from './limits';
import { CAPTURING_KEY, emptyFlow, flowKey, type StoredFlow } from './storageKeys';
import type { RecordedExchange } from '../core/capture/recorded';

const capturing = new Set<number>();
const recorders = new Map<number, ExchangeRecorder>();
const flows = new Map<number, StoredFlow>();

function syncCapturing(ids: unknown): void {
  const next = new Set(Array.isArray(ids) ? ids.filter((n): n is number => typeof n === 'number') : []);
  for (const id of capturing) if (!next.has(id)) recorders.delete(id);
  capturing.clear();
  for (const id of next) capturing.add(id);
}

// A service worker is started by the event it must handle: events wait for the stored state.
const ready: Promise<void> = chrome.storage.session.get(CAPTURING_KEY).then((v) => syncCapturing(v[CAPTURING_KEY]));

chrome.storage.session.onChanged.addListener((changes) => {
  if (changes[CAPTURING_KEY]) syncCapturing(changes[CAPTURING_KEY].newValue);
  for (const [key, change] of Object.entries(changes)) {
    // The panel's "Clear" removes a flow: forget the cached copy.
    const m = /^flow:(\d+)$/.exec(key);
    if (m && change.newValue === undefined) flows.delete(Number(m[1]));
  }
});

let writes: Promise<void> = Promise.resolve();

/** Appends one exchange to its tab's flow; writes are chained so none overwrites another. */
function append(tabId: number, x: RecordedExchange | null): void {
  if (!x) return;
  writes = writes.then(async () => {
    let flow = flows.get(tabId);
    if (!flow) {
      const stored = (await chrome.storage.session.get(flowKey(tabId)))[flowKey(tabId)] as StoredFlow | undefined;
      flow = stored ?? emptyFlow();
      flows.set(tabId, flow);
    }
    if (flow.full || flow.storageError) return;
    if (flow.exchanges.length >= EXTENSION_MAX_EXCHANGES) flow.full = true;
    else flow.exchanges.push(x);
    try {
      await chrome.storage.session.set({ [flowKey(tabId)]: flow });
    } catch (e) {
      flow.exchanges.pop();
      flow.storageError = String((e as Error)?.message ?? e);
      await chrome.storage.session.set({ [flowKey(tabId)]: flow }).catch(() => undefined);
    }
  });
}

function recorderOf(tabId: number): ExchangeRecorder | null {
  if (!capturing.has(tabId)) return null;
  let r = recorders.get(tabId);
  if (!r) recorders.set(tabId, (r = new ExchangeRecorder()));
  return r;
}

type Details = { tabId: number };
/** Runs a handler once the stored state is loaded, in event order, for captured tabs only. */
const when = <D extends Details>(handle: (r: ExchangeRecorder, d: D) => RecordedExchange | null | void) => (d: D): undefined => {
  void ready.then(() => {
    const r = recorderOf(d.tabId);
    if (!r) return;
    const done = handle(r, d);
    if (done) append(d.tabId, done);
  });
  return undefined;
};

// Chromium hides Cookie and Set-Cookie from webRequest unless asked with "extraHeaders";
// Firefox shows them always and rejects the unknown option.
const extra: string[] = (chrome.webRequest as { OnSendHeadersOptions?: { EXTRA_HEADERS?: string } }).OnSendHeadersOptions?.EXTRA_HEADERS ? ['extraHeaders'] : [];
const filter: chrome.webRequest.RequestFilter = { urls: ['<all_urls>'] };

chrome.webRequest.onBeforeRequest.addListener(when((r, d: chrome.webRequest.OnBeforeRequestDetails) => r.start(d as never)), filter, ['requestBody']);
chrome.webRequest.onSendHeaders.addListener(when((r, d: chrome.webRequest.OnSendHeadersDetails) => r.headersSent(d)), filter, ['requestHeaders', ...extra] as never);
chrome.webRequest.onHeadersReceived.addListener(when((r, d: chrome.webRequest.OnHeadersReceivedDetails) => r.headersReceived(d)), filter, ['responseHeaders', ...extra] as never);
chrome.webRequest.onBeforeRedirect.addListener(when((r, d: chrome.webRequest.OnBeforeRedirectDetails) => r.redirected(d)), filter, ['responseHeaders', ...extra] as never);
chrome.webRequest.onCompleted.addListener(when((r, d: chrome.webRequest.OnCompletedDetails) => r.completed(d)), filter, ['responseHeaders', ...extra] as never);
chrome.webRequest.onErrorOccurred.addListener(when((r, d: chrome.webRequest.OnErrorOccurredDetails) => r.failed(d)), filter);

// A closed tab's capture ends with it; its flow stays for the panel until the browser closes.
chrome.tabs.onRemoved.addListener((tabId) => {
  void ready.then(async () => {
    if (!capturing.has(tabId)) return;
    capturing.delete(tabId);
    await chrome.storage.session.set({ [CAPTURING_KEY]: [...capturing] });
  });
});
