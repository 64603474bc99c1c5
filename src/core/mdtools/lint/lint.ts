// `metadata lint`: every check of ./registry on every entity of a metadata document, the
// document checks, and (optionally) the schema. One entry point for the CLI and the page's worker.
import { METADATA_LIMITS } from '../../limits';
import { displayNameOf, readMetadata, shortRoles, type MdEntity } from '../model';
import { detectMdProfile } from '../profile-fixes';
import { validateMetadataSchema, type SchemaOutcome } from '../schema/validate';
import type { EntityLint, LintReport, MdFinding, MdLintProgress } from '../types';
import { findingOf, type CodeSpec } from './check';
import { DOCUMENT_CHECKS, ENTITY_CHECKS } from './registry';
import { severityRank } from '../../findings/severity';

export interface LintOptions {
  /** Evaluation instant for validUntil and certificate dates (default: now). */
  at?: Date;
  /** Validate against the SAML metadata schema (default true; costs ~0.3 s plus ~1 s per 10 MB). */
  schema?: boolean;
  onProgress?: MdLintProgress;
}

const SCHEMA: CodeSpec = { code: 'md-schema', severity: 'error', title: 'Not valid against the SAML metadata schema' };
const SCHEMA_NOT_CHECKED: CodeSpec = { code: 'md-schema-not-checked', severity: 'info', title: 'The schema could not be checked' };

export async function lintMetadata(text: string, source: string, options: LintOptions = {}): Promise<LintReport> {
  const at = options.at ?? new Date();
  const wantSchema = options.schema ?? true;
  const t0 = Date.now();
  // Started first: in Node the engine runs in a worker thread, in parallel with everything below
  // (its outcome is dropped when the text turns out not to be metadata).
  const schemaRun: Promise<SchemaOutcome> | null = wantSchema && /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<([\w.-]+:)?Entit(y|ies)Descriptor[\s>]/.test(text.slice(0, 4096)) ? validateMetadataSchema(text) : null;
  const read = readMetadata(text);
  const t1 = Date.now();
  const base = { source, at: at.toISOString(), profile: 'generic', schemaChecked: false };
  if (!read.ok) return { ...base, kind: null, errors: [read.error], findings: [], entities: [], timings: { parseMs: t1 - t0, checksMs: 0, schemaMs: 0 } };
  const doc = read.value;

  const inAggregate = doc.kind === 'EntitiesDescriptor';
  const documentFindings: MdFinding[] = [];
  const extra = new Map<MdEntity, MdFinding[]>();
  for (const check of DOCUMENT_CHECKS) {
    const r = check.check(doc, at);
    documentFindings.push(...r.document);
    for (const [e, fs] of r.byEntity) extra.set(e, [...(extra.get(e) ?? []), ...fs]);
  }
  const profiles = new Set<string>();
  const entities: EntityLint[] = doc.entities.map((entity, i) => {
    const profile = detectMdProfile(entity);
    profiles.add(profile);
    const findings: MdFinding[] = [...(extra.get(entity) ?? [])];
    for (const check of ENTITY_CHECKS) findings.push(...check.check({ doc, entity, at, profile, inAggregate }));
    if (options.onProgress && i % 500 === 499) options.onProgress(i + 1, doc.entities.length);
    return { entityID: entity.entityID, roles: shortRoles(entity), displayName: displayNameOf(entity), findings };
  });
  const t2 = Date.now();

  let schemaMs = 0;
  let schemaChecked = false;
  if (schemaRun) {
    const outcome = await schemaRun;
    schemaMs = outcome.ms;
    if (outcome.checked) {
      schemaChecked = true;
      placeSchemaErrors(outcome, doc.entities, entities, documentFindings);
    } else {
      documentFindings.push(findingOf(SCHEMA_NOT_CHECKED, `Validity against the SAML metadata schema was not checked: ${outcome.reason}`, 'Check it with xmllint --schema saml-schema-metadata-2.0.xsd, which has no memory ceiling.'));
    }
  }
  for (const e of entities) e.findings = capAndSort(e.findings);
  const only = [...profiles].filter((p) => p !== 'generic');
  return {
    ...base,
    profile: only.length === 1 && doc.entities.length === 1 ? only[0]! : 'generic',
    schemaChecked,
    kind: doc.kind,
    errors: [],
    findings: capAndSort(documentFindings),
    entities,
    timings: { parseMs: t1 - t0, checksMs: t2 - t1, schemaMs },
  };
}

