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

/**
 * Resolves a registry argument: `{org}/{registry}` or `packages.buildkite.com/{org}/{registry}`
 * (Buildkite Packages), `{registry}` alone with `organization` (from
 * `BUILDKITE_ORGANIZATION_SLUG`), or any `host[:port][/path]`.
 *
 * @throws InvalidReferenceError `REF_*` naming the bad part.
 */
export function resolveTarget(
  input: string,
  options: { organization?: string; audience?: string } = {},
): RegistryTarget {
  const parsed = parseBuildkiteRegistry(
    input,
    options.organization ? { organization: options.organization } : {},
  );
  if (parsed.kind === 'buildkite') {
    return {
      prefix: parsed.prefix,
      host: parsed.host,
      kind: 'buildkite',
      organization: parsed.organization,
      registry: parsed.registry,
      audience: options.audience ?? buildkiteAudience(parsed.organization, parsed.registry),
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
