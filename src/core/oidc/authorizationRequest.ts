// The authorization request the browser sends to the provider when a user starts an Exoscale SSO
// login (OpenID Connect Core 1.0 §3.1.2.1, OAuth 2.0 RFC 6749 §4.1.1, PKCE RFC 7636 §4.3), and
// the authorization responses that come back (§3.1.2.5 success, §3.1.2.6 error).
import { finding, OIDC_CORE, SEED_EXOSCALE } from './findings';
import type { FindingText } from '../types';
import {
  EXOSCALE_ALWAYS_REQUESTED, EXOSCALE_FIELDS, EXOSCALE_REDIRECT_PATTERN, EXOSCALE_SETTINGS_PLACE,
  exoscaleRedirectUri, parseExoscalePortalUrl,
} from './exoscaleProfile';
import { additionalClaimNames, type ExoscaleOidcSettings } from './settings';

export interface AuthorizationRequestSummary {
  /** The provider's authorization endpoint (the URL without its query). */
  endpoint: string | null;
  clientId: string | null;
  redirectUri: string | null;
  /** <sso-org-name> read from the redirect URI, when it has Exoscale's shape. */
  orgName: string | null;
  scopes: string[];
  responseType: string | null;
  responseMode: string | null;
  state: string | null;
  nonce: string | null;
  codeChallenge: string | null;
  codeChallengeMethod: string | null;
  prompt: string | null;
  /** Every parameter as received. */
  params: Record<string, string>;
  findings: FindingText[];
}

const RFC6749 = 'RFC 6749 (OAuth 2.0)';

