// Exoscale's "Common Expression Language Authorization Expression": evaluated at login time
// against the ID token payload, it must return the UUID of an existing IAM role; any other value
// denies access (seed 002_be8525c84e06a101.txt). The claims are top-level variables, as the
// seed's example shows: email.endsWith('@exoscale.com') ? 'dc097e90-…' : false.
//
// Evaluator: @bufbuild/cel, a port of cel-go's interpreter tested against the cel-spec
// conformance suite. Chosen over @marcbachmann/cel-js (smaller, zero dependencies) because that
// one type-checks every expression and rejects the seed's own example ("Ternary branches must
// have the same type, got 'string' and 'bool'"), while cel-go — Exoscale is a Go shop — evaluates
// an unchecked program where `cond ? 'uuid' : false` is legal (cel-go issue #1221; cel-spec
// tests/simple/testdata/logic.textproto marks mixed-type conditionals `disable_check`). cel-js
// (ChromeGG) is unmaintained-looking and pulls chevrotain + ramda. @bufbuild/cel is pure
// ECMAScript (no Node-only API; its only `process` use is guarded), CSP-safe (no eval), and is
// loaded with a dynamic import so its ~70 kB gzipped only reach browsers that open /oidc.
import type { JsonObject } from './decodeJws';
import { finding, SEED_EXOSCALE } from './findings';
import type { FindingText } from '../types';
import { EXOSCALE_ALWAYS_REQUESTED, EXOSCALE_FIELDS, EXOSCALE_SETTINGS_PLACE, isStandardRequestedClaim, UUID_PATTERN } from './exoscaleProfile';
import { additionalClaimNames } from './settings';
import type { Expr } from '@bufbuild/cel-spec/cel/expr/syntax_pb.js';
import { OIDC_LIMITS } from '../limits';
import { childrenOf, claimsActivation, expressionTextLimit, instrumentComprehensions, limitMessage, meteredEnv, treeDepth, type CelLimitHit, type CelMeter } from './celBudget';

/**
 * `granted-if-authentic`: the expression returns a role UUID, but the token is not trusted
 * (inspectOidc's gate) — what would happen if it were authentic, never a grant.
 */
export type CelOutcome = 'granted' | 'granted-if-authentic' | 'denied' | 'error';

export interface CelEvaluation {
  outcome: CelOutcome;
  /** The IAM role UUID the login gets, when granted. */
  roleUuid: string | null;
  /** The returned value, rendered as CEL would print it ("false", "'admin'", "42"). */
  returned: string | null;
  /** CEL type of the returned value (string, bool, int, double, list, map, null_type, …). */
  returnedType: string | null;
  /** One sentence, the reason of the outcome. */
  reason: string;
  /** Top-level identifiers the expression reads (the claims it depends on). */
  referencedClaims: string[];
  /** Referenced claims absent from the token. */
  missingClaims: string[];
  /** Cost units the evaluation spent (limits.ts OIDC_LIMITS.celCost), 0 when it did not run. */
  cost: number;
  findings: FindingText[];
}

const CEL_SPEC = 'CEL language definition (github.com/google/cel-spec, doc/langdef.md)';
const SEED = SEED_EXOSCALE;

/** CEL's strings extension (cel-go ext.Strings), not part of the standard definitions. */
const STRINGS_EXTENSION = ['charAt', 'indexOf', 'lastIndexOf', 'lowerAscii', 'upperAscii', 'replace', 'split', 'substring', 'trim', 'join', 'quote', 'reverse', 'format'];

