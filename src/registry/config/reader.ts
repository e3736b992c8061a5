import { RegistryConfigError } from './errors.js';

/**
 * Reads typed values out of parsed YAML, each at a YAML path for messages
 * (`registries[0].oidc-policy[1].claims`). Every reader throws {@link RegistryConfigError}
 * quoting the path and what was expected.
 */
export class ConfigReader {
  readonly source: string | undefined;

  constructor(source: string | undefined) {
    this.source = source;
  }

  fail(path: string, message: string, hint?: string): never {
    throw new RegistryConfigError(path, message, { source: this.source, hint });
  }

  /** A mapping with only `allowed` keys (unknown keys are named in the error). Undefined/null → `{}`. */
  object(value: unknown, path: string, allowed: readonly string[]): Record<string, unknown> {
    if (value === undefined || value === null) return {};
    if (typeof value !== 'object' || Array.isArray(value))
      this.fail(path || '(top level)', `expected a mapping, got ${kind(value)}`);
    const record = value as Record<string, unknown>;
    const unknown = Object.keys(record).filter((key) => !allowed.includes(key));
    if (unknown.length > 0) {
      const first = unknown[0]!;
      this.fail(
        join(path, first),
        `unknown key ${JSON.stringify(first)}; allowed here: ${allowed.join(', ')}`,
      );
    }
    return record;
  }

  list(value: unknown, path: string): unknown[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) this.fail(path, `expected a list, got ${kind(value)}`);
    return value;
  }

  string(value: unknown, path: string): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string' || value.trim() === '')
      this.fail(path, `expected a non-empty string, got ${kind(value)}`);
    return value.trim();
  }

  requiredString(value: unknown, path: string): string {
    return this.string(value, path) ?? this.fail(path, 'is required');
  }

  boolean(value: unknown, path: string, fallback: boolean): boolean {
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'boolean') this.fail(path, `expected true or false, got ${kind(value)}`);
    return value;
  }

  oneOf<T extends string>(value: unknown, path: string, choices: readonly T[], fallback: T): T {
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
      this.fail(path, `expected one of ${choices.join(', ')}, got ${kind(value)}`);
    }
    return value as T;
  }
}

/** `path.key`, or `key` at the top level. */
export function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

/** A short description of a YAML value for messages (quoting short scalars). */
export function kind(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${typeof value} ${text.slice(0, 60)}…` : `${typeof value} ${text}`;
}
