// index.html carries the production Content-Security-Policy (issue 6 "Privacy guarantee":
// `script-src 'self'`, no third-party origin). The dev server alone needs an inline module
// script (@vitejs/plugin-react's Fast Refresh preamble), so only `vite serve` relaxes
// script-src with 'unsafe-inline'; builds (and `vite preview`) ship the strict policy as written.
// The same relaxation applies to the dev server's CSP header (vite-plugins/securityHeaders.ts).
import type { Plugin } from 'vite';
import { withDevScripts } from './securityHeaders';

export function devCsp(): Plugin {
  return {
    name: 'samlscope-dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace(/(http-equiv="Content-Security-Policy"\s+content=")([^"]*)"/, (_m, head: string, policy: string) => `${head}${withDevScripts(policy)}"`);
    },
  };
}
