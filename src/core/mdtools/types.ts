// Types of the metadata tools (lint, diff, pair, rollover). Plain data: the CLI prints them as
// JSON (CONTRACT §5) and the page receives them from its worker by structured clone.
import type { InputError, Severity } from '../types';

export interface MdFinding {
  code: string;
  severity: Severity;
  title: string;
  explanation: string;
  fix: string;
  /** Line in the document as given (1-based), when the check knows it (md-schema does). */
  line?: number;
}

export interface EntityLint {
  entityID: string;
  /** 'idp', 'sp', 'idp+sp', 'aa', 'other': the roles this entity declares, for the entity table. */
  roles: string[];
  displayName: string | null;
  findings: MdFinding[];
}

export interface LintReport {
  source: string;
  /** `EntityDescriptor` or `EntitiesDescriptor`, null when the input is not metadata. */
  kind: 'EntityDescriptor' | 'EntitiesDescriptor' | null;
  /** Input errors (input-* codes, md-not-metadata): nothing was linted. */
  errors: InputError[];
  /** Findings about the document rather than one entity (the aggregate's validUntil, its signature). */
  findings: MdFinding[];
  entities: EntityLint[];
  /** What ran: the evaluation instant, the profile, whether the schema was checked and how long each stage took. */
  at: string;
  profile: string;
  schemaChecked: boolean;
  timings: { parseMs: number; checksMs: number; schemaMs: number };
}

export type MdLintProgress = (done: number, total: number) => void;
