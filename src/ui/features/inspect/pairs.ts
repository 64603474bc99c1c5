// Capture timeline pairing (issue 6 "Capture timeline"): in a HAR or SAML-tracer capture, a
// request and its answer are tied by ID ↔ InResponseTo (SAML core §3.2.2: InResponseTo is "a
// reference to the identifier of the request to which the response corresponds").
import type { InspectedMessage, MessageKind } from '../../../core/types';

const REQUEST_KINDS: readonly MessageKind[] = ['AuthnRequest', 'LogoutRequest'];
const RESPONSE_KINDS: readonly MessageKind[] = ['Response', 'LogoutResponse', 'ArtifactResponse'];

export interface CapturePair {
  request: number;
  response: number;
  /** The request ID both sides agree on. */
  id: string;
}

/**
 * Pairs every response with the request whose ID its InResponseTo names. When an ID occurs
 * in several requests (a retried login), the latest request before the response wins; a
 * response captured before any matching request still pairs with the first one.
 */
export function pairCaptureMessages(messages: readonly Pick<InspectedMessage, 'kind' | 'id' | 'inResponseTo'>[]): CapturePair[] {
  const pairs: CapturePair[] = [];
  messages.forEach((m, response) => {
    if (!RESPONSE_KINDS.includes(m.kind) || !m.inResponseTo) return;
    const candidates = messages.flatMap((r, i) => (REQUEST_KINDS.includes(r.kind) && r.id === m.inResponseTo ? [i] : []));
    const before = candidates.filter((i) => i < response);
    const request = before.length > 0 ? before[before.length - 1]! : candidates[0] ?? -1;
    if (request >= 0) pairs.push({ request, response, id: m.inResponseTo });
  });
  return pairs;
}

/** The partner of message `index`, if it has one (a request may be answered once per pair). */
export function partnersOf(pairs: readonly CapturePair[], index: number): number[] {
  return pairs.flatMap((p) => (p.request === index ? [p.response] : p.response === index ? [p.request] : []));
}
