// What a provider profile is: one file per profile (src/core/profiles/<name>.ts) declares how
// the profile is recognised in a message, what the products of that pairing expect, and its own
// wording of the fixes (and of explanations and titles where the product says it differently),
// per finding code. The rules read `expects` and never a profile's name; the wording is applied
// to every finding — rules' and verifier's alike — by wordFinding (./wording.ts). Adding a
// profile is one new file and its line in ./registry.ts.
//
// Profile files import only the foundation (../findings/, ../types for the name set) and the
// document titles (../diagnosis/sources); each one adds its name to types.ts `ProfileNames`, so the
// foundation knows the names without importing the profiles above it.
import type { Severity } from '../findings/severity';

/** A value of the input that can reveal the profile: an entity ID, or an endpoint URL. */
export interface ProfileClue {
  kind: 'entity-id' | 'url';
  /** Where it was read, for the page ("Audience", "Destination", "POST to"…). */
  what: string;
  value: string;
}

/** The values a wording quotes (FixParts.values of the finding). */
export type WordingValues = Readonly<Record<string, string | undefined>>;
export type Wording = string | ((v: WordingValues) => string);

/** A profile's own words for one finding code (or `code/variant`). */
export interface CodeWording {
  title?: Wording;
  /** Replaces the rule's explanation. */
  explanation?: Wording;
  /** Appended to the rule's explanation: what this product does with it. */
  note?: Wording;
  fix?: Wording;
}

/** What the products of the pairing require, beyond the SAML specifications (read by the rules). */
export interface ProfileExpectations {
  /** The SP requires the Response and the Assertion to be signed (signature-policy). */
  signedResponseAndAssertion?: boolean;
  /** The SP matches the NameID against usernames: an email address is an error (nameid-email-for-username). */
  nameIdIsUsername?: boolean;
  /** A transient NameID cannot work here: its severity (nameid-transient), even when the SP requested transient. */
  stableNameId?: Exclude<Severity, 'info'>;
  /** Severity of an unsolicited (IdP-initiated) response when no request was expected (unsolicited-response). */
  unsolicitedResponse?: Exclude<Severity, 'info'>;
}

/** Expected values a profile can derive from values seen in the input (000 guide: one provider id in both URLs). */
export interface DerivedExpectations {
  spEntityId?: string;
  acsUrl?: string;
  /** Where they came from, for the reader. */
  detail: string;
}

export interface Profile<N extends string = string> {
  name: N;
  title: string;
  /** Who is the IdP and who is the SP in this profile. */
  roles: { idp: string; sp: string };
  /** Requirements in prose, shown on the profile page. */
  requirements: readonly string[];
  /** Title of the vendor document the requirements come from (../diagnosis/sources.ts), or null. */
  source: string | null;
  /** Short verbatim quotes of the source document the requirements rest on (the profile page shows them). */
  quotes?: readonly string[];
  /** How the profile is recognised in a message, in prose. */
  detection: string;
  /** Whether this value reveals the profile. Absent: never detected (the generic profile is the default). */
  recognises?(clue: ProfileClue): boolean;
  /**
   * When the values of one input reveal several profiles, the highest priority wins (default 0).
   * A pairing that contains another (Scaleway uses authentik as IdP) ranks above it.
   */
  priority?: number;
  /** An SP entity ID pattern of the product: an IdP that puts it in Issuer has swapped the two (issuer rule). */
  spEntityId?: { matches(value: string): boolean; description: string };
  /** Expectations from the values of the input when nothing better is known (expectations resolution). */
  deriveExpectations?(values: readonly string[]): DerivedExpectations | null;
  expects: ProfileExpectations;
  /** Wording per finding code or `code/variant`; what is absent keeps the rule's profile-neutral words. */
  wording: Readonly<Record<string, CodeWording>>;
}

/** Keeps the profile's name a literal type, so the registry yields the ProfileName union. */
export function defineProfile<const N extends string>(p: Profile<N>): Profile<N> {
  return p;
}
