import { describe, expect, test } from 'vitest';
import { planAction, tagContext, type ActionError } from '../../../../src/ci/github/index.js';
import { BRANCH_RUN, inputsOf } from './inputs-fixture.js';

const BK_AUDIENCE = 'https://packages.buildkite.com/acme/images';

function failure(run: () => unknown): ActionError {
  try {
    run();
  } catch (error) {
    return error as ActionError;
  }
  throw new Error('expected a failure');
}

describe('planAction: defaults', () => {
  test('Buildkite Packages with OIDC, run-number tag, every default applied', () => {
    const plan = planAction(inputsOf({ registry: 'acme/images', images: 'docker:app:ci' }), BRANCH_RUN);
    expect(plan).toEqual({
      registries: [
        {
          input: 'acme/images',
          target: {
            prefix: 'packages.buildkite.com/acme/images',
            host: 'packages.buildkite.com',
            kind: 'buildkite',
            organization: 'acme',
            registry: 'images',
            audience: BK_AUDIENCE,
          },
          auth: { method: 'oidc', audience: BK_AUDIENCE, username: 'buildkite' },
        },
      ],
      images: [{ source: 'docker:app:ci', name: 'app', tags: ['42'], skippedTags: [] }],
      push: true,
      summary: true,
      localRegistry: false,
      localRegistryMirrors: [],
      compression: 'gzip',
      retries: 3,
      organization: undefined,
      credentialScopes: ['packages.buildkite.com/acme/images'],
    });
  });

  test.each([
    [{ registry: 'ghcr.io/acme' }, { method: 'docker-config' }],
    [
      { registry: 'ghcr.io/acme', token: 't', username: 'bot' },
      { method: 'token', username: 'bot' },
    ],
    [
      { registry: 'acme/images', token: 't' },
      { method: 'token', username: 'buildkite' },
    ],
    [{ registry: 'acme/images', auth: 'none' }, { method: 'none' }],
    [
      { registry: 'localhost:5000/acme/images', auth: 'oidc', audience: 'https://registry.test/acme/images' },
      { method: 'oidc', audience: 'https://registry.test/acme/images', username: 'buildkite' },
    ],
    [
      { registry: 'images', organization: 'acme', auth: 'oidc' },
      { method: 'oidc', audience: BK_AUDIENCE, username: 'buildkite' },
    ],
  ])('auth of %j is %j', (given, auth) => {
    const plan = planAction(inputsOf({ images: 'docker:app:ci', ...given }), BRANCH_RUN);
    expect(plan.registries[0]!.auth).toEqual(auth);
  });

  test('several registries, names, templates; only token and OIDC logins are credential scopes', () => {
    const plan = planAction(
      inputsOf({
        registry: 'acme/images\nlocalhost:5000, ghcr.io/acme',
        images: 'docker:ghcr.io/acme/web:ci\noci-archive:image.tar -> team/api',
        tags: '{{build.number}}\n{{branch}}, sha-{{commit.short}}, {{tag}}\n{{build.number}}',
        compression: 'zstd',
        retries: '0',
        summary: 'false',
      }),
      BRANCH_RUN,
    );
    expect(plan.registries.map((r) => [r.target.prefix, r.auth.method])).toEqual([
      ['packages.buildkite.com/acme/images', 'oidc'],
      ['localhost:5000', 'docker-config'],
      ['ghcr.io/acme', 'docker-config'],
    ]);
    expect(plan.images).toEqual([
      {
        source: 'docker:ghcr.io/acme/web:ci',
        name: 'web',
        tags: ['42', 'feature-Login', 'sha-0123456'],
        skippedTags: ['{{tag}}'],
      },
      {
        source: 'oci-archive:image.tar',
        name: 'team/api',
        tags: ['42', 'feature-Login', 'sha-0123456'],
        skippedTags: ['{{tag}}'],
      },
    ]);
    expect(plan).toMatchObject({ compression: 'zstd', retries: 0, summary: false });
    expect(plan.credentialScopes).toEqual(['packages.buildkite.com/acme/images']);
  });

  test('local-registry alone, and push: false', () => {
    expect(planAction(inputsOf({ 'local-registry': 'true' }), {})).toMatchObject({
      localRegistry: true,
      images: [],
      registries: [],
    });
    const dry = planAction(
      inputsOf({ 'local-registry': 'true', images: 'docker:app', push: 'false' }),
      BRANCH_RUN,
    );
    expect(dry).toMatchObject({ push: false, localRegistry: true, images: [{ name: 'app', tags: ['42'] }] });
  });
});

