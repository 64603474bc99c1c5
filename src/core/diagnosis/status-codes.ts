// SAML core §3.2.2.2: every top-level and second-level status code, explained for the person
// debugging, with what usually causes it in practice.
export interface StatusCodeExplanation {
  uri: string;
  name: string;
  level: 'top' | 'second';
  meaning: string;
  likelyCause: string;
}

const P = 'urn:oasis:names:tc:SAML:2.0:status:';

export const STATUS_CODES: readonly StatusCodeExplanation[] = [
  { uri: P + 'Success', name: 'Success', level: 'top', meaning: 'The request succeeded.', likelyCause: 'Nothing is wrong at the protocol level.' },
  { uri: P + 'Requester', name: 'Requester', level: 'top', meaning: 'The request could not be performed due to an error on the part of the requester (the SP).', likelyCause: 'The AuthnRequest is malformed, unsigned where a signature is required, names an unknown ACS URL or issuer, or asks for something the IdP will not do. Look at the second-level code and StatusMessage.' },
  { uri: P + 'Responder', name: 'Responder', level: 'top', meaning: 'The request could not be performed due to an error on the part of the SAML responder (the IdP).', likelyCause: 'The IdP failed to authenticate the user or to build the response (misconfiguration, missing attribute, internal error). Check the IdP logs.' },
  { uri: P + 'VersionMismatch', name: 'VersionMismatch', level: 'top', meaning: 'The SAML responder could not process the request because the version of the request message was incorrect.', likelyCause: 'The request is not SAML 2.0 (Version="2.0") — e.g. a SAML 1.1 or WS-Federation request was sent to a SAML 2.0 endpoint.' },
  { uri: P + 'AuthnFailed', name: 'AuthnFailed', level: 'second', meaning: 'The responding provider was unable to successfully authenticate the principal.', likelyCause: 'Wrong password, cancelled login, failed MFA, or the user is not allowed by an authorization policy at the IdP.' },
  { uri: P + 'InvalidAttrNameOrValue', name: 'InvalidAttrNameOrValue', level: 'second', meaning: 'Unexpected or invalid content was encountered within a saml:Attribute or saml:AttributeValue element.', likelyCause: 'A requested attribute (AttributeQuery / RequestedAttribute) is unknown or has a bad value.' },
  { uri: P + 'InvalidNameIDPolicy', name: 'InvalidNameIDPolicy', level: 'second', meaning: 'The responding provider cannot or will not support the requested name identifier policy.', likelyCause: 'The AuthnRequest NameIDPolicy Format is not one the IdP can produce for this SP (or AllowCreate="false" and no identifier exists yet). Request the unspecified format or a format listed in the IdP metadata.' },
  { uri: P + 'NoAuthnContext', name: 'NoAuthnContext', level: 'second', meaning: 'The specified authentication context requirements cannot be met by the responder.', likelyCause: 'RequestedAuthnContext asks for a class (e.g. PasswordProtectedTransport with Comparison="exact", or MFA) the IdP did not perform.' },
  { uri: P + 'NoAvailableIDP', name: 'NoAvailableIDP', level: 'second', meaning: 'Used by an intermediary to indicate that none of the supported identity provider Loc elements in an IDPList can be resolved or none are supported.', likelyCause: 'A proxying IdP could not reach any of the IdPs named in Scoping/IDPList.' },
  { uri: P + 'NoPassive', name: 'NoPassive', level: 'second', meaning: 'The responding provider cannot authenticate the principal passively, as requested.', likelyCause: 'The request had IsPassive="true" and the user has no session at the IdP. Retry without IsPassive.' },
  { uri: P + 'NoSupportedIDP', name: 'NoSupportedIDP', level: 'second', meaning: 'Used by an intermediary to indicate that none of the identity providers in an IDPList are supported by the intermediary.', likelyCause: 'Scoping/IDPList names IdPs the proxy does not know.' },
  { uri: P + 'PartialLogout', name: 'PartialLogout', level: 'second', meaning: 'Used by a session authority to indicate to a session participant that it was not able to propagate the logout request to all other session participants.', likelyCause: 'Single logout reached some but not all SPs; the user may still be logged in somewhere.' },
  { uri: P + 'ProxyCountExceeded', name: 'ProxyCountExceeded', level: 'second', meaning: 'The responding provider cannot authenticate the principal directly and is not permitted to proxy the request further.', likelyCause: 'Scoping ProxyCount is 0 (or exhausted) and the IdP would need to proxy.' },
  { uri: P + 'RequestDenied', name: 'RequestDenied', level: 'second', meaning: 'The SAML responder or SAML authority is able to process the request but has chosen not to respond.', likelyCause: 'Policy: the user is not authorized for this application, the SP is unknown or disabled, or the request failed a signature or ACS check at the IdP.' },
  { uri: P + 'RequestUnsupported', name: 'RequestUnsupported', level: 'second', meaning: 'The SAML responder or SAML authority does not support the request.', likelyCause: 'The request type or a feature it uses (e.g. ProtocolBinding, Extensions) is not supported by the IdP.' },
  { uri: P + 'RequestVersionDeprecated', name: 'RequestVersionDeprecated', level: 'second', meaning: 'The SAML responder cannot process any requests with the protocol version specified in the request.', likelyCause: 'The request version is no longer accepted.' },
  { uri: P + 'RequestVersionTooHigh', name: 'RequestVersionTooHigh', level: 'second', meaning: 'The protocol version specified in the request is a major upgrade from the highest protocol version supported by the responder.', likelyCause: 'The request claims a newer SAML version than the IdP supports.' },
  { uri: P + 'RequestVersionTooLow', name: 'RequestVersionTooLow', level: 'second', meaning: 'The responder cannot respond to the particular request using the SAML version specified in the request because it is too low.', likelyCause: 'The request uses an older SAML version than the IdP accepts.' },
  { uri: P + 'ResourceNotRecognized', name: 'ResourceNotRecognized', level: 'second', meaning: 'The resource value provided in the request message is invalid or unrecognized.', likelyCause: 'Mostly seen with AuthzDecisionQuery: the Resource is unknown.' },
  { uri: P + 'TooManyResponses', name: 'TooManyResponses', level: 'second', meaning: 'The response message would contain more elements than the SAML responder is able to return.', likelyCause: 'A query matched more results than the responder returns.' },
  { uri: P + 'UnknownAttrProfile', name: 'UnknownAttrProfile', level: 'second', meaning: 'An entity that has no knowledge of a particular attribute profile has been presented with an attribute drawn from that profile.', likelyCause: 'An attribute NameFormat / profile the responder does not implement.' },
  { uri: P + 'UnknownPrincipal', name: 'UnknownPrincipal', level: 'second', meaning: 'The responding provider does not recognize the principal specified or implied by the request.', likelyCause: 'The Subject / NameID in the request (or the logged-in user) has no account or federation link at the responder.' },
  { uri: P + 'UnsupportedBinding', name: 'UnsupportedBinding', level: 'second', meaning: 'The SAML responder cannot properly fulfill the request using the protocol binding specified in the request.', likelyCause: 'ProtocolBinding in the AuthnRequest (e.g. HTTP-Artifact or HTTP-Redirect) is not allowed for the response; use HTTP-POST.' },
];

export function explainStatusCode(uri: string | null | undefined): StatusCodeExplanation | null {
  if (!uri) return null;
  const u = uri.trim();
  return STATUS_CODES.find((s) => s.uri === u) ?? null;
}

export const STATUS_SUCCESS = P + 'Success';
export const TOP_LEVEL_STATUS_CODES = STATUS_CODES.filter((s) => s.level === 'top').map((s) => s.uri);
