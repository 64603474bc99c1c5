// Defaults every surface shares (crewjam/saml declares MaxClockSkew once, in service_provider.go).

/**
 * Allowed clock skew, seconds, when the user gives none. SAML core §2.5.1.2 defines NotBefore and
 * NotOnOrAfter without tolerance and leaves skew to the relying party; 180 s is what common SPs
 * allow (Shibboleth SP and SimpleSAMLphp both default to 180), so a drift a real SP accepts is
 * not reported. The OIDC checks use the same value for exp/iat/nbf.
 */
export const DEFAULT_SKEW_SECONDS = 180;
