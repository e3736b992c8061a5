/**
 * Checks a value against a {@link SchemaNode} (the JSON Schema subset of `plugin.yml`) and
 * returns every problem as a sentence that names the YAML path, quotes the value (unless it may
 * be a secret) and says what is allowed. Accepts exactly what a JSON Schema validator accepts for
 * the same schema (a test compares it with ajv); only the messages differ.
 */
import type { ConfigIssue } from './errors.js';
import {
  closest,
  describeValue,
  formatPath,
  isSecretKeyName,
  jsonType,
  type PathSegment,
} from './describe-value.js';
import type { SchemaNode, SchemaType } from './schema-node.js';

/** Options of {@link checkSchema}. */
export interface CheckOptions {
  /** Explanations of `pattern`s, by pattern source; the pattern itself is shown otherwise. */
  readonly patterns?: Readonly<Record<string, string>>;
  /**
   * Message for an unknown key, when the default ("unknown option … did you mean …") is not
   * enough; return `undefined` for the default. Used to answer `token:` with "use token-env".
   */
  readonly unknownKey?: (key: string, where: string) => string | undefined;
}

const TYPE_WORDS: Record<SchemaType, string> = {
  string: 'text',
  boolean: 'true or false',
  integer: 'a whole number',
  number: 'a number',
  array: 'a list',
  object: 'a mapping',
};

/** Checks `value` against `schema`; an empty result means it is valid. */
export function checkSchema(value: unknown, schema: SchemaNode, options: CheckOptions = {}): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  visit(value, schema, [], options, issues);
  return issues;
}

function visit(
  value: unknown,
  node: SchemaNode,
  path: PathSegment[],
  options: CheckOptions,
  issues: ConfigIssue[],
): void {
  const where = formatPath(path);
  const hide = path.some((segment) => typeof segment === 'string' && isSecretKeyName(segment));
  const issue = (message: string): void => void issues.push({ path: where, message });
  if (node.anyOf !== undefined) {
    const branches = node.anyOf.filter(
      (branch) => branch.type === undefined || typeMatches(value, branch.type),
    );
    if (branches.length === 0) {
      const expected = node.anyOf.map((branch) => TYPE_WORDS[branch.type!]).join(' or ');
      return issue(`${label(where)} must be ${expected}, got ${describeValue(value, hide)}${explain(node)}`);
    }
    const results = branches.map((branch) => checkSchemaAt(value, branch, path, options));
    const best = results.reduce((a, b) => (b.length < a.length ? b : a));
    issues.push(...best);
    return;
  }
  if (node.type !== undefined && !typeMatches(value, node.type)) {
    return issue(
      `${label(where)} must be ${TYPE_WORDS[node.type]}, got ${describeValue(value, hide)}${explain(node)}`,
    );
  }
  if (node.enum !== undefined && !node.enum.includes(value as string)) {
    const allowed = node.enum.map(String);
    const guess = typeof value === 'string' ? closest(value, allowed) : undefined;
    const suggestion = guess === undefined ? '' : ` (did you mean ${guess}?)`;
    return issue(
      `${label(where)} must be one of ${allowed.join(', ')}; got ${describeValue(value, hide)}${suggestion}`,
    );
  }
  if (typeof value === 'string') checkString(value, node, where, hide, options, issue);
  if (typeof value === 'number') checkNumber(value, node, where, issue);
  if (Array.isArray(value)) {
    if (node.minItems !== undefined && value.length < node.minItems) {
      issue(
        `${label(where)} must list at least ${node.minItems} item${node.minItems === 1 ? '' : 's'}${explain(node)}`,
      );
    }
    if (node.items !== undefined)
      value.forEach((item, i) => visit(item, node.items!, [...path, i], options, issues));
  }
  if (jsonType(value) === 'object')
    checkObject(value as Record<string, unknown>, node, path, options, issues);
}

function checkSchemaAt(
  value: unknown,
  node: SchemaNode,
  path: PathSegment[],
  options: CheckOptions,
): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  visit(value, node, path, options, issues);
  return issues;
}

function checkString(
  value: string,
  node: SchemaNode,
  where: string,
  hide: boolean,
  options: CheckOptions,
  issue: (message: string) => void,
): void {
  if (node.minLength !== undefined && [...value].length < node.minLength) {
    issue(`${label(where)} must not be empty${explain(node)}`);
  } else if (node.pattern !== undefined && !new RegExp(node.pattern, 'u').test(value)) {
    const rule = options.patterns?.[node.pattern] ?? `text matching ${node.pattern}`;
    issue(`${label(where)} must be ${rule}; got ${describeValue(value, hide)}`);
  }
}

function checkNumber(value: number, node: SchemaNode, where: string, issue: (message: string) => void): void {
  const { minimum, maximum } = node;
  const below = minimum !== undefined && value < minimum;
  const above = maximum !== undefined && value > maximum;
  if (!below && !above) return;
  const range =
    minimum !== undefined && maximum !== undefined
      ? `between ${minimum} and ${maximum}`
      : minimum !== undefined
        ? `at least ${minimum}`
        : `at most ${maximum}`;
  issue(`${label(where)} must be ${range}, got ${value}`);
}

function checkObject(
  value: Record<string, unknown>,
  node: SchemaNode,
  path: PathSegment[],
  options: CheckOptions,
  issues: ConfigIssue[],
): void {
  const where = formatPath(path);
  const properties = node.properties ?? {};
  const known = Object.keys(properties);
  for (const key of Object.keys(value)) {
    if (Object.hasOwn(properties, key)) {
      visit(value[key], properties[key]!, [...path, key], options, issues);
    } else if (node.additionalProperties === false) {
      const custom = options.unknownKey?.(key, where);
      const guess = closest(key, known);
      const suggestion = guess === undefined ? '' : ` (did you mean \`${guess}\`?)`;
      const place = where === '' ? '' : ` in \`${where}\``;
      const message =
        custom ?? `unknown option \`${key}\`${place}${suggestion}; the options here are ${known.join(', ')}`;
      issues.push({ path: formatPath([...path, key]), message });
    }
  }
  for (const key of node.required ?? []) {
    if (!Object.hasOwn(value, key)) {
      const what = properties[key]?.description;
      const place = where === '' ? 'the configuration' : `\`${where}\``;
      issues.push({
        path: where,
        message: `${place} needs \`${key}\`${what === undefined ? '' : ` (${what})`}`,
      });
    }
  }
}

function typeMatches(value: unknown, type: SchemaType): boolean {
  const actual = jsonType(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

function label(where: string): string {
  return where === '' ? 'the configuration' : `\`${where}\``;
}

function explain(node: SchemaNode): string {
  const description = node.description ?? node.anyOf?.find((branch) => branch.description)?.description;
  return description === undefined ? '' : `. ${description}`;
}
