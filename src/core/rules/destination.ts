// destination-mismatch: SAML bindings §3.4.5.2 / §3.5.5.2 — a recipient MUST check that the
// Destination equals the URL at which the message was received; a signed POSTed message MUST
// carry a Destination.
import type { RawFinding } from '../types';
import type { Rule, RuleContext } from './context';
import { describeUriDifference, expectationText, fixFor, idpSsoEndpoints, quote, rootElement, spAcsEndpoints, urlWithoutQuery } from './helpers';

const REFS = ['SAML core §3.2.1', 'SAML bindings §3.4.5.2', 'SAML bindings §3.5.5.2'];

function responseFix(ctx: RuleContext, acs: string): string {
  return fixFor(ctx.profile, {
    generic: `Configure the ACS URL of this SP at the IdP as ${quote(acs)}, the exact URL where the SP receives responses.`,
    scaleway: `In the authentik SAML provider set \`acs_url = var.scaleway_saml_acs_url\`, the ACS URL shown in the Scaleway console: ${quote(acs)}.`,
    'authentik-provider': `In the authentik SAML provider set ACS URL to ${quote(acs)}.`,
    'authentik-source': `At the external IdP set the ACS / reply URL to the authentik source ACS ${quote(acs)} (https://<authentik>/source/saml/<source-slug>/acs/).`,
  });
}

export const destinationRule: Rule = {
  id: 'destination',
  codes: ['destination-mismatch'],
  severity: 'error',
  title: 'Destination is where the message was sent',
  checks: 'Response Destination equals the ACS URL (expectation, SP metadata) and the URL it was posted to; AuthnRequest Destination is an SSO endpoint of the IdP metadata and the URL it was sent to; a signed POSTed message has a Destination.',
  references: REFS,
  check(ctx) {
    const { summary, payload, signatures } = ctx.message;
    const node = rootElement(ctx.message.doc);
    const dest = summary.destination;
    const out: RawFinding[] = [];
    const sentTo = payload.url ? urlWithoutQuery(payload.url) : null;

    if (summary.kind === 'Response') {
      const exp = ctx.expectations.acsUrl;
      const acsLocations = spAcsEndpoints(ctx).map((e) => e.location);
      if (dest === null) {
        if (signatures.some((s) => s.target === 'Response') && ctx.message.binding === 'HTTP-POST') {
          out.push({ code: 'destination-mismatch', severity: 'warning', title: 'Signed Response has no Destination', explanation: 'The Response is signed and delivered by HTTP-POST but has no Destination attribute; SAML bindings §3.5.5.2 requires it, and strict SPs reject the response.', fix: responseFix(ctx, exp?.value ?? '<ACS URL>'), references: REFS, node });
        }
        return out;
      }
      if (exp && dest !== exp.value && !acsLocations.includes(dest)) {
        out.push({
          code: 'destination-mismatch', severity: 'error', title: 'Response Destination is not the ACS URL',
          explanation: `The Response Destination is ${quote(dest)} but the SP's ACS URL is ${expectationText(exp)}.${describeUriDifference(dest, exp.value)} The SP compares Destination with the URL it received the response at and rejects a mismatch.`,
          fix: responseFix(ctx, exp.value), references: REFS, node,
        });
      } else if (sentTo && payload.method?.toUpperCase() === 'POST' && dest !== sentTo) {
        out.push({
          code: 'destination-mismatch', severity: 'error', title: 'Response was posted to another URL than its Destination',
          explanation: `The Response Destination is ${quote(dest)} but the browser posted it to ${quote(sentTo)}.${describeUriDifference(dest, sentTo)} The receiving endpoint must reject it (SAML bindings §3.5.5.2).`,
          fix: responseFix(ctx, sentTo), references: REFS, node,
        });
      }
      return out;
    }

    if (summary.kind === 'AuthnRequest') {
      const sso = idpSsoEndpoints(ctx).map((e) => e.location);
      if (dest !== null && sso.length > 0 && !sso.includes(dest)) {
        const near = sso.map((s) => describeUriDifference(dest, s)).find((d) => d) ?? '';
        out.push({
          code: 'destination-mismatch', severity: 'error', title: 'AuthnRequest Destination is not an SSO endpoint of the IdP',
          explanation: `The AuthnRequest Destination is ${quote(dest)}, which is not a SingleSignOnService location of the IdP metadata (${sso.map(quote).join(', ')}).${near}`,
          fix: fixFor(ctx.profile, {
            generic: `Set the SP's IdP SSO URL to the SingleSignOnService location of the IdP metadata for the binding you use.`,
            scaleway: 'In the Scaleway console identity provider, set SSO URL to the authentik POST binding URL https://<authentik>/application/saml/<slug>/sso/binding/post/.',
            'authentik-source': 'In the authentik SAML source, set SSO URL to the IdP metadata SingleSignOnService location for the chosen Binding Type.',
          }),
          references: REFS, node,
        });
      } else if (dest !== null && sentTo && dest !== sentTo) {
        out.push({
          code: 'destination-mismatch', severity: 'error', title: 'AuthnRequest was sent to another URL than its Destination',
          explanation: `The AuthnRequest Destination is ${quote(dest)} but it was sent to ${quote(sentTo)}.${describeUriDifference(dest, sentTo)} The IdP rejects a request whose Destination is not the endpoint that received it (SAML bindings §3.4.5.2, §3.5.5.2).`,
          fix: fixFor(ctx.profile, { generic: 'Make the SP use one SSO URL both as the request Destination and as the URL it sends to.' }),
          references: REFS, node,
        });
      }
    }
    return out;
  },
};