/** Each schema error goes to the entity whose start tag precedes its line (the document when none does). */
function placeSchemaErrors(outcome: Extract<SchemaOutcome, { checked: true }>, model: MdEntity[], entities: EntityLint[], documentFindings: MdFinding[]): void {
  const starts = model.map((e, i) => ({ line: e.line, i })).filter((x): x is { line: number; i: number } => x.line !== null);
  for (const err of outcome.errors) {
    let target = -1;
    if (err.line !== null) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid]!.line <= err.line) {
          target = starts[mid]!.i;
          lo = mid + 1;
        } else hi = mid - 1;
      }
    }
    const f = findingOf(SCHEMA, `Line ${err.line ?? '?'}: ${err.message} (libxml2 against saml-schema-metadata-2.0.xsd and the mdrpi/mdui/mdattr/shibmd/algsupport schemas). Strict consumers (Shibboleth, SimpleSAMLphp, ADFS) refuse the whole document.`, 'Fix the element named at that line so that it follows the schema: the order of children in a role is Signature, Extensions, KeyDescriptor, Organization, ContactPerson, ArtifactResolutionService, SingleLogoutService, ManageNameIDService, NameIDFormat, then the role\'s own endpoints (SAML metadata §2.4).');
    if (err.line !== null) f.line = err.line;
    (target >= 0 ? entities[target]!.findings : documentFindings).push(f);
  }
  if (outcome.omitted > 0) {
    documentFindings.push(findingOf(SCHEMA, `${outcome.omitted} more schema errors were not listed (METADATA_LIMITS.schemaErrorsKept = ${METADATA_LIMITS.schemaErrorsKept}).`, 'Fix the first ones and check again.'));
  }
}

/** Errors first; at most METADATA_LIMITS.findingsPerCodePerEntity of one code, with a count of the rest. */
function capAndSort(findings: MdFinding[]): MdFinding[] {
  const perCode = new Map<string, number>();
  const kept: MdFinding[] = [];
  for (const f of findings) {
    const n = (perCode.get(f.code) ?? 0) + 1;
    perCode.set(f.code, n);
    if (n <= METADATA_LIMITS.findingsPerCodePerEntity) kept.push(f);
  }
  for (const [code, n] of perCode) {
    if (n <= METADATA_LIMITS.findingsPerCodePerEntity) continue;
    const last = [...kept].reverse().find((f) => f.code === code)!;
    kept.push({ ...last, explanation: `…and ${n - METADATA_LIMITS.findingsPerCodePerEntity} more ${code} findings like the ones above (METADATA_LIMITS.findingsPerCodePerEntity).`, fix: last.fix });
  }
  return kept.sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
}

/** CONTRACT §5: exit status 1 when anything of severity error was found (or the input was not metadata). */
export function lintHasErrors(r: LintReport): boolean {
  return r.errors.length > 0 || r.findings.some((f) => f.severity === 'error') || r.entities.some((e) => e.findings.some((f) => f.severity === 'error'));
}

/** Every code a lint may emit, with its severity and title: for docs and the rules page. */
export function lintCodes(): CodeSpec[] {
  const all = [...ENTITY_CHECKS, ...DOCUMENT_CHECKS].flatMap((c) => c.codes);
  all.push(SCHEMA, SCHEMA_NOT_CHECKED);
  const seen = new Map<string, CodeSpec>();
  for (const c of all) if (!seen.has(c.code)) seen.set(c.code, c);
  return [...seen.values()];
}
