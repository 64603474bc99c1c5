// A bounded CEL evaluation on top of @bufbuild/cel, which has no cost limit of its own (v0.6: no
// cost tracker, no interrupt, no recursion limit). cel-go bounds untrusted expressions with a
// parser recursion limit, an expression size limit and a runtime cost limit
// (cel.CostLimit, interpreter/runtimecost.go); this module does the same, in three places:
//
//   1. before parsing: the expression length and its bracket nesting (the PEG parser recurses);
//   2. after parsing, iteratively: the depth of the tree (the planner and evaluator recurse), and
//      the comprehensions (all/exists/map/filter) rewritten so that entering one calls
//      @samlscope_range(range) and each iteration calls @samlscope_tick(condition) — two
//      identity functions the user cannot write (CEL identifiers cannot start with "@");
//   3. while evaluating: every function and operator goes through a metered resolver that charges
//      1 plus the size of its arguments, refuses once OIDC_LIMITS.celCost is spent, and refuses
//      results above OIDC_LIMITS.celResultStringLength / celResultElements.
//
// Once the budget is spent every further call returns an error, so each loop stops at its next
// iteration. An exhausted budget is reported whatever the final value: CEL absorbs errors in
// `||`/`&&` (`err || true` is true), so the evaluator's own result cannot be trusted then.
import type { Expr } from '@bufbuild/cel-spec/cel/expr/syntax_pb.js';
import { OIDC_LIMITS } from '../limits';

type CelModule = typeof import('@bufbuild/cel');
type CelEnv = ReturnType<CelModule['celEnv']>;
type FuncGroup = NonNullable<ReturnType<CelEnv['funcs']['find']>>;

export const TICK_FUNCTION = '@samlscope_tick';
export const RANGE_FUNCTION = '@samlscope_range';

export type CelLimitHit =
  | { kind: 'length'; length: number }
  | { kind: 'depth'; depth: number }
  | { kind: 'cost'; spent: number }
  | { kind: 'result-size'; what: string };

export interface CelMeter {
  spent: number;
  exceeded: CelLimitHit | null;
}

/** Checks of the text before the parser sees it. */
export function expressionTextLimit(expression: string): CelLimitHit | null {
  if (expression.length > OIDC_LIMITS.celExpressionLength) return { kind: 'length', length: expression.length };
  const depth = bracketDepth(expression, OIDC_LIMITS.celExpressionDepth);
  if (depth > OIDC_LIMITS.celExpressionDepth) return { kind: 'depth', depth };
  return null;
}

/** Deepest nesting of ( [ { outside string literals; stops counting above `max`. */
function bracketDepth(text: string, max: number): number {
  let depth = 0;
  let deepest = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[' || c === '{') {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > max) return deepest;
    } else if (c === ')' || c === ']' || c === '}') depth--;
  }
  return deepest;
}

/** Children of a parsed CEL node (cel.expr.Expr), in evaluation order. */
export function childrenOf(node: Expr): Expr[] {
  const k = node.exprKind;
  switch (k.case) {
    case 'selectExpr':
      return k.value.operand ? [k.value.operand] : [];
    case 'callExpr':
      return [...(k.value.target ? [k.value.target] : []), ...k.value.args];
    case 'listExpr':
      return k.value.elements;
    case 'structExpr': {
      const out: Expr[] = [];
      for (const e of k.value.entries) {
        if (e.keyKind.case === 'mapKey') out.push(e.keyKind.value);
        if (e.value) out.push(e.value);
      }
      return out;
    }
    case 'comprehensionExpr': {
      const v = k.value;
      return [v.iterRange, v.accuInit, v.loopCondition, v.loopStep, v.result].filter((x): x is Expr => x !== undefined);
    }
    default:
      return [];
  }
}

