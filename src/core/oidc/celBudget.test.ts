import * as cel from '@bufbuild/cel';
import { describe, expect, it } from 'vitest';
import { OIDC_LIMITS } from '../limits';
import { claimsActivation, expressionTextLimit, instrumentComprehensions, meteredEnv, RANGE_FUNCTION, regexProgramSize, TICK_FUNCTION, treeDepth, valueCost, type CelMeter } from './celBudget';

function evaluate(expression: string, claims: Record<string, unknown>): { result: unknown; meter: CelMeter } {
  const parsed = cel.parse(expression);
  instrumentComprehensions(parsed.expr!);
  const meter: CelMeter = { spent: 0, exceeded: null };
  const result = cel.plan(meteredEnv(cel, meter), parsed)(claimsActivation(cel, claims));
  return { result, meter };
}

describe('CEL budget', () => {
  it('text limits: length, then bracket nesting outside string literals', () => {
    expect(expressionTextLimit('a'.repeat(OIDC_LIMITS.celExpressionLength + 1))?.kind).toBe('length');
    expect(expressionTextLimit(`${'('.repeat(OIDC_LIMITS.celExpressionDepth + 1)}1${')'.repeat(OIDC_LIMITS.celExpressionDepth + 1)}`)?.kind).toBe('depth');
    expect(expressionTextLimit(`'${'('.repeat(500)}'`)).toBeNull();
  });

  it('tree depth is measured iteratively and stops above the limit', () => {
    const chain = cel.parse(Array(5_000).fill('1').join(' + ')).expr!;
    expect(treeDepth(chain, 100)).toBe(101);
    expect(treeDepth(cel.parse('a && b').expr!)).toBeLessThan(5);
  });

  it('comprehensions are rewritten to call the metered range and tick functions', () => {
    const parsed = cel.parse('l.all(x, x > 0)');
    instrumentComprehensions(parsed.expr!);
    const v = parsed.expr!.exprKind.value as { iterRange: { exprKind: { value: { function: string } } }; loopCondition: { exprKind: { value: { function: string } } } };
    expect(v.iterRange.exprKind.value.function).toBe(RANGE_FUNCTION);
    expect(v.loopCondition.exprKind.value.function).toBe(TICK_FUNCTION);
  });

  it('charges iterations and argument sizes; results are unchanged', () => {
    const small = evaluate('l.all(x, x >= 0)', { l: [1, 2, 3] });
    expect(small.result).toBe(true);
    expect(small.meter.exceeded).toBeNull();
    expect(small.meter.spent).toBeGreaterThan(6);
    expect(small.meter.spent).toBeLessThan(50);
    expect(evaluate("l.map(x, x * 2.0) == [2.0, 4.0]", { l: [1, 2] }).result).toBe(true);
  });

  it('stops a runaway evaluation at the budget, and every later call fails', () => {
    const { meter } = evaluate(`${'l.all(x, '.repeat(8)}true${')'.repeat(8)}`, { l: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] });
    expect(meter.exceeded?.kind).toBe('cost');
    expect(meter.spent).toBeLessThanOrEqual(OIDC_LIMITS.celCost + 100);
  });

  it('a map() over 1,000 claims fits the budget; its result is one flat list', () => {
    const { result, meter } = evaluate('l.map(x, x)', { l: Array.from({ length: 1_000 }, (_, i) => i) });
    expect(meter.exceeded).toBeNull();
    expect(cel.isCelList(result) && result.size).toBe(1_000);
    // @bufbuild/cel's own concatenation nests one ConcatList per element (iterating 2,000 took
    // 0.5 s, 5,000 overflowed the stack); the metered one copies into a flat list.
    expect(Object.keys(result as object)).toContain('_array');
  });

  it('valueCost counts deeply, 1 per 10 characters, and stops at the cap', () => {
    expect(valueCost(cel, 'x'.repeat(100), 1e9)).toBe(10);
    expect(valueCost(cel, cel.celList([cel.celList([1, 2]), 'abc']), 1e9)).toBe(2 + 2 + 1);
    expect(valueCost(cel, cel.celList(Array.from({ length: 100_000 }, () => 1)), 10)).toBeLessThanOrEqual(100_000);
  });

  it('regexProgramSize expands counted repetitions, nested ones multiplied', () => {
    expect(regexProgramSize('abc', 100)).toBe(3);
    expect(regexProgramSize('a{10}', 100)).toBe(10);
    expect(regexProgramSize('(ab){10}', 1000)).toBe(30);
    expect(regexProgramSize('[a-z]{5}', 100)).toBe(5);
    expect(regexProgramSize('(a{100}){100}', 1000)).toBe(1001);
  });

  it('the activation has own claims only', () => {
    const activation = claimsActivation(cel, { email: 'a@b', nested: { k: 1 } }) as Record<string, unknown>;
    expect(Object.getPrototypeOf(activation)).toBeNull();
    expect(activation.constructor).toBeUndefined();
    expect(cel.isCelMap(activation.nested)).toBe(true);
  });
});
