// What a diagnosis rule sees. Built once per message by the pipeline (inspect.ts); rules are
// pure functions of it, so they can be unit-tested with hand-made summaries.
import type { Binding, CapturedPayload, MessageSummary, MetadataSummary, RawFinding, Severity, SignatureReport } from '../types';
import type { ProfileName } from '../profiles/registry';
import type { CategoryId } from './categories';

export type { ProfileName } from '../profiles/registry';

export type ExpectationSource = 'explicit' | 'metadata' | 'request' | 'profile';

export interface Expectation {
  value: string;
  source: ExpectationSource;
  /** Where the value came from, for the reader: "SP metadata https://sp.example.com", "the ACS URL you gave". */
  detail: string;
}

export interface RuleMessage {
  summary: MessageSummary;
  /** Parsed document (@xmldom/xmldom), used to anchor findings (RawFinding.node). */
  doc: Document;
  binding: Binding;
  payload: CapturedPayload;
  signatures: SignatureReport[];
  trusted: boolean;
  /** Index (in summary.assertions) of the assertion a relying party would consume, or null. */
  consumedAssertionIndex: number | null;
}

export interface Expectations {
  spEntityId?: Expectation;
  acsUrl?: Expectation;
  idpEntityId?: Expectation;
  requestId?: Expectation;
}

export interface RuleContext {
  message: RuleMessage;
  /** Every message of the same input (a HAR holds many): lets a Response find its AuthnRequest. */
  messages: RuleMessage[];
  /** Trusted metadata with an IDPSSODescriptor. */
  idpMetadata: MetadataSummary[];
  /** Metadata with an SPSSODescriptor. */
  spMetadata: MetadataSummary[];
  expectations: Expectations;
  at: Date;
  skewSeconds: number;
  profile: ProfileName;
  /**
   * The site of a URL for SameSite (./site.ts), handed in by the inspection rather than imported
   * by the rule: it carries the Public Suffix List, which pages listing the rules must not load.
   */
  siteOf: (url: string) => string | null;
}

export interface Rule {
  id: string;
  codes: string[];
  /** Default (highest usual) severity; a finding may carry a lower one depending on profile. */
  severity: Severity;
  /** Where the page lists its findings (./categories.ts). */
  category: CategoryId;
  title: string;
  /** What the rule checks, one sentence (docs/rules.md and the UI rule list). */
  checks: string;
  references: string[];
  check(ctx: RuleContext): RawFinding[];
}
