/**
 * Where images go: a registry target is a repository prefix on one registry host, e.g.
 * `packages.buildkite.com/acme/images` (a Buildkite Packages registry) or `ghcr.io/acme`.
 */
import {
  buildkiteAudience,
  parseBuildkiteRegistry,
  parseReference,
  type Reference,
} from '../reference/index.js';

/** One registry to push to. */
export interface RegistryTarget {
  /** `host[:port][/path]`: image names are appended to it. */
  readonly prefix: string;
  /** `host[:port]`. */
  readonly host: string;
  readonly kind: 'buildkite' | 'generic';
  /** Buildkite organization slug (Buildkite Packages only). */
  readonly organization?: string;
  /** Buildkite registry slug (Buildkite Packages only). */
  readonly registry?: string;
  /** Whether pulls need a login; `unknown` is treated as private. */
  readonly visibility?: 'private' | 'public' | 'unknown';
  /** The OIDC audience a token for this registry must carry. */
  readonly audience?: string;
  /** The user name for logins (shown in pull instructions). Default `buildkite` for Buildkite Packages. */
  readonly username?: string;
}

/** The environment variable that sets the Packages host (`--packages-host`, `packages-host`). */
export const PACKAGES_HOST_ENV = 'CONTAINER_PACKAGE_PACKAGES_HOST';

/** Options of {@link resolveTarget}. */
export interface ResolveTargetOptions {
  /** Organization of a `{registry}` shorthand (`BUILDKITE_ORGANIZATION_SLUG`). */
  readonly organization?: string;
  /** The OIDC audience. Default: a Buildkite registry's own (`https://{host}/{org}/{registry}`). */
  readonly audience?: string;
  /**
   * The host `{org}/{registry}` names a Packages registry on. Default `packages.buildkite.com`
   * (see {@link PACKAGES_HOST_ENV}).
   */
  readonly packagesHost?: string;
}

/**
 * Resolves a registry argument: `{org}/{registry}` or `packages.buildkite.com/{org}/{registry}`
 * (Buildkite Packages), `{registry}` alone with `organization` (from
 * `BUILDKITE_ORGANIZATION_SLUG`), or any `host[:port][/path]`. With `packagesHost`, the
 * shorthands (and `{packagesHost}/{org}/{registry}`) name a registry on that host, and the OIDC
 * audience follows it.
 *
 * @throws InvalidReferenceError `REF_*` naming the bad part.
 */
export function resolveTarget(input: string, options: ResolveTargetOptions = {}): RegistryTarget {
  const parsed = parseBuildkiteRegistry(input, {
    ...(options.organization && { organization: options.organization }),
    ...(options.packagesHost && { packagesHost: options.packagesHost }),
  });
  if (parsed.kind === 'buildkite') {
    return {
      prefix: parsed.prefix,
      host: parsed.host,
      kind: 'buildkite',
      organization: parsed.organization,
      registry: parsed.registry,
      audience: options.audience ?? buildkiteAudience(parsed.organization, parsed.registry, parsed.host),
    };
  }
  return {
    prefix: parsed.prefix,
    host: parsed.host,
    kind: 'generic',
    ...(options.audience !== undefined && { audience: options.audience }),
  };
}

/** `prefix/name:tag` as a parsed reference. @throws InvalidReferenceError for a bad name or tag. */
export function targetReference(target: RegistryTarget, name: string, tag?: string): Reference {
  return parseReference(`${target.prefix}/${name}${tag === undefined ? '' : `:${tag}`}`);
}
