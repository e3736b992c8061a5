/** oclif's flags and arguments built from the plain definitions of flag-spec.ts. */
import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import type { Arg, BooleanFlag, OptionFlag } from '@oclif/core/interfaces';
import type { ArgSpec, FlagSpec, FlagValue } from './flag-spec.js';

/** oclif's flag for each definition. */
export type OclifFlags<T extends Record<string, FlagSpec>> = {
  [K in keyof T]: T[K] extends { kind: 'boolean' } ? BooleanFlag<boolean> : OptionFlag<FlagValue<T[K]>>;
};

/** oclif's flags for `specs`; a repeatable flag takes one value per flag (`multipleNonGreedy`). */
export function oclifFlags<const T extends Record<string, FlagSpec>>(specs: T): OclifFlags<T> {
  return Object.fromEntries(
    Object.entries(specs).map(([name, spec]) => [name, oclifFlag(spec)]),
  ) as OclifFlags<T>;
}

function oclifFlag(spec: FlagSpec): unknown {
  switch (spec.kind) {
    case 'boolean': {
      const { kind: _kind, ...options } = spec;
      return Flags.boolean(options);
    }
    case 'integer': {
      const { kind: _kind, ...options } = spec;
      return Flags.integer(options);
    }
    case 'string': {
      if (spec.multiple) {
        const { kind: _kind, ...options } = spec;
        return Flags.string({ ...options, multipleNonGreedy: true });
      }
      const { kind: _kind, ...options } = spec;
      return Flags.string(options);
    }
  }
}

/** oclif's (string) arguments for `specs`. */
export function oclifArgs<const T extends Record<string, ArgSpec>>(
  specs: T,
): { [K in keyof T]: Arg<T[K] extends { required: true } ? string : string | undefined> } {
  return Object.fromEntries(
    Object.entries(specs).map(([name, spec]) => [name, Args.string({ ...spec })]),
  ) as never;
}
