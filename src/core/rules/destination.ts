// destination-mismatch: SAML bindings §3.4.5.2 / §3.5.5.2 — a recipient MUST check that the
// Destination equals the URL at which the message was received; a signed POSTed message MUST
// carry a Destination.
import type { RawFinding } from '../types';
import type { Rule } from '../diagnosis/context';
import { describeUriDifference, expectationText, idpSsoEndpoints, parts, quote, rootElement, spAcsEndpoints, urlWithoutQuery } from '../diagnosis/helpers';
import type { FixParts } from '../findings/fix';
import { authentikProviderEndpoint } from '../profiles/authentik-provider';

const REFS = ['SAML core §3.2.1', 'SAML bindings §3.4.5.2', 'SAML bindings §3.5.5.2'];

function responseFix(acs: string, destination: string | null): { fix: string; fixParts: FixParts } {
  return {
    fix: `Configure the ACS URL of this SP at the IdP as ${quote(acs)}, the exact URL where the SP receives responses.`,
    fixParts: parts('response', { acs, destination }),
  };
}

export const destinationRule: Rule = {
  id: 'destination',
  codes: ['destination-mismatch'],
  severity: 'error',
  category: 'audience',
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
          out.push({ code: 'destination-mismatch', severity: 'warning', title: 'Signed Response has no Destination', explanation: 'The Response is signed and delivered by HTTP-POST but has no Destination attribute; SAML bindings §3.5.5.2 requires it, and strict SPs reject the response.', ...responseFix(exp?.value ?? '<ACS URL>', null), references: REFS, node });
        }
        return out;
      }
      if (exp && dest !== exp.value && !acsLocations.includes(dest)) {
        out.push({
          code: 'destination-mismatch', severity: 'error', title: 'Response Destination is not the ACS URL',
          explanation: `The Response Destination is ${quote(dest)} but the SP's ACS URL is ${expectationText(exp)}.${describeUriDifference(dest, exp.value)} The SP compares Destination with the URL it received the response at and rejects a mismatch.`,
          ...responseFix(exp.value, dest), references: REFS, node,
        });
      } else if (sentTo && payload.method?.toUpperCase() === 'POST' && dest !== sentTo) {
        out.push({
          code: 'destination-mismatch', severity: 'error', title: 'Response was posted to another URL than its Destination',
          explanation: `The Response Destination is ${quote(dest)} but the browser posted it to ${quote(sentTo)}.${describeUriDifference(dest, sentTo)} The receiving endpoint must reject it (SAML bindings §3.5.5.2).`,
          ...responseFix(sentTo, dest), references: REFS, node,
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
          fix: `Set the SP's IdP SSO URL to the SingleSignOnService location of the IdP metadata for the binding you use.`,
          // An authentik SSO URL in the metadata: the POST binding one is what a POSTing SP needs.
          fixParts: parts('authn-request-sso', { destination: dest, postUrl: sso.find((s) => authentikProviderEndpoint(s) === 'post') }),
          references: REFS, node,
        });
      } else if (dest !== null && sentTo && dest !== sentTo) {
        out.push({
          code: 'destination-mismatch', severity: 'error', title: 'AuthnRequest was sent to another URL than its Destination',
          explanation: `The AuthnRequest Destination is ${quote(dest)} but it was sent to ${quote(sentTo)}.${describeUriDifference(dest, sentTo)} The IdP rejects a request whose Destination is not the endpoint that received it (SAML bindings §3.4.5.2, §3.5.5.2).`,
          fix: 'Make the SP use one SSO URL both as the request Destination and as the URL it sends to.',
          fixParts: parts('authn-request-sent', { destination: dest, sentTo }),
          references: REFS, node,
        });
      }
    }
    return out;
  },
};
