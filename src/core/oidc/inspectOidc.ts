// The one entry point of the OIDC side: pasted text + pasted keys + Exoscale settings in,
// OidcReport out. Framework-free, WebCrypto only, never throws for bad input (errors are values).
import { summarizeAuthorizationRequest, summarizeAuthorizationResponse, type AuthorizationRequestSummary, type AuthorizationResponseSummary } from './authorizationRequest';
import { evaluateAuthorizationExpression, type CelEvaluation } from './celAuthorization';
import { decodeCompactJws, duplicateMemberNames, type JsonObject } from './decodeJws';
import { detectOidcInput, type DetectedKind, type IdTokenWrapping } from './detectInput';
import { EXOSCALE_FIELDS, EXOSCALE_OIDC_PROFILE, EXOSCALE_SETTINGS_PLACE, parseExoscalePortalUrl } from './exoscaleProfile';
import { finding, OIDC_CORE, SEED_EXOSCALE, sortFindings, type OidcError } from './findings';
import type { FindingText } from '../types';
import { OIDC_LIMITS } from '../limits';
import { DEFAULT_SKEW_SECONDS, type ExoscaleOidcSettings } from './settings';
import { parseTrustedKeys, type TrustedKeyMaterial } from './trustedKeys';
import { isoFromNumericDate, validateIdTokenClaims, type ClaimValidation } from './validateClaims';
import { verifyIdTokenSignature, type SignatureCheck } from './verifySignature';

export interface OidcInspectOptions {
  settings: ExoscaleOidcSettings;
  /** JWKS, JWK, PEM certificates or public keys, as pasted. */
  keysText?: string;
  at?: Date;
  skewSeconds?: number;
}

export interface DecodedToken {
  wrapping: IdTokenWrapping | 'decoded-payload';
  header: JsonObject | null;
  payload: JsonObject;
  headerPretty: string | null;
  payloadPretty: string;
  /** exp, iat, nbf, auth_time, updated_at as ISO-8601, for display. */
  times: Record<string, string>;
}

export interface OidcReport {
  detected: DetectedKind | null;
  errors: OidcError[];
  notes: string[];
  token: DecodedToken | null;
  signature: SignatureCheck | null;
  claims: ClaimValidation | null;
  cel: CelEvaluation | null;
  authorizationRequest: AuthorizationRequestSummary | null;
  authorizationResponse: AuthorizationResponseSummary | null;
  exoscaleLogin: { url: string; org: string } | null;
  keys: TrustedKeyMaterial;
  /**
   * The gate, as for SAML: true only when the signature is `valid` with a key the user pasted
   * (or the typed client secret). Anything else comes with the error `oidc-token-not-trusted`,
   * and a CEL grant is reported as `granted-if-authentic`.
   */
  trusted: boolean;
  /** Every finding of the report, worst first. */
  findings: FindingText[];
  evaluatedAt: string;
  skewSeconds: number;
  profile: typeof EXOSCALE_OIDC_PROFILE.name;
}

