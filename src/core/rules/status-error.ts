// status-error: SAML core §3.2.2.2 — anything but a top-level Success means the request failed;
// the second-level code says why. Every code is explained (status-codes.ts).
import type { Rule } from './context';
import { allNS, fixFor, NS_PROTOCOL, quote, rootElement } from './helpers';
import { explainStatusCode, STATUS_SUCCESS, TOP_LEVEL_STATUS_CODES } from './status-codes';

const REFS = ['SAML core §3.2.2.1', 'SAML core §3.2.2.2'];

const SECOND_LEVEL_FIX: Record<string, { generic: string; scaleway?: string; 'authentik-provider'?: string; 'authentik-source'?: string }> = {
  RequestDenied: {
    generic: 'Check at the IdP that the user is assigned to / allowed for this application and that the SP is registered and enabled.',
    scaleway: 'Check that the user is a member of the group bound to the Scaleway application with `authentik_policy_binding` (e.g. `scaleway-users`).',
    'authentik-provider': 'Check the authentik application\'s policy bindings (`authentik_policy_binding`): the user must be allowed to access the application.',
  },
  AuthnFailed: { generic: 'The user did not authenticate at the IdP (wrong credentials, cancelled, MFA failed, or an access policy denied them). Check the IdP logs for this user.', 'authentik-provider': 'Check the authentik event log for this user: the authorization flow or a policy binding denied them.' },
  InvalidNameIDPolicy: { generic: 'Request a NameID format the IdP supports for this SP (see NameIDFormat in the IdP metadata), or use urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified; with AllowCreate="false" the IdP must already know a persistent ID for the user.', 'authentik-source': 'In the authentik SAML source pick a NameID Policy listed in the IdP metadata NameIDFormat elements.' },
  NoAuthnContext: { generic: 'Remove or relax RequestedAuthnContext in the SP (Comparison="minimum"), or make the IdP perform the requested authentication method.' },
  NoPassive: { generic: 'The SP asked for passive login (IsPassive="true") and the user has no IdP session: retry without IsPassive.' },
  UnsupportedBinding: { generic: 'Request a ProtocolBinding the IdP supports for the response (HTTP-POST).', scaleway: 'Set `sp_binding = "post"` in the authentik SAML provider.' },
  UnknownPrincipal: { generic: 'The user has no account or federation link at the responder; provision the user.' },
};

export const statusErrorRule: Rule = {
  id: 'status-error',
  codes: ['status-error'],
  severity: 'error',
  title: 'Status is Success',
  checks: 'A Response or LogoutResponse has top-level StatusCode Success; otherwise the top-level and second-level codes and the StatusMessage are explained (PartialLogout is a warning).',
  references: REFS,
  check(ctx) {
    const { summary } = ctx.message;
    if (summary.kind !== 'Response' && summary.kind !== 'LogoutResponse' && summary.kind !== 'ArtifactResponse') return [];
    const status = summary.status;
    const statusEl = allNS(rootElement(ctx.message.doc), 'StatusCode', NS_PROTOCOL)[0] ?? allNS(rootElement(ctx.message.doc), 'Status', NS_PROTOCOL)[0] ?? rootElement(ctx.message.doc);
    if (!status || !status.code) {
      return [{ code: 'status-error', severity: 'error', title: 'Response has no StatusCode', explanation: `The ${summary.kind} has no Status/StatusCode; SAML core §3.2.2 requires one, and the SP cannot tell whether the request succeeded.`, fix: fixFor(ctx.profile, { generic: 'This is an IdP defect or a truncated message; capture it again.' }), references: REFS, node: statusEl }];
    }
    const top = explainStatusCode(status.code);
    const sub = explainStatusCode(status.subcode);
    const subcodeOnly = status.code === STATUS_SUCCESS && status.subcode !== null;
    if (status.code === STATUS_SUCCESS && !subcodeOnly) return [];
    if (status.code === STATUS_SUCCESS && subcodeOnly && sub?.name !== 'PartialLogout') return [];
    const partial = sub?.name === 'PartialLogout';
    const parts: string[] = [];
    if (top) parts.push(`Top-level status ${top.name}: ${top.meaning}`);
    else parts.push(`Top-level status ${quote(status.code)} is not one of the SAML 2.0 top-level codes (${TOP_LEVEL_STATUS_CODES.map((c) => c.split(':').pop()).join(', ')}; SAML core §3.2.2.2).`);
    if (status.subcode) parts.push(sub ? `Second-level status ${sub.name}: ${sub.meaning} Usual cause: ${sub.likelyCause}` : `Second-level status ${quote(status.subcode)} is not defined by SAML 2.0; it is specific to the IdP.`);
    else if (top) parts.push(`Usual cause: ${top.likelyCause}`);
    if (status.message) parts.push(`The IdP says: "${status.message}".`);
    const w = (sub && SECOND_LEVEL_FIX[sub.name]) || null;
    return [{
      code: 'status-error', severity: partial ? 'warning' : 'error',
      title: `${summary.kind} status ${sub ? sub.name : top ? top.name : 'error'}`,
      explanation: parts.join(' '),
      fix: w ? fixFor(ctx.profile, w) : fixFor(ctx.profile, { generic: top?.name === 'Requester' ? 'The IdP rejected the request: check the IdP logs and the AuthnRequest (Issuer known to the IdP, ACS URL registered, signature if required).' : top?.name === 'VersionMismatch' ? 'Send SAML 2.0 messages (Version="2.0").' : 'Check the IdP logs at the time of this response for the reason.' }),
      references: REFS, node: statusEl,
    }];
  },
};