export function summarizeAuthorizationRequest(url: string, params: Record<string, string>, settings: ExoscaleOidcSettings): AuthorizationRequestSummary {
  const findings: FindingText[] = [];
  const get = (k: string): string | null => (params[k] !== undefined ? params[k] : null);
  const scopes = (get('scope') ?? '').split(' ').filter((s) => s !== '');
  let endpoint: string | null = null;
  try {
    const u = new URL(url);
    endpoint = `${u.origin}${u.pathname}`;
  } catch {
    endpoint = null;
  }

  // ---- client_id ----
  const clientId = get('client_id');
  const configuredClientId = settings.clientId?.trim();
  if (clientId !== null && configuredClientId && clientId !== configuredClientId) {
    findings.push(finding('oidc-request-client-id-mismatch', 'error', 'The request is for another client ID', `The authorization request carries client_id ${JSON.stringify(clientId)}, not the ${EXOSCALE_FIELDS.clientId} ${JSON.stringify(configuredClientId)} typed here. Exoscale sends the client ID it is configured with; the ID tokens will then have that audience.`, `Make "${EXOSCALE_FIELDS.clientId}" in ${EXOSCALE_SETTINGS_PLACE} the client ID of the application registered at the provider.`, [`${RFC6749} §4.1.1`, SEED_EXOSCALE]));
  }

  // ---- redirect_uri: https://portal.exoscale.com/sso-authenticate/<sso-org-name> ----
  const redirectUri = get('redirect_uri');
  const portal = parseExoscalePortalUrl(redirectUri);
  const org = settings.orgName?.trim() || null;
  if (redirectUri === null) {
    findings.push(finding('oidc-redirect-uri-missing', 'warning', 'No redirect_uri in the request', 'OIDC Core §3.1.2.1 makes redirect_uri required; the provider then picks its registered default, which may not be Exoscale\'s.', `Exoscale's redirect URI is ${EXOSCALE_REDIRECT_PATTERN}.`, [`${OIDC_CORE} §3.1.2.1`]));
  } else {
    const problem = redirectUriProblem(redirectUri, org);
    if (problem) findings.push(problem);
  }

  // ---- scope ----
  if (!scopes.includes('openid')) {
    findings.push(finding('oidc-scope-missing-openid', 'error', 'The scope has no "openid"', `Without "openid" the request is plain OAuth 2.0: the provider issues no ID token (OIDC Core §3.1.2.1), and Exoscale has nothing to evaluate. Scope: ${JSON.stringify(get('scope') ?? '')}.`, 'This request was not made by Exoscale\'s SSO login (it always asks for openid profile email): start from https://portal.exoscale.com/sso-login/<sso-org-name>.', [`${OIDC_CORE} §3.1.2.1`]));
  }
  const missingStandard = EXOSCALE_ALWAYS_REQUESTED.filter((s) => s !== 'openid' && !scopes.includes(s));
  if (scopes.includes('openid') && missingStandard.length > 0) {
    findings.push(finding('oidc-scope-missing-standard', 'info', `The scope lacks ${missingStandard.join(' and ')}`, `Exoscale always requests ${EXOSCALE_ALWAYS_REQUESTED.join(' ')}; this request asks for ${JSON.stringify(get('scope'))}. Without them the provider may omit name/email claims.`, 'If this request is Exoscale\'s, nothing to change on your side; if it is from another client, compare with Exoscale\'s.', [SEED_EXOSCALE, `${OIDC_CORE} §5.4`]));
  }
  const listed = additionalClaimNames(settings.additionalClaims);
  const notInScope = listed.filter((c) => !scopes.includes(c));
  if (listed.length > 0 && notInScope.length > 0 && get('claims') === null) {
    findings.push(finding('oidc-additional-claims-not-in-request', 'info', 'Additional claims not visible in the request', `"${EXOSCALE_FIELDS.additionalClaims}" lists ${notInScope.join(' ')}, which appear neither in scope nor in a "claims" parameter of this request. The Exoscale documentation does not say how it asks for them; if the ID token lacks them, the provider needs its own mapping to include them.`, 'Check the ID token: if the claim is missing, configure the provider to add it to the ID token for this client.', [SEED_EXOSCALE, `${OIDC_CORE} §5.5`]));
  }

  // ---- response_type ----
  const responseType = get('response_type');
  if (responseType === null) {
    findings.push(finding('oidc-response-type-missing', 'error', 'No response_type', 'response_type is required (RFC 6749 §3.1.1, OIDC Core §3.1.2.1).', 'Exoscale uses the authorization code flow: response_type=code.', [`${RFC6749} §3.1.1`]));
  } else if (responseType !== 'code') {
    findings.push(finding('oidc-response-type-not-code', 'info', `response_type is "${responseType}"`, 'Exoscale is a confidential client (it has a client secret) and uses the authorization code flow (response_type=code, OIDC Core §3.1). Implicit and hybrid responses put tokens in the browser\'s URL.', 'If this request is not Exoscale\'s, compare with one that is (start from the SSO login URL).', [`${OIDC_CORE} §3.1`, 'RFC 9700 §2.1.2']));
  }

  // ---- state, nonce, PKCE ----
  if (get('state') === null) {
    findings.push(finding('oidc-state-missing', 'warning', 'No state parameter', 'Without state the client cannot tie the response to the browser session that started the login (CSRF, RFC 6749 §10.12).', 'Nothing to change at the provider; a real Exoscale login carries state.', [`${RFC6749} §10.12`, 'RFC 9700 §2.1']));
  }
  if (get('nonce') === null && responseType !== null && responseType.split(' ').includes('id_token')) {
    findings.push(finding('oidc-nonce-required', 'error', 'No nonce in an implicit/hybrid request', 'OIDC Core §3.2.2.1: nonce is REQUIRED when an ID token comes from the authorization endpoint.', 'Add a nonce.', [`${OIDC_CORE} §3.2.2.1`]));
  }
  const method = get('code_challenge_method');
  if (get('code_challenge') !== null && (method === null || method === 'plain')) {
    findings.push(finding('oidc-pkce-plain', 'info', 'PKCE with the "plain" method', 'RFC 7636 §4.2: S256 is mandatory to implement and "plain" only for clients that cannot do SHA-256; RFC 9700 §2.1.1 recommends S256.', 'Nothing for you to change if this request is Exoscale\'s.', ['RFC 7636 §4.2', 'RFC 9700 §2.1.1']));
  }

  return {
    endpoint, clientId, redirectUri, orgName: portal?.kind === 'sso-authenticate' ? portal.org : null, scopes,
    responseType, responseMode: get('response_mode'), state: get('state'), nonce: get('nonce'),
    codeChallenge: get('code_challenge'), codeChallengeMethod: method, prompt: get('prompt'), params, findings,
  };
}

