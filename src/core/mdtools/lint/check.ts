// What a lint check is: its codes (each with severity and title, declared once) and a function
// from one entity (or the whole document) to findings.
import type { Severity } from '../../types';
import type { MdDocument, MdEntity } from '../model';
import type { MdProfileName } from '../profile-fixes';
import { fixIn } from '../profile-fixes';
import type { MdFinding } from '../types';

export interface CodeSpec {
  code: string;
  severity: Severity;
  title: string;
}

export interface EntityContext {
  doc: MdDocument;
  entity: MdEntity;
  at: Date;
  /** The entity's product, as recognised from its metadata (profile-fixes.ts). */
  profile: MdProfileName;
  /** In a federation aggregate, federation rules (registration info, mdui, contacts) are errors of registration, not style. */
  inAggregate: boolean;
}

export interface LintCheck {
  name: string;
  codes: readonly CodeSpec[];
  check(ctx: EntityContext): MdFinding[];
}

export interface DocumentCheck {
  name: string;
  codes: readonly CodeSpec[];
  /** Findings about the document, and findings attached to particular entities. */
  check(doc: MdDocument, at: Date): { document: MdFinding[]; byEntity: Map<MdEntity, MdFinding[]> };
}

/** A finding of `spec`, with the fix worded for the entity's product when the product has its own words. */
export function findingOf(spec: CodeSpec, explanation: string, fix: string, profile: MdProfileName = 'generic', severity: Severity = spec.severity): MdFinding {
  return { code: spec.code, severity, title: spec.title, explanation, fix: fixIn(profile, spec.code, fix) };
}
