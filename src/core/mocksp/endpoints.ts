// Where to send: recognising authentik's provider URLs (003_32bc8d65e57764cd.txt), picking the
// IdP SSO/SLO endpoints from pasted metadata, and warning before sending with a binding the
// endpoint does not take (the authentik 403 CSRF case of 000_bbefa757859ef489.txt).
import { withoutWhitespace } from '../encoding/whitespace';
import { summarizeMetadata } from '../metadata/summarize';
import { samlRootOf } from '../saml/summarize';
import { fail, ok, type EndpointSummary, type InputError, type Result } from '../types';
import { parseXmlSafely } from '../xml/parse';
import { BINDING_URIS, bindingNameOf, type SamlBindingName } from './settings';

/**
 * authentik ≥ 2025 also serves one unified endpoint `/application/saml/<slug>/` for SSO and SLO
 * in both bindings (the operation is read from the message), with `/init/` and `/metadata/`
 * next to it; the binding-specific endpoints stay as legacy (docs.goauthentik.io/providers/saml).
 */
export type AuthentikEndpointKind = 'sso-redirect' | 'sso-post' | 'sso-init' | 'slo-redirect' | 'slo-post' | 'unified' | 'metadata';

export interface AuthentikEndpoint {
  kind: AuthentikEndpointKind;
  /** Scheme, host and any path prefix before /application or /api (authentik behind a sub-path). */
  base: string;
  /** Application slug (application URLs). */
  slug: string | null;
  /** Provider primary key / UUID (metadata download URL). */
  providerId: string | null;
  /** The binding this endpoint takes, when it is a binding endpoint. */
  binding: SamlBindingName | null;
}

