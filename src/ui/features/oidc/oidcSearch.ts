// Search params of the OIDC page (STYLE: state in the URL). Only settings that are safe to share
// ride here: the Exoscale client ID, issuer URL, additional claims, CEL expression, SSO org name,
// evaluation instant and skew. The token, the keys and the client secret never do.

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
  const at = str(raw.at);
  if (at && !Number.isNaN(Date.parse(at))) out.at = at;
  const skew = typeof raw.skew === 'number' ? raw.skew : typeof raw.skew === 'string' ? Number(raw.skew) : NaN;
  if (Number.isFinite(skew) && skew >= 0) out.skew = Math.floor(skew);
  return out;
}
