/**
 * Rebuilds a configuration from the flattened environment variables the Buildkite agent sets for
 * a plugin (`agent/plugin/plugin.go`, `ConfigurationToEnvironment`): every key is upper-cased with
 * `-` and whitespace turned into `_`, list items get `_0`, `_1`, ..., nested keys `_SUBKEY`, and
 * scalars are printed as text (`true`, `3`). The mapping back is lossy on its own (`TOKEN_ENV` could
 * be `token-env` or `token_env`), so it is guided by the schema: known keys get their YAML
 * spelling and their type back; anything left over under the prefix is returned as an unknown
 * key, so validation reports it instead of ignoring it.
 */
import type { SchemaNode } from './schema-node.js';

/** The agent's `formatEnvKey`: upper case, `-` and whitespace to `_`. */
export function envKey(key: string): string {
  return key.toUpperCase().replace(/[-\s]/g, '_');
}

/**
 * The configuration flattened under `prefix` (e.g. `BUILDKITE_PLUGIN_CONTAINER_PACKAGE`), or
 * `undefined` when no variable starts with `prefix_`. Scalars are turned back into booleans and
 * integers where the schema expects them and the text is exactly `true`/`false` or an integer;
 * otherwise the text is kept, for validation to report.
 */
export function fromFlattenedEnv(
  env: NodeJS.ProcessEnv,
  prefix: string,
  schema: SchemaNode,
): Record<string, unknown> | undefined {
  const names = Object.keys(env).filter((name) => name.startsWith(`${prefix}_`) && env[name] !== undefined);
  if (names.length === 0) return undefined;
  return (readNode(env, names, prefix, schema) ?? {}) as Record<string, unknown>;
}

function readNode(env: NodeJS.ProcessEnv, names: readonly string[], at: string, node: SchemaNode): unknown {
  const scalar = env[at];
  const below = names.filter((name) => name.startsWith(`${at}_`));
  if (node.anyOf !== undefined) {
    const scalars = node.anyOf.filter((b) => b.type !== 'array' && b.type !== 'object');
    const wanted =
      scalar !== undefined
        ? (scalars.find((b) => coerce(scalar, b) !== scalar) ?? scalars[0])
        : below.some((name) => new RegExp(`^${at}_\\d+(?:_|$)`).test(name))
          ? node.anyOf.find((b) => b.type === 'array')
          : node.anyOf.find((b) => b.type === 'object');
    return wanted === undefined ? undefined : readNode(env, names, at, wanted);
  }
  if (node.type === 'object') return below.length === 0 ? undefined : readObject(env, below, at, node);
  if (node.type === 'array') {
    if (below.length === 0) return undefined;
    const items: unknown[] = [];
    for (let i = 0; below.some((name) => name === `${at}_${i}` || name.startsWith(`${at}_${i}_`)); i++) {
      items.push(
        node.items === undefined ? env[`${at}_${i}`] : readNode(env, names, `${at}_${i}`, node.items),
      );
    }
    return items;
  }
  return scalar === undefined ? undefined : coerce(scalar, node);
}

/** Known keys by the schema; every other variable under `at_` becomes an unknown key (`IMAGEZ_0` is `imagez`). */
function readObject(
  env: NodeJS.ProcessEnv,
  below: readonly string[],
  at: string,
  node: SchemaNode,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const claimed = new Set<string>();
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const sub = `${at}_${envKey(key)}`;
    const mine = below.filter((name) => name === sub || (canNest(child) && name.startsWith(`${sub}_`)));
    mine.forEach((name) => claimed.add(name));
    const value = readNode(env, mine, sub, child);
    if (value !== undefined) out[key] = value;
  }
  for (const name of below) {
    if (claimed.has(name)) continue;
    const key = name
      .slice(at.length + 1)
      .replace(/_\d+(?:_.*)?$/, '')
      .toLowerCase()
      .replace(/_/g, '-');
    if (key !== '' && !Object.hasOwn(out, key)) out[key] = env[name];
  }
  return out;
}

function canNest(node: SchemaNode): boolean {
  return node.type === 'object' || node.type === 'array' || (node.anyOf ?? []).some(canNest);
}

function coerce(text: string, node: SchemaNode): unknown {
  if (node.type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  if ((node.type === 'integer' || node.type === 'number') && /^-?\d+$/.test(text)) return Number(text);
  return text;
}
