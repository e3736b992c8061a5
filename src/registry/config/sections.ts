import type { RegistryDefinition } from '../auth/registries.js';
import { REGISTRY_NAME_SHAPE, isRegistryName } from '../auth/registry-name.js';
import { readPolicy } from './policy.js';
import { join, type ConfigReader } from './reader.js';
import type { IssuerConfig, RegistryConfig } from './types.js';
import { isLoopbackHost } from './units.js';

/** Reads `registries`: unique `{org}/{registry}` names, visibility (default private), OIDC policy. */
export function readRegistries(r: ConfigReader, value: unknown): RegistryDefinition[] {
  const seen = new Set<string>();
  return r.list(value, 'registries').map((raw, index) => {
    const at = join('registries', index);
    const entry = r.object(raw, at, ['name', 'visibility', 'oidc-policy']);
    const name = r.requiredString(entry.name, join(at, 'name'));
    if (!isRegistryName(name))
      r.fail(
        join(at, 'name'),
        `invalid registry name ${JSON.stringify(name)}: expected ${REGISTRY_NAME_SHAPE}`,
      );
    if (seen.has(name)) r.fail(join(at, 'name'), `registry ${name} is listed twice`);
    seen.add(name);
    return {
      name,
      visibility: r.oneOf(entry.visibility, join(at, 'visibility'), ['private', 'public'], 'private'),
      oidcPolicy: readPolicy(r, entry['oidc-policy'], join(at, 'oidc-policy')),
    };
  });
}

/** Reads `oidc.issuers`: each an issuer with exactly one of `jwks-file` and `jwks-url` (https, or http to loopback). */
export function readIssuers(
  r: ConfigReader,
  value: unknown,
  path: (v: string | undefined) => string | undefined,
): IssuerConfig[] {
  return r.list(value, 'oidc.issuers').map((raw, index) => {
    const at = join('oidc.issuers', index);
    const entry = r.object(raw, at, ['issuer', 'jwks-file', 'jwks-url']);
    const issuer = r.requiredString(entry.issuer, join(at, 'issuer'));
    const jwksFile = path(r.string(entry['jwks-file'], join(at, 'jwks-file')));
    const jwksUrl = readUrl(r, entry['jwks-url'], join(at, 'jwks-url'));
    if ((jwksFile === undefined) === (jwksUrl === undefined))
      r.fail(at, 'give exactly one of jwks-file and jwks-url');
    if (jwksUrl !== undefined && jwksUrl.startsWith('http:') && !isLoopbackHost(new URL(jwksUrl).hostname)) {
      r.fail(join(at, 'jwks-url'), 'must be https (plain http only for a loopback address)');
    }
    return {
      issuer,
      ...(jwksFile === undefined ? {} : { jwksFile }),
      ...(jwksUrl === undefined ? {} : { jwksUrl }),
    };
  });
}

/** Reads an http(s) URL with no query, fragment or credentials; trailing slashes are dropped. */
export function readUrl(r: ConfigReader, value: unknown, at: string): string | undefined {
  const text = r.string(value, at);
  if (text === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return r.fail(at, `expected an http(s) URL, got ${JSON.stringify(text)}`);
  }
  if (
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    url.search !== '' ||
    url.hash !== '' ||
    url.username !== ''
  ) {
    r.fail(at, `expected an http(s) URL with no query, fragment or credentials, got ${JSON.stringify(text)}`);
  }
  return text.replace(/\/+$/, '');
}

/**
 * Cross-key checks: every policy statement's issuer is configured, and `tokens-file`/`oidc`/
 * `token-signing-key-file` are not given without `registries`.
 */
export function checkConsistency(
  r: ConfigReader,
  config: RegistryConfig,
  top: Record<string, unknown>,
): void {
  const trusted = new Set(config.oidc.issuers.map((i) => i.issuer));
  config.registries.forEach((registry, i) =>
    registry.oidcPolicy.forEach((statement, j) => {
      if (!trusted.has(statement.iss)) {
        r.fail(
          `registries[${i}].oidc-policy[${j}].iss`,
          `issuer ${statement.iss} is not in oidc.issuers, so its tokens could never be verified`,
          'add it under oidc.issuers with its jwks-file or jwks-url',
        );
      }
    }),
  );
  if (config.registries.length === 0) {
    for (const key of ['tokens-file', 'oidc', 'token-signing-key-file'] as const) {
      if (top[key] !== undefined && top[key] !== null) {
        r.fail(
          key,
          'tokens and OIDC tokens apply per registry, and no registries are configured (the registry is open)',
          'add a registries list, or remove this key',
        );
      }
    }
  }
}