const APP_URL = /^(https?:\/\/[^?#]*?)\/application\/saml\/([^/?#]+)\/(sso|slo)\/binding\/(redirect|post|init)\/?(?:[?#].*)?$/i;
const UNIFIED_URL = /^(https?:\/\/[^?#]*?)\/application\/saml\/([^/?#]+)\/(init\/|metadata\/)?(?:[?#].*)?$/i;
const METADATA_URL = /^(https?:\/\/[^?#]*?)\/api\/v3\/providers\/saml\/([^/?#]+)\/metadata\/?(?:[?#].*)?$/i;

/** A percent-encoded path segment; a malformed escape (`%E0`) is kept as typed instead of throwing a URIError. */
function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Recognise an authentik SAML provider URL (endpoint table of 003_32bc8d65e57764cd.txt), else null. */
export function recogniseAuthentikUrl(url: string): AuthentikEndpoint | null {
  const u = url.trim();
  const app = APP_URL.exec(u);
  if (app) {
    const [, base, slug, service, binding] = app as unknown as [string, string, string, string, string];
    const b = binding.toLowerCase();
    const name = `${service.toLowerCase()}-${b}`;
    if (name === 'slo-init') return null;
    const kind = name as AuthentikEndpointKind;
    return { kind, base, slug: decodePathSegment(slug), providerId: null, binding: b === 'post' ? 'HTTP-POST' : b === 'redirect' ? 'HTTP-Redirect' : null };
  }
  const unified = UNIFIED_URL.exec(u);
  if (unified) {
    const [, base, slug, sub] = unified as unknown as [string, string, string, string | undefined];
    const kind: AuthentikEndpointKind = sub?.toLowerCase() === 'init/' ? 'sso-init' : sub?.toLowerCase() === 'metadata/' ? 'metadata' : 'unified';
    return { kind, base, slug: decodePathSegment(slug), providerId: null, binding: null };
  }
  const meta = METADATA_URL.exec(u);
  if (meta) return { kind: 'metadata', base: meta[1]!, slug: null, providerId: meta[2]!, binding: null };
  return null;
}

/** The URLs of an authentik application's SAML provider, from its base URL and slug. */
export function authentikEndpointsFor(base: string, slug: string) {
  const app = `${base.replace(/\/+$/, '')}/application/saml/${encodeURIComponent(slug)}`;
  return {
    unified: `${app}/`,
    metadata: `${app}/metadata/`,
    ssoRedirect: `${app}/sso/binding/redirect/`,
    ssoPost: `${app}/sso/binding/post/`,
    ssoInit: `${app}/sso/binding/init/`,
    sloRedirect: `${app}/slo/binding/redirect/`,
    sloPost: `${app}/slo/binding/post/`,
  };
}

export interface IdpEntityEndpoints {
  entityId: string;
  singleSignOnServices: EndpointSummary[];
  singleLogoutServices: EndpointSummary[];
  wantAuthnRequestsSigned: boolean | null;
  nameIdFormats: string[];
  /** base64 DER of the signing certificates (the trust anchors for the answer). */
  signingCertificates: string[];
}

/** Every IdP (IDPSSODescriptor) in pasted metadata, with its endpoints. */
export function idpEndpointsFromMetadata(xml: string): Result<IdpEntityEndpoints[], InputError> {
  const doc = parseXmlSafely(xml.replace(/^\uFEFF/, '').trim());
  if (!doc.ok) return doc;
  const meta = summarizeMetadata(samlRootOf(doc.value));
  if (!meta) return fail({ code: 'input-unrecognized', message: 'This XML is not SAML metadata (EntityDescriptor or EntitiesDescriptor).' });
  const out: IdpEntityEndpoints[] = [];
  for (const e of meta.entities) {
    for (const r of e.roles) {
      if (r.role !== 'IDPSSODescriptor') continue;
      out.push({
        entityId: e.entityId,
        singleSignOnServices: r.singleSignOnServices,
        singleLogoutServices: r.singleLogoutServices,
        wantAuthnRequestsSigned: r.wantAuthnRequestsSigned ?? null,
        nameIdFormats: r.nameIdFormats,
        signingCertificates: r.keyDescriptors.filter((k) => k.use !== 'encryption').flatMap((k) => k.certificates.map(withoutWhitespace)),
      });
    }
  }
  if (out.length === 0) return fail({ code: 'input-unrecognized', message: 'The metadata has no IDPSSODescriptor: it describes no identity provider (is it SP metadata?).' });
  return ok(out);
}

export interface EndpointChoice {
  url: string;
  binding: SamlBindingName;
}

/**
 * Pick an endpoint among metadata endpoints: the preferred binding if the IdP offers it, else
 * the other one of Redirect/POST (the only ones a browser SP can use). Null when neither is listed.
 */
export function pickEndpoint(endpoints: EndpointSummary[], preferred: SamlBindingName = 'HTTP-Redirect'): EndpointChoice | null {
  const order: SamlBindingName[] = preferred === 'HTTP-POST' ? ['HTTP-POST', 'HTTP-Redirect'] : ['HTTP-Redirect', 'HTTP-POST'];
  for (const b of order) {
    const e = endpoints.find((x) => x.binding === BINDING_URIS[b] && x.location);
    if (e) return { url: e.location, binding: b };
  }
  return null;
}

export interface BindingWarning {
  code: 'binding-mismatch' | 'endpoint-not-in-metadata' | 'idp-initiated-endpoint';
  severity: 'error' | 'warning';
  title: string;
  message: string;
  /** A URL that takes the chosen binding, when one is known (authentik pattern or metadata). */
  suggestedUrl?: string;
  /** Or the binding the URL takes. */
  suggestedBinding?: SamlBindingName;
}

/**
 * Before sending: does `url` accept `binding`? authentik patterns first (an AuthnRequest POSTed
 * to /sso/binding/redirect/ is refused with "403 CSRF verification failed"; /sso/binding/post/
 * is CSRF-exempt — 000_bbefa757859ef489.txt), then the bindings the IdP metadata lists for that
 * Location (SAML metadata §2.2.2). `idp` is the chosen IdP from idpEndpointsFromMetadata.
 */
export function checkBindingBeforeSend(url: string, binding: SamlBindingName, idp?: IdpEntityEndpoints | null, service: 'sso' | 'slo' = 'sso'): BindingWarning[] {
  const out: BindingWarning[] = [];
  const ak = recogniseAuthentikUrl(url);
  if (ak) {
    const urls = authentikEndpointsFor(ak.base, ak.slug ?? '');
    if (ak.kind === 'sso-redirect' && binding === 'HTTP-POST') {
      out.push({
        code: 'binding-mismatch', severity: 'error', title: 'POST to authentik\'s redirect-binding endpoint: 403 CSRF',
        message: 'authentik\'s /sso/binding/redirect/ view is for GET requests; a cross-site POST to it is refused by Django\'s CSRF protection ("403 CSRF verification failed") before the login form. The /sso/binding/post/ endpoint is CSRF-exempt; no CSRF_TRUSTED_ORIGINS change is needed.',
        suggestedUrl: urls.ssoPost, suggestedBinding: 'HTTP-Redirect',
      });
    } else if (ak.kind === 'sso-post' && binding === 'HTTP-Redirect') {
      out.push({
        code: 'binding-mismatch', severity: 'warning', title: 'Redirect binding sent to authentik\'s POST endpoint',
        message: 'This is authentik\'s POST binding endpoint; a Redirect-binding request belongs on /sso/binding/redirect/.',
        suggestedUrl: urls.ssoRedirect, suggestedBinding: 'HTTP-POST',
      });
    } else if (ak.kind === 'slo-redirect' && binding === 'HTTP-POST') {
      out.push({ code: 'binding-mismatch', severity: 'error', title: 'POST to authentik\'s redirect-binding logout endpoint', message: 'A POST to authentik\'s /slo/binding/redirect/ view is refused like the SSO one (CSRF); use /slo/binding/post/.', suggestedUrl: urls.sloPost, suggestedBinding: 'HTTP-Redirect' });
    } else if (ak.kind === 'slo-post' && binding === 'HTTP-Redirect') {
      out.push({ code: 'binding-mismatch', severity: 'warning', title: 'Redirect binding sent to authentik\'s POST logout endpoint', message: 'Use /slo/binding/redirect/ for the Redirect binding.', suggestedUrl: urls.sloRedirect, suggestedBinding: 'HTTP-POST' });
    } else if (ak.kind === 'sso-init') {
      out.push({ code: 'idp-initiated-endpoint', severity: 'error', title: 'IdP-initiated login URL, not an SSO endpoint', message: 'authentik\'s /sso/binding/init/ starts an IdP-initiated login and ignores AuthnRequests. Send the request to /sso/binding/redirect/ (GET) or /sso/binding/post/ (POST).', suggestedUrl: binding === 'HTTP-POST' ? urls.ssoPost : urls.ssoRedirect });
    } else if (ak.kind === 'metadata') {
      out.push({ code: 'binding-mismatch', severity: 'error', title: 'Metadata download URL, not an SSO endpoint', message: 'This is the provider\'s metadata URL: download it and paste it as IdP metadata, then pick its SingleSignOnService.' });
    } else if (ak.kind !== 'unified' && (service === 'sso') !== ak.kind.startsWith('sso')) {
      out.push({ code: 'binding-mismatch', severity: 'warning', title: `A ${ak.kind.startsWith('slo') ? 'logout' : 'login'} endpoint used for ${service === 'sso' ? 'login' : 'logout'}`, message: `The URL is authentik's ${ak.kind} endpoint.`, suggestedUrl: service === 'sso' ? (binding === 'HTTP-POST' ? urls.ssoPost : urls.ssoRedirect) : (binding === 'HTTP-POST' ? urls.sloPost : urls.sloRedirect) });
    }
  }
  if (idp) {
    const list = service === 'sso' ? idp.singleSignOnServices : idp.singleLogoutServices;
    const element = service === 'sso' ? 'SingleSignOnService' : 'SingleLogoutService';
    const atLocation = list.filter((e) => e.location === url);
    const forBinding = list.filter((e) => e.binding === BINDING_URIS[binding] && e.location);
    const browserBindings = [...new Set(list.map((e) => bindingNameOf(e.binding)).filter((b): b is SamlBindingName => b === 'HTTP-POST' || b === 'HTTP-Redirect'))];
    const flagged = out.some((w) => w.code === 'binding-mismatch');
    if (list.length > 0 && forBinding.length === 0 && !flagged) {
      // SAML metadata §2.2.2: an endpoint speaks the binding its Binding attribute names, no other.
      const listed = [...new Set(list.map((e) => bindingNameOf(e.binding) ?? e.binding))].join(', ');
      out.push({
        code: 'binding-mismatch', severity: 'error', title: `The IdP takes no ${binding} ${service === 'sso' ? 'login' : 'logout'} requests`,
        message: `The metadata of ${idp.entityId} lists ${element} endpoints only for ${listed}, none for ${binding}: the IdP would not understand the request (a real IdP answered such a request with 404).`,
        ...(browserBindings[0] ? { suggestedBinding: browserBindings[0] } : {}),
      });
    } else if (atLocation.length > 0 && !atLocation.some((e) => e.binding === BINDING_URIS[binding]) && !flagged) {
      const listed = atLocation.map((e) => bindingNameOf(e.binding) ?? e.binding).join(', ');
      const other = forBinding[0];
      out.push({
        code: 'binding-mismatch', severity: 'error', title: 'The IdP does not accept this binding at this URL',
        message: `The IdP metadata lists ${url} only for ${listed}, not ${binding}${other ? `; its ${binding} endpoint is ${other.location}` : ''}.`,
        ...(other ? { suggestedUrl: other.location } : {}),
        ...(bindingNameOf(atLocation[0]!.binding) === 'HTTP-POST' || bindingNameOf(atLocation[0]!.binding) === 'HTTP-Redirect' ? { suggestedBinding: bindingNameOf(atLocation[0]!.binding) as SamlBindingName } : {}),
      });
    } else if (atLocation.length === 0 && list.length > 0) {
      const other = pickEndpoint(list, binding);
      out.push({
        code: 'endpoint-not-in-metadata', severity: 'warning', title: `URL not among the IdP's ${element} endpoints`,
        message: `${url} is not listed in the metadata of ${idp.entityId}; the IdP may refuse the request or answer for another provider.`,
        ...(other ? { suggestedUrl: other.url, suggestedBinding: other.binding } : {}),
      });
    }
  }
  return out;
}

/**
 * Where a request should go once the tester picks `binding`: the IdP's endpoint for that binding
 * (SAML metadata §2.2.2: each endpoint element names the one binding it speaks), else the
 * sibling authentik endpoint of the current URL (/sso/binding/redirect/ ↔ /sso/binding/post/).
 * Null when nothing better than the current URL is known (then checkBindingBeforeSend judges it).
 */
export function endpointForBinding(current: string, binding: SamlBindingName, idp: IdpEntityEndpoints | null, service: 'sso' | 'slo' = 'sso'): string | null {
  if (idp) {
    const list = service === 'sso' ? idp.singleSignOnServices : idp.singleLogoutServices;
    // Keep a URL the metadata lists for this binding (several endpoints may speak it).
    if (list.some((e) => e.location === current && e.binding === BINDING_URIS[binding])) return current;
    const e = list.find((x) => x.binding === BINDING_URIS[binding] && x.location);
    if (e) return e.location;
    if (list.length > 0) return null;
  }
  const ak = recogniseAuthentikUrl(current);
  if (!ak || !ak.slug) return null;
  const urls = authentikEndpointsFor(ak.base, ak.slug);
  const post = binding === 'HTTP-POST';
  if (ak.kind === 'sso-redirect' || ak.kind === 'sso-post') return post ? urls.ssoPost : urls.ssoRedirect;
  if (ak.kind === 'slo-redirect' || ak.kind === 'slo-post') return post ? urls.sloPost : urls.sloRedirect;
  return null;
}

/**
 * Why Send must refuse, or null: the first error among the warnings. An error here means the
 * IdP is known not to take the request at that URL by that binding (its metadata, or authentik's
 * fixed endpoint table), so sending could only produce its 403/404, never an answer to inspect.
 */
export function sendRefusal(warnings: readonly BindingWarning[]): BindingWarning | null {
  return warnings.find((w) => w.severity === 'error') ?? null;
}
