import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { load } from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { checkSchema } from '../../../../src/ci/buildkite/check-schema.js';
import { PLUGIN_SCHEMA } from '../../../../src/ci/buildkite/schema.js';
import { SCHEMA_KEYWORDS, type SchemaNode } from '../../../../src/ci/buildkite/schema-node.js';
import { arbitraryFor } from './arbitraries.js';

const pluginYml = load(readFileSync(new URL('../../../../plugin.yml', import.meta.url), 'utf8')) as Record<
  string,
  unknown
>;

/** Every node of the schema with its JSON-pointer-ish path. */
function nodes(node: SchemaNode, path = '#'): Array<[string, SchemaNode]> {
  const out: Array<[string, SchemaNode]> = [[path, node]];
  node.anyOf?.forEach((branch, i) => out.push(...nodes(branch, `${path}/anyOf/${i}`)));
  if (node.items) out.push(...nodes(node.items, `${path}/items`));
  for (const [key, child] of Object.entries(node.properties ?? {}))
    out.push(...nodes(child, `${path}/properties/${key}`));
  return out;
}

describe('plugin.yml', () => {
  test('holds exactly PLUGIN_SCHEMA as its configuration, so the hooks and the agent check the same thing', () => {
    expect(pluginYml.configuration).toEqual(PLUGIN_SCHEMA);
  });

  test('names the plugin and what it needs on the agent', () => {
    expect(pluginYml).toMatchObject({
      name: expect.any(String),
      description: expect.any(String),
      requirements: ['bash'], // not node: the hooks install it (lib/node-runtime.env)
    });
  });

  test('is a valid JSON Schema that ajv compiles in strict mode', () => {
    const ajv = new Ajv({ strict: true, allowUnionTypes: false });
    expect(ajv.validateSchema(PLUGIN_SCHEMA as object)).toBe(true);
    expect(() => ajv.compile(PLUGIN_SCHEMA as object)).not.toThrow();
  });
});

describe('PLUGIN_SCHEMA stays within what check-schema implements', () => {
  test.each(nodes(PLUGIN_SCHEMA))('%s uses only supported keywords', (_path, node) => {
    expect(Object.keys(node).filter((key) => !SCHEMA_KEYWORDS.includes(key))).toEqual([]);
  });

  test.each(nodes(PLUGIN_SCHEMA).filter(([, node]) => node.type === 'object'))(
    '%s rejects unknown keys (additionalProperties: false)',
    (_path, node) => {
      expect(node.additionalProperties).toBe(false);
    },
  );

  test.each(nodes(PLUGIN_SCHEMA).filter(([, node]) => node.anyOf !== undefined))(
    '%s has alternatives of distinct types, so the value picks one',
    (_path, node) => {
      const types = node.anyOf!.map((branch) => branch.type);
      expect(types.every((type) => type !== undefined)).toBe(true);
      expect(new Set(types).size).toBe(types.length);
    },
  );

  test.each(Object.entries(PLUGIN_SCHEMA.properties!))(
    'option %s is described for the docs',
    (_key, node) => {
      const described = node.description ?? node.anyOf?.every((branch) => branch.description !== undefined);
      expect(described).toBeTruthy();
    },
  );
});

describe('checkSchema', () => {
  const validate = new Ajv({ allErrors: true }).compile(PLUGIN_SCHEMA as object);

  test('accepts exactly what ajv accepts for PLUGIN_SCHEMA, on values with mistakes mixed in', () => {
    let valid = 0;
    fc.assert(
      fc.property(arbitraryFor(PLUGIN_SCHEMA, true), (value) => {
        const theirs = validate(value);
        if (theirs) valid++;
        expect({ value, valid: checkSchema(value, PLUGIN_SCHEMA).length === 0 }).toEqual({
          value,
          valid: theirs,
        });
      }),
      // Every top-level key is one more chance of a mistake: enough runs that some values are valid.
      { numRuns: 3000 },
    );
    expect(valid).toBeGreaterThan(5);
  });

  test('accepts every value built only from what the schema allows, as ajv does', () => {
    fc.assert(
      fc.property(arbitraryFor(PLUGIN_SCHEMA, false), (value) => {
        expect(validate(value)).toBe(true);
        expect(checkSchema(value, PLUGIN_SCHEMA)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