export async function evaluateAuthorizationExpression(expression: string, payload: JsonObject, additionalClaims?: string): Promise<CelEvaluation> {
  const cel = await import('@bufbuild/cel');
  const findings: FindingText[] = [];
  const base = { roleUuid: null, returned: null, returnedType: null, referencedClaims: [] as string[], missingClaims: [] as string[], cost: 0, findings };

  const textLimit = expressionTextLimit(expression);
  if (textLimit) return limitEvaluation(base, textLimit);

  let parsed: ReturnType<typeof cel.parse>;
  try {
    parsed = cel.parse(expression);
  } catch (e) {
    // The PEG parser recurses per nesting level: a stack overflow is a depth limit, not a syntax error.
    if (e instanceof RangeError) return limitEvaluation(base, { kind: 'depth', depth: OIDC_LIMITS.celExpressionDepth + 1 });
    const message = (e as Error).message;
    const hint = balanceHint(expression);
    findings.push(finding('cel-syntax-error', 'error', 'The authorization expression does not parse', `${hint ? `${hint} ` : ''}Parser: ${message}. Exoscale cannot evaluate it, so every SSO login is denied.`, `Correct the "${EXOSCALE_FIELDS.celExpression}" in ${EXOSCALE_SETTINGS_PLACE}. The documented example is: email.endsWith('@exoscale.com') ? '<role UUID>' : false`, [CEL_SPEC, SEED]));
    return { ...base, outcome: 'error', reason: `Syntax error: ${hint ?? message}` };
  }
  const root = parsed.expr;
  if (!root) return { ...base, outcome: 'error', reason: 'Empty expression.' };
  const depth = treeDepth(root);
  if (depth > OIDC_LIMITS.celExpressionDepth) return limitEvaluation(base, { kind: 'depth', depth });

  const referenced = referencedIdentifiers(root);
  const missing = referenced.filter((c) => !Object.prototype.hasOwnProperty.call(payload, c));
  base.referencedClaims = referenced;
  base.missingClaims = missing;
  requestedClaimFindings(referenced, additionalClaims, findings);
  if (referenced.includes('email')) emailVerifiedFinding(payload, findings);

  const meter: CelMeter = { spent: 0, exceeded: null };
  let result: unknown;
  try {
    instrumentComprehensions(root);
    const program = cel.plan(meteredEnv(cel, meter), parsed);
    result = program(claimsActivation(cel, payload));
  } catch (e) {
    result = cel.celError(e instanceof Error ? e.message : String(e));
  }
  base.cost = meter.spent;
  if (meter.exceeded) return limitEvaluation(base, meter.exceeded);

  if (cel.isCelError(result)) {
    const message = result.message;
    if (missing.length > 0 && /unresolved attribute|undeclared reference|no such attribute/i.test(message)) {
      findings.push(missingClaimFinding(missing, additionalClaims));
      return { ...base, outcome: 'error', reason: `The ID token has no ${missing.map((m) => `"${m}"`).join(', ')} claim: the evaluation fails and access is denied.` };
    }
    const unbound = /unbound function: (\w+)/.exec(message)?.[1];
    if (unbound) {
      const ext = STRINGS_EXTENSION.includes(unbound);
      findings.push(finding('cel-unknown-function', 'error', `Unknown function ${unbound}()`, ext ? `${unbound}() belongs to CEL's strings extension (cel-go ext.Strings), not to the standard definitions. Exoscale does not document which extensions it enables; with the standard library the expression fails and the login is denied.` : `${unbound}() is not a CEL standard function (macros like has() need a field selection: has(claims.field)).`, 'Use standard functions: startsWith, endsWith, contains, matches (RE2), size, in, exists, all.', [CEL_SPEC]));
      return { ...base, outcome: 'error', reason: `Unknown function ${unbound}(): the evaluation fails and access is denied.` };
    }
    findings.push(finding('cel-evaluation-error', 'error', 'The authorization expression fails at evaluation', `With this token, evaluation stops with: ${message}. ${/field not found|no such key/i.test(message) ? 'A nested member the expression reads is absent from the claim (for example a group list the provider omits when empty).' : ''} An evaluation error is not an IAM role UUID, so access is denied.`, 'Guard optional parts with has() (e.g. has(realm_access.roles) && …) or the `in` operator, and check the claim\'s shape in the payload shown here.', [CEL_SPEC, SEED]));
    return { ...base, outcome: 'error', reason: `Evaluation error: ${message}.` };
  }

  const { text, type } = describeCelValue(result, cel);
  const withValue = { ...base, returned: text, returnedType: type };
  if (typeof result === 'string') {
    if (UUID_PATTERN.test(result)) {
      roleFindings(result, findings);
      return { ...withValue, outcome: 'granted', roleUuid: result, reason: `The expression returns the IAM role UUID ${result}: the user is let in with that role (if it exists in the organization).` };
    }
    const trimmed = result.trim();
    const why = UUID_PATTERN.test(trimmed)
      ? 'It is a UUID with surrounding spaces: Exoscale needs the exact UUID.'
      : /^[A-Za-z][\w .-]*$/.test(result)
        ? 'It looks like a role name; Exoscale needs the role\'s UUID (IAM > Roles).'
        : 'It is not a UUID (8-4-4-4-12 hexadecimal digits, RFC 9562).';
    findings.push(finding('cel-not-uuid', 'error', 'The expression returns a string that is not an IAM role UUID', `It returns ${text}. ${why} "Any return value that is not a valid IAM Role UUID will deny access to the platform."`, `Make the "${EXOSCALE_FIELDS.celExpression}" return the role's UUID, as in: email.endsWith('@example.com') ? 'dc097e90-4636-4d2a-a629-670ab4395209' : false`, [SEED]));
    return { ...withValue, outcome: 'denied', reason: `Returns ${text}, which is not an IAM role UUID: access denied.` };
  }
  if (result === false) {
    findings.push(finding('cel-returned-false', 'error', 'The authorization expression denies this user', `With this token the expression returns false: Exoscale denies access (${referenced.length ? `it read ${referenced.map((c) => `${c} = ${shortJson(payload[c])}`).join(', ')}` : 'it reads no claim'}).`, `If this user should get in, adapt the "${EXOSCALE_FIELDS.celExpression}" (or the user's claims at the provider) so that it returns the IAM role UUID.`, [SEED]));
    return { ...withValue, outcome: 'denied', reason: 'Returns false: access denied.' };
  }
  findings.push(finding('cel-not-string', 'error', `The expression returns a ${type}, not a role UUID`, `It returns ${text} (${type}). Only a string holding an IAM role UUID grants access; ${result === true ? 'true is not a grant: the expression must say which role.' : 'any other value denies access.'}`, `Return the role's UUID string, e.g. cond ? 'dc097e90-4636-4d2a-a629-670ab4395209' : false.`, [SEED]));
  return { ...withValue, outcome: 'denied', reason: `Returns ${type} ${text}, not an IAM role UUID: access denied.` };
}

