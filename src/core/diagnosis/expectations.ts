// Where the expected values come from, most authoritative first: what the user gave, trusted
// metadata, the AuthnRequest a Response answers (same input), and finally what the profile
// derives from the input's own values (Scaleway: ACS ↔ SP entity ID share the provider id).
import type { InspectOptions, MetadataSummary } from '../types';
import { detectProfile } from '../profiles/detect';
import { profileByName } from '../profiles/registry';
import { EXPECTATION_FIELDS, type ExpectationKey } from '../settings/inspect';
import type { Expectations, RuleMessage } from './context';
import { latestRequestBefore, roles } from './helpers';

function onlyOne<T>(list: T[]): T | undefined {
  const unique = [...new Set(list)];
  return unique.length === 1 ? unique[0] : undefined;
}

/**
 * @param message the message the expectations are for (a Response picks the AuthnRequest it
 *   answers, or the latest one before it); without it the latest AuthnRequest of the input is used.
 */
export function resolveExpectations(
  options: InspectOptions,
  messages: RuleMessage[],
  idpMetadata: MetadataSummary[],
  spMetadata: MetadataSummary[],
  message?: RuleMessage,
): Expectations {
  const out: Expectations = {};
  const profile = options.profile ?? detectProfile(messages);

  // The AuthnRequest this message answers (SAML core §3.2.2 InResponseTo), else the latest one.
  const irt = message ? message.summary.inResponseTo ?? message.summary.assertions.find((a) => a.inResponseTo)?.inResponseTo ?? null : null;
  const requests = messages.filter((m) => m.summary.kind === 'AuthnRequest');
  const request =
    message?.summary.kind === 'AuthnRequest'
      ? message
      : (irt ? requests.find((r) => r.summary.id === irt) : undefined) ?? latestRequestBefore(messages, message) ?? undefined;
  const requestLabel = (r: RuleMessage) => `AuthnRequest ${r.summary.id ?? '(no ID)'} in the same input`;
  // Surface-neutral: the page calls it a field, the CLI a flag; both call it by its label.
  const given = (key: ExpectationKey) => `the ${EXPECTATION_FIELDS.find((f) => f.key === key)!.label} you gave`;

  // ---- request ID ----
  if (options.requestId) out.requestId = { value: options.requestId, source: 'explicit', detail: given('requestId') };
  else if (request?.summary.id && request !== message) out.requestId = { value: request.summary.id, source: 'request', detail: requestLabel(request) };

  // ---- SP entity ID ----
  const spRoles = roles(spMetadata, 'SPSSODescriptor');
  const spFromMd = onlyOne(spRoles.map((r) => r.entityId));
  if (options.spEntityId) out.spEntityId = { value: options.spEntityId, source: 'explicit', detail: given('spEntityId') };
  else if (spFromMd) out.spEntityId = { value: spFromMd, source: 'metadata', detail: `SP metadata ${spFromMd}` };
  else if (request?.summary.issuer && request !== message) out.spEntityId = { value: request.summary.issuer, source: 'request', detail: `Issuer of ${requestLabel(request)}` };

  // ---- ACS URL ----
  const acsList = spRoles.filter((r) => !out.spEntityId || r.entityId === out.spEntityId.value || !spFromMd).flatMap((r) => r.role.assertionConsumerServices);
  const reqAcs = request?.summary.authnRequest?.assertionConsumerServiceURL ?? null;
  const reqAcsIndex = request?.summary.authnRequest?.assertionConsumerServiceIndex ?? null;
  if (options.acsUrl) out.acsUrl = { value: options.acsUrl, source: 'explicit', detail: given('acsUrl') };
  else if (acsList.length > 0) {
    // SAML profiles §4.1.4.1: the request may name its ACS (URL or index); otherwise the default endpoint.
    const byUrl = reqAcs ? acsList.find((e) => e.location === reqAcs) : undefined;
    const byIndex = reqAcsIndex !== null ? acsList.find((e) => String(e.index) === reqAcsIndex) : undefined;
    const postOnes = acsList.filter((e) => e.binding.endsWith(':HTTP-POST'));
    const pool = postOnes.length ? postOnes : acsList;
    const dflt = byUrl ?? byIndex ?? pool.find((e) => e.isDefault) ?? [...pool].sort((a, b) => (a.index ?? 0) - (b.index ?? 0))[0];
    const entity = spRoles.find((r) => r.role.assertionConsumerServices.includes(dflt))?.entityId ?? '';
    out.acsUrl = { value: dflt.location, source: 'metadata', detail: `SP metadata ${entity} AssertionConsumerService` };
  } else if (reqAcs && request && request !== message) {
    out.acsUrl = { value: reqAcs, source: 'request', detail: `AssertionConsumerServiceURL of ${requestLabel(request)}` };
  }

  // ---- IdP entity ID: only when the trusted metadata names exactly one IdP ----
  const idpFromMd = onlyOne(roles(idpMetadata, 'IDPSSODescriptor').map((r) => r.entityId));
  if (options.idpEntityId) out.idpEntityId = { value: options.idpEntityId, source: 'explicit', detail: given('idpEntityId') };
  else if (idpFromMd) out.idpEntityId = { value: idpFromMd, source: 'metadata', detail: `IdP metadata ${idpFromMd}` };

  // ---- what the profile derives from the input's values (Scaleway: one provider id in both URLs) ----
  const derive = profileByName(profile).deriveExpectations;
  if (derive) {
    const s = message?.summary;
    const candidates = [
      s?.destination,
      s?.issuer,
      ...(s?.assertions.flatMap((a) => [...a.audiences, a.recipient]) ?? []),
      reqAcs,
      request?.summary.issuer,
    ];
    const derived = derive(candidates.filter((c): c is string => !!c));
    if (derived) {
      if (!out.spEntityId && derived.spEntityId) out.spEntityId = { value: derived.spEntityId, source: 'profile', detail: derived.detail };
      if (!out.acsUrl && derived.acsUrl) out.acsUrl = { value: derived.acsUrl, source: 'profile', detail: derived.detail };
    }
  }
  return out;
}

