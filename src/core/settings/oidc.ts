// Settings of the OIDC page that are safe to share, as URL search params: the Exoscale client ID,
// issuer URL, additional claims, CEL expression, SSO organisation name, evaluation instant and
// skew. The token, the keys and the client secret never ride in the URL.
import type { ExoscaleOidcSettings } from '../oidc/settings';
import { DEFAULT_SKEW_SECONDS } from './defaults';
import { parseInstantText, parseNonNegativeInt } from './inspect';

export interface OidcSearch {
  client?: string;
  iss?: string;
  claims?: string;
  cel?: string;
  org?: string;
  at?: string;
  skew?: number;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);

export function validateOidcSearch(raw: Record<string, unknown>): OidcSearch {
  const out: OidcSearch = {};
  for (const k of ['client', 'iss', 'claims', 'cel', 'org'] as const) {
    const v = str(raw[k]);
    if (v !== undefined) out[k] = v;
  }
  const at = parseInstantText(str(raw.at));
  if (at) out.at = at;
  const skew = parseNonNegativeInt(raw.skew);
  if (skew !== undefined) out.skew = skew;
  return out;
}

/** The page's settings that never ride in the URL: typed in, kept in memory only. */
export interface OidcLocalSettings {
  clientSecret?: string;
  nonce?: string;
}

/** Search params (and the secrets typed on the page) → the settings inspectOidc takes. */
export function oidcSearchToSettings(search: OidcSearch, local: OidcLocalSettings = {}): ExoscaleOidcSettings {
  const out: ExoscaleOidcSettings = {};
  for (const [k, field] of OIDC_SEARCH_FIELDS) if (search[k]) out[field] = search[k];
  if (local.clientSecret) out.clientSecret = local.clientSecret;
  if (local.nonce) out.nonce = local.nonce;
  return out;
}

/**
 * Settings, instant and skew (a shared link's, say) → search params. The client secret and the
 * nonce are never written into the URL; the default skew is left out, as the page writes it.
 */
export function oidcSettingsToSearch(settings: ExoscaleOidcSettings, at?: string, skewSeconds?: number): OidcSearch {
  const out: OidcSearch = {};
  for (const [k, field] of OIDC_SEARCH_FIELDS) if (settings[field]) out[k] = settings[field];
  if (at) out.at = at;
  if (skewSeconds !== undefined && skewSeconds !== DEFAULT_SKEW_SECONDS) out.skew = skewSeconds;
  return out;
}

/** Which search param carries which setting: the one mapping both converters read. */
const OIDC_SEARCH_FIELDS: readonly (readonly ['client' | 'iss' | 'claims' | 'cel' | 'org', 'clientId' | 'issuerUrl' | 'additionalClaims' | 'celExpression' | 'orgName'])[] = [
  ['client', 'clientId'],
  ['iss', 'issuerUrl'],
  ['claims', 'additionalClaims'],
  ['cel', 'celExpression'],
  ['org', 'orgName'],
];