describe('planAction: refusals quote the input', () => {
  test.each([
    [{}, 'CI_INPUT_MISSING', 'images', '`images` is empty: there is nothing to push'],
    [{ registry: 'acme/images' }, 'CI_INPUT_MISSING', 'images', '`registry` is set, but `images` is empty'],
    [{ images: 'docker:app' }, 'CI_INPUT_MISSING', 'registry', '`registry` is empty'],
    [
      { registry: 'acme/images', images: 'docker:app', 'local-registry': 'yes' },
      'CI_INPUT_INVALID',
      'local-registry',
      '`local-registry` must be true or false, not "yes"',
    ],
    [
      { registry: 'acme/images', images: 'docker:app', auth: 'password' },
      'CI_INPUT_INVALID',
      'auth',
      '`auth` must be one of oidc, token, docker-config, none, not "password"',
    ],
    [
      { registry: 'images', images: 'docker:app' },
      'CI_INPUT_INVALID',
      'registry',
      '`registry`: invalid registry "images"',
    ],
    [
      { registry: 'http://localhost:5000', images: 'docker:app' },
      'CI_INPUT_INVALID',
      'registry',
      '`registry`: ',
    ],
    [
      { registry: 'acme/images\npackages.buildkite.com/acme/images', images: 'docker:app' },
      'CI_INPUT_CONFLICT',
      'registry',
      '"acme/images" and "packages.buildkite.com/acme/images" are the same registry',
    ],
    [
      { registry: 'acme/images', images: 'docker:app', token: 't', auth: 'oidc' },
      'CI_INPUT_CONFLICT',
      'token',
      '`token` is set, but `auth` is `oidc`',
    ],
    [
      { registry: 'acme/images', images: 'docker:app', auth: 'token' },
      'CI_INPUT_MISSING',
      'token',
      '`auth` is `token`, but `token` is empty',
    ],
    [
      { registry: 'ghcr.io/acme', images: 'docker:app', token: 't' },
      'CI_INPUT_MISSING',
      'username',
      '"ghcr.io/acme" takes a token login, which needs `username`',
    ],
    [
      { registry: 'acme/images', images: 'docker:app', username: 'me' },
      'CI_INPUT_CONFLICT',
      'username',
      'is always "buildkite"',
    ],
    [
      { registry: 'ghcr.io/acme', images: 'docker:app', username: 'me' },
      'CI_INPUT_CONFLICT',
      'username',
      'logs in with `auth: docker-config`',
    ],
    [
      { registry: 'acme/images', images: 'docker:app', audience: 'https://x' },
      'CI_INPUT_CONFLICT',
      'audience',
      `always ${BK_AUDIENCE}`,
    ],
    [
      { registry: 'ghcr.io/acme', images: 'docker:app', auth: 'oidc' },
      'CI_INPUT_MISSING',
      'audience',
      '"ghcr.io/acme" logs in with OIDC, which needs `audience`',
    ],
    [
      { registry: 'ghcr.io/acme', images: 'docker:app', auth: 'oidc', audience: BK_AUDIENCE },
      'CI_INPUT_CONFLICT',
      'audience',
      'is meant for Buildkite Packages',
    ],
    [
      { registry: 'a.test/x, b.test/y', images: 'docker:app', auth: 'oidc', audience: 'https://a.test' },
      'CI_INPUT_CONFLICT',
      'audience',
      'a token minted for one registry would be sent to another',
    ],
    [
      { registry: 'ghcr.io/acme', images: 'docker:app', audience: 'https://a.test' },
      'CI_INPUT_CONFLICT',
      'audience',
      'no registry logs in with OIDC',
    ],
    [
      { registry: 'acme/images, ghcr.io/acme', images: 'docker:app', token: 't' },
      'CI_INPUT_CONFLICT',
      'token',
      'different hosts (packages.buildkite.com, ghcr.io)',
    ],
    [{ registry: 'acme/images', images: 'oci:.' }, 'CI_INPUT_MISSING', 'images', '"oci:." needs a name'],
    [
      { registry: 'acme/images', images: 'oci:build/image -> My App' },
      'CI_INPUT_INVALID',
      'images',
      'has spaces',
    ],
    [
      { registry: 'acme/images', images: 'oci:build/image -> MyApp' },
      'CI_INPUT_INVALID',
      'images',
      '"oci:build/image -> MyApp"',
    ],
    [
      { registry: 'acme/images', images: 'docker:web:1\npodman:web:2' },
      'CI_INPUT_CONFLICT',
      'images',
      'are both named "web"',
    ],
    [
      { registry: 'acme/images', images: 'dir:x -> app' },
      'CI_INPUT_INVALID',
      'images',
      '`images`: invalid image source "dir:x"',
    ],
    [
      { registry: 'acme/images', images: 'docker:app', tags: '{{tag}}' },
      'CI_INPUT_INVALID',
      'tags',
      'no tag is left',
    ],
    [
      { registry: 'acme/images', images: 'docker:app', tags: '{{nope}}' },
      'CI_INPUT_INVALID',
      'tags',
      '`tags`: "{{nope}}": ',
    ],
    [
      { registry: 'acme/images', images: 'docker:app', compression: 'brotli' },
      'CI_INPUT_INVALID',
      'compression',
      'not "brotli"',
    ],
    [
      { registry: 'acme/images', images: 'docker:app', retries: '50' },
      'CI_INPUT_INVALID',
      'retries',
      'from 0 to 10, not "50"',
    ],
  ])('%j: %s on %s', (given, code, input, message) => {
    const error = failure(() => planAction(inputsOf(given), BRANCH_RUN));
    expect(error).toMatchObject({ code, input, name: 'ActionError' });
    expect(error.message).toContain(message);
  });

  test('fixes are given with the refusals that need one', () => {
    const error = failure(() =>
      planAction(inputsOf({ registry: 'acme/images', images: 'docker:app', auth: 'token' }), BRANCH_RUN),
    );
    expect(error.hint).toContain('token: ${{ secrets.PACKAGES_TOKEN }}');
  });
});

