// Error texts people see at their SP/IdP, mapped to the finding codes that explain them.
// The three Scaleway texts and the authentik 403 come from 000_bbefa757859ef489.txt; the others
// are well-known messages of common SAML implementations (quoted as those products word them).
export interface SymptomEntry {
  id: string;
  /** The error text as the product shows it (placeholders in <>). */
  symptom: string;
  /** Product that shows it. */
  product: string;
  /** Extra phrasings that should match this entry. */
  patterns: string[];
  codes: string[];
  explanation: string;
  whatToCheck: string[];
}

export const SYMPTOMS: readonly SymptomEntry[] = [
  // ---- Scaleway + authentik (000_bbefa757859ef489.txt) ----
  {
    id: 'scaleway-issuer', product: 'Scaleway', symptom: 'response Issuer does not match the IDP metadata (expected <authentik URL>)',
    patterns: ['issuer does not match the idp metadata', 'response issuer does not match'],
    codes: ['issuer-is-sp-entity-id', 'issuer-mismatch'],
    explanation: 'The Issuer of the SAML response is not the Entity ID configured for the identity provider in the Scaleway console. In the documented case authentik had `issuer = var.scaleway_saml_entity_id`, so it sent Scaleway\'s own entity ID as Issuer.',
    whatToCheck: ['Response and Assertion <Issuer> against the Entity ID in the Scaleway identity provider settings', 'authentik provider `issuer` = `var.authentik_url` (with the same trailing slash)'],
  },
  {
    id: 'scaleway-user-not-found', product: 'Scaleway', symptom: 'The user <name> was not found inside the organization',
    patterns: ['user was not found inside the organization', 'not found inside the organization'],
    codes: ['nameid-email-for-username', 'nameid-format-mismatch', 'nameid-transient'],
    explanation: 'Scaleway matches the NameID against the usernames of the IAM members of the organization. An email address (or a transient/hashed value) as NameID is not found, even when a member with that email exists; and a user who is not an IAM member (only the organization owner) is not found either.',
    whatToCheck: ['<NameID> value: it must be the Scaleway username', 'authentik provider `name_id_mapping` = the username mapping', 'the user exists as an IAM member of the organization (no SCIM: pre-provision)'],
  },
  {
    id: 'authentik-csrf', product: 'authentik (Django)', symptom: '403 CSRF verification failed. Request aborted.',
    patterns: ['403 csrf', 'csrf verification failed', 'forbidden csrf', 'csrf cookie not set', 'csrf token missing'],
    codes: ['binding-mismatch'],
    explanation: 'The SP POSTed its AuthnRequest to authentik\'s HTTP-Redirect endpoint (/sso/binding/redirect/). That view is not CSRF-exempt, so Django refuses the cross-site POST. The POST binding endpoint /sso/binding/post/ is CSRF-exempt.',
    whatToCheck: ['the URL the AuthnRequest was sent to and the HTTP method (HAR)', 'SSO URL configured at the SP: use /application/saml/<slug>/sso/binding/post/', 'no CSRF_TRUSTED_ORIGINS change is needed'],
  },
  // ---- AWS ----
  {
    id: 'aws-invalid-response', product: 'AWS sign-in', symptom: 'Your request included an invalid SAML response. To logout, click here.',
    patterns: ['your request included an invalid saml response', 'invalid saml response'],
    codes: ['issuer-mismatch', 'audience-mismatch', 'recipient-mismatch', 'expired', 'not-yet-valid', 'signature-invalid', 'signature-untrusted-key'],
    explanation: 'AWS rejected the assertion without details. Usual causes: the Issuer is not the one of the IAM identity provider metadata, the Audience is not urn:amazon:webservices (or the region sign-in URL), the signature does not verify with the uploaded metadata certificate, or the assertion is outside its time window.',
    whatToCheck: ['Issuer vs the IAM SAML provider metadata entityID', 'Audience and Recipient = https://signin.aws.amazon.com/saml', 'signature against the metadata uploaded to IAM', 'NotBefore/NotOnOrAfter against the time of the request'],
  },
  {
    id: 'aws-role', product: 'AWS sign-in', symptom: 'RoleSessionName is required in AuthnResponse / Not authorized to perform sts:AssumeRoleWithSAML',
    patterns: ['rolesessionname is required in authnresponse', 'not authorized to perform sts assumerolewithsaml', 'assumerolewithsaml'],
    codes: [],
    explanation: 'The response is valid SAML but lacks the AWS attributes: https://aws.amazon.com/SAML/Attributes/Role ("role ARN,provider ARN") and RoleSessionName, or the role trust policy does not allow this SAML provider.',
    whatToCheck: ['attributes https://aws.amazon.com/SAML/Attributes/Role and RoleSessionName in the assertion', 'the role trust policy names the SAML provider ARN and SAML:aud'],
  },
  // ---- Google ----
  {
    id: 'google-app-not-configured', product: 'Google Workspace (IdP)', symptom: '403. app_not_configured_for_user — Service is not configured for this user.',
    patterns: ['app_not_configured_for_user', 'app not configured for user', 'service is not configured for this user'],
    codes: ['issuer-mismatch', 'acs-not-in-metadata'],
    explanation: 'Google could not match the AuthnRequest to a SAML app for this user: the Issuer (SP entity ID) in the request differs from the Entity ID configured in the Google SAML app, or the app is off for the user\'s organizational unit.',
    whatToCheck: ['AuthnRequest <Issuer> vs the Entity ID of the Google custom SAML app', 'ACS URL in the request vs the app configuration', 'the app is ON for the user\'s OU/group'],
  },
  {
    id: 'google-app-not-enabled', product: 'Google Workspace (IdP)', symptom: '403. app_not_enabled_for_user — Service is not enabled for this user.',
    patterns: ['app_not_enabled_for_user', 'service is not enabled for this user'],
    codes: ['status-error'],
    explanation: 'The SAML app exists but is turned off for the user\'s organizational unit or group.',
    whatToCheck: ['Google Admin: Apps → Web and mobile apps → the app → User access'],
  },
  // ---- Microsoft Entra ID (Azure AD) ----
  {
    id: 'aadsts50011', product: 'Microsoft Entra ID', symptom: 'AADSTS50011: The reply URL specified in the request does not match the reply URLs configured for the application.',
    patterns: ['aadsts50011', 'reply url specified in the request does not match', 'redirect uri specified in the request does not match'],
    codes: ['acs-not-in-metadata', 'destination-mismatch'],
    explanation: 'The AssertionConsumerServiceURL of the AuthnRequest is not one of the Reply URLs (ACS) of the Entra enterprise application. Trailing slashes and http/https count.',
    whatToCheck: ['AuthnRequest AssertionConsumerServiceURL', 'Entra application → Single sign-on → Reply URL (Assertion Consumer Service URL)'],
  },
  {
    id: 'aadsts700016', product: 'Microsoft Entra ID', symptom: 'AADSTS700016: Application with identifier \'<entity ID>\' was not found in the directory.',
    patterns: ['aadsts700016', 'application with identifier was not found in the directory'],
    codes: ['issuer-mismatch'],
    explanation: 'The AuthnRequest Issuer (SP entity ID) is not the Identifier (Entity ID) of any enterprise application in the tenant.',
    whatToCheck: ['AuthnRequest <Issuer> vs Entra application → Basic SAML Configuration → Identifier (Entity ID)'],
  },
  {
    id: 'aadsts75005', product: 'Microsoft Entra ID', symptom: 'AADSTS75005: The request is not a valid Saml2 protocol message.',
    patterns: ['aadsts75005', 'not a valid saml2 protocol message'],
    codes: ['input-bad-base64', 'input-bad-deflate', 'input-not-xml', 'binding-mismatch'],
    explanation: 'Entra could not decode or parse the request: wrong encoding for the binding (HTTP-Redirect needs raw DEFLATE + base64 + URL encoding; HTTP-POST plain base64), or malformed XML.',
    whatToCheck: ['decode the SAMLRequest here and look at the input-* errors', 'the binding used vs the encoding'],
  },
  {
    id: 'aadsts750054', product: 'Microsoft Entra ID', symptom: 'AADSTS750054: SAMLRequest or SAMLResponse must be present as query string parameters in HTTP request for SAML Redirect binding.',
    patterns: ['aadsts750054', 'samlrequest or samlresponse must be present as query string parameters'],
    codes: ['binding-mismatch'],
    explanation: 'The request was sent to Entra\'s redirect-binding endpoint without a SAMLRequest query parameter — typically POSTed, or the URL was opened directly.',
    whatToCheck: ['HTTP method and URL of the request (HAR)', 'the SP is configured for HTTP-Redirect to the Entra login URL'],
  },
  {
    id: 'aadsts75011', product: 'Microsoft Entra ID', symptom: 'AADSTS75011: Authentication method by which the user authenticated with the service doesn\'t match requested authentication method.',
    patterns: ['aadsts75011', 'authentication method by which the user authenticated', 'requested authentication method'],
    codes: ['status-error'],
    explanation: 'The AuthnRequest has a RequestedAuthnContext (e.g. PasswordProtectedTransport, exact) that the user\'s session does not satisfy (they signed in with MFA, certificate, Windows integrated auth…).',
    whatToCheck: ['AuthnRequest RequestedAuthnContext and Comparison', 'remove it or use Comparison="minimum"'],
  },
  {
    id: 'aadsts50105', product: 'Microsoft Entra ID', symptom: 'AADSTS50105: The signed in user is not assigned to a role for the application.',
    patterns: ['aadsts50105', 'not assigned to a role for the application'],
    codes: ['status-error'],
    explanation: 'User assignment is required for the enterprise application and this user (or their group) is not assigned.',
    whatToCheck: ['Entra application → Users and groups'],
  },
  // ---- Okta ----
  {
    id: 'okta-invalid-issuer', product: 'Okta / SAML libraries', symptom: 'Invalid issuer',
    patterns: ['invalid issuer', 'issuer is invalid', 'unexpected issuer', 'issuer mismatched', 'unknown issuer'],
    codes: ['issuer-mismatch', 'issuer-is-sp-entity-id'],
    explanation: 'The Issuer of the response (or assertion) is not the IdP entity ID the SP was configured with.',
    whatToCheck: ['Response and Assertion <Issuer>', 'the IdP Issuer URI / entity ID configured at the SP'],
  },
  {
    id: 'okta-not-assigned', product: 'Okta (IdP)', symptom: 'Sorry, you can\'t access <app> because you are not assigned this app in Okta.',
    patterns: ['you are not assigned this app', 'not assigned this app'],
    codes: ['status-error'],
    explanation: 'The user is not assigned to the SAML application at the IdP.',
    whatToCheck: ['Okta application → Assignments'],
  },
  // ---- Shibboleth SP ----
  {
    id: 'shib-signature', product: 'Shibboleth SP', symptom: 'Message was signed, but signature could not be verified.',
    patterns: ['message was signed but signature could not be verified', 'signature could not be verified'],
    codes: ['signature-invalid', 'digest-mismatch', 'signature-untrusted-key'],
    explanation: 'The signature does not verify with the IdP signing key in the SP\'s metadata: the IdP signs with another certificate (rollover), or the message was altered.',
    whatToCheck: ['signature verdicts and the KeyInfo certificate fingerprint vs the metadata signing certificate'],
  },
  {
    id: 'shib-security', product: 'Shibboleth SP', symptom: 'Unable to establish security of incoming assertion.',
    patterns: ['unable to establish security of incoming assertion'],
    codes: ['signature-missing', 'signature-untrusted-key', 'assertion-unsigned'],
    explanation: 'Neither the assertion nor the response carried a signature the SP trusts (unsigned, or signed with a key not in metadata).',
    whatToCheck: ['which elements are signed', 'the signing certificate vs the IdP metadata loaded by the SP'],
  },
  {
    id: 'shib-metadata', product: 'Shibboleth SP / SimpleSAMLphp', symptom: 'Unable to locate metadata for identity provider (<entity ID>)',
    patterns: ['unable to locate metadata for identity provider', 'unable to locate metadata for', 'no metadata found for'],
    codes: ['issuer-mismatch', 'issuer-is-sp-entity-id'],
    explanation: 'The SP looked the IdP up by the Issuer of the response and found no metadata with that entityID.',
    whatToCheck: ['<Issuer> value vs entityID of the IdP metadata the SP loaded (exact string)'],
  },
  // ---- SimpleSAMLphp ----
  {
    id: 'ssp-signature', product: 'SimpleSAMLphp', symptom: 'Unable to validate Signature',
    patterns: ['unable to validate signature', 'unable to validate signature on', 'validating signature failed'],
    codes: ['signature-invalid', 'digest-mismatch', 'signature-untrusted-key'],
    explanation: 'The XML signature did not verify against the certificates configured for the remote entity.',
    whatToCheck: ['signature verdicts, digest results, and the certificate fingerprint vs the configured certData/certFingerprint'],
  },
  {
    id: 'ssp-state-lost', product: 'SimpleSAMLphp', symptom: 'State information lost, and no way to restart the request (NOSTATE)',
    patterns: ['state information lost', 'nostate', 'no way to restart the request'],
    codes: ['in-response-to-mismatch', 'unsolicited-response'],
    explanation: 'The SP cannot find the request state the response answers: session cookie lost (SameSite, another host name, cookie domain), a stale tab, or an IdP-initiated response.',
    whatToCheck: ['InResponseTo vs the AuthnRequest ID', 'session cookie settings and host names in the HAR'],
  },
  // ---- generic library messages (python3-saml, ruby-saml, node-saml, Salesforce) ----
  {
    id: 'audience', product: 'SAML libraries / Salesforce', symptom: 'No valid audience / Invalid audience / Audience Invalid',
    patterns: ['no valid audience', 'invalid audience', 'audience invalid', 'is not a valid audience for this response', 'saml assertion audience mismatch', 'audience restriction', 'audience mismatch'],
    codes: ['audience-mismatch'],
    explanation: 'The assertion\'s Audience does not contain the SP entity ID.',
    whatToCheck: ['<Audience> vs the SP entity ID', 'the audience / SP entity ID configured at the IdP'],
  },
  {
    id: 'in-response-to', product: 'SAML libraries', symptom: 'InResponseTo is not valid / does not match the ID of the AuthNRequest sent by the SP',
    patterns: ['inresponseto is not valid', 'inresponseto', 'does not match the id of the authnrequest sent by the sp', 'in response to', 'invalid inresponseto'],
    codes: ['in-response-to-mismatch', 'unsolicited-response'],
    explanation: 'The response answers another request than the one the SP is waiting for (or none): stale tab, replay, two logins in parallel, lost session, or IdP-initiated SSO.',
    whatToCheck: ['Response InResponseTo and SubjectConfirmationData InResponseTo vs the AuthnRequest ID'],
  },
  {
    id: 'recipient', product: 'SAML libraries / Salesforce', symptom: 'Recipient Mismatched / A valid SubjectConfirmation was not found on this Response',
    patterns: ['recipient mismatched', 'invalid recipient', 'recipient', 'a valid subjectconfirmation was not found', 'subject confirmation error'],
    codes: ['recipient-mismatch', 'expired', 'in-response-to-mismatch'],
    explanation: 'The bearer SubjectConfirmationData is not usable: its Recipient is not the ACS URL, its NotOnOrAfter passed, or its InResponseTo is wrong.',
    whatToCheck: ['SubjectConfirmationData Recipient, NotOnOrAfter, InResponseTo'],
  },
  {
    id: 'destination', product: 'SAML libraries', symptom: 'The response was received at <URL> instead of <Destination>',
    patterns: ['the response was received at', 'invalid destination', 'destination mismatch', 'destination is invalid'],
    codes: ['destination-mismatch'],
    explanation: 'The Response Destination is not the URL where the SP received it (its ACS URL).',
    whatToCheck: ['Response Destination vs the ACS URL and the URL it was POSTed to'],
  },
  {
    id: 'clock-not-yet-valid', product: 'SAML libraries', symptom: 'SAML assertion not yet valid / Current time is earlier than NotBefore condition',
    patterns: ['not yet valid', 'earlier than notbefore condition', 'notbefore', 'could not validate timestamp not yet valid check system clock', 'clock skew'],
    codes: ['not-yet-valid'],
    explanation: 'The IdP clock is ahead of the SP clock: NotBefore or IssueInstant is in the future beyond the allowed skew.',
    whatToCheck: ['the timeline: IssueInstant, NotBefore vs the time of the request', 'NTP on both hosts'],
  },
  {
    id: 'clock-expired', product: 'SAML libraries / Salesforce', symptom: 'SAML assertion expired / Current time is on or after NotOnOrAfter condition / Assertion Expired',
    patterns: ['assertion expired', 'saml assertion expired', 'on or after notonorafter condition', 'notonorafter', 'could not validate timestamp expired', 'response has expired'],
    codes: ['expired'],
    explanation: 'The assertion or its bearer confirmation window is over: delivered late, replayed, or the IdP clock is behind.',
    whatToCheck: ['the timeline: NotOnOrAfter, SubjectConfirmationData NotOnOrAfter vs the time of the request', 'NTP on both hosts'],
  },
  {
    id: 'status-not-success', product: 'SAML libraries', symptom: 'The status code of the Response was not Success, was Requester / Responder',
    patterns: ['status code of the response was not success', 'was not success', 'status is not success', 'invalid status code'],
    codes: ['status-error'],
    explanation: 'The IdP answered with an error status instead of an assertion; the second-level code and StatusMessage say why.',
    whatToCheck: ['<StatusCode> (both levels) and <StatusMessage>', 'the IdP logs at that time'],
  },
  {
    id: 'invalid-nameid-policy', product: 'SAML IdPs (ADFS MSIS7070, Shibboleth IdP, …)', symptom: 'InvalidNameIDPolicy / The SAML request contained a NameIDPolicy that was not satisfied by the issued token',
    patterns: ['invalidnameidpolicy', 'nameidpolicy that was not satisfied', 'msis7070', 'invalid nameid policy', 'unsupported nameid format'],
    codes: ['status-error', 'nameid-format-mismatch'],
    explanation: 'The SP requested a NameID format the IdP does not produce for it.',
    whatToCheck: ['AuthnRequest NameIDPolicy Format vs IdP metadata NameIDFormat', 'authentik: what it sends per requested format (NameID table)'],
  },
  {
    id: 'assertion-unsigned', product: 'SAML libraries', symptom: 'The Assertion of the Response is not signed and the SP requires it',
    patterns: ['assertion of the response is not signed', 'assertion is not signed', 'found an assertion without signature', 'assertion must be signed', 'requires assertion to be signed'],
    codes: ['assertion-unsigned', 'signature-missing'],
    explanation: 'The SP wants signed assertions (WantAssertionsSigned) but only the Response — or nothing — is signed.',
    whatToCheck: ['which elements carry a ds:Signature', 'IdP setting "sign assertion" (authentik `sign_assertion = true`)'],
  },
  {
    id: 'response-unsigned', product: 'SAML libraries', symptom: 'The Message of the Response is not signed and the SP requires it',
    patterns: ['message of the response is not signed', 'response is not signed', 'response must be signed'],
    codes: ['response-unsigned', 'signature-missing'],
    explanation: 'The SP wants the Response element signed but only the assertion — or nothing — is signed.',
    whatToCheck: ['which elements carry a ds:Signature', 'IdP setting "sign response" (authentik `sign_response = true`)'],
  },
  {
    id: 'fingerprint', product: 'SAML libraries', symptom: 'Fingerprint mismatch / Certificate not trusted',
    patterns: ['fingerprint mismatch', 'invalid signature certificate', 'certificate not trusted', 'untrusted certificate', 'signature invalid'],
    codes: ['signature-untrusted-key', 'signature-invalid'],
    explanation: 'The message is signed with a certificate the SP does not have configured (often after an IdP certificate rollover).',
    whatToCheck: ['KeyInfo certificate fingerprint vs the configured one', 'upload the current IdP signing certificate / metadata'],
  },
  {
    id: 'cert-expired', product: 'SAML libraries', symptom: 'The certificate has expired',
    patterns: ['certificate has expired', 'certificate expired', 'cert expired'],
    codes: ['cert-expired', 'metadata-expired'],
    explanation: 'The signing certificate (or the metadata carrying it) is past its validity; some SPs refuse it.',
    whatToCheck: ['notAfter of the signing certificate', 'validUntil of the metadata'],
  },
  {
    id: 'unsolicited', product: 'SAML SPs', symptom: 'Unsolicited response / IdP-initiated login not allowed',
    patterns: ['unsolicited response', 'unsolicited sso', 'idp initiated login not allowed', 'idp initiated', 'unsolicited'],
    codes: ['unsolicited-response'],
    explanation: 'The response has no InResponseTo: it was started at the IdP. Many SPs (and authentik as a SAML source, unless "Allow IdP-initiated logins" is enabled) refuse it.',
    whatToCheck: ['Response InResponseTo', 'start the login at the SP'],
  },
  {
    id: 'missing-samlresponse', product: 'SAML SPs', symptom: 'SAML Response not found / No SAMLResponse in the request',
    patterns: ['saml response not found', 'no samlresponse', 'samlresponse missing', 'missing samlresponse'],
    codes: ['binding-mismatch'],
    explanation: 'The ACS received no SAMLResponse parameter: the IdP used another binding (Redirect/Artifact) than the ACS accepts, or a redirect dropped the POST body.',
    whatToCheck: ['IdP response binding (authentik `sp_binding = "post"`)', 'the ACS URL exactly (an http→https or trailing-slash redirect turns the POST into a GET)'],
  },
  {
    id: 'keycloak-invalid-requester', product: 'Keycloak (IdP)', symptom: 'Invalid requester',
    patterns: ['invalid requester', 'invalid request'],
    codes: ['issuer-mismatch', 'acs-not-in-metadata'],
    explanation: 'Keycloak has no client whose Client ID equals the AuthnRequest Issuer, or the ACS URL is not among the client\'s valid redirect URIs / ACS URLs.',
    whatToCheck: ['AuthnRequest Issuer vs Keycloak client ID', 'AssertionConsumerServiceURL vs the client\'s Master SAML Processing URL / ACS settings'],
  },
  // ---- Exoscale (002_be8525c84e06a101.txt) — OIDC, not SAML ----
  {
    id: 'exoscale-cel', product: 'Exoscale SSO (OIDC)', symptom: 'Exoscale SSO login denied: the CEL authorization expression did not return an IAM role UUID',
    patterns: ['exoscale', 'cel expression', 'iam role uuid', 'sso authenticate'],
    codes: [],
    explanation: 'Exoscale SSO uses OpenID Connect, not SAML: inspect it on the OIDC page (/oidc) — paste the ID token, the provider\'s JWKS and the IAM > SSO settings to verify the signature, the iss/aud/exp claims and evaluate the CEL authorization expression. Access is granted only if the expression, evaluated over the ID token claims, returns a valid IAM role UUID; anything else (false, a name, an unknown UUID, a missing claim) denies access.',
    whatToCheck: ['open /oidc and paste the ID token with the CEL expression to see the outcome (granted / denied / error)', 'redirect URI registered at the OIDC provider: https://portal.exoscale.com/sso-authenticate/<sso-org-name>', 'the claims used by the CEL expression are in the ID token (add them under OIDC Additional Claims)', 'the expression returns an existing IAM role UUID'],
  },
];
