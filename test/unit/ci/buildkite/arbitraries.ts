/** fast-check generators of plugin configurations, shaped by a schema (see src/ci/buildkite/schema.ts). */
import fc from 'fast-check';
import type { SchemaNode } from '../../../../src/ci/buildkite/schema-node.js';

/**
 * Values shaped by the schema. With `mixed`, wrong types, unknown keys, bad enum values, pattern
 * misses and out-of-range numbers are mixed in; without, every value is valid.
 */
export function arbitraryFor(node: SchemaNode, mixed: boolean, depth = 0): fc.Arbitrary<unknown> {
  const sometimes = <T>(
    good: fc.Arbitrary<T>,
    bad: fc.Arbitrary<unknown>,
    weight = 6,
  ): fc.Arbitrary<unknown> =>
    mixed ? fc.oneof({ weight, arbitrary: good }, { weight: 1, arbitrary: bad }) : good;
  let good: fc.Arbitrary<unknown>;
  if (node.anyOf !== undefined) {
    good = fc.oneof(...node.anyOf.map((branch) => arbitraryFor(branch, mixed, depth + 1)));
  } else if (node.enum !== undefined) {
    good = sometimes(fc.constantFrom(...node.enum), fc.constantFrom('nope', 'Success'));
  } else if (node.type === 'string') {
    good = node.pattern
      ? sometimes(fc.stringMatching(new RegExp(node.pattern)), fc.constantFrom('1BAD', 'has space', ''))
      : sometimes(fc.string({ minLength: 1, maxLength: 6 }), fc.constant(''));
  } else if (node.type === 'integer') {
    const min = node.minimum ?? 0;
    const max = Math.min(node.maximum ?? 10, 20);
    good = sometimes(fc.integer({ min, max }), fc.constantFrom(min - 1, max + 1));
  } else if (node.type === 'boolean') {
    good = fc.boolean();
  } else if (node.type === 'array') {
    good = fc.array(arbitraryFor(node.items ?? {}, mixed, depth + 1), {
      minLength: mixed ? 0 : (node.minItems ?? 0),
      maxLength: 3,
    });
  } else {
    const properties = Object.fromEntries(
      Object.entries(node.properties ?? {}).map(([key, child]) => [
        key,
        arbitraryFor(child, mixed, depth + 1),
      ]),
    );
    const record = fc.record(properties, {
      requiredKeys: node.required === undefined || mixed ? [] : [...node.required],
    });
    const extra = fc.tuple(fc.constantFrom('imagez', 'token', 'x-y'), fc.string({ maxLength: 3 }));
    good = sometimes(
      record,
      fc.tuple(record, extra).map(([r, [k, v]]) => ({ ...r, [k]: v })),
      10,
    );
  }
  const wrong = fc.oneof(
    fc.constant(null),
    fc.integer({ min: -3, max: 3 }),
    fc.boolean(),
    fc.string({ maxLength: 4 }),
    fc.constant([]),
    fc.constant({}),
    fc.constant(1.5),
  );
  return depth === 0 ? good : sometimes(good, wrong, 20);
}
