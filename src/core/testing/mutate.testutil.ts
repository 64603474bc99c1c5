// Mutations of real inputs for the fuzz suites (`*.fuzz.test.ts`): byte flips, truncation,
// duplication, deletion, and insertion of hostile tokens (lone surrogates, NULs, huge numbers,
// deep nesting, entities, percent-escapes) at any position. Built from fast-check arbitraries,
// so a failure shrinks to the smallest mutation and prints its seed.
import fc from 'fast-check';

/** Strings that have broken parsers before, inserted anywhere into a real message. */
export const HOSTILE_TOKENS: readonly string[] = [
  '\uD800', '\uDC00', '\uDBFF\uDBFF', '\u0000', '\uFFFE', '\uFEFF', '\r', '\r\n',
  '&#xD800;', '&#0;', '&#x0;', '&#99999999999999999999;', '&#x110000;', '&amp;', '&',
  '%ED%A0%80', '%00', '%', '%%', '%zz', '%2', '+', '=', '&', '?', '#',
  '9'.repeat(400), '1e999', '-1', '-0', 'NaN', '0x', String(Number.MAX_SAFE_INTEGER + 2),
  '<a>'.repeat(3000), '['.repeat(300), '{"a":'.repeat(100), '"', '\\', '\\u', '\\uD800',
  '<!DOCTYPE x [<!ENTITY a "b">]>', '<?xml version="1.0" encoding="UTF-16"?>', ']]>', '<![CDATA[', '<!--', '-->',
  'xmlns=""', 'xmlns:saml=""', 'ID="x" ID="y"', ' ID="_dup"', '<ds:Reference URI=""/>',
  'SAMLRequest=', 'SAMLResponse=', '&RelayState=', '&SigAlg=', '&Signature=', 'AAAA', '====',
  '{"log":{"entries":[]}}', '{"requests":[]}', 's1.', '#share=',
];

type Mutation =
  | { op: 'flip'; at: number; bit: number }
  | { op: 'truncate'; at: number }
  | { op: 'duplicate'; at: number; length: number }
  | { op: 'delete'; at: number; length: number }
  | { op: 'insert'; at: number; token: string }
  /** A short token repeated up to 20,000 times: what makes a backtracking pattern quadratic. */
  | { op: 'repeat'; at: number; token: string; count: number };

const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: position, bit: fc.integer({ min: 0, max: 15 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: position }),
  fc.record({ op: fc.constant('duplicate' as const), at: position, length: fc.integer({ min: 1, max: 4096 }) }),
  fc.record({ op: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 256 }) }),
  fc.record({ op: fc.constant('insert' as const), at: position, token: fc.oneof(fc.constantFrom(...HOSTILE_TOKENS), fc.string({ unit: 'binary', maxLength: 8 })) }),
  fc.record({ op: fc.constant('repeat' as const), at: position, token: fc.oneof(fc.constantFrom(...HOSTILE_TOKENS.filter((t) => t.length <= 16)), fc.string({ unit: 'binary', minLength: 1, maxLength: 4 })), count: fc.integer({ min: 2, max: 20000 }) }),
);

/** Apply mutations in order; positions are fractions of the current length, so they shrink well. */
export function applyMutations(text: string, mutations: readonly Mutation[]): string {
  let s = text;
  for (const m of mutations) {
    const i = Math.floor(m.at * (s.length + 1));
    switch (m.op) {
      case 'flip': {
        if (s.length === 0) break;
        const j = Math.min(i, s.length - 1);
        s = s.slice(0, j) + String.fromCharCode(s.charCodeAt(j) ^ (1 << m.bit)) + s.slice(j + 1);
        break;
      }
      case 'truncate': s = s.slice(0, i); break;
      case 'duplicate': s = s.slice(0, i) + s.slice(i, i + m.length) + s.slice(i); break;
      case 'delete': s = s.slice(0, i) + s.slice(i + m.length); break;
      case 'insert': s = s.slice(0, i) + m.token + s.slice(i); break;
      case 'repeat': s = s.slice(0, i) + m.token.repeat(m.count) + s.slice(i); break;
    }
  }
  return s;
}

/** A real input with 1–4 mutations applied. */
export function mutatedOf(texts: readonly string[]): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...texts), fc.array(mutationArbitrary, { minLength: 1, maxLength: 4 })).map(([t, ms]) => applyMutations(t, ms));
}

/** Time one call; the suites assert it stays under a generous hang guard, not a speed target. */
export async function timed<T>(f: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await f();
  return { value, ms: performance.now() - t0 };
}

/** The per-case hang guard of every fuzz property (a case over it is a failure with its seed). */
export const FUZZ_CASE_BUDGET_MS = 5000;

/** Vitest timeout of one fuzz property: a minute in the short run, unbounded in practice in the long one. */
export const FUZZ_TEST_TIMEOUT_MS = process.env.SAMLSCOPE_FUZZ_RUNS ? 24 * 3600 * 1000 : 60_000;
