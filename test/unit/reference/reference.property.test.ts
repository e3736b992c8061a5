import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  InvalidReferenceError,
  familiarReference,
  formatReference,
  parseReference,
} from '../../../src/reference/index.js';
import { canonicalReference, referenceLike } from './arbitraries.js';

function tryParse(input: string): ReturnType<typeof parseReference> | undefined {
  try {
    return parseReference(input);
  } catch (error) {
    if (error instanceof InvalidReferenceError) return undefined;
    throw error;
  }
}

describe('parseReference properties', () => {
  test('format(parse(s)) === s for canonical strings built from the grammar', () => {
    fc.assert(
      fc.property(canonicalReference, (input) => {
        expect(formatReference(parseReference(input))).toBe(input);
      }),
      { numRuns: 500 },
    );
  });

  test('the familiar form parses back to the same reference', () => {
    fc.assert(
      fc.property(canonicalReference, (input) => {
        const ref = parseReference(input);
        expect(parseReference(familiarReference(ref))).toEqual(ref);
      }),
      { numRuns: 500 },
    );
  });

  test('throws only InvalidReferenceError, with a part and a code, on arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 30 }), referenceLike),
        (input) => {
          try {
            parseReference(input);
          } catch (error) {
            expect(error).toBeInstanceOf(InvalidReferenceError);
            const e = error as InvalidReferenceError;
            expect(e.code).toMatch(/^REF_[A-Z_]+$/);
            expect(e.input).toBe(input);
            expect(e.message).toContain(JSON.stringify(e.part));
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('whatever parses is normalised: formatting and familiar forms parse back to it', () => {
    fc.assert(
      fc.property(referenceLike, (input) => {
        const ref = tryParse(input);
        if (ref === undefined) return;
        expect(parseReference(formatReference(ref))).toEqual(ref);
        expect(parseReference(familiarReference(ref))).toEqual(ref);
      }),
      { numRuns: 2000 },
    );
  });

  test('long hostile input is refused in linear time (no regex backtracking blow-up)', () => {
    const inputs = [
      `${'a'.repeat(50_000)}!`,
      `${'a-'.repeat(25_000)}!`,
      `${'a.'.repeat(25_000)}!/x`,
      `${'a__'.repeat(20_000)}_`,
      `x/${'a'.repeat(50_000)}:${'t'.repeat(50_000)}`,
    ];
    const started = performance.now();
    for (const input of inputs) expect(tryParse(input)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
