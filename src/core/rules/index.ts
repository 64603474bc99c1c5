// The diagnosis rule registry: a plain list, and the only one. Each rule is one file that
// declares its codes, category, severity and check (../diagnosis/context.ts `Rule`); adding a
// rule = one new file + one line here. The engine that runs them lives in ../diagnosis/.
import type { Rule } from '../diagnosis/context';
import { acsNotInMetadataRule } from './acs-not-in-metadata';
import { audienceRule } from './audience';
import { bindingRule } from './binding';
import { captureSanitizedRule } from './capture-sanitized';
import { captureTruncatedRule } from './capture-truncated';
import { clockSkewObservedRule } from './clock-skew-observed';
import { cookieDroppedSameSiteRule } from './cookie-dropped-samesite';
import { destinationRule } from './destination';
import { inResponseToRule } from './in-response-to';
import { inputTextRule } from './input-text';
import { issuerRule } from './issuer';
import { metadataExpiredRule } from './metadata-expired';
import { nameIdEmailForUsernameRule } from './nameid-email-for-username';
import { nameIdFormatRule } from './nameid-format';
import { nameIdTransientRule } from './nameid-transient';
import { recipientRule } from './recipient';
import { redirectLoopRule } from './redirect-loop';
import { signaturePolicyRule } from './signature-policy';
import { statusErrorRule } from './status-error';
import { timeValidityRule } from './time-validity';
import { unsolicitedResponseRule } from './unsolicited-response';

export const RULES: readonly Rule[] = [
  statusErrorRule,
  issuerRule,
  audienceRule,
  destinationRule,
  recipientRule,
  inResponseToRule,
  unsolicitedResponseRule,
  timeValidityRule,
  nameIdFormatRule,
  nameIdEmailForUsernameRule,
  nameIdTransientRule,
  bindingRule,
  acsNotInMetadataRule,
  metadataExpiredRule,
  signaturePolicyRule,
  inputTextRule,
  cookieDroppedSameSiteRule,
  clockSkewObservedRule,
  redirectLoopRule,
  captureSanitizedRule,
  captureTruncatedRule,
];

/** Every finding code the rules can emit. */
export const RULE_CODES: readonly string[] = [...new Set(RULES.flatMap((r) => r.codes))];

export function rulesForCode(code: string): Rule[] {
  return RULES.filter((r) => r.codes.includes(code));
}

export type { Rule } from '../diagnosis/context';
