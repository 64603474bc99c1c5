// What the panel's live list shows for each recorded exchange that carried a SAML message: the
// message's overall standing (the same words as the page's verdict card, CONTRACT §4) and its
// worst finding, from one inspection of the whole flow as a HAR — so cookie, clock and redirect
// evidence across exchanges counts, as it does when the HAR is opened in the app.
import { inspectInput } from '../../core/inspect';
import { exchangesToHar } from '../../core/capture/harExport';
import { currentBrowser } from './recordingBrowser';
import type { RecordedExchange } from '../../core/capture/recorded';
import type { Severity } from '../../core/types';
import { findingsWorstFirst, overallVerdictOf, type OverallVerdict } from '../../ui/features/inspect/reportView';
import { inspectOidc, type OidcReport } from '../../core/oidc/inspectOidc';
import { oidcSearchToSettings } from '../../core/settings/oidc';

export interface MessageVerdict {
  /** Index of the exchange (in the flow as given) the message was carried in. */
  exchange: number;
  kind: string;
  verdict: OverallVerdict;
  worst: { code: string; severity: Severity; title: string } | null;
}

export interface FlowVerdicts {
  messages: MessageVerdict[];
  /** Input errors of the flow as a whole (input-too-large, …), code and message. */
  errors: { code: string; message: string }[];
}

export const HAR_CREATOR = { name: 'samlscope browser extension', version: '1' };

/** The flow in the order its requests started (the order a HAR reader sorts entries in). */
export function chronological(exchanges: readonly RecordedExchange[]): RecordedExchange[] {
  return exchanges.map((x, i) => ({ x, i })).sort((a, b) => Date.parse(a.x.time) - Date.parse(b.x.time) || a.i - b.i).map((e) => e.x);
}

/**
 * Inspects the flow (already chronological) and summarizes each sign-in message: the SAML ones
 * from one inspection of the flow as a HAR, each OpenID Connect exchange on its own.
 */
export async function flowVerdicts(flow: readonly RecordedExchange[], now: Date = new Date()): Promise<FlowVerdicts> {
  const saml = await samlVerdicts(flow, now);
  const oidc = await oidcVerdicts(flow, now);
  return { messages: [...saml.messages, ...oidc].sort((a, b) => a.exchange - b.exchange), errors: saml.errors };
}

/**
 * An OpenID Connect exchange as the /oidc page reads it: the POSTed form when it carries an ID
 * token (form_post response mode), else the URL (authorization request, code or error response).
 * No provider keys are known inside a capture (webRequest gives no response bodies, so a JWKS
 * fetched by the client is never seen): an ID token is at best `untrusted` here, and its claim
 * findings (expiry, audience, nonce) still show; opened in the app, keys can be added.
 */
async function oidcVerdicts(flow: readonly RecordedExchange[], now: Date): Promise<MessageVerdict[]> {
  const out: MessageVerdict[] = [];
  for (const [index, x] of flow.entries()) {
    if (x.protocol !== 'oidc') continue;
    const body = x.requestBody?.text;
    const input = x.method === 'POST' && body && /(?:^|&)id_token=/.test(body) ? body : x.url;
    const r = await inspectOidc(input, { settings: oidcSearchToSettings({}), at: now });
    if (!r.detected && r.errors.length === 0) continue;
    const worst = r.findings[0];
    out.push({
      exchange: index,
      kind: OIDC_KINDS[r.detected ?? ''] ?? 'OpenID Connect',
      verdict: oidcVerdict(r),
      worst: worst ? { code: worst.code, severity: worst.severity, title: worst.title } : r.errors[0] ? { code: r.errors[0].code, severity: 'error', title: r.errors[0].message } : null,
    });
  }
  return out;
}

const OIDC_KINDS: Record<string, string> = {
  'id-token': 'ID token',
  'authorization-request': 'Authorization request',
  'authorization-code-response': 'Authorization response',
  'authorization-error-response': 'Authorization error',
  'exoscale-login-url': 'Exoscale login',
};

/** The same standings as SAML's: only a token verified with a trusted key is `trusted`. */
function oidcVerdict(r: OidcReport): OverallVerdict {
  if (r.errors.length > 0) return 'error';
  if (!r.token) return 'unsigned';
  if (r.trusted) return 'trusted';
  // `alg: none` is `invalid` in the core's signature check, as on the /oidc page.
  if (r.signature?.verdict === 'invalid') return 'invalid';
  return 'untrusted';
}

async function samlVerdicts(flow: readonly RecordedExchange[], now: Date): Promise<FlowVerdicts> {
  if (!flow.some((x) => x.protocol === 'saml')) return { messages: [], errors: [] };
  const report = await inspectInput(JSON.stringify(exchangesToHar(flow, HAR_CREATOR, currentBrowser())), 'browser extension', { at: now });
  const messages = report.messages.map((m): MessageVerdict => {
    const worst = findingsWorstFirst(m.findings)[0];
    return {
      exchange: m.payload.capture?.exchange ?? -1,
      kind: m.error ? 'unreadable' : m.kind,
      verdict: overallVerdictOf(m),
      worst: worst ? { code: worst.code, severity: worst.severity, title: worst.title } : null,
    };
  });
  return { messages, errors: report.errors.filter((e) => e.code !== 'input-unrecognized').map((e) => ({ code: e.code, message: e.message })) };
}
