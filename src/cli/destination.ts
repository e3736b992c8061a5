/** Splitting a `--to` reference into the registry to push to and the image name under it. */
import { ContainerPackageError } from '../errors.js';
import { resolveTarget, type RegistryTarget } from '../publish/targets.js';
import { parseReference } from '../reference/index.js';

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
