// The mock IdP's endpoints at this app's origin: SSO and SLO, both bindings (routes in router.tsx;
// POSTs captured by public/sw-capture.js and vite-plugins/acsCapture.ts).
export function idpEndpoints(origin: string): { ssoUrl: string; sloUrl: string } {
  return { ssoUrl: `${origin}/mock-idp/sso`, sloUrl: `${origin}/mock-idp/slo` };
}
