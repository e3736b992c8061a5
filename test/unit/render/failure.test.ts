import { describe, expect, test } from 'vitest';
import { renderFailure, type FailureInput } from '../../../src/render/index.js';

const buildkite = {
  host: 'packages.buildkite.com',
  kind: 'buildkite',
  organization: 'acme',
  registry: 'images',
} as const;
const ghcr = { host: 'ghcr.io', kind: 'generic' } as const;

const lines = (failure: FailureInput): string[] => renderFailure(failure).split('\n');

describe('renderFailure', () => {
  test('401 on Buildkite Packages: the exact audience and an OIDC policy statement this pipeline would match', () => {
    const out = lines({
      code: 'CLIENT_UNAUTHORIZED',
      status: 401,
      message: 'PUT /v2/acme/images/app/manifests/42: 401 Unauthorized',
      registry: buildkite,
      pipeline: 'web',
      hint: 'Check the OIDC policy.',
    });
    expect(out[0]).toBe('### Publishing container images failed');
    expect(out).toContain(
      '**Cause** `CLIENT_UNAUTHORIZED` (`packages.buildkite.com/acme/images`): PUT /v2/acme/images/app/manifests/42\\: 401 Unauthorized',
    );
    expect(out.find((line) => line.startsWith('- **OIDC**'))).toContain(
      'must be exactly `https://packages.buildkite.com/acme/images`',
    );
    expect(out).toContain('- iss: https://agent.buildkite.com');
    expect(out).toContain('  scopes: [read_packages, write_packages]');
    expect(out).toContain('    organization_slug: acme');
    expect(out).toContain('    pipeline_slug: web');
    expect(out.find((line) => line.startsWith('- **Token**'))).toContain('the login user is `buildkite`');
    // The fix replaces the error's own hint, which is written for the CLI.
    expect(out).not.toContain('Check the OIDC policy\\.');
  });

  test("a generic 401's fix is not followed by the CLI's hint (log in again, passing the password on stdin)", () => {
    const body = renderFailure({
      code: 'CLIENT_UNAUTHORIZED',
      status: 401,
      message: 'GET /token: 401',
      registry: ghcr,
      hint: 'check the credentials for ghcr.io (log in again, passing the password on stdin)',
    });
    expect(body).toContain('The registry refused the credentials (401).');
    expect(body).not.toContain('passing the password on stdin');
    const other = renderFailure({ code: 'SRC_INVALID_ARCHIVE', message: 'x', hint: 'Export it again.' });
    expect(other).toContain('Export it again\\.');
  });

  test('403 on Buildkite Packages: the write_packages scope and the Write Packages token scope', () => {
    const out = lines({ code: 'CLIENT_DENIED', message: 'denied', registry: buildkite });
    expect(out).toContain(
      '- **OIDC**: the matching policy statement needs `scopes: [read_packages, write_packages]`.',
    );
    expect(out).toContain(
      '- **API access token**: it needs the **Write Packages** scope; registry tokens can only read.',
    );
  });

  test.each([
    [
      { code: 'CLIENT_REGISTRY_ERROR', status: 401, message: 'x', registry: ghcr },
      'The registry refused the credentials (401). Check the token',
    ],
    [
      { code: 'CLIENT_DENIED', message: 'x', registry: ghcr },
      'Give the token push (write) permission on this repository.',
    ],
    [{ code: 'CLIENT_RATE_LIMITED', message: 'x' }, 'The registry is rate limiting this agent.'],
    [{ code: 'CLIENT_RETRIES_EXHAUSTED', message: 'x' }, 'kept failing after every retry'],
    [{ code: 'CLIENT_REGISTRY_ERROR', status: 503, message: 'x' }, 'kept failing after every retry'],
  ])('%j has a fix', (failure, text) => {
    expect(renderFailure(failure)).toContain(text);
  });

  test('a missing source names it and shows how each kind of source is made', () => {
    const out = lines({
      code: 'SRC_ENGINE_IMAGE_NOT_FOUND',
      message: 'docker has no image app:ci',
      source: 'docker:app:ci',
    });
    expect(out).toContain(
      "The image source `docker:app:ci` was not found. The step's command must build it under that name before the plugin runs:",
    );
    expect(out).toContain(
      '- `docker build -t app:ci .` makes `docker:app:ci` (check with `docker image ls`);',
    );
    expect(out).toContain(
      '- `docker buildx build --output type=oci,dest=image.tar .` makes `oci-archive:image.tar`;',
    );
  });

  test('an error with no known fix shows its cause and hint only; a multi-line message goes in a code block', () => {
    const markdown = renderFailure(
      {
        code: 'CI_CONFIG_INVALID',
        message: 'the configuration has 2 problems:\n  - `push` bad\n  - ```x',
        hint: 'Fix the YAML.',
      },
      { title: 'Configuration', headingLevel: 4 },
    );
    expect(markdown).toBe(
      [
        '#### Configuration',
        '',
        '**Cause** `CI_CONFIG_INVALID`:',
        '',
        '````text',
        'the configuration has 2 problems:',
        '  - `push` bad',
        '  - ```x',
        '````',
        '',
        'Fix the YAML\\.',
        '',
      ].join('\n'),
    );
  });

  test('untrusted messages are escaped', () => {
    const markdown = renderFailure({ code: 'X', message: '<script>x</script> [click](http://evil)' });
    expect(markdown).toContain('&lt;script&gt;x&lt;/script&gt; \\[click\\]\\(http\\://evil\\)');
  });
});
