/**
 * Shared set-up of the auth tests: a registry store seeded with one image per registry (pushed
 * while the registry was still open), a config with a private and a public registry and their
 * OIDC policies, a tokens file with read, write and delete tokens, and OIDC tokens of every kind.
 */
import { join } from 'node:path';
import { createToken } from '../../src/registry/auth/tokens/manage.js';
import { authorizerFor, parseConfig, type RegistryConfig } from '../../src/registry/index.js';
import { BUILDKITE_ISSUER, createTestKeys, signJwt, writeJwks, type TestKeys } from '../support/oidc.js';
import { newTempDir } from '../support/temp-dir.js';
import { digestOf, pushImage, startRegistry, type TestRegistry } from './registry-support.js';

/** The audience prefix the tests use: the real service's, as `audience-prefix` allows. */
export const AUDIENCE_PREFIX = 'https://packages.buildkite.com';

/** The two registries of the test config. */
export const PRIVATE = 'acme/private';
export const PUBLIC = 'acme/public';

/** Everything a test needs to log in one way or another. */
export interface AuthFixture {
  readonly config: RegistryConfig;
  readonly storageDir: string;
  readonly keys: TestKeys;
  readonly tokens: { read: string; write: string; delete: string; readId: string };
  /** Digest of `{registry}/app:v1`, pushed before auth was turned on. */
  readonly seeded: Record<string, string>;
  /** Digest of the layer of `{registry}/app:v1`. */
  readonly seededLayer: Record<string, string>;
  /** An OIDC token for `registry` with the given claims over the defaults (pipeline web, branch main). */
  oidc(registry: string, extra?: Record<string, unknown>): string;
  /** Starts the registry with auth on over the seeded store. */
  start(): Promise<TestRegistry>;
}

/** Builds the fixture (about 100 ms). */
export async function createAuthFixture(): Promise<AuthFixture> {
  const dir = newTempDir('auth');
  const storageDir = join(dir, 'storage');
  const keys = createTestKeys('bk-test');
  const jwks = writeJwks(join(dir, 'jwks.json'), keys);
  const open = await startRegistry({ storageDir, fsync: false });
  const seeded: Record<string, string> = {};
  const seededLayer: Record<string, string> = {};
  try {
    for (const [i, registry] of [PRIVATE, PUBLIC].entries()) {
      const image = await pushImage(open.url, `${registry}/app`, 'v1', i + 1);
      seeded[registry] = image.digest;
      seededLayer[registry] = digestOf(image.layer);
    }
  } finally {
    await open.registry.close();
  }
  const config = parseConfig(
    `
storage: ${JSON.stringify(storageDir)}
tokens-file: ${JSON.stringify(join(dir, 'tokens.json'))}
registries:
  - name: ${PRIVATE}
    oidc-policy:
      - iss: ${BUILDKITE_ISSUER}
        scopes: [read_packages, write_packages]
        claims:
          organization_slug: acme
          pipeline_slug: { in: [web, api] }
          build_branch: { matches: "main" }
  - name: ${PUBLIC}
    visibility: public
    oidc-policy:
      - iss: ${BUILDKITE_ISSUER}
        scopes: [read_packages, write_packages, delete_packages]
        claims: { pipeline_slug: web }
oidc:
  audience-prefix: ${AUDIENCE_PREFIX}
  issuers:
    - issuer: ${BUILDKITE_ISSUER}
      jwks-file: ${JSON.stringify(jwks)}
`,
    { source: join(dir, 'registry.yaml') },
  );
  const file = join(dir, 'tokens.json');
  const read = await createToken(file, { registries: ['acme/*'], scopes: ['read'], description: 'read' });
  const write = await createToken(file, { registries: ['acme/*'], scopes: ['write'] });
  const del = await createToken(file, { registries: [PRIVATE, PUBLIC], scopes: ['delete'] });
  return {
    config,
    storageDir,
    keys,
    tokens: { read: read.token, write: write.token, delete: del.token, readId: read.record.id },
    seeded,
    seededLayer,
    oidc(registry, extra = {}) {
      const now = Math.floor(Date.now() / 1000);
      return signJwt(
        {
          iss: BUILDKITE_ISSUER,
          sub: 'organization:acme:pipeline:web:ref:refs/heads/main:commit:abc:step:push',
          aud: `${AUDIENCE_PREFIX}/${registry}`,
          iat: now,
          nbf: now,
          exp: now + 300,
          organization_slug: 'acme',
          pipeline_slug: 'web',
          build_branch: 'main',
          build_number: 7,
          ...extra,
        },
        keys,
      );
    },
    start: () =>
      startRegistry({
        storageDir,
        fsync: false,
        automaticCrossMount: false, // as startRegistryService sets it when auth is on
        authorizer: authorizerFor(config, (e) => console.error(e)),
      }),
  };
}

/** `Authorization: Basic` for user `buildkite` and `password`. */
export function basic(password: string, username = 'buildkite'): Record<string, string> {
  return { Authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` };
}
