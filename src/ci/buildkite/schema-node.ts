/**
 * The subset of JSON Schema (draft-07 / 2020-12 compatible) that the plugin's `plugin.yml` uses
 * and `check-schema.ts` implements. Keeping to this subset lets one small checker give messages
 * written for people who edit pipeline YAML, while the schema stays plain JSON Schema that the
 * agent (with `--plugin-validation`) and editors can read. A test walks the schema and fails on
 * any keyword not listed here.
 */

/** JSON Schema `type` names this subset uses. */
export type SchemaType = 'string' | 'boolean' | 'integer' | 'number' | 'array' | 'object';

/** One schema node. */
export interface SchemaNode {
  readonly description?: string;
  /** Annotation only: the checker never fills defaults (the plan does, in one place). */
  readonly default?: unknown;
  readonly type?: SchemaType;
  readonly enum?: readonly (string | number | boolean)[];
  readonly pattern?: string;
  readonly minLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly items?: SchemaNode;
  readonly minItems?: number;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  /** Always `false` in this project: unknown keys are errors at every level. */
  readonly additionalProperties?: false;
  readonly required?: readonly string[];
  /** Alternatives. In this project each alternative has its own `type`, so the value's type picks one. */
  readonly anyOf?: readonly SchemaNode[];
}

/** The keywords {@link SchemaNode} may use; anything else in `plugin.yml` is a mistake. */
export const SCHEMA_KEYWORDS: readonly string[] = [
  'description',
  'default',
  'type',
  'enum',
  'pattern',
  'minLength',
  'minimum',
  'maximum',
  'items',
  'minItems',
  'properties',
  'additionalProperties',
  'required',
  'anyOf',
];
