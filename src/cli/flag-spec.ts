/**
 * Command-line flags and arguments as plain data, and a parser for the plain cases that loads
 * nothing.
 *
 * A command's definitions are written once, as data (`flag-specs.ts`). The oclif command turns
 * them into oclif's flags (`oclif-flags.ts`) for its parser, help and errors. The launcher's fast
 * path (`fast/push.ts`) reads the same data with {@link parsePlain}, without loading oclif's flag,
 * error and help modules (about 13 ms of a push that has nothing to upload). `parsePlain` takes
 * only input it reads exactly as oclif's parser does and returns `undefined` for anything else: a
 * misspelt flag, a bad value, `--`, `--no-…`, a value that looks like a flag. oclif then parses
 * that input and gives its own error or help. `test/unit/cli/flag-spec.test.ts` checks this
 * against oclif's parser.
 */
import type { AlphabetLowercase, AlphabetUppercase } from '@oclif/core/interfaces';

/** A flag's one-letter short form (`-t`). */
export type FlagChar = AlphabetLowercase | AlphabetUppercase;

/** A flag that takes a value (`--name VALUE`, `--name=VALUE`, `-c VALUE`, `-cVALUE`). */
export type StringFlagSpec = {
  readonly kind: 'string';
  readonly description: string;
  readonly char?: FlagChar;
  readonly required?: boolean;
  readonly options?: readonly string[];
  /** An environment variable the value comes from when the flag is not given (ignored when empty). */
  readonly env?: string;
} & (
  | { readonly multiple?: false; readonly default?: string }
  /** Repeatable, one value per flag (oclif's `multipleNonGreedy`); no default. */
  | { readonly multiple: true; readonly default?: never }
);

/** A flag that takes a whole number, at least `min`. */
export interface IntegerFlagSpec {
  readonly kind: 'integer';
  readonly description: string;
  readonly char?: FlagChar;
  readonly required?: boolean;
  readonly min?: number;
  readonly default?: number;
  readonly env?: string;
}

/** A switch (`--json`); absent when not given, as in oclif. */
export interface BooleanFlagSpec {
  readonly kind: 'boolean';
  readonly description: string;
  readonly char?: FlagChar;
}

export type FlagSpec = StringFlagSpec | IntegerFlagSpec | BooleanFlagSpec;

/** The value a parsed flag has, given its definition (what oclif's own overloads infer; a switch not given is absent, though typed `boolean` as in oclif). */
export type FlagValue<S extends FlagSpec> = S extends { kind: 'boolean' }
  ? boolean
  : S extends { kind: 'integer' }
    ? S extends { required: true } | { default: number }
      ? number
      : number | undefined
    : S extends { multiple: true }
      ? S extends { required: true }
        ? string[]
        : string[] | undefined
      : S extends { required: true } | { default: string }
        ? string
        : string | undefined;

/** A positional argument (a string). */
export interface ArgSpec {
  readonly description: string;
  readonly required?: boolean;
}

/** What {@link parsePlain} returns: the values given, or from the environment or a default. */
export interface PlainParse<A extends Record<string, ArgSpec>, F extends Record<string, FlagSpec>> {
  readonly args: { [K in keyof A]: string };
  readonly flags: { [K in keyof F]: FlagValue<F[K]> };
}

/** oclif's test for a number-looking word that is an argument, not a flag. */
const NEGATIVE_NUMBER = /^-\d/;
/** oclif's integer syntax. */
const INTEGER = /^-?\d+$/;

/**
 * Parses `argv` against `args` and `flags` the way oclif's parser does (strict: no unknown flag,
 * no extra argument), or returns `undefined` when the input is anything but plain, so the caller
 * leaves it to oclif.
 */
export function parsePlain<A extends Record<string, ArgSpec>, F extends Record<string, FlagSpec>>(
  argv: readonly string[],
  spec: { readonly args: A; readonly flags: F },
): PlainParse<A, F> | undefined {
  const given = new Map<string, string[]>();
  const positional: string[] = [];
  const longs = new Map(Object.entries(spec.flags));
  const chars = new Map<string, string>(
    Object.entries(spec.flags).flatMap(([name, flag]) => (flag.char ? [[flag.char, name] as const] : [])),
  );
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    if (
      !token.startsWith('-') ||
      token === '-' ||
      (NEGATIVE_NUMBER.test(token) && !chars.has(token[1] as string))
    ) {
      positional.push(token);
      continue;
    }
    let name: string | undefined;
    let value: string | undefined;
    if (token.startsWith('--')) {
      const equals = token.indexOf('=');
      name = token.slice(2, equals === -1 ? undefined : equals);
      if (equals !== -1) value = token.slice(equals + 1);
    } else {
      name = chars.get(token[1] as string);
      if (token.length > 2) value = token.slice(token[2] === '=' ? 3 : 2);
    }
    const flag = name === undefined ? undefined : longs.get(name);
    if (name === undefined || flag === undefined) return undefined; // unknown, `--`, `--no-…`
    if (flag.kind === 'boolean') {
      if (value !== undefined) return undefined; // `--json=…`, `-jx`: oclif reads these its own way
      given.set(name, [...(given.get(name) ?? []), 'true']);
      continue;
    }
    if (value === undefined) {
      value = argv[++i];
      if (value === undefined) return undefined;
    }
    // oclif refuses a value that names a flag and takes other dashed words; neither is plain.
    if (value.startsWith('-')) return undefined;
    const values = given.get(name) ?? [];
    if (values.length > 0 && !(flag.kind === 'string' && flag.multiple)) return undefined;
    given.set(name, [...values, value]);
  }

  const args: Record<string, string> = {};
  const argNames = Object.keys(spec.args);
  if (positional.length > argNames.length) return undefined;
  for (const [index, name] of argNames.entries()) {
    const value = positional[index];
    // oclif reads a missing argument from stdin when it is not a terminal.
    if (value === undefined) return undefined;
    args[name] = value;
  }

  const flags: Record<string, string | number | boolean | string[]> = {};
  for (const [name, flag] of longs) {
    const values = given.get(name);
    if (flag.kind === 'boolean') {
      if (values) flags[name] = true;
      continue;
    }
    if (values) {
      const parsed = values.map((value) => parseValue(flag, value));
      if (parsed.some((value) => value === undefined)) return undefined;
      flags[name] =
        flag.kind === 'string' && flag.multiple ? (parsed as string[]) : (parsed[0] as string | number);
      continue;
    }
    const fromEnv = flag.env ? process.env[flag.env] : undefined;
    if (fromEnv) {
      if (flag.kind === 'string' && flag.multiple) return undefined; // oclif gives a string, not a list
      const parsed = parseValue(flag, fromEnv);
      if (parsed === undefined) return undefined;
      flags[name] = parsed;
      continue;
    }
    if (flag.required) return undefined;
    if (flag.default !== undefined) flags[name] = flag.default;
  }
  return { args, flags } as PlainParse<A, F>;
}

/** A value as oclif's flag would parse it, or `undefined` where oclif would fail. */
function parseValue(flag: StringFlagSpec | IntegerFlagSpec, value: string): string | number | undefined {
  if (flag.kind === 'string') return !flag.options || flag.options.includes(value) ? value : undefined;
  if (!INTEGER.test(value)) return undefined;
  const number = Number.parseInt(value, 10);
  return flag.min !== undefined && number < flag.min ? undefined : number;
}
