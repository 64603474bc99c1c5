// The diagnosis rule registry: a plain list. Adding a rule = one new file + one line here.
import type { RawFinding } from '../types';
import { acsNotInMetadataRule } from './acs-not-in-metadata';
import { audienceRule } from './audience';
import { bindingRule } from './binding';
import type { Rule, RuleContext } from './context';
import { destinationRule } from './destination';
import { inResponseToRule } from './in-response-to';
import { inputTextRule } from './input-text';
import { issuerRule } from './issuer';
import { metadataExpiredRule } from './metadata-expired';
import { nameIdEmailForUsernameRule } from './nameid-email-for-username';
import { nameIdFormatRule } from './nameid-format';
import { nameIdTransientRule } from './nameid-transient';
import { recipientRule } from './recipient';
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
];

/** Run every rule on one message. A rule that throws is a bug: it is reported, not swallowed silently. */
export function evaluateRules(ctx: RuleContext, rules: readonly Rule[] = RULES): RawFinding[] {
  const out: RawFinding[] = [];
  for (const rule of rules) {
    let found: RawFinding[];
    try {
      found = rule.check(ctx);
    } catch (e) {
      // Exceptions are bugs; one broken rule must not hide the others' findings.
      found = [{ code: 'internal-rule-error', severity: 'warning', title: `Rule ${rule.id} failed`, explanation: `The ${rule.id} rule raised an exception: ${e instanceof Error ? e.message : String(e)}. This is a bug in samlscope.`, fix: 'Please report this input.', references: [], node: null }];
    }
    for (const f of found) out.push({ ...f, references: f.references && f.references.length ? f.references : rule.references });
  }
  return out;
}

/** Every finding code the rules can emit. */
export const RULE_CODES: readonly string[] = [...new Set(RULES.flatMap((r) => r.codes))];

export function rulesForCode(code: string): Rule[] {
  return RULES.filter((r) => r.codes.includes(code));
}

export type { Expectation, ExpectationSource, Expectations, ProfileName, Rule, RuleContext, RuleMessage } from './context';
export { resolveExpectations } from './expectations';
export { timelineOf, type TimePoint, type TimePointState } from './timeline';
export { STATUS_CODES, explainStatusCode, type StatusCodeExplanation } from './status-codes';
export { NAMEID_FORMATS, explainNameIdFormat, canonicalNameIdFormat, type NameIdFormatExplanation } from './nameid-formats';