/** Static checks of the expression against "OIDC Additional Claims" (no token needed). */
function requestedClaimFindings(referenced: string[], additionalClaims: string | undefined, findings: FindingText[]): void {
  const listed = additionalClaimNames(additionalClaims);
  const notRequested = referenced.filter((c) => !isStandardRequestedClaim(c) && !listed.includes(c));
  if (notRequested.length > 0) {
    findings.push(finding('cel-claim-not-requested', 'warning', `The expression reads ${notRequested.map((c) => `"${c}"`).join(', ')}, not listed in OIDC Additional Claims`, `Exoscale always asks for ${EXOSCALE_ALWAYS_REQUESTED.join(' ')}; ${notRequested.length > 1 ? 'these claims come' : 'this claim comes'} with none of them, so unless ${notRequested.length > 1 ? 'they are' : 'it is'} listed in "${EXOSCALE_FIELDS.additionalClaims}" the provider may leave ${notRequested.length > 1 ? 'them' : 'it'} out of the ID token, and the expression then fails.`, `Add ${notRequested.join(' ')} to "${EXOSCALE_FIELDS.additionalClaims}" (space separated) in ${EXOSCALE_SETTINGS_PLACE}, and make sure the provider puts ${notRequested.length > 1 ? 'them' : 'it'} in the ID token.`, [SEED]));
  }
  const notIdentifiers = listed.filter((c) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(c));
  if (notIdentifiers.length > 0) {
    findings.push(finding('cel-claim-name-not-identifier', 'info', 'Some additional claims are not CEL identifiers', `${notIdentifiers.map((c) => `"${c}"`).join(', ')} cannot be written as a bare variable in CEL (identifiers are [A-Za-z_][A-Za-z0-9_]*). The Exoscale documentation does not say how such claims are exposed.`, 'Prefer claim names made of letters, digits and underscores (configure a claim mapping at the provider).', [CEL_SPEC, SEED]));
  }
}

