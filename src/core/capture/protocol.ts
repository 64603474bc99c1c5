// Which requests are sign-in traffic: the SAML bindings' parameters (SAML bindings §3.4.3,
// §3.5.3, §3.6.3: SAMLRequest, SAMLResponse, SAMLart) and OpenID Connect's (Core 1.0 §3.1.2.1
// authentication request, §3.1.2.5 successful response, §3.1.3.1 token request).
import type { AuthProtocol } from './recorded';

const SAML_PARAMS = ['SAMLRequest', 'SAMLResponse', 'SAMLart'];

function paramNames(query: string): Set<string> {
  const names = new Set<string>();
  for (const part of query.split('&')) {
    const eq = part.indexOf('=');
    const raw = eq >= 0 ? part.slice(0, eq) : part;
    try {
      names.add(decodeURIComponent(raw.replace(/\+/g, ' ')));
    } catch {
      names.add(raw);
    }
  }
  return names;
}

function protocolOfParams(names: Set<string>): AuthProtocol | undefined {
  if (SAML_PARAMS.some((p) => names.has(p))) return 'saml';
  const oidcAuthorize = names.has('client_id') && names.has('response_type') && names.has('redirect_uri');
  const oidcAnswer = names.has('state') && (names.has('code') || names.has('id_token') || names.has('error'));
  const oidcToken = names.has('grant_type') && (names.has('code') || names.has('refresh_token'));
  return oidcAuthorize || oidcAnswer || oidcToken ? 'oidc' : undefined;
}

/** The protocol a request's URL (query or fragment) or urlencoded body carries, if any. */
export function authProtocolOf(url: string, formBody?: string): AuthProtocol | undefined {
  const q = url.indexOf('?');
  const h = url.indexOf('#');
  const query = q >= 0 ? url.slice(q + 1, h > q ? h : undefined) : '';
  const fragment = h >= 0 ? url.slice(h + 1) : '';
  return protocolOfParams(paramNames(query)) ?? protocolOfParams(paramNames(fragment)) ?? (formBody ? protocolOfParams(paramNames(formBody)) : undefined);
}
