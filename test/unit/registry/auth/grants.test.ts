import { describe, expect, test } from 'vitest';
import { grantFor } from '../../../../src/registry/auth/grants.js';
import type { Principal } from '../../../../src/registry/auth/principal.js';
import type { RegistryDefinition } from '../../../../src/registry/auth/registries.js';
import { registryMatches, registryOfRepository } from '../../../../src/registry/auth/registry-name.js';

const ISS = 'https://agent.buildkite.com';
const PREFIX = 'https://packages.buildkite.com';
const privateRegistry: RegistryDefinition = {
  name: 'acme/images',
  visibility: 'private',
  oidcPolicy: [
    { iss: ISS, scopes: ['write_packages'], claims: { pipeline_slug: [{ op: 'equals', value: 'web' }] } },
  ],
};
const publicRegistry: RegistryDefinition = { ...privateRegistry, name: 'acme/public', visibility: 'public' };

const token = (
  registries: string[],
  scopes: ('read_packages' | 'write_packages' | 'delete_packages')[],
): Principal => ({
  kind: 'token',
  record: {
    id: 'tok_000000000001',
    sha256: '0'.repeat(64),
    registries,
    scopes,
    description: '',
    createdAt: '',
  },
});
const oidc = (claims: Record<string, unknown>): Principal => ({
  kind: 'oidc',
  token: { issuer: ISS, claims, expiresAt: 0 },
});

describe('grantFor', () => {
  test.each<[string, Principal, RegistryDefinition, string[], string[], string | undefined]>([
    ['anonymous, private', { kind: 'anonymous' }, privateRegistry, ['pull'], [], 'acme/images is private'],
    [
      'anonymous, public pull',
      { kind: 'anonymous' },
      publicRegistry,
      ['pull', 'push'],
      ['pull'],
      'anonymous users may only pull',
    ],
    [
      'org-wide read token',
      token(['acme/*'], ['read_packages']),
      privateRegistry,
      ['pull', 'push'],
      ['pull'],
      'push needs write_packages',
    ],
    [
      'token of another registry',
      token(['acme/other'], ['write_packages']),
      privateRegistry,
      ['pull'],
      [],
      'is not for acme/images (it is for acme/other)',
    ],
    [
      'token of another registry still pulls public',
      token(['acme/other'], ['read_packages']),
      publicRegistry,
      ['pull'],
      ['pull'],
      undefined,
    ],
    [
      'delete token',
      token(['acme/images'], ['read_packages', 'delete_packages']),
      privateRegistry,
      ['pull', 'delete'],
      ['pull', 'delete'],
      undefined,
    ],
    [
      'oidc matching (write implies read)',
      oidc({ aud: `${PREFIX}/acme/images`, pipeline_slug: 'web' }),
      privateRegistry,
      ['pull', 'push'],
      ['pull', 'push'],
      undefined,
    ],
    [
      'oidc audience list',
      oidc({ aud: ['x', `${PREFIX}/acme/images`], pipeline_slug: 'web' }),
      privateRegistry,
      ['push'],
      ['push'],
      undefined,
    ],
    [
      'oidc wrong audience',
      oidc({ aud: `${PREFIX}/acme/public`, pipeline_slug: 'web' }),
      privateRegistry,
      ['pull'],
      [],
      `OIDC token audience ${PREFIX}/acme/public does not match ${PREFIX}/acme/images`,
    ],
    [
      'oidc no audience',
      oidc({ pipeline_slug: 'web' }),
      privateRegistry,
      ['pull'],
      [],
      'OIDC token audience (none) does not match',
    ],
    [
      'oidc policy miss',
      oidc({ aud: `${PREFIX}/acme/images`, pipeline_slug: 'api' }),
      privateRegistry,
      ['pull'],
      [],
      'no OIDC policy statement of acme/images matches claims pipeline_slug=api',
    ],
    [
      'oidc matching, delete not granted',
      oidc({ aud: `${PREFIX}/acme/images`, pipeline_slug: 'web' }),
      privateRegistry,
      ['delete'],
      [],
      'the OIDC policy grants read_packages, write_packages on acme/images; delete needs delete_packages',
    ],
  ])('%s', (_name, principal, registry, wanted, actions, reason) => {
    const grant = grantFor(principal, registry, wanted as never, PREFIX);
    expect(grant.actions).toEqual(actions);
    if (reason === undefined) expect(grant.reason).toBeUndefined();
    else expect(grant.reason).toContain(reason);
  });
});

describe('registry names', () => {
  test.each([
    ['acme/*', 'acme/images', true],
    ['acme/images', 'acme/images', true],
    ['acme/*', 'acmex/images', false],
    ['acme/other', 'acme/images', false],
  ])('%s covers %s: %s', (pattern, name, expected) => {
    expect(registryMatches(pattern, name)).toBe(expected);
  });

  test.each([
    ['acme/images/web', 'acme/images'],
    ['acme/images/team/web', 'acme/images'],
    ['acme/images', undefined],
    ['web', undefined],
  ])('registryOfRepository(%s) → %s', (repository, expected) => {
    expect(registryOfRepository(repository)).toBe(expected);
  });
});
