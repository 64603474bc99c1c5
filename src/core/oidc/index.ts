// OpenID Connect side of samlscope: Exoscale SSO (seed 002_be8525c84e06a101.txt). See docs/oidc.md.
export { inspectOidc, type OidcInspectOptions, type OidcReport, type DecodedToken } from './inspectOidc';
export { detectOidcInput, type DetectedOidcInput, type DetectedKind, type IdTokenWrapping } from './detectInput';
export { decodeCompactJws, type DecodedJws, type JsonObject } from './decodeJws';
export { verifyIdTokenSignature, type OidcVerdict, type SignatureCheck, type KeyAttempt } from './verifySignature';
export { parseTrustedKeys, clientSecretKey, jwkThumbprint, type TrustedKey, type TrustedKeyMaterial } from './trustedKeys';
export { validateIdTokenClaims, type ClaimCheck, type ClaimValidation } from './validateClaims';
export { evaluateAuthorizationExpression, type CelEvaluation, type CelOutcome } from './celAuthorization';
export { summarizeAuthorizationRequest, summarizeAuthorizationResponse, redirectUriProblem, type AuthorizationRequestSummary, type AuthorizationResponseSummary } from './authorizationRequest';
export * from './exoscaleProfile';
export { type ExoscaleOidcSettings, DEFAULT_SKEW_SECONDS, additionalClaimNames } from './settings';
export { type OidcError } from './findings';
export { JWS_ALGORITHMS, jwsAlgorithm } from './jwsAlgorithms';