export async function inspectOidc(input: string, options: OidcInspectOptions): Promise<OidcReport> {
  const at = options.at ?? new Date();
  const skewSeconds = options.skewSeconds ?? DEFAULT_SKEW_SECONDS;
  const settings = options.settings;
  const keys = await parseTrustedKeys(options.keysText ?? '');
  const report: OidcReport = {
    detected: null, errors: [], notes: [], token: null, signature: null, claims: null, cel: null,
    authorizationRequest: null, authorizationResponse: null, exoscaleLogin: null, keys, trusted: false, findings: [],
    evaluatedAt: at.toISOString(), skewSeconds, profile: EXOSCALE_OIDC_PROFILE.name,
  };
  const findings: FindingText[] = [...settingsFindings(settings)];

  if (input.length > OIDC_LIMITS.inputLength) {
    report.errors.push({ code: 'oidc-input-too-large', message: `The input is ${input.length} characters; samlscope reads at most ${OIDC_LIMITS.inputLength} (ID tokens are a few KB).` });
  } else if (input.trim() !== '') {
    const detected = detectOidcInput(input);
    if (!detected.ok) report.errors.push(detected.error);
    else {
      const d = detected.value;
      report.detected = d.kind;
      if (d.kind === 'id-token' || d.kind === 'claims-json') report.notes.push(...d.notes);
      if (d.kind === 'id-token') {
        const jws = decodeCompactJws(d.token);
        if (!jws.ok) report.errors.push(jws.error);
        else {
          const { header, payload } = jws.value;
          report.token = {
            wrapping: d.wrapping, header, payload,
            headerPretty: prettyJson(header), payloadPretty: prettyJson(payload), times: timesOf(payload),
          };
          for (const [what, json] of [['header', jws.value.headerJson], ['payload', jws.value.payloadJson]] as const) {
            const dups = duplicateMemberNames(json);
            if (dups.length) findings.push(finding('oidc-duplicate-member', 'warning', `Duplicate member in the ${what}: ${dups.join(', ')}`, `RFC 7515 §4 / RFC 7519 §4: a JWT with duplicate member names must be rejected or parsed keeping the last one; libraries disagree, which is how claim-confusion attacks work. samlscope shows the last value.`, 'Fix the provider\'s claim mappings so that each claim appears once.', ['RFC 7515 §4', 'RFC 7519 §4']));
          }
          report.signature = await verifyIdTokenSignature(jws.value, keys.keys, { clientSecret: settings.clientSecret });
          report.claims = await validateIdTokenClaims(payload, header, settings, { at, skewSeconds }, { accessToken: d.accessToken, code: d.code });
          if (d.url) {
            const target = d.url.replace(/[?#].*$/, '');
            if (/^https?:\/\//i.test(target)) {
              const response = summarizeAuthorizationResponse(d.url, d.params ?? {}, settings);
              // The token itself is the point here; keep only the redirect-target checks.
              findings.push(...response.findings.filter((f) => f.code.startsWith('oidc-redirect-uri')));
            }
          }
        }
      } else if (d.kind === 'claims-json') {
        report.token = { wrapping: 'decoded-payload', header: null, payload: d.payload, headerPretty: null, payloadPretty: prettyJson(d.payload), times: timesOf(d.payload) };
        report.claims = await validateIdTokenClaims(d.payload, {}, settings, { at, skewSeconds });
      } else if (d.kind === 'authorization-request') {
        report.authorizationRequest = summarizeAuthorizationRequest(d.url, d.params, settings);
        findings.push(...report.authorizationRequest.findings);
      } else if (d.kind === 'authorization-code-response' || d.kind === 'authorization-error-response') {
        report.authorizationResponse = summarizeAuthorizationResponse(d.url, d.params, settings);
        findings.push(...report.authorizationResponse.findings);
      } else if (d.kind === 'exoscale-login-url') {
        report.exoscaleLogin = { url: d.url, org: d.org };
        const org = settings.orgName?.trim();
        if (org && org !== d.org) findings.push(finding('oidc-login-url-org-mismatch', 'warning', 'The login URL names another SSO organization', `The login URL's <sso-org-name> is ${JSON.stringify(d.org)}, the organization typed here is ${JSON.stringify(org)}.`, 'Use the login URL of the organization configured in IAM > SSO.', [SEED_EXOSCALE]));
      }
    }
  }

  if (report.token) {
    if (report.signature) findings.push(...report.signature.findings);
    report.trusted = report.signature?.verdict === 'valid';
    if (!report.trusted) findings.push(notTrustedFinding(report.signature));
    if (report.claims) findings.push(...report.claims.findings);
    const expression = settings.celExpression?.trim();
    if (expression) {
      report.cel = gateCelOutcome(await evaluateAuthorizationExpression(expression, report.token.payload, settings.additionalClaims), report.trusted, report.signature);
      findings.push(...report.cel.findings);
    } else {
      findings.push(finding('cel-not-configured', 'info', 'No authorization expression to evaluate', `Exoscale authorizes SSO users either with a "${EXOSCALE_FIELDS.celExpression}" over the ID token payload, or behind your own proxy (such as a Dex server). Type the expression to see whether this token gets a role.`, `Copy the expression from ${EXOSCALE_SETTINGS_PLACE}.`, [SEED_EXOSCALE]));
    }
  }
  for (const k of keys.errors) report.notes.push(`Provider keys: ${k.message}`);
  for (const n of keys.notes) report.notes.push(`Provider keys: ${n}`);
  report.findings = sortFindings(findings);
  return report;
}

/** Checks of the typed settings alone. */
function settingsFindings(settings: ExoscaleOidcSettings): FindingText[] {
  const out: FindingText[] = [];
  const issuer = settings.issuerUrl?.trim();
  if (issuer) {
    if (/\/\.well-known\/openid-configuration\/?$/.test(issuer)) {
      out.push(finding('oidc-issuer-is-discovery-url', 'error', 'The Issuer URL is the discovery document URL', `"${EXOSCALE_FIELDS.issuerUrl}" is ${JSON.stringify(issuer)}. The issuer is the URL without /.well-known/openid-configuration: clients append that path themselves (OpenID Connect Discovery 1.0 §4), and the ID token's iss is the issuer.`, `Set "${EXOSCALE_FIELDS.issuerUrl}" to ${JSON.stringify(issuer.replace(/\/\.well-known\/openid-configuration\/?$/, ''))} — or exactly the "issuer" value of that document.`, ['OpenID Connect Discovery 1.0 §4', 'OpenID Connect Core 1.0 §3.1.3.7 step 2']));
    } else if (!/^https:\/\//i.test(issuer)) {
      out.push(finding('oidc-issuer-not-https', 'warning', 'The Issuer URL is not https', `"${EXOSCALE_FIELDS.issuerUrl}" is ${JSON.stringify(issuer)}. OpenID Connect Discovery 1.0 §2: the issuer is a case-sensitive URL using the https scheme.`, `Use the provider's https issuer URL.`, ['OpenID Connect Discovery 1.0 §2']));
    }
    if (issuer !== settings.issuerUrl) out.push(finding('oidc-setting-whitespace', 'warning', 'The Issuer URL has surrounding spaces', 'Spaces copied around the URL make it differ from the token\'s iss in an exact comparison.', `Remove the spaces in "${EXOSCALE_FIELDS.issuerUrl}".`, ['OpenID Connect Core 1.0 §3.1.3.7 step 2']));
  }
  const org = settings.orgName?.trim();
  if (org && parseExoscalePortalUrl(org)) {
    out.push(finding('oidc-org-name-is-url', 'info', 'The organization name field holds a URL', 'Type only <sso-org-name>, the last part of https://portal.exoscale.com/sso-login/<sso-org-name>.', 'Keep only the organization name.', [SEED_EXOSCALE]));
  }
  return out;
}

/**
 * The SAML gate on the OIDC side (CONTRACT §2: only a `valid` signature with a trust anchor the
 * user supplied is trusted). One error whatever the reason, so that exit status and page agree.
 */
function notTrustedFinding(signature: SignatureCheck | null): FindingText {
  const why = signature === null
    ? 'Only a decoded payload was pasted: without the signed token nothing proves these claims came from the provider.'
    : `Its signature is \`${signature.verdict}\`: ${signature.reason}`;
  return finding(
    'oidc-token-not-trusted',
    'error',
    'The ID token is not authenticated',
    `${why} A relying party such as Exoscale accepts an ID token only when its signature verifies with the issuer's keys (OIDC Core §3.1.3.7 step 6); everything else on this page describes what would happen if the token were authentic.`,
    signature === null ? 'Paste the whole ID token (eyJ…) and the provider\'s JWKS.' : 'Paste the provider\'s JWKS (from the jwks_uri of <OIDC Issuer URL>/.well-known/openid-configuration), or the client secret for HS256, and a token signed by that provider.',
    [`${OIDC_CORE} §3.1.3.7 step 6`, 'RFC 8725 §3.1'],
  );
}

/** A grant over claims nobody authenticated is hypothetical: it says so in its outcome and reason. */
function gateCelOutcome(cel: CelEvaluation, trusted: boolean, signature: SignatureCheck | null): CelEvaluation {
  if (trusted || cel.outcome !== 'granted') return cel;
  const state = signature === null ? 'there is no signature (decoded payload)' : `the signature is ${signature.verdict}`;
  return { ...cel, outcome: 'granted-if-authentic', reason: `Would be granted if the token were authentic — but ${state}. ${cel.reason}` };
}

/** Pretty JSON of an already depth-bounded value (boundedJson.ts), never throws. */
function prettyJson(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2);
  } catch {
    return String(value);
  }
}

const TIME_CLAIMS = ['exp', 'iat', 'nbf', 'auth_time', 'updated_at'];

function timesOf(payload: JsonObject): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of TIME_CLAIMS) {
    const v = payload[c];
    const iso = typeof v === 'number' ? isoFromNumericDate(v) : null;
    if (iso !== null) out[c] = iso;
  }
  return out;
}
