// Small shared pieces of the rules: DOM anchoring, URI comparison, time arithmetic, wording.
import type { AssertionSummary, EndpointSummary, MetadataSummary, RoleDescriptorSummary } from '../types';
import { profileByName } from '../profiles/registry';
import type { ProfileExpectations } from '../profiles/profile';
import type { FixParts } from '../findings/fix';
import type { Expectation, RuleContext, RuleMessage } from './context';

export const NS_PROTOCOL = 'urn:oasis:names:tc:SAML:2.0:protocol';
export const NS_ASSERTION = 'urn:oasis:names:tc:SAML:2.0:assertion';
export const NS_METADATA = 'urn:oasis:names:tc:SAML:2.0:metadata';

export const BINDING_REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
export const BINDING_POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';

// ---------- DOM anchoring ----------

function elementsNS(root: Document | Element | null | undefined, ns: string, local: string): Element[] {
  if (!root) return [];
  const list = root.getElementsByTagNameNS(ns, local);
  const out: Element[] = [];
  for (let i = 0; i < list.length; i++) out.push(list[i]);
  return out;
}

export function rootElement(doc: Document | null | undefined): Element | null {
  return doc?.documentElement ?? null;
}

/** Direct children of `parent` with the given namespace and local name. */
export function childrenNS(parent: Element | null | undefined, ns: string, local: string): Element[] {
  if (!parent) return [];
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === local) out.push(n as Element);
  }
  return out;
}

/** The Assertion element a summary describes: by ID, else by position. */
export function assertionElement(msg: RuleMessage, index: number): Element | null {
  const all = elementsNS(msg.doc, NS_ASSERTION, 'Assertion');
  const id = msg.summary.assertions[index]?.id;
  if (id) {
    const byId = all.find((e) => e.getAttribute('ID') === id);
    if (byId) return byId;
  }
  return all[index] ?? null;
}

/** First descendant of `scope` with this name (assertion namespace unless told). */
export function firstNS(scope: Document | Element | null | undefined, local: string, ns = NS_ASSERTION): Element | null {
  return elementsNS(scope, ns, local)[0] ?? null;
}

export function allNS(scope: Document | Element | null | undefined, local: string, ns = NS_ASSERTION): Element[] {
  return elementsNS(scope, ns, local);
}

/** The message's own Issuer (direct child of the root), not an assertion's. */
export function messageIssuerElement(msg: RuleMessage): Element | null {
  return childrenNS(rootElement(msg.doc), NS_ASSERTION, 'Issuer')[0] ?? null;
}

// ---------- which assertion ----------

/** Whether an assertion's content is unknown: received encrypted and not decrypted. */
export function isOpaque(a: AssertionSummary): boolean {
  return a.encrypted && !a.decrypted;
}

/** The assertion a relying party would consume; falls back to the first one for diagnosis. */
export function consumedAssertion(msg: RuleMessage): { assertion: AssertionSummary; index: number } | null {
  const list = msg.summary.assertions;
  if (list.length === 0) return null;
  const idx = msg.consumedAssertionIndex ?? list.findIndex((a) => !isOpaque(a));
  const index = idx >= 0 && idx < list.length ? idx : 0;
  return { assertion: list[index], index };
}

// ---------- request/response pairing ----------

/**
 * The AuthnRequest a Response answers, from the same input: the one whose ID equals
 * InResponseTo (SAML core §3.2.2), else none.
 */
export function answeredRequest(ctx: RuleContext): RuleMessage | null {
  const msg = ctx.message;
  const irt = msg.summary.inResponseTo ?? consumedAssertion(msg)?.assertion.inResponseTo ?? null;
  const requests = ctx.messages.filter((m) => m.summary.kind === 'AuthnRequest');
  if (irt) {
    const match = requests.find((r) => r.summary.id === irt);
    if (match) return match;
  }
  return null;
}

/** The answered request, or (for diagnosis only) the latest AuthnRequest before this message. */
export function answeredOrLatestRequest(ctx: RuleContext): RuleMessage | null {
  return answeredRequest(ctx) ?? latestRequestBefore(ctx.messages, ctx.message);
}

