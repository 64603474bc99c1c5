// `metadata pair`: everything that stops an IdP and an SP from working together, found in their
// metadata before anyone logs in. Each side may be an aggregate: the entity is chosen by
// entityID, or is the only one with the role.
import type { InputError } from '../../types';
import { readMetadata, type MdEntity } from '../model';
import { detectMdProfile } from '../profile-fixes';
import type { MdFinding } from '../types';
import { BINDING } from '../namespaces';
import { PAIR_CHECKS } from './registry';
import { severityRank } from '../../findings/severity';

export interface PairOptions {
  at?: Date;
  idpEntityId?: string;
  spEntityId?: string;
}

export interface PairReport {
  idp: { source: string; entityID: string | null };
  sp: { source: string; entityID: string | null };
  at: string;
  errors: Array<InputError & { side: 'idp' | 'sp' }>;
  findings: MdFinding[];
  /** What the two have in common, for the page's summary. */
  common: { requestBindings: string[]; responseBindings: string[]; nameIdFormats: string[] };
}


export function pairMetadata(idpText: string, spText: string, idpSource = 'idp', spSource = 'sp', options: PairOptions = {}): PairReport {
  const at = options.at ?? new Date();
  const report: PairReport = { idp: { source: idpSource, entityID: null }, sp: { source: spSource, entityID: null }, at: at.toISOString(), errors: [], findings: [], common: { requestBindings: [], responseBindings: [], nameIdFormats: [] } };
  const idp = pick(idpText, 'IDPSSODescriptor', options.idpEntityId);
  const sp = pick(spText, 'SPSSODescriptor', options.spEntityId);
  if (!idp.ok) report.errors.push({ ...idp.error, side: 'idp' });
  if (!sp.ok) report.errors.push({ ...sp.error, side: 'sp' });
  if (!idp.ok || !sp.ok) return report;
  report.idp.entityID = idp.entity.entityID;
  report.sp.entityID = sp.entity.entityID;
  const idpRole = idp.entity.summary.roles.find((r) => r.role === 'IDPSSODescriptor')!;
  const spRole = sp.entity.summary.roles.find((r) => r.role === 'SPSSODescriptor')!;
  const ctx = { idp: idp.entity, idpRole, sp: sp.entity, spRole, at, idpProfile: detectMdProfile(idp.entity), spProfile: detectMdProfile(sp.entity) };
  for (const c of PAIR_CHECKS) report.findings.push(...c.check(ctx));
  report.findings.sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
  report.common.requestBindings = [...new Set(idpRole.singleSignOnServices.map((e) => e.binding))].filter((b) => b === BINDING.redirect || b === BINDING.post || b === BINDING.artifact);
  report.common.responseBindings = [...new Set(spRole.assertionConsumerServices.map((e) => e.binding))].filter((b) => b === BINDING.post || b === BINDING.artifact);
  report.common.nameIdFormats = spRole.nameIdFormats.filter((f) => idpRole.nameIdFormats.includes(f));
  return report;
}

type Picked = { ok: true; entity: MdEntity } | { ok: false; error: InputError };

function pick(text: string, role: 'IDPSSODescriptor' | 'SPSSODescriptor', entityId: string | undefined): Picked {
  const read = readMetadata(text);
  if (!read.ok) return { ok: false, error: read.error };
  const withRole = read.value.entities.filter((e) => e.summary.roles.some((r) => r.role === role));
  const who = role === 'IDPSSODescriptor' ? 'identity provider (IDPSSODescriptor)' : 'service provider (SPSSODescriptor)';
  if (entityId !== undefined) {
    const e = withRole.find((x) => x.entityID === entityId);
    return e ? { ok: true, entity: e } : { ok: false, error: { code: 'input-unrecognized', message: `No ${who} with entityID "${entityId}" in this metadata.` } };
  }
  if (withRole.length === 1) return { ok: true, entity: withRole[0]! };
  if (withRole.length === 0) return { ok: false, error: { code: 'input-unrecognized', message: `This metadata describes no ${who}.` } };
  return { ok: false, error: { code: 'input-unrecognized', message: `This metadata describes ${withRole.length} entities with an ${role}: name one with --${role === 'IDPSSODescriptor' ? 'idp' : 'sp'}-entity-id.` } };
}

/** Exit status of `metadata pair`: 0 nothing of severity error, 1 something, 2 an input could not be used. */
export function pairExitStatus(r: PairReport): number {
  if (r.errors.length) return 2;
  return r.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
