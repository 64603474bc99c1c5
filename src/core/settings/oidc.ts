// Settings of the OIDC page that are safe to share, as URL search params: the Exoscale client ID,
// issuer URL, additional claims, CEL expression, SSO organisation name, evaluation instant and
// skew. The token, the keys and the client secret never ride in the URL.
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
