// status-error: SAML core §3.2.2.2 — anything but a top-level Success means the request failed;
// the second-level code says why. Every code is explained (status-codes.ts).
import type { Rule } from '../diagnosis/context';
import { allNS, NS_PROTOCOL, parts, quote, rootElement } from '../diagnosis/helpers';
import { explainStatusCode, STATUS_SUCCESS, TOP_LEVEL_STATUS_CODES } from '../diagnosis/status-codes';

const REFS = ['SAML core §3.2.2.1', 'SAML core §3.2.2.2'];

/** Profile-neutral fix per second-level code; a profile words `status-error/<name>` its own way. */
const SECOND_LEVEL_FIX: Record<string, string> = {
  RequestDenied: 'Check at the IdP that the user is assigned to / allowed for this application and that the SP is registered and enabled.',
  AuthnFailed: 'The user did not authenticate at the IdP (wrong credentials, cancelled, MFA failed, or an access policy denied them). Check the IdP logs for this user.',
  InvalidNameIDPolicy: 'Request a NameID format the IdP supports for this SP (see NameIDFormat in the IdP metadata), or use urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified; with AllowCreate="false" the IdP must already know a persistent ID for the user.',
  NoAuthnContext: 'Remove or relax RequestedAuthnContext in the SP (Comparison="minimum"), or make the IdP perform the requested authentication method.',
  NoPassive: 'The SP asked for passive login (IsPassive="true") and the user has no IdP session: retry without IsPassive.',
  UnsupportedBinding: 'Request a ProtocolBinding the IdP supports for the response (HTTP-POST).',
  UnknownPrincipal: 'The user has no account or federation link at the responder; provision the user.',
};

export const statusErrorRule: Rule = {
  id: 'status-error',
  codes: ['status-error'],
  severity: 'error',
  category: 'status',
  title: 'Status is Success',
  checks: 'A Response or LogoutResponse has top-level StatusCode Success; otherwise the top-level and second-level codes and the StatusMessage are explained (PartialLogout is a warning).',
  references: REFS,
  check(ctx) {
    const { summary } = ctx.message;
    if (summary.kind !== 'Response' && summary.kind !== 'LogoutResponse' && summary.kind !== 'ArtifactResponse') return [];
    const status = summary.status;
    const statusEl = allNS(rootElement(ctx.message.doc), 'StatusCode', NS_PROTOCOL)[0] ?? allNS(rootElement(ctx.message.doc), 'Status', NS_PROTOCOL)[0] ?? rootElement(ctx.message.doc);
    if (!status || !status.code) {
      return [{ code: 'status-error', severity: 'error', title: 'Response has no StatusCode', explanation: `The ${summary.kind} has no Status/StatusCode; SAML core §3.2.2 requires one, and the SP cannot tell whether the request succeeded.`, fix: 'This is an IdP defect or a truncated message; capture it again.', fixParts: parts('no-status'), references: REFS, node: statusEl }];
    }
    const top = explainStatusCode(status.code);
    const sub = explainStatusCode(status.subcode);
    const subcodeOnly = status.code === STATUS_SUCCESS && status.subcode !== null;
    if (status.code === STATUS_SUCCESS && !subcodeOnly) return [];
    if (status.code === STATUS_SUCCESS && subcodeOnly && sub?.name !== 'PartialLogout') return [];
    const partial = sub?.name === 'PartialLogout';
    const sentences: string[] = [];
    if (top) sentences.push(`Top-level status ${top.name}: ${top.meaning}`);
    else sentences.push(`Top-level status ${quote(status.code)} is not one of the SAML 2.0 top-level codes (${TOP_LEVEL_STATUS_CODES.map((c) => c.split(':').pop()).join(', ')}; SAML core §3.2.2.2).`);
    if (status.subcode) sentences.push(sub ? `Second-level status ${sub.name}: ${sub.meaning} Usual cause: ${sub.likelyCause}` : `Second-level status ${quote(status.subcode)} is not defined by SAML 2.0; it is specific to the IdP.`);
    else if (top) sentences.push(`Usual cause: ${top.likelyCause}`);
    if (status.message) sentences.push(`The IdP says: "${status.message}".`);
    const w = (sub && SECOND_LEVEL_FIX[sub.name]) || null;
    const variant = sub?.name ?? top?.name ?? 'unknown';
    return [{
      code: 'status-error', severity: partial ? 'warning' : 'error',
      title: `${summary.kind} status ${sub ? sub.name : top ? top.name : 'error'}`,
      explanation: sentences.join(' '),
      fix: w ?? (top?.name === 'Requester' ? 'The IdP rejected the request: check the IdP logs and the AuthnRequest (Issuer known to the IdP, ACS URL registered, signature if required).' : top?.name === 'VersionMismatch' ? 'Send SAML 2.0 messages (Version="2.0").' : 'Check the IdP logs at the time of this response for the reason.'),
      fixParts: parts(variant, { status: status.code, subStatus: status.subcode, statusMessage: status.message }),
      references: REFS, node: statusEl,
    }];
  },
};