function missingClaimFinding(missing: string[], additionalClaims: string | undefined): FindingText {
  const listed = additionalClaimNames(additionalClaims);
  const standard = missing.filter(isStandardRequestedClaim);
  const custom = missing.filter((c) => !isStandardRequestedClaim(c));
  const parts: string[] = [];
  if (custom.length) {
    const notListed = custom.filter((c) => !listed.includes(c));
    parts.push(
      notListed.length
        ? `${notListed.map((c) => `"${c}"`).join(', ')} ${notListed.length > 1 ? 'are' : 'is'} not in the ID token and not listed in "${EXOSCALE_FIELDS.additionalClaims}": Exoscale only asks for ${EXOSCALE_ALWAYS_REQUESTED.join(' ')} plus the names listed there (space separated).`
        : `${custom.map((c) => `"${c}"`).join(', ')} ${custom.length > 1 ? 'are' : 'is'} listed in "${EXOSCALE_FIELDS.additionalClaims}" but the provider did not put ${custom.length > 1 ? 'them' : 'it'} in the ID token: check the provider's claim/scope mapping for this client (some providers only return extra claims at the userinfo endpoint).`,
    );
  }
  if (standard.length) {
    parts.push(`${standard.map((c) => `"${c}"`).join(', ')} come${standard.length > 1 ? '' : 's'} with the openid/profile/email scopes Exoscale always requests, yet the provider left ${standard.length > 1 ? 'them' : 'it'} out of the ID token (many providers put profile/email claims only in the userinfo response unless told otherwise, or the user has no such attribute).`);
  }
  return finding(
    'cel-claim-missing',
    'error',
    `The expression reads a claim the token does not have: ${missing.join(', ')}`,
    `${parts.join(' ')} A missing claim makes the evaluation fail, and Exoscale denies access.`,
    custom.some((c) => !listed.includes(c))
      ? `Add ${custom.filter((c) => !listed.includes(c)).join(' ')} to "${EXOSCALE_FIELDS.additionalClaims}" in ${EXOSCALE_SETTINGS_PLACE}, and configure the provider to include ${custom.length > 1 ? 'them' : 'it'} in the ID token.`
      : 'Configure the provider to include the claim in the ID token (not only at the userinfo endpoint), and give the user that attribute.',
    [SEED, 'OpenID Connect Core 1.0 §5.4', 'OpenID Connect Core 1.0 §5.5'],
  );
}

function emailVerifiedFinding(payload: JsonObject, findings: FindingText[]): void {
  if (payload.email_verified === true) return;
  findings.push(
    finding(
      'cel-email-unverified',
      payload.email_verified === false ? 'warning' : 'info',
      payload.email_verified === false ? 'The expression trusts an unverified email' : 'The expression trusts "email" without "email_verified"',
      `The expression decides on "email", and this token ${payload.email_verified === false ? 'says email_verified: false' : 'has no email_verified claim'}. OIDC Core §5.1: email is not guaranteed unique or verified; at a provider where users can set their own address, anyone could claim an @your-domain email and obtain the role.`,
      'Require verification in the expression, e.g. email_verified && email.endsWith(\'@example.com\') ? \'<role UUID>\' : false — or make sure the provider only issues verified, administrator-managed addresses.',
      ['OpenID Connect Core 1.0 §5.1', 'OpenID Connect Core 1.0 §5.7'],
    ),
  );
}

function roleFindings(uuid: string, findings: FindingText[]): void {
  if (uuid !== uuid.toLowerCase()) {
    findings.push(finding('cel-uuid-uppercase', 'info', 'The role UUID is in upper case', 'Exoscale shows role IDs in lower case; whether it compares them case-insensitively is not documented.', 'Copy the role ID exactly as IAM > Roles shows it.', [SEED]));
  }
  findings.push(finding('cel-role-must-exist', 'info', 'The role UUID must be an existing IAM role', `samlscope cannot check offline that ${uuid} is a role of your organization. A UUID of no existing role is "not a valid IAM Role UUID": access denied.`, 'Compare it with the role ID under IAM > Roles in the Exoscale portal.', [SEED]));
  findings.push(finding('cel-role-reapplied', 'info', 'The role is re-applied at every login', 'Exoscale updates an SSO user\'s role at each login with the expression\'s return value: changing the UUID in the expression (or the claims at the provider) changes the role at the next login. SSO users are created with a UUID username; removing one from the organization is not enough to block it — block it at the provider, or its next login recreates it.', 'Nothing to fix; keep it in mind when changing roles.', [SEED]));
}

// ---- AST walking (cel.expr.Expr from the parser), iterative: depth is bounded, but not by the stack ----

/** Free top-level identifiers: idents not bound by a comprehension (exists/all/map/filter). */
export function referencedIdentifiers(root: Expr): string[] {
  const found = new Set<string>();
  const stack: [Expr, ReadonlySet<string>][] = [[root, new Set()]];
  while (stack.length > 0) {
    const [node, bound] = stack.pop()!;
    const k = node.exprKind;
    if (k.case === 'identExpr') {
      const name = k.value.name;
      if (!bound.has(name) && !name.startsWith('@') && !name.startsWith('__result__')) found.add(name);
    } else if (k.case === 'comprehensionExpr') {
      const v = k.value;
      const inner = new Set(bound);
      for (const name of [v.iterVar, v.iterVar2, v.accuVar]) if (typeof name === 'string' && name !== '') inner.add(name);
      for (const e of [v.result, v.loopStep, v.loopCondition]) if (e) stack.push([e, inner]);
      for (const e of [v.accuInit, v.iterRange]) if (e) stack.push([e, bound]);
    } else {
      const children = childrenOf(node);
      for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], bound]);
    }
  }
  return [...found];
}

