/** What the push engine reports for one image pushed to one registry: the input of the renderers. */

/** The registry an image went to, as far as the renderers need it. */
export interface PublishedRegistry {
  /** `packages.buildkite.com`, `ghcr.io`, `localhost:5000`. */
  readonly host: string;
  readonly kind: 'buildkite' | 'generic';
  /** Whether pulling needs a login. `unknown` (the default) is treated as private. */
  readonly visibility?: 'private' | 'public' | 'unknown';
  /** Buildkite organization slug (Buildkite registries). */
  readonly organization?: string;
  /** Buildkite registry slug (Buildkite registries). */
  readonly registry?: string;
  /** User name for the login hint of a generic registry. Default `USERNAME`. */
  readonly username?: string;
}

/** One image pushed to one registry. */
export interface PublishedImage {
  /** The source it was read from, as written: `docker:app:ci`. Untrusted text. */
  readonly source: string;
  /** The image name under the registry: `app`. */
  readonly name: string;
  /** Manifest (or index) digest: `sha256:…`. */
  readonly digest: string;
  readonly mediaType: string;
  /** Total bytes: manifest, config and layers (of every platform for an index). */
  readonly size: number;
  /** `linux/amd64`, `linux/arm64/v8`: listed when the image is multi-platform. */
  readonly platforms?: readonly string[];
  /** Every full reference pushed, with its tag: `packages.buildkite.com/acme/images/app:42`. */
  readonly references: readonly string[];
  readonly registry: PublishedRegistry;
}

/**
 * How a registry is named to people (and to `docker login`): `packages.buildkite.com/{org}/{registry}`
 * for a Buildkite Packages registry, else its host.
 */
export function registryPath(registry: PublishedRegistry): string {
  if (
    registry.kind === 'buildkite' &&
    registry.organization !== undefined &&
    registry.registry !== undefined
  ) {
    return `${registry.host}/${registry.organization}/${registry.registry}`;
  }
  return registry.host;
}
