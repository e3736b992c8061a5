/**
 * The one field style of every `--json` output: snake_case, as Buildkite's REST API writes it
 * (`media_type`, `created_at`, `freed_bytes`). Values keep their names; only object keys change.
 */

/** Keys whose objects are maps of user-chosen names (image labels, annotations), kept as written. */
const VERBATIM = new Set(['labels', 'annotations']);

/** `mediaType` → `media_type`, `totalFiles` → `total_files`; already snake_case keys stay. */
export function snakeCase(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

/** `value` with every object key in snake_case, except inside labels and annotations. */
export function toSnakeCaseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toSnakeCaseKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[snakeCase(key)] = VERBATIM.has(key) ? inner : toSnakeCaseKeys(inner);
  }
  return out;
}

/** The `--json` text of `value`: snake_case keys, two-space indent (or one line with `compact`). */
export function jsonOutput(value: unknown, options: { compact?: boolean } = {}): string {
  return JSON.stringify(toSnakeCaseKeys(value), null, options.compact ? undefined : 2);
}
