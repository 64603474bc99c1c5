// The examples menu of the inspect page: real SAML messages made by this project for the seed's
// documented failures (Scaleway with authentik as IdP, 000_bbefa757859ef489.txt) and for the
// verdicts a user must learn to tell apart. How they were made: scripts/make-inspect-examples.mjs
// (fresh RSA keys from openssl, signed and checked with xmlsec1; only the certificate is kept, in
// idp-metadata.xml). Each example brings the trust material it needs and the instant it is
// evaluated at, so none of them ever expires. examples.test.ts checks each still gives its verdict.
import type { OverallVerdict } from '../reportView';
import authentikCsrf403 from './authentik-csrf-403.har?raw';
import idpMetadata from './idp-metadata.xml?raw';
import roundTrip from './round-trip.har?raw';
import scalewayIssuer from './scaleway-issuer-response.xml?raw';
import scalewayUserNotFound from './scaleway-user-not-found-response.xml?raw';
import tampered from './tampered-response.xml?raw';
import untrustedKey from './untrusted-key-response.xml?raw';
import valid from './valid-response.xml?raw';
import wrapping from './wrapping-response.xml?raw';

export interface InspectExample {
  id: string;
  title: string;
  /** What happened, in the words of the person who hit it. */
  story: string;
  group: 'seed' | 'signature';
  /** The input, as a paste would put it. */
  input: string;
  /** The file name shown as the input's source. */
  source: string;
  /** Trust material: the example IdP's metadata. */
  trust: { name: string; text: string }[];
  /** ISO-8601 evaluation instant: a minute after the IdP answered. */
  at: string;
  /** What the page must show on the step it opens on (examples.test.ts). */
  intended: { verdict: OverallVerdict; codes: string[]; kind: string };
}

const AT = '2026-03-02T09:15:00Z';
const TRUST = [{ name: 'idp-metadata.xml (authentik, example)', text: idpMetadata }];

export const EXAMPLES: readonly InspectExample[] = [
  {
    id: 'scaleway-csrf-403',
    title: 'Scaleway → authentik: 403 CSRF verification failed',
    story: 'Scaleway POSTs its AuthnRequest to the SSO URL it was given — authentik’s Redirect binding endpoint — and authentik answers 403 before any login form (a HAR of that one request).',
    group: 'seed',
    input: authentikCsrf403,
    source: 'authentik-csrf-403.har',
    trust: TRUST,
    at: AT,
    intended: { verdict: 'unsigned', codes: ['binding-mismatch'], kind: 'AuthnRequest' },
  },
  {
    id: 'scaleway-issuer',
    title: 'Scaleway: response Issuer does not match the IDP metadata',
    story: 'authentik’s provider had issuer = Scaleway’s own entity ID, so the Response names Scaleway as its Issuer.',
    group: 'seed',
    input: scalewayIssuer,
    source: 'scaleway-issuer-response.xml',
    trust: TRUST,
    at: AT,
    intended: { verdict: 'untrusted', codes: ['issuer-is-sp-entity-id', 'signature-key-wrong-entity'], kind: 'Response' },
  },
  {
    id: 'scaleway-user-not-found',
    title: 'Scaleway: the user … was not found inside the organization',
    story: 'authentik’s NameID mapping was the email address; Scaleway looks the NameID up among its members’ usernames.',
    group: 'seed',
    input: scalewayUserNotFound,
    source: 'scaleway-user-not-found-response.xml',
    trust: TRUST,
    at: AT,
    intended: { verdict: 'trusted', codes: ['nameid-email-for-username'], kind: 'Response' },
  },
  {
    id: 'round-trip',
    title: 'Valid round trip (HAR): AuthnRequest and signed Response',
    story: 'What the same login records once fixed: the AuthnRequest POSTed to the POST binding endpoint, and the Response and Assertion, both signed, POSTed to Scaleway.',
    group: 'signature',
    input: roundTrip,
    source: 'round-trip.har',
    trust: TRUST,
    at: AT,
    intended: { verdict: 'trusted', codes: [], kind: 'Response' },
  },
  {
    id: 'valid',
    title: 'Valid: Response and Assertion signed by the trusted IdP',
    story: 'The Response alone, as an SP receives it.',
    group: 'signature',
    input: valid,
    source: 'valid-response.xml',
    trust: TRUST,
    at: AT,
    intended: { verdict: 'trusted', codes: [], kind: 'Response' },
  },
  {
    id: 'tampered',
    title: 'Tampered: NameID changed after signing',
    story: 'The valid Response with jdoe replaced by admin: both digests no longer match.',
    group: 'signature',
    input: tampered,
    source: 'tampered-response.xml',
    trust: TRUST,
    at: AT,
    intended: { verdict: 'invalid', codes: ['digest-mismatch'], kind: 'Response' },
  },
  {
    id: 'wrapping',
    title: 'Signature wrapping: a forged Assertion beside the signed one',
    story: 'The genuine signed Assertion is kept, and a forged unsigned one (NameID admin) is put before it, for an SP that verifies one and reads the other.',
    group: 'signature',
    input: wrapping,
    source: 'wrapping-response.xml',
    trust: TRUST,
    at: AT,
    intended: { verdict: 'untrusted', codes: ['signature-wrapping', 'multiple-assertions'], kind: 'Response' },
  },
  {
    id: 'untrusted-key',
    title: 'Untrusted key: correctly signed by another IdP',
    story: 'Every signature verifies, but with a key that is not in the trusted metadata (only in the message’s own KeyInfo).',
    group: 'signature',
    input: untrustedKey,
    source: 'untrusted-key-response.xml',
    trust: TRUST,
    at: AT,
    intended: { verdict: 'untrusted', codes: ['signature-untrusted-key'], kind: 'Response' },
  },
];