type CelModule = typeof import('@bufbuild/cel');

const DESCRIBED_ELEMENTS = 20;
const DESCRIBED_CHARACTERS = 200;

/** A limit hit: the evaluation stops, reported as `cel-cost-exceeded` or the expression limits. */
function limitEvaluation(base: Omit<CelEvaluation, 'outcome' | 'reason'>, hit: CelLimitHit): CelEvaluation {
  const code = hit.kind === 'length' ? 'cel-expression-too-long' : hit.kind === 'depth' ? 'cel-expression-too-deep' : 'cel-cost-exceeded';
  const what = limitMessage(hit);
  base.findings.push(
    finding(
      code,
      'error',
      hit.kind === 'length' ? 'The authorization expression is too long' : hit.kind === 'depth' ? 'The authorization expression nests too deeply' : 'The authorization expression costs too much to evaluate',
      `samlscope stopped: ${what} (limits in docs/limits.md). cel-go, which Exoscale's portal is likely to use, also bounds expressions by size, nesting and evaluation cost; an expression this heavy is either a mistake or an attack, and it grants nothing here.`,
      'Simplify the expression: an authorization expression needs a few comparisons on the claims (e.g. \'admins\' in groups ? \'<role UUID>\' : false), not nested loops over lists.',
      [CEL_SPEC, 'cel-go: cel.CostLimit, parser.MaxRecursionDepth'],
    ),
  );
  return { ...base, outcome: 'error', reason: `Not evaluated to the end: ${what}. Access is not granted.` };
}

function describeCelValue(v: unknown, cel: CelModule): { text: string; type: string } {
  if (v === null) return { text: 'null', type: 'null_type' };
  if (typeof v === 'string') {
    const shown = v.length > DESCRIBED_CHARACTERS ? `${v.slice(0, DESCRIBED_CHARACTERS)}… (${v.length} characters)` : v;
    return { text: `'${shown.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`, type: 'string' };
  }
  if (typeof v === 'boolean') return { text: String(v), type: 'bool' };
  if (typeof v === 'bigint') return { text: String(v), type: 'int' };
  if (typeof v === 'number') return { text: Number.isInteger(v) ? `${v}.0` : String(v), type: 'double' };
  if (cel.isCelUint(v)) return { text: `${String((v as unknown as { value: bigint }).value)}u`, type: 'uint' };
  if (cel.isCelList(v)) {
    // Shown, not walked: at most DESCRIBED_ELEMENTS elements, nested lists as […].
    const shown: string[] = [];
    for (const x of v as unknown as Iterable<unknown>) {
      if (shown.length === DESCRIBED_ELEMENTS) {
        shown.push(`… (${(v as unknown as { size: number }).size} elements)`);
        break;
      }
      shown.push(cel.isCelList(x) ? '[…]' : describeCelValue(x, cel).text);
    }
    return { text: `[${shown.join(', ')}]`, type: 'list' };
  }
  if (cel.isCelMap(v)) return { text: 'map', type: 'map' };
  if (v instanceof Uint8Array) return { text: `b'…' (${v.length} bytes)`, type: 'bytes' };
  return { text: String(v), type: typeof v };
}

function shortJson(v: unknown): string {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > DESCRIBED_CHARACTERS ? `${text.slice(0, DESCRIBED_CHARACTERS)}…` : text;
}

/** A better first line than a PEG parser's for the commonest slip: unbalanced () [] {} or quotes. */
function balanceHint(expr: string): string | null {
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const stack: string[] = [];
  let quote: string | null = null;
  for (let i = 0; i < expr.length; i++) {
    const c = expr[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[' || c === '{') stack.push(c);
    else if (c in pairs) {
      if (stack.pop() !== pairs[c]) return `Unbalanced "${c}" at position ${i + 1}.`;
    }
  }
  if (quote) return `A string opened with ${quote} is never closed.`;
  if (stack.length) return `${stack.length} "${stack[stack.length - 1]}" never closed.`;
  return null;
}