export function latestRequestBefore(messages: RuleMessage[], message: RuleMessage | undefined): RuleMessage | null {
  const pos = message ? messages.indexOf(message) : -1;
  const upto = pos >= 0 ? messages.slice(0, pos) : messages;
  for (let i = upto.length - 1; i >= 0; i--) if (upto[i].summary.kind === 'AuthnRequest') return upto[i];
  return null;
}

// ---------- metadata ----------

export function roles(metadata: MetadataSummary[], role: 'IDPSSODescriptor' | 'SPSSODescriptor'): { entityId: string; role: RoleDescriptorSummary }[] {
  const out: { entityId: string; role: RoleDescriptorSummary }[] = [];
  for (const md of metadata) for (const e of md.entities) for (const r of e.roles) if (r.role === role) out.push({ entityId: e.entityId, role: r });
  return out;
}

export function spAcsEndpoints(ctx: RuleContext, entityId?: string | null): EndpointSummary[] {
  return roles(ctx.spMetadata, 'SPSSODescriptor')
    .filter((r) => !entityId || r.entityId === entityId)
    .flatMap((r) => r.role.assertionConsumerServices);
}

export function idpSsoEndpoints(ctx: RuleContext): EndpointSummary[] {
  return roles(ctx.idpMetadata, 'IDPSSODescriptor').flatMap((r) => r.role.singleSignOnServices);
}

// ---------- URIs ----------

/**
 * SAML core §1.3.2 / §8.3.6: URI references are compared exactly. This helper says *how*
 * two values differ, so the explanation can point at a trailing slash or a scheme.
 */
export function describeUriDifference(actual: string, expected: string): string {
  if (actual === expected) return '';
  const a = actual.trim();
  const e = expected.trim();
  if (a === e) return ' They differ only by surrounding whitespace.';
  if (a.replace(/\/+$/, '') === e.replace(/\/+$/, '')) return ' They differ only by a trailing slash — SAML compares these values as exact strings.';
  if (a.toLowerCase() === e.toLowerCase()) return ' They differ only in upper/lower case — SAML compares these values as exact strings.';
  if (a.replace(/^https?:/i, '') === e.replace(/^https?:/i, '')) return ' They differ only in the scheme (http vs https).';
  const aq = a.split(/[?#]/)[0];
  if (aq === e.split(/[?#]/)[0]) return ' They differ only in the query string or fragment.';
  return '';
}

/** The URL a payload was sent to, without the query string (HTTP-Redirect carries the message there). */
export function urlWithoutQuery(url: string): string {
  return url.split(/[?#]/)[0];
}

export function quote(v: string | null | undefined): string {
  return v === null || v === undefined ? '(absent)' : `"${v}"`;
}

export function expectationText(e: Expectation): string {
  return `"${e.value}" (from ${e.detail})`;
}

// ---------- time ----------

export function parseInstant(v: string | null | undefined): Date | null {
  if (!v) return null;
  // SAML core §1.3.3: xs:dateTime in UTC; accept what Date can read.
  const d = new Date(v.trim());
  return Number.isNaN(d.getTime()) ? null : d;
}

export function formatDuration(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  if (s < 120) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 120) return `${m} min`;
  const h = Math.round(m / 60);
  if (h < 72) return `${h} h`;
  return `${Math.round(h / 24)} days`;
}

// ---------- NameID ----------

export const EMAIL_LIKE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// ---------- what the active profile expects ----------

/** The active profile's expectations (profiles/<name>.ts `expects`): rules read these, never the profile's name. */
export function expects(ctx: RuleContext): ProfileExpectations {
  return profileByName(ctx.profile).expects;
}

/**
 * The parts a profile words a fix from (core/findings/fix.ts): the situation, and the values
 * from the message the fix quotes. Empty values are left out.
 */
export function parts(variant: string | undefined, values: Record<string, string | null | undefined> = {}, surface?: FixParts['surface']): FixParts {
  const kept: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) if (v !== null && v !== undefined && v !== '') kept[k] = v;
  return { ...(variant !== undefined ? { variant } : {}), ...(Object.keys(kept).length ? { values: kept } : {}), ...(surface ? { surface } : {}) };
}
