// Running the rule registry over one message, and what the registry says about a code.
import { RULES } from '../rules';
import type { RawFinding } from '../types';
import { VERIFIER_CODES, type CategoryId } from './categories';
import type { Rule, RuleContext } from './context';

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
    for (const f of found) out.push({ ...f, category: rule.category, references: f.references && f.references.length ? f.references : rule.references });
  }
  return out;
}

/** The category a finding code is listed under: its rule's, else the verifier's, else other. */
export function categoryOf(code: string): CategoryId {
  const rule = RULES.find((r) => r.codes.includes(code));
  if (rule) return rule.category;
  const verifier = VERIFIER_CODES.find((v) => v.code === code);
  if (verifier) return verifier.category;
  // Any other signature code of the verifier (signature-*, query-signature-*) is one too.
  if (code.startsWith('signature-') || code.startsWith('query-signature-')) return 'signature';
  return 'other';
}