/** Depth of the tree, iteratively (a 20,000-term sum is 20,000 deep); stops above `max`. */
export function treeDepth(root: Expr, max: number = OIDC_LIMITS.celExpressionDepth): number {
  let deepest = 0;
  const stack: [Expr, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) {
      deepest = depth;
      if (deepest > max) return deepest;
    }
    for (const child of childrenOf(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Wraps each comprehension's range and loop condition in the metered identity functions. */
export function instrumentComprehensions(root: Expr): void {
  const stack: Expr[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.exprKind.case === 'comprehensionExpr') {
      const v = node.exprKind.value;
      if (v.iterRange) v.iterRange = callOf(RANGE_FUNCTION, v.iterRange);
      if (v.loopCondition) v.loopCondition = callOf(TICK_FUNCTION, v.loopCondition);
    }
    stack.push(...childrenOf(node));
  }
}

function callOf(fn: string, arg: Expr): Expr {
  // Same shape as the parser's nodes (protobuf-es messages are plain objects); id 0: no source position.
  return { id: 0n, exprKind: { case: 'callExpr', value: { function: fn, args: [arg], target: undefined } } } as unknown as Expr;
}

let baseEnv: CelEnv | null = null;

/** The standard environment plus the two identity functions, metered by `meter`. */
export function meteredEnv(cel: CelModule, meter: CelMeter): CelEnv {
  if (baseEnv === null) {
    const { DYN } = cel.CelScalar;
    baseEnv = cel.celEnv({
      funcs: [cel.celFunc(TICK_FUNCTION, [DYN], DYN, (x: unknown) => x as never), cel.celFunc(RANGE_FUNCTION, [DYN], DYN, (x: unknown) => x as never)],
    });
  }
  const base = baseEnv;
  const funcs = {
    [Symbol.iterator]: () => base.funcs[Symbol.iterator](),
    find(name: string): FuncGroup | undefined {
      const group = base.funcs.find(name);
      return group === undefined ? undefined : meteredGroup(cel, group, meter);
    },
  };
  // The planner reads env.funcs, env.registry and env.namespace; the rest comes from the base.
  return Object.create(base, { funcs: { value: funcs } }) as CelEnv;
}

function meteredGroup(cel: CelModule, group: FuncGroup, meter: CelMeter): FuncGroup {
  return {
    name: group.name,
    [Symbol.iterator]: () => group[Symbol.iterator](),
    call(id, target, args) {
      if (meter.exceeded) return cel.celError(limitMessage(meter.exceeded), id);
      let cost = 1;
      const remaining = () => OIDC_LIMITS.celCost - meter.spent - cost;
      if (group.name === 'matches') {
        // RE2 matching is linear, but compiling is not free: RE2JS expanded 'a{1000}' × 500
        // into 500,000 instructions in 4.4 s. Charge the expanded size before compiling.
        const pattern = args[args.length - 1];
        if (typeof pattern === 'string') {
          const size = regexProgramSize(pattern, OIDC_LIMITS.celRegexProgramSize);
          if (size > OIDC_LIMITS.celRegexProgramSize) {
            meter.exceeded = { kind: 'result-size', what: `a regular expression expanding to more than ${OIDC_LIMITS.celRegexProgramSize} instructions` };
            return cel.celError(limitMessage(meter.exceeded), id);
          }
          cost += size * REGEX_COST_PER_INSTRUCTION;
        }
      }
      // Concatenation copies its operands' top level only; everything else may walk them deeply
      // (equality, `in`, conversions), so it pays for their whole size.
      const concat = group.name === ADD;
      if (target !== undefined) cost += concat ? shallowCost(cel, target) : valueCost(cel, target, remaining());
      for (const a of args) if (remaining() >= 0) cost += concat ? shallowCost(cel, a) : valueCost(cel, a, remaining());
      meter.spent += cost;
      if (meter.spent > OIDC_LIMITS.celCost) {
        meter.exceeded = { kind: 'cost', spent: meter.spent };
        return cel.celError(limitMessage(meter.exceeded), id);
      }
      let result = group.call(id, target, args);
      // @bufbuild/cel concatenates lists lazily (a ConcatList over both operands): a map() over n
      // elements leaves an n-deep chain that costs O(n²) to iterate and overflowed the stack at
      // about 5,000 elements. Flatten each concatenation; its operands are flat, so this is O(n).
      if (concat && cel.isCelList(result) && !oversizedResult(cel, result)) result = cel.celList(Array.from(result));
      const tooBig = oversizedResult(cel, result);
      if (tooBig) {
        meter.exceeded = { kind: 'result-size', what: `${group.name} returned ${tooBig}` };
        return cel.celError(limitMessage(meter.exceeded), id);
      }
      return result;
    },
  } as FuncGroup;
}

/**
 * Size of a value in cost units: 1 per list/map element, counted deeply, and 1 per 10
 * characters/bytes (cel-go's StringTraversalCostFactor is 0.1). Iterative; stops above `cap`.
 */
export function valueCost(cel: CelModule, value: unknown, cap: number): number {
  let cost = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && cost <= cap) {
    const v = stack.pop();
    if (typeof v === 'string') cost += Math.ceil(v.length / 10);
    else if (v instanceof Uint8Array) cost += Math.ceil(v.length / 10);
    else if (cel.isCelList(v)) {
      cost += v.size;
      if (cost > cap) break;
      for (const x of v) {
        if (typeof x === 'object' || typeof x === 'string') stack.push(x);
      }
    } else if (cel.isCelMap(v)) {
      cost += v.size;
      if (cost > cap) break;
      for (const [k, x] of v) {
        if (typeof k === 'string') stack.push(k);
        if (typeof x === 'object' || typeof x === 'string') stack.push(x);
      }
    }
  }
  return cost;
}

/** Cost units per estimated regex instruction: RE2JS compiles about one instruction in the time of 40 cost units (measured). */
const REGEX_COST_PER_INSTRUCTION = 40;

/**
 * Upper estimate of the size of a compiled regular expression: atoms count 1, a counted
 * repetition {n} / {n,m} / {n,} multiplies the atom or group before it (as RE2 expands it,
 * re2/regexp.h "kMaxRepeat"). Iterative over the pattern; stops above `cap`.
 */
export function regexProgramSize(pattern: string, cap: number): number {
  const stack: number[] = [0]; // size of each open group
  let total = 0;
  let last = 0; // size of the atom or group just read, for a following quantifier
  const add = (n: number) => {
    stack[stack.length - 1] += n;
    total += n;
  };
  for (let i = 0; i < pattern.length && total <= cap; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      add((last = 1));
    } else if (c === '[') {
      // A character class is one instruction; skip to its closing bracket.
      let j = i + 1;
      if (pattern[j] === '^') j++;
      if (pattern[j] === ']') j++;
      while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
      i = j;
      add((last = 1));
    } else if (c === '(') {
      stack.push(0);
      last = 0;
    } else if (c === ')') {
      const inner = stack.length > 1 ? stack.pop()! : 0;
      stack[stack.length - 1] += inner + 1; // the inner size is already in the total
      total += 1;
      last = inner + 1;
    } else if (c === '{' && /^\{\d{1,6}(?:,\d{0,6})?\}/.test(pattern.slice(i, i + 16))) {
      const m = /^\{(\d{1,6})(?:,(\d{0,6}))?\}/.exec(pattern.slice(i, i + 16))!;
      const times = Math.max(Number(m[1]), m[2] === undefined ? 0 : m[2] === '' ? Number(m[1]) + 1 : Number(m[2]), 1);
      add(last * (times - 1));
      i += m[0].length - 1;
      last = 0;
    } else if (c === '*' || c === '+' || c === '?') {
      add(1);
    } else {
      add((last = 1));
    }
  }
  return total > cap ? cap + 1 : total;
}