/** What is wrong with a redirect URI for Exoscale, or null when it has the documented shape. */
export function redirectUriProblem(redirectUri: string, org: string | null): FindingText | null {
  const refs = [SEED_EXOSCALE, `${OIDC_CORE} §3.1.2.1`, `${RFC6749} §3.1.2`];
  const expected = org ? exoscaleRedirectUri(org) : EXOSCALE_REDIRECT_PATTERN;
  const fixRegister = `Authorize exactly ${expected} as redirect URI of the client at the provider (providers compare redirect URIs as exact strings, RFC 6749 §3.1.2.3).`;
  const portal = parseExoscalePortalUrl(redirectUri);
  if (portal?.kind === 'sso-login') {
    return finding('oidc-redirect-uri-is-login-url', 'error', 'The redirect URI is Exoscale\'s login URL', `${redirectUri} is the SSO login page (…/sso-login/<sso-org-name>), where users start. The provider must send the user back to …/sso-authenticate/<sso-org-name> instead.`, fixRegister, refs);
  }
  if (!portal) {
    let why = 'It does not have the shape https://portal.exoscale.com/sso-authenticate/<sso-org-name>.';
    try {
      const u = new URL(redirectUri);
      if (u.protocol !== 'https:') why = 'It does not use https.';
      else if (u.hostname !== 'portal.exoscale.com') why = `Its host is ${u.hostname}, not portal.exoscale.com.`;
      else if (u.search || u.hash) why = 'It carries a query or fragment Exoscale\'s redirect URI does not have.';
      else if (!/^\/sso-authenticate\/[^/]+\/?$/.test(u.pathname)) why = `Its path ${u.pathname} is not /sso-authenticate/<sso-org-name>.`;
    } catch {
      why = 'It is not an absolute URL.';
    }
    return finding('oidc-redirect-uri-not-exoscale', 'error', 'The redirect URI is not Exoscale\'s', `redirect_uri is ${JSON.stringify(redirectUri)}. ${why} After login the provider would send the user somewhere else than Exoscale.`, fixRegister, refs);
  }
  if (/\/$/.test(redirectUri.replace(/[?#].*$/, ''))) {
    return finding('oidc-redirect-uri-trailing-slash', 'warning', 'The redirect URI ends with "/"', `${redirectUri} has a trailing slash that ${EXOSCALE_REDIRECT_PATTERN} has not. Providers compare redirect URIs exactly (RFC 6749 §3.1.2.3): the registered one and the one Exoscale sends must be identical.`, fixRegister, refs);
  }
  if (org && portal.org !== org) {
    return finding('oidc-redirect-uri-org-mismatch', 'error', 'The redirect URI names another SSO organization', `The redirect URI's <sso-org-name> is ${JSON.stringify(portal.org)}, not ${JSON.stringify(org)}.${portal.org.toLowerCase() === org.toLowerCase() ? ' They differ only in letter case.' : ''}`, fixRegister, refs);
  }
  return null;
}

export interface AuthorizationResponseSummary {
  kind: 'code' | 'error';
  code: string | null;
  state: string | null;
  error: string | null;
  errorDescription: string | null;
  /** Where the response was delivered (the redirect URI), without its parameters. */
  redirectTarget: string | null;
  orgName: string | null;
  findings: FindingText[];
}

/** Meaning of the RFC 6749 §4.1.2.1 / OIDC Core §3.1.2.6 error codes for an Exoscale login. */
const AUTHORIZATION_ERRORS: Record<string, { meaning: string; fix: string }> = {
  invalid_request: { meaning: 'The request is malformed — often a redirect_uri the provider does not accept (many providers show that error on their own page instead of redirecting).', fix: `Authorize ${EXOSCALE_REDIRECT_PATTERN} exactly at the provider.` },
  unauthorized_client: { meaning: 'The client may not use this flow (the authorization code grant is not enabled for it).', fix: 'Enable the authorization code flow (standard flow) for the client at the provider.' },
  access_denied: { meaning: 'The provider refused: the user is not allowed to use this application (assignment, group or policy at the provider) or declined consent.', fix: 'Assign the user (or their group) to the application at the provider.' },
  unsupported_response_type: { meaning: 'The provider does not allow response_type=code for this client.', fix: 'Enable the authorization code flow for the client.' },
  invalid_scope: { meaning: 'A requested scope is unknown to the provider — for example a name listed in "OIDC Additional Claims" that the provider does not know as a scope.', fix: `Create the scope at the provider, or remove the name from "${EXOSCALE_FIELDS.additionalClaims}".` },
  server_error: { meaning: 'The provider failed internally.', fix: 'Look at the provider\'s logs.' },
  temporarily_unavailable: { meaning: 'The provider is overloaded or in maintenance.', fix: 'Retry later.' },
  login_required: { meaning: 'prompt=none was requested and the user is not logged in at the provider.', fix: 'Log in at the provider first.' },
  interaction_required: { meaning: 'The provider needs the user to interact (consent, MFA) but prompt=none was requested.', fix: 'Start the login again from the Exoscale SSO login URL.' },
  consent_required: { meaning: 'The user must consent to the requested scopes.', fix: 'Grant consent at the provider, or pre-approve the application.' },
};

export function summarizeAuthorizationResponse(url: string, params: Record<string, string>, settings: ExoscaleOidcSettings): AuthorizationResponseSummary {
  const findings: FindingText[] = [];
  const target = url.replace(/[?#].*$/, '');
  const portal = parseExoscalePortalUrl(target);
  const isUrl = /^https?:\/\//i.test(target);
  if (isUrl) {
    const problem = redirectUriProblem(target, settings.orgName?.trim() || null);
    if (problem) findings.push({ ...problem, explanation: `This response was delivered to ${target}. ${problem.explanation}` });
  }
  const error = params.error ?? null;
  if (error !== null) {
    const known = AUTHORIZATION_ERRORS[error];
    findings.push(finding('oidc-authorization-error', 'error', `The provider answered with error "${error}"`, `${known?.meaning ?? 'The provider refused the authorization request (RFC 6749 §4.1.2.1).'}${params.error_description ? ` Provider's description: ${JSON.stringify(params.error_description)}.` : ''}`, known?.fix ?? 'Read the provider\'s logs for this request.', [`${RFC6749} §4.1.2.1`, `${OIDC_CORE} §3.1.2.6`]));
  } else {
    findings.push(finding('oidc-code-needs-exchange', 'info', 'An authorization code, not a token', 'Exoscale exchanges this code for an ID token at the provider\'s token endpoint, authenticating with the client secret (OIDC Core §3.1.3.1). samlscope makes no network request, so it cannot do the exchange; the code is single-use and short-lived anyway.', 'Paste the ID token instead: from the token endpoint response (e.g. with curl and the client secret), or from the provider\'s debugging tools.', [`${OIDC_CORE} §3.1.3.1`]));
  }
  if (params.state === undefined) {
    findings.push(finding('oidc-response-state-missing', 'warning', 'No state in the response', 'The provider must return the state it received (RFC 6749 §4.1.2); without it Exoscale cannot match the response to the login it started.', 'Check the provider returns state.', [`${RFC6749} §4.1.2`]));
  }
  return {
    kind: error !== null ? 'error' : 'code', code: params.code ?? null, state: params.state ?? null, error,
    errorDescription: params.error_description ?? null, redirectTarget: isUrl ? target : null,
    orgName: portal?.org ?? null, findings,
  };
}
