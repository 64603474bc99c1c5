/// <reference types="chrome" />
// The extension's panel (the toolbar popup, or `panel.html?tab=<id>` in a tab): turns capture on
// and off for a tab, lists the tab's sign-in exchanges live with each message's verdict, exports
// the flow (HAR, SAML-tracer JSON) and opens it in the samlscope app bundled in the extension.
// Plain DOM, not React: the popup opens on every click and should show at once; its one list
// and five buttons do not need a framework.
import { exchangesToHar, exchangesToSamlTracer, type RecordedExchange } from '../../core/capture';
import { createShareState, encodeShareFragment, MAX_SHARE_FRAGMENT_CHARS } from '../../core/share/state';
import { VERDICT_WORDS } from '../../ui/features/inspect/reportView';
import { CAPTURE_HANDOVER_SOURCE } from '../../ui/features/sharing/captureHandover';
import { CAPTURING_KEY, emptyFlow, flowKey, type StoredFlow } from '../storageKeys';
import { EXTENSION_MAX_EXCHANGES } from '../limits';
import { chronological, HAR_CREATOR, type FlowVerdicts } from './flowVerdicts';
import { flowRows, shortUrl } from './flowRows';
import { chooseTargetTab } from './targetTab';
import { VerdictRunner } from './verdictRunner';
import { currentBrowser } from './recordingBrowser';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const runner = new VerdictRunner();

let tabId = -1;
let capturing = false;
let flow: StoredFlow = emptyFlow();
let verdicts: FlowVerdicts | null = null;
let verdictNote = '';

async function targetTab(): Promise<number> {
  const query = new URLSearchParams(location.search).get('tab');
  const named = chooseTargetTab(query, [], undefined);
  if (named > 0) return named;
  // getCurrent: the panel's own tab when opened as a page, undefined in the toolbar popup.
  const [self, windowTabs] = await Promise.all([chrome.tabs.getCurrent(), chrome.tabs.query({ currentWindow: true })]);
  return chooseTargetTab(null, windowTabs, self?.id);
}

function el(tag: string, attrs: Record<string, string>, ...children: (Node | string)[]): HTMLElement {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

function render(): void {
  const toggle = $<HTMLButtonElement>('toggle');
  toggle.textContent = capturing ? 'Stop capture' : 'Start capture in this tab';
  toggle.setAttribute('aria-pressed', String(capturing));
  $('state').textContent = capturing ? 'Capturing: sign-in requests of this tab are recorded.' : 'Not capturing.';
  const ordered = chronological(flow.exchanges);
  const rows = flowRows(ordered, verdicts);
  const body = $('rows');
  body.replaceChildren(
    ...rows.map((r) => {
      const verdictCell = r.messages.length
        ? r.messages.map((m) => el('div', { class: `verdict verdict-${m.verdict}`, 'data-verdict': m.verdict, 'data-message-kind': m.kind }, `${m.kind}: ${VERDICT_WORDS[m.verdict].label}`))
        : [verdicts ? (r.protocol === 'oidc' ? 'no OpenID Connect message read' : 'no SAML message read') : '…'];
      const worst = r.messages.map((m) => m.worst).find((w) => w) ?? null;
      return el(
        'tr',
        { 'data-protocol': r.protocol, 'data-exchange': String(r.index) },
        el('td', {}, new Date(r.time).toLocaleTimeString()),
        el('td', {}, r.method),
        el('td', { title: r.url, class: 'url' }, shortUrl(r.url)),
        el('td', {}, r.status),
        el('td', {}, ...verdictCell),
        el('td', worst ? { 'data-finding-code': worst.code, class: `severity-${worst.severity}` } : {}, worst ? `${worst.severity}: ${worst.title}` : ''),
      );
    }),
  );
  const others = ordered.length - rows.length;
  const notes: string[] = [];
  if (others > 0) notes.push(`${others} other navigation${others === 1 ? '' : 's'} kept as evidence (redirects, cookies, status).`);
  if (flow.full) notes.push(`Capture full: ${EXTENSION_MAX_EXCHANGES} exchanges recorded; later requests of this tab were not recorded.`);
  if (flow.storageError) notes.push(`Recording stopped: the browser's session storage refused more (${flow.storageError}).`);
  if (verdicts?.errors.length) notes.push(...verdicts.errors.map((e) => `${e.code}: ${e.message}`));
  if (verdictNote) notes.push(verdictNote);
  $('notes').replaceChildren(...notes.map((n) => el('li', {}, n)));
  $('empty').hidden = rows.length > 0;
  for (const id of ['open', 'export-har', 'export-tracer', 'clear']) $<HTMLButtonElement>(id).disabled = ordered.length === 0;
}

let latestRun = 0;
async function refreshVerdicts(): Promise<void> {
  const run = ++latestRun;
  const outcome = await runner.run(chronological(flow.exchanges));
  if (run !== latestRun) return;
  if (outcome.ok) {
    verdicts = outcome.value;
    verdictNote = '';
  } else if (outcome.code !== 'run-cancelled') verdictNote = `${outcome.code}: ${outcome.message}`;
  render();
}

function download(name: string, value: unknown): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }));
  const a = el('a', { href: url, download: name }) as HTMLAnchorElement;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');
