/**
 * The definitions of flags and arguments that the launcher's fast path parses too, as plain data
 * (see flag-spec.ts): the oclif commands turn them into oclif's flags (oclif-flags.ts), the fast
 * path reads them with `parsePlain`, so both take exactly the same input.
 */
import { COMPRESSIONS } from '../sources/compress-options.js';
import type { ArgSpec, FlagSpec } from './flag-spec.js';

/** Flags of every command that talks to registries. */
export const REGISTRY_FLAG_SPECS = {
  insecure: {
    kind: 'string',
    description: 'registry host[:port] to reach over plain HTTP (loopback hosts always are); repeatable',
    // One value per flag, so `inspect --insecure HOST REF` leaves REF to the argument.
    multiple: true,
  },
  'docker-config': {
    kind: 'string',
    description: 'docker config directory holding credentials [default: $DOCKER_CONFIG or ~/.docker]',
    env: 'DOCKER_CONFIG',
  },
  org: {
    kind: 'string',
    description: 'Buildkite organization for "{registry}" shorthands [default: $BUILDKITE_ORGANIZATION_SLUG]',
    env: 'BUILDKITE_ORGANIZATION_SLUG',
  },
  'packages-host': {
    kind: 'string',
    description:
      'host[:port] that "{org}/{registry}" names a Buildkite Packages registry on; the OIDC audience follows it [default: $CONTAINER_PACKAGE_PACKAGES_HOST, else packages.buildkite.com]',
    env: 'CONTAINER_PACKAGE_PACKAGES_HOST',
  },
} as const satisfies Record<string, FlagSpec>;

/** `push SOURCE`. */
export const PUSH_ARG_SPECS = {
  source: { description: 'image source', required: true },
} as const satisfies Record<string, ArgSpec>;

/** `push`'s flags. */
export const PUSH_FLAG_SPECS = {
  ...REGISTRY_FLAG_SPECS,
  // One value per flag: `push --to REF SOURCE` reads SOURCE as the argument, not as a second --to.
  to: { kind: 'string', description: 'destination reference; repeatable', required: true, multiple: true },
  tag: { kind: 'string', char: 't', description: 'tag for every destination; repeatable', multiple: true },
  json: { kind: 'boolean', description: 'print the result as JSON and nothing else' },
  compression: {
    kind: 'string',
    description: 'compression of uncompressed layers',
    options: COMPRESSIONS,
    default: 'gzip',
  },
  concurrency: { kind: 'integer', description: 'blobs uploaded in parallel', min: 1, default: 4 },
  retries: {
    kind: 'integer',
    description: 'retries of a failed request (5xx, 429, resets)',
    min: 0,
    default: 5,
  },
} as const satisfies Record<string, FlagSpec>;
