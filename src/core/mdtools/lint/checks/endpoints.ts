// Endpoints (SAML metadata §2.2.2 EndpointType): every element of a role with a Binding and a
// Location. SAML bindings §3.4.5.2/§3.5.5.2 and profiles §4.1.5 want TLS on browser endpoints:
// an http: ACS hands the assertion to anybody on the path, an http: SSO leaks the request.
// Binding must name a binding a partner can implement; a typo (HTTP-Post, HTTP-POST/) makes
// the endpoint unusable and the partner picks another or fails.
import { NS, attr, childElements } from '../../../xml/dom';
import { KNOWN_BINDINGS } from '../../namespaces';
import { findingOf, type CodeSpec, type LintCheck } from '../check';

const HTTP: CodeSpec = { code: 'md-http-endpoint', severity: 'error', title: 'Endpoint over plain http:' };
const NOT_URL: CodeSpec = { code: 'md-endpoint-not-url', severity: 'error', title: 'Endpoint Location is not an absolute URL' };
const UNKNOWN: CodeSpec = { code: 'md-unknown-binding', severity: 'error', title: 'Unknown Binding' };
const MISSING: CodeSpec = { code: 'md-missing-endpoint', severity: 'error', title: 'A required endpoint is missing' };

const LOCALHOST = /^https?:\/\/(localhost|127\.[\d.]+|\[::1\])(:\d+)?(\/|$)/i;

export const endpointsCheck: LintCheck = {
  name: 'endpoints',
  codes: [HTTP, NOT_URL, UNKNOWN, MISSING],
  check({ entity, profile }) {
    const out = [];
    for (const role of childElements(entity.element, NS.metadata)) {
      if (!role.localName?.endsWith('Descriptor')) continue;
      for (const ep of childElements(role, NS.metadata)) {
        const binding = attr(ep, 'Binding');
        if (binding === null) continue;
        const name = `${role.localName}/${ep.localName}`;
        if (!KNOWN_BINDINGS.has(binding)) {
          const near = [...KNOWN_BINDINGS].find((b) => b.toLowerCase() === binding.toLowerCase().replace(/\/+$/, ''));
          out.push(findingOf(UNKNOWN, `${name} has Binding="${binding}", which no SAML binding specification defines${near ? ` (did you mean ${near}? Binding URIs are compared exactly)` : ''}. Partners skip this endpoint; if it is the only one, they cannot talk to this entity.`, `Use a binding URI of SAML bindings §3, such as urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST.`, profile));
        }
        for (const which of ['Location', 'ResponseLocation'] as const) {
          const loc = attr(ep, which);
          if (loc === null) continue;
          let url: URL | null = null;
          try {
            url = new URL(loc);
          } catch {
            url = null;
          }
          if (!url || !/^[a-z][a-z0-9+.-]*:/i.test(loc)) {
            out.push(findingOf(NOT_URL, `${name} ${which}="${loc}" is not an absolute URL. Partners resolve nothing relative to the metadata: the endpoint is unusable.`, 'Write the full URL, https://host/path.', profile));
          } else if (url.protocol === 'http:') {
            const local = LOCALHOST.test(loc);
            out.push(findingOf(HTTP, `${name} ${which}="${loc}" uses plain http:${local ? ' (a loopback address: fine for a laptop test, never for a partner)' : ''}. SAML messages and assertions would cross the network unencrypted and unauthenticated; browsers also block the POST from an https: page as mixed content (SAML bindings §3.5.5.2, profiles §4.1.5: TLS is expected).`, 'Serve the endpoint over https: and publish the https: URL.', profile, local ? 'warning' : 'error'));
          }
        }
      }
      if (role.localName === 'IDPSSODescriptor' && childElements(role, NS.metadata, 'SingleSignOnService').length === 0) {
        out.push(findingOf(MISSING, 'The IDPSSODescriptor has no SingleSignOnService: an SP has nowhere to send its AuthnRequest (SAML metadata §2.4.3 requires one or more).', 'Add <md:SingleSignOnService Binding="…HTTP-Redirect" Location="https://…"/> (and HTTP-POST).', profile));
      }
      if (role.localName === 'SPSSODescriptor' && childElements(role, NS.metadata, 'AssertionConsumerService').length === 0) {
        out.push(findingOf(MISSING, 'The SPSSODescriptor has no AssertionConsumerService: an IdP has nowhere to send the Response (SAML metadata §2.4.4 requires one or more).', 'Add <md:AssertionConsumerService Binding="…HTTP-POST" Location="https://…" index="0"/>.', profile));
      }
    }
    return out;
  },
};