const ordered = (): RecordedExchange[] => chronological(flow.exchanges);

async function openInApp(): Promise<void> {
  const input = JSON.stringify(exchangesToHar(ordered(), HAR_CREATOR, currentBrowser()), null, 2);
  const fragment = encodeShareFragment(createShareState({ input, source: CAPTURE_HANDOVER_SOURCE }));
  if (fragment.length > MAX_SHARE_FRAGMENT_CHARS) {
    verdictNote = 'This flow is too large to hand to the app in one address; export it as HAR and open the file in the app instead.';
    render();
    return;
  }
  // The flow travels in the fragment of an extension page's address: it never reaches a network.
  await chrome.tabs.create({ url: `${chrome.runtime.getURL('app/index.html')}#share=${fragment}` });
}

async function main(): Promise<void> {
  tabId = await targetTab();
  $('tab').textContent = tabId > 0 ? `tab ${tabId}` : 'no tab';
  const stored = await chrome.storage.session.get([CAPTURING_KEY, flowKey(tabId)]);
  capturing = Array.isArray(stored[CAPTURING_KEY]) && (stored[CAPTURING_KEY] as number[]).includes(tabId);
  flow = (stored[flowKey(tabId)] as StoredFlow | undefined) ?? emptyFlow();
  render();
  void refreshVerdicts();

  chrome.storage.session.onChanged.addListener((changes) => {
    if (changes[CAPTURING_KEY]) {
      const ids = changes[CAPTURING_KEY].newValue;
      capturing = Array.isArray(ids) && ids.includes(tabId);
    }
    const change = changes[flowKey(tabId)];
    if (change) {
      flow = (change.newValue as StoredFlow | undefined) ?? emptyFlow();
      void refreshVerdicts();
    }
    render();
  });

  $('toggle').addEventListener('click', async () => {
    const ids = ((await chrome.storage.session.get(CAPTURING_KEY))[CAPTURING_KEY] as number[] | undefined) ?? [];
    const next = capturing ? ids.filter((id) => id !== tabId) : [...new Set([...ids, tabId])];
    await chrome.storage.session.set({ [CAPTURING_KEY]: next });
  });
  $('clear').addEventListener('click', () => void chrome.storage.session.remove(flowKey(tabId)));
  $('export-har').addEventListener('click', () => download(`samlscope-capture-${stamp()}.har`, exchangesToHar(ordered(), HAR_CREATOR, currentBrowser())));
  $('export-tracer').addEventListener('click', () => download(`samlscope-capture-${stamp()}.saml-tracer.json`, exchangesToSamlTracer(ordered(), new Date())));
  $('open').addEventListener('click', () => void openInApp());
}

void main();