describe('tagContext', () => {
  const now = new Date('2026-02-03T04:05:06Z');
  test.each([
    [
      'branch push',
      BRANCH_RUN,
      {
        branch: 'feature/Login',
        commit: BRANCH_RUN.sha,
        buildNumber: '42',
        buildId: '9000',
        pipeline: 'acme/app',
      },
    ],
    [
      'tag push',
      { ref: 'refs/tags/v1.2.0', refName: 'v1.2.0', refType: 'tag', runNumber: '7' },
      { gitTag: 'v1.2.0', buildNumber: '7' },
    ],
    [
      'pull request',
      { ref: 'refs/pull/7/merge', refName: '7/merge', headRef: 'feature/x', runNumber: '8' },
      { branch: 'feature/x', buildNumber: '8' },
    ],
    ['pull request without head ref', { ref: 'refs/pull/7/merge', refName: '7/merge' }, {}],
    ['only GITHUB_REF_NAME', { refName: 'main' }, { branch: 'main' }],
  ])('%s', (_title, runner, expected) => {
    expect(tagContext(runner)).toEqual(expected);
    expect(tagContext(runner, now)).toEqual({ ...expected, date: now });
  });

  test('{{date}} renders from the time given, and is skipped without it', () => {
    const inputs = inputsOf({ registry: 'acme/images', images: 'docker:app', tags: 'd-{{date}}, latest' });
    expect(planAction(inputs, {}, { now }).images[0]!.tags).toEqual(['d-20260203', 'latest']);
    expect(planAction(inputs, {}).images[0]).toMatchObject({ tags: ['latest'], skippedTags: ['d-{{date}}'] });
  });
});

describe('local-registry-mirror', () => {
  test('lists the upstreams and implies the local registry, with nothing to push', () => {
    const plan = planAction(inputsOf({ 'local-registry-mirror': 'docker.io\nghcr.io, quay.io' }), BRANCH_RUN);
    expect(plan.localRegistry).toBe(true);
    expect(plan.localRegistryMirrors).toEqual(['docker.io', 'ghcr.io', 'quay.io']);
    expect(plan.images).toEqual([]);
  });
});

describe('packages-host', () => {
  test('moves {org}/{registry} and its OIDC audience to the host', () => {
    const plan = planAction(
      inputsOf({ registry: 'acme/images', images: 'docker:app:ci', 'packages-host': '127.0.0.1:5000' }),
      BRANCH_RUN,
    );
    expect(plan.registries[0]).toMatchObject({
      target: { kind: 'buildkite', host: '127.0.0.1:5000', prefix: '127.0.0.1:5000/acme/images' },
      auth: { method: 'oidc', audience: 'https://127.0.0.1:5000/acme/images' },
    });
  });
});
