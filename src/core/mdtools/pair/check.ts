// What a pair check is: codes declared once, and a function of one IdP and one SP.
import type { RoleDescriptorSummary } from '../../types';
import type { CodeSpec } from '../lint/check';
import type { MdEntity } from '../model';
import type { MdProfileName } from '../profile-fixes';
import type { MdFinding } from '../types';

export interface PairContext {
  idp: MdEntity;
  idpRole: RoleDescriptorSummary;
  sp: MdEntity;
  spRole: RoleDescriptorSummary;
  at: Date;
  /** authentik when the IdP is authentik, scaleway when the SP is Scaleway IAM (fixes in their words). */
  idpProfile: MdProfileName;
  spProfile: MdProfileName;
}

export interface PairCheck {
  name: string;
  codes: readonly CodeSpec[];
  check(ctx: PairContext): MdFinding[];
}