const ADD = '_+_';

/** Top-level size: 1 per 10 list/map elements or characters/bytes (what a concatenation copies). */
function shallowCost(cel: CelModule, v: unknown): number {
  if (typeof v === 'string' || v instanceof Uint8Array) return Math.ceil(v.length / 10);
  if (cel.isCelList(v) || cel.isCelMap(v)) return Math.ceil(v.size / 10);
  return 0;
}

function oversizedResult(cel: CelModule, v: unknown): string | null {
  if (typeof v === 'string' && v.length > OIDC_LIMITS.celResultStringLength) return `a string of ${v.length} characters`;
  if (v instanceof Uint8Array && v.length > OIDC_LIMITS.celResultStringLength) return `${v.length} bytes`;
  if ((cel.isCelList(v) || cel.isCelMap(v)) && v.size > OIDC_LIMITS.celResultElements) return `${v.size} elements`;
  return null;
}

export function limitMessage(hit: CelLimitHit): string {
  switch (hit.kind) {
    case 'length':
      return `the expression is ${hit.length} characters, more than ${OIDC_LIMITS.celExpressionLength}`;
    case 'depth':
      return `the expression nests more than ${OIDC_LIMITS.celExpressionDepth} levels deep`;
    case 'cost':
      return `evaluation cost exceeded ${OIDC_LIMITS.celCost} units`;
    case 'result-size':
      return `a result exceeded the size limit (${hit.what}; at most ${OIDC_LIMITS.celResultStringLength} characters or ${OIDC_LIMITS.celResultElements} elements)`;
  }
}

/**
 * Claims as CEL input: own members only. Objects become CelMaps over a Map (no prototype to
 * reach), arrays CelLists; the top level is a null-prototype object, which is what
 * @bufbuild/cel's activation indexes. `constructor` or `__proto__` are then missing claims,
 * as in cel-go ("no such attribute"), unless the token really has a claim of that name.
 * JSON depth is bounded (OIDC_LIMITS.jsonDepth) before this runs.
 */
export function claimsActivation(cel: CelModule, payload: Record<string, unknown>): Record<string, never> {
  const top = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(payload)) Object.defineProperty(top, key, { value: toCelInput(cel, payload[key]), enumerable: true });
  return top as Record<string, never>;
}

function toCelInput(cel: CelModule, v: unknown): unknown {
  if (Array.isArray(v)) return cel.celList(v.map((x) => toCelInput(cel, x)) as never[]);
  if (v !== null && typeof v === 'object') {
    const m = new Map<string, unknown>();
    for (const key of Object.keys(v)) m.set(key, toCelInput(cel, (v as Record<string, unknown>)[key]));
    return cel.celMap(m as never);
  }
  return v;
}
