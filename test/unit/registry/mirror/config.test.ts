import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseConfig } from '../../../../src/registry/config.js';
import { mirrorOptionsOf } from '../../../../src/registry/mirror/credentials.js';
import { newTempDir } from '../../../support/temp-dir.js';

const env = { XDG_CACHE_HOME: '/cache' };
const parse = (yaml: string) => parseConfig(yaml, { env });

describe('mirrors in the registry config', () => {
  test('shorthand entries and mappings, defaults applied', () => {
    const config = parse(`
mirrors:
  - docker.io
  - packages.buildkite.com/acme/images
  - prefix: upstream-test
    upstream: http://127.0.0.1:5001
    username: bot
    password-env: MIRROR_PASSWORD
    tag-max-age: 30s
    revalidate-timeout: 2s
  - { prefix: ghcr, upstream: https://ghcr.io, token-env: GHCR_TOKEN }
`);
    expect(config.mirrors).toEqual([
      {
        prefix: 'docker.io',
        upstream: 'https://registry-1.docker.io',
        tagMaxAgeMs: 300_000,
        revalidateTimeoutMs: 10_000,
      },
      {
        prefix: 'packages.buildkite.com/acme/images',
        upstream: 'https://packages.buildkite.com',
        tagMaxAgeMs: 300_000,
        revalidateTimeoutMs: 10_000,
      },
      {
        prefix: 'upstream-test',
        upstream: 'http://127.0.0.1:5001',
        username: 'bot',
        passwordEnv: 'MIRROR_PASSWORD',
        tagMaxAgeMs: 30_000,
        revalidateTimeoutMs: 2_000,
      },
      {
        prefix: 'ghcr',
        upstream: 'https://ghcr.io',
        tokenEnv: 'GHCR_TOKEN',
        tagMaxAgeMs: 300_000,
        revalidateTimeoutMs: 10_000,
      },
    ]);
  });

  test.each([
    ['mirrors: [Docker.io]', /mirrors\[0\]: "Docker.io" is not a repository path/],
    ['mirrors: [a, a/b]', /mirrors\[1\]: a\/b overlaps the mirror prefix a/],
    [
      'mirrors: [{ prefix: a, upstream: "ftp://x" }]',
      /mirrors\[0\]\.upstream: expected an http or https URL/,
    ],
    ['mirrors: [{ prefix: a, upstreams: "https://x" }]', /mirrors\[0\]\.upstreams: unknown key "upstreams"/],
    ['mirrors: [{ prefix: a, password-env: P }]', /mirrors\[0\]\.password-env: needs username/],
    ['mirrors: [{ prefix: a, username: u }]', /mirrors\[0\]\.username: needs password-env/],
    ['mirrors: [{ prefix: a, username: u, password-env: P, token-env: T }]', /token-env: give either/],
    [
      'mirrors: [{ prefix: a, token-env: "not a name" }]',
      /token-env: expected the name of an environment variable/,
    ],
    ['mirrors: [{ prefix: a, tag-max-age: soon }]', /tag-max-age: expected a duration/],
    [
      'registries: [{ name: acme/images }]\nmirrors: [docker.io]',
      /mirrors\[0\]: docker.io is outside every configured registry/,
    ],
  ])('%s is refused', (yaml, message) => {
    expect(() => parse(yaml)).toThrow(message);
  });

  test('with registries, a prefix inside one is accepted', () => {
    const config = parse(
      'registries: [{ name: acme/images }]\nmirrors: [{ prefix: acme/images/hub, upstream: "https://registry-1.docker.io" }]',
    );
    expect(config.mirrors[0]!.prefix).toBe('acme/images/hub');
  });
});

describe('mirrorOptionsOf', () => {
  const config = parse(`
mirrors:
  - docker.io
  - { prefix: a, upstream: "https://a.example", username: bot, password-env: A_PASSWORD }
  - { prefix: b, upstream: "https://b.example", token-env: B_TOKEN }
`);

  test('reads credentials from the environment once; the default is the docker config of that environment', async () => {
    const dockerConfig = newTempDir('docker');
    writeFileSync(
      join(dockerConfig, 'config.json'),
      JSON.stringify({
        auths: { 'https://index.docker.io/v1/': { auth: Buffer.from('hub:secret').toString('base64') } },
      }),
    );
    const env = { A_PASSWORD: 'pw', B_TOKEN: 'tok', DOCKER_CONFIG: dockerConfig };
    const [hub, a, b] = mirrorOptionsOf(config.mirrors, env);
    expect(await hub!.credentials!('docker.io')).toEqual({ username: 'hub', password: 'secret' });
    expect(await a!.credentials!('a.example')).toEqual({ username: 'bot', password: 'pw' });
    expect(await b!.credentials!('b.example')).toEqual({ registryToken: 'tok' });
    expect(a).toMatchObject({ prefix: 'a', upstream: 'https://a.example', tagMaxAgeMs: 300_000 });
  });

  test('an unset variable is an error naming it and the key', () => {
    expect(() => mirrorOptionsOf(config.mirrors, { B_TOKEN: 'tok' }, 'registry.yaml')).toThrow(
      'registry.yaml: mirrors[1].password-env: environment variable A_PASSWORD is not set',
    );
    expect(() => mirrorOptionsOf(config.mirrors, { A_PASSWORD: 'pw', B_TOKEN: '' })).toThrow(
      /B_TOKEN is not set/,
    );
  });
});
