/** What several commands share: flags, reading a secret from stdin, splitting `--to` references. */
import * as Flags from '@oclif/core/flags';
import { ContainerPackageError } from '../errors.js';
import { resolveTarget, type RegistryTarget } from '../publish/targets.js';
import { parseReference } from '../reference/index.js';

/** Flags of every command that talks to registries. */
export const registryFlags = {
  insecure: Flags.string({
    description: 'registry host[:port] to reach over plain HTTP (loopback hosts always are); repeatable',
    multiple: true,
    // One value per flag, so `inspect --insecure HOST REF` leaves REF to the argument.
    multipleNonGreedy: true,
  }),
  'docker-config': Flags.string({
    description: 'docker config directory holding credentials [default: $DOCKER_CONFIG or ~/.docker]',
    env: 'DOCKER_CONFIG',
  }),
  org: Flags.string({
    description: 'Buildkite organization for "{registry}" shorthands [default: $BUILDKITE_ORGANIZATION_SLUG]',
    env: 'BUILDKITE_ORGANIZATION_SLUG',
  }),
  'packages-host': Flags.string({
    description:
      'host[:port] that "{org}/{registry}" names a Buildkite Packages registry on; the OIDC audience follows it [default: $CONTAINER_PACKAGE_PACKAGES_HOST, else packages.buildkite.com]',
    env: 'CONTAINER_PACKAGE_PACKAGES_HOST',
  }),
};

/** Reads all of stdin as text, without its final newline. Refuses an interactive terminal. */
export async function readStdinSecret(what: string): Promise<string> {
  if (process.stdin.isTTY) {
    throw new ContainerPackageError(
      'CLI_STDIN_IS_TTY',
      `${what} is read from stdin, but stdin is a terminal`,
      {
        hint: `pipe it in: printf '%s' "$TOKEN" | container-package …`,
      },
    );
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  const value = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (value === '') {
    throw new ContainerPackageError('CLI_EMPTY_SECRET', `${what} read from stdin is empty`, {
      hint: 'check that the variable you pipe in is set',
    });
  }
  return value;
}

/** A `--to` reference split into the registry target and the image name under it. */
export interface Destination {
  readonly target: RegistryTarget;
  readonly name: string;
  readonly tag?: string;
}

/**
 * Splits `host[:port]/path/name[:tag]` into a target (`host/path`, Buildkite Packages when the
 * host is packages.buildkite.com or `packagesHost`) and the image name (the last path component).
 */
export function parseDestination(to: string, organization?: string, packagesHost?: string): Destination {
  const ref = parseReference(to);
  if (ref.digest !== undefined) {
    throw new ContainerPackageError('CLI_DESTINATION_DIGEST', `destination ${to} has a digest`, {
      hint: 'push to a tag (host/repo:tag); the digest is what the push reports',
    });
  }
  const slash = ref.repository.lastIndexOf('/');
  const name = ref.repository.slice(slash + 1);
  const prefix = slash < 0 ? ref.registry : `${ref.registry}/${ref.repository.slice(0, slash)}`;
  const target = resolveTarget(prefix, {
    ...(organization && { organization }),
    ...(packagesHost && { packagesHost }),
  });
  return { target, name, ...(ref.tag !== undefined && { tag: ref.tag }) };
}
