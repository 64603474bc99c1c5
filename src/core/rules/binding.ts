// binding-mismatch: the first Scaleway failure of 000_bbefa757859ef489.txt — an AuthnRequest
// POSTed to authentik's /sso/binding/redirect/ endpoint is refused by Django's CSRF check (403);
// the /sso/binding/post/ endpoint is CSRF-exempt (003_32bc8d65e57764cd.txt). Also: SAML profiles
// §4.1.2 forbids delivering the Response with HTTP-Redirect, and metadata lists the bindings an
// endpoint accepts (SAML metadata §2.2.2).
import type { RawFinding } from '../types';
import { authentikProviderEndpoint } from '../profiles/authentik-provider';
import type { Rule } from '../diagnosis/context';
import { BINDING_POST, BINDING_REDIRECT, idpSsoEndpoints, parts, quote, rootElement, spAcsEndpoints, urlWithoutQuery } from '../diagnosis/helpers';
import { SOURCES } from '../diagnosis/sources';

const REFS = ['SAML bindings §3.4', 'SAML bindings §3.5', 'SAML profiles §4.1.2', 'SAML metadata §2.2.2', SOURCES.scalewayAuthentik, SOURCES.authentikSamlProvider];

const bindingUri = (b: 'HTTP-Redirect' | 'HTTP-POST') => (b === 'HTTP-POST' ? BINDING_POST : BINDING_REDIRECT);
const short = (uri: string) => uri.split(':').pop() ?? uri;

export const bindingRule: Rule = {
  id: 'binding',
  codes: ['binding-mismatch'],
  severity: 'error',
  category: 'binding',
  title: 'Message uses a binding the endpoint accepts',
  checks: 'AuthnRequest not POSTed to an authentik /sso/binding/redirect/ URL (403 CSRF); the binding used is among the metadata bindings of the endpoint; the Response is not sent with HTTP-Redirect and matches the requested ProtocolBinding.',
  references: REFS,
  check(ctx) {
    const { summary, payload } = ctx.message;
    const node = rootElement(ctx.message.doc);
    const out: RawFinding[] = [];
    const method = payload.method?.toUpperCase() ?? null;
    const used: 'HTTP-Redirect' | 'HTTP-POST' | null = ctx.message.binding ?? (method === 'POST' ? 'HTTP-POST' : method === 'GET' ? 'HTTP-Redirect' : null);
    const target = payload.url ? urlWithoutQuery(payload.url) : summary.destination;

    if (summary.kind === 'AuthnRequest' || summary.kind === 'LogoutRequest') {
      const ak = authentikProviderEndpoint(target);
      if (ak === 'redirect' && (used === 'HTTP-POST' || method === 'POST')) {
        const postUrl = target!.replace(/\/sso\/binding\/redirect\/?/, '/sso/binding/post/');
        out.push({
          code: 'binding-mismatch', severity: 'error', title: 'AuthnRequest POSTed to authentik\'s redirect-binding endpoint (403 CSRF)',
          explanation: `The ${summary.kind} was sent by HTTP-POST to ${quote(target)}, authentik's HTTP-Redirect endpoint. That view is meant for GET requests and Django's CSRF protection refuses the cross-site POST with "403 CSRF verification failed" before the login form appears. The POST binding endpoint /sso/binding/post/ is CSRF-exempt.`,
          fix: `Configure the SP's IdP SSO URL as the authentik POST binding URL ${quote(postUrl)}. No CSRF_TRUSTED_ORIGINS change is needed.`,
          fixParts: parts('csrf', { target, postUrl }),
          references: REFS, node,
        });
        return out;
      }
      if (ak === 'post' && used === 'HTTP-Redirect') {
        out.push({
          code: 'binding-mismatch', severity: 'warning', title: 'Redirect-binding request sent to authentik\'s POST endpoint',
          explanation: `The ${summary.kind} was sent with HTTP-Redirect (GET) to ${quote(target)}, authentik's POST binding endpoint; use the matching endpoint for the binding.`,
          fix: `Use ${quote(target!.replace(/\/sso\/binding\/post\/?/, '/sso/binding/redirect/'))} for HTTP-Redirect, or send the request by POST.`,
          fixParts: parts('post-endpoint', { target }),
          references: REFS, node,
        });
        return out;
      }
      if (summary.kind === 'AuthnRequest' && used && target) {
        const atLocation = idpSsoEndpoints(ctx).filter((e) => e.location === target);
        if (atLocation.length > 0 && !atLocation.some((e) => e.binding === bindingUri(used))) {
          out.push({
            code: 'binding-mismatch', severity: 'error', title: 'IdP endpoint does not accept this binding',
            explanation: `The AuthnRequest was sent with ${used} to ${quote(target)}, but the IdP metadata lists that SingleSignOnService only for ${atLocation.map((e) => short(e.binding)).join(', ')}.`,
            fix: `Use the SSO URL the IdP metadata lists for ${used}, or switch the SP to ${short(atLocation[0].binding)}.`,
            fixParts: parts('idp-endpoint', { used, listed: short(atLocation[0].binding), target }),
            references: REFS, node,
          });
        }
      }
      return out;
    }

    if (summary.kind === 'Response') {
      if (used === 'HTTP-Redirect') {
        out.push({
          code: 'binding-mismatch', severity: 'error', title: 'Response delivered with HTTP-Redirect',
          explanation: 'The Response was delivered with the HTTP-Redirect binding. SAML profiles §4.1.2 forbids it for Web Browser SSO responses (they exceed URL limits and the query-string signature does not cover the assertion as SPs expect); SPs expect HTTP-POST (or Artifact).',
          fix: 'Configure the IdP to deliver responses to this SP with HTTP-POST.',
          fixParts: parts('response-redirect'),
          references: REFS, node,
        });
        return out;
      }
      const requested = ctx.messages.find((m) => m.summary.kind === 'AuthnRequest' && m.summary.id && m.summary.id === summary.inResponseTo)?.summary.authnRequest?.protocolBinding ?? null;
      if (used && requested && requested !== bindingUri(used) && (requested === BINDING_POST || requested === BINDING_REDIRECT)) {
        out.push({
          code: 'binding-mismatch', severity: 'warning', title: 'Response binding differs from the requested ProtocolBinding',
          explanation: `The AuthnRequest asked for the response by ${short(requested)} (ProtocolBinding) but it arrived by ${used}.`,
          fix: `Configure the IdP to honour ProtocolBinding ${short(requested)}.`,
          fixParts: parts('protocol-binding', { requested: short(requested), used }),
          references: REFS, node,
        });
      }
      const dest = summary.destination ?? target;
      if (used && dest) {
        const atLocation = spAcsEndpoints(ctx).filter((e) => e.location === dest);
        if (atLocation.length > 0 && !atLocation.some((e) => e.binding === bindingUri(used))) {
          out.push({
            code: 'binding-mismatch', severity: 'error', title: 'ACS does not accept this binding',
            explanation: `The Response was sent with ${used} to ${quote(dest)}, but the SP metadata lists that AssertionConsumerService only for ${atLocation.map((e) => short(e.binding)).join(', ')}.`,
            fix: `Configure the IdP to use ${short(atLocation[0].binding)} for this ACS.`,
            fixParts: parts('acs-endpoint', { listed: short(atLocation[0].binding), used, destination: dest }),
            references: REFS, node,
          });
        }
      }
    }
    return out;
  },
};
