// The JSON document of an OIDC report, written once for the CLI (`samlscope oidc --json`) and
// the /oidc page's export: `{ tool: { name, version }, oidc: report }`. The client secret is
// never in it: an HMAC key (JWK kty "oct") loses its "k".
import { toolOf } from '../tool';
import type { OidcReport } from './inspectOidc';

export function oidcReportToJson(report: OidcReport, version: string) {
  const oidc = JSON.parse(
    JSON.stringify(report, function (this: Record<string, unknown>, key: string, value: unknown) {
      return key === 'k' && this.kty === 'oct' ? undefined : value;
    }),
  ) as OidcReport;
  return { tool: toolOf(version), oidc };
}
