/**
 * Turns the `registry` option and the login keys into {@link PlannedRegistry} values: parses each
 * registry, applies the login defaults (OIDC for Buildkite Packages, the docker config elsewhere)
 * and refuses combinations that would send a token where it does not belong.
 */
import {
  BUILDKITE_USERNAME,
  BUILDKITE_PACKAGES_HOST,
  buildkiteAudience,
  parseBuildkiteRegistry,
  parsePackagesHost,
  type RegistryTarget,
} from '../../reference/index.js';
import type { AuthOptions, PluginConfig, RegistryOptions } from './config.js';
import { ConfigError } from './errors.js';
import type { PlannedAuth, PlannedRegistry } from './publish-plan.js';

/** Longest life of an OIDC token Buildkite Packages accepts, in seconds; tokens are minted for exactly this. */
export const OIDC_LIFETIME_SECONDS = 300;

/** User name of token logins to Buildkite Packages (defined once, in src/reference). */
export { BUILDKITE_USERNAME };

/**
 * The registries of `config`, in the order written, with their logins.
 *
 * A registry item's `auth`, `token-env` and `secret` replace the top-level ones as a group (an
 * item that sets any of them inherits none); `username` and `audience` are inherited one by one.
 * The top-level `audience` applies only to registries outside Buildkite Packages, whose audience
 * is fixed.
 *
 * @param organization `BUILDKITE_ORGANIZATION_SLUG`, for registries written as `{registry}`
 * @param packagesHost the host `{org}/{registry}` names a Packages registry on (`packages-host`,
 *   else `CONTAINER_PACKAGE_PACKAGES_HOST`); default `packages.buildkite.com`
 * @throws {ConfigError} `CI_CONFIG_UNRESOLVABLE` (unparsable registry, no organization, OIDC
 *   without an audience), `CI_CONFIG_CONFLICT` (a registry listed twice, a wrong audience)
 */
export function planRegistries(
  config: PluginConfig,
  organization: string | undefined,
  packagesHost?: string,
): PlannedRegistry[] {
  const host = checkPackagesHost(packagesHost);
  const items =
    config.registry === undefined ? [] : Array.isArray(config.registry) ? config.registry : [config.registry];
  const seen = new Map<string, string>();
  return items.map((item, i) => {
    const options: RegistryOptions = typeof item === 'string' ? { url: item } : item;
    const path = Array.isArray(config.registry)
      ? typeof item === 'string'
        ? `registry[${i}]`
        : `registry[${i}].url`
      : 'registry';
    const target = parseTarget(options.url, organization, host, path);
    const earlier = seen.get(target.prefix);
    if (earlier !== undefined) {
      throw conflict(
        `\`${path}\` and \`${earlier}\` are the same registry (${target.prefix}): list it once`,
        path,
      );
    }
    seen.set(target.prefix, path);
    return { target, auth: planAuth(target, config, options, path) };
  });
}

function checkPackagesHost(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    return parsePackagesHost(value);
  } catch (error) {
    const { message, hint } = error as { message: string; hint?: string };
    throw new ConfigError('CI_CONFIG_UNRESOLVABLE', `\`packages-host\`: ${message}`, {
      cause: error,
      issues: [{ path: 'packages-host', message }],
      ...(hint === undefined ? {} : { hint }),
    });
  }
}

function parseTarget(
  url: string,
  organization: string | undefined,
  packagesHost: string | undefined,
  path: string,
): RegistryTarget {
  try {
    return parseBuildkiteRegistry(url, {
      ...(organization !== undefined && { organization }),
      ...(packagesHost !== undefined && { packagesHost }),
    });
  } catch (error) {
    const { message, hint } = error as { message: string; hint?: string };
    throw new ConfigError('CI_CONFIG_UNRESOLVABLE', `\`${path}\`: ${message}`, {
      cause: error,
      issues: [{ path, message }],
      ...(hint === undefined ? {} : { hint }),
    });
  }
}

function planAuth(target: RegistryTarget, top: AuthOptions, item: AuthOptions, path: string): PlannedAuth {
  const own = item.auth !== undefined || item['token-env'] !== undefined || item.secret !== undefined;
  const group = own ? item : top;
  const buildkite = target.kind === 'buildkite';
  const method =
    group.auth ??
    (group['token-env'] !== undefined
      ? 'token-env'
      : group.secret !== undefined
        ? 'secret'
        : buildkite
          ? 'oidc'
          : 'docker-config');
  switch (method) {
    case 'oidc':
      return {
        method: 'oidc',
        audience: oidcAudience(target, top, item, path),
        lifetimeSeconds: OIDC_LIFETIME_SECONDS,
      };
    case 'token-env':
    case 'secret': {
      const source =
        method === 'token-env'
          ? { kind: 'env' as const, name: group['token-env']! }
          : { kind: 'secret' as const, name: group.secret! };
      return {
        method: 'token',
        source,
        username: item.username ?? top.username ?? (buildkite ? BUILDKITE_USERNAME : undefined),
      };
    }
    case 'docker-config':
      return { method: 'docker-config' };
    case 'none':
      return { method: 'none' };
  }
}

function oidcAudience(target: RegistryTarget, top: AuthOptions, item: AuthOptions, path: string): string {
  if (target.kind === 'buildkite') {
    const audience = buildkiteAudience(target.organization, target.registry, target.host);
    if (item.audience !== undefined && item.audience !== audience) {
      throw conflict(
        `\`${path}\` is a Buildkite Packages registry, whose OIDC audience is always ${audience}; remove \`audience: ${item.audience}\``,
        path,
      );
    }
    return audience;
  }
  const audience = item.audience ?? top.audience;
  if (audience === undefined) {
    throw new ConfigError(
      'CI_CONFIG_UNRESOLVABLE',
      `\`${path}\` (${target.host}) uses OIDC but has no \`audience\``,
      {
        issues: [{ path, message: 'OIDC outside Buildkite Packages needs an audience' }],
        hint: 'Set `audience` to the value the registry expects in the token, or use `token-env`/`secret`.',
      },
    );
  }
  if (
    audience
      .replace(/^https:\/\//, '')
      .toLowerCase()
      .startsWith(`${BUILDKITE_PACKAGES_HOST}/`)
  ) {
    throw conflict(
      `\`${path}\` (${target.host}) asks for an OIDC token meant for Buildkite Packages (${audience}); such a token is only ever sent to ${BUILDKITE_PACKAGES_HOST}`,
      path,
    );
  }
  return audience;
}

function conflict(message: string, path: string): ConfigError {
  return new ConfigError('CI_CONFIG_CONFLICT', message, { issues: [{ path, message }] });
}
