import { describe, expect, test } from 'vitest';
import {
  errorCode,
  failureInput,
  failureMessage,
  failureSummary,
  missingInput,
  planAction,
} from '../../../../src/ci/github/index.js';
import { RegistryError } from '../../../../src/client/index.js';
import { ContainerPackageError } from '../../../../src/errors.js';
import { renderFailure } from '../../../../src/render/index.js';
import { BRANCH_RUN, inputsOf } from './inputs-fixture.js';

function unauthorized(): ContainerPackageError {
  const error = new ContainerPackageError(
    'CLIENT_UNAUTHORIZED',
    'packages.buildkite.com refused the credentials',
    {
      hint: 'check the login',
    },
  );
  return Object.assign(error, { status: 401 });
}

describe('failureMessage', () => {
  test.each([
    [
      missingInput('token', '`auth` is `token`, but `token` is empty', 'Pass the token.'),
      '`auth` is `token`, but `token` is empty (CI_INPUT_MISSING)\nPass the token.',
    ],
    [new ContainerPackageError('SRC_NOT_FOUND', 'no image app:ci'), 'no image app:ci (SRC_NOT_FOUND)'],
    [new TypeError('boom'), 'boom (CI_UNEXPECTED)'],
    ['a string', 'a string (CI_UNEXPECTED)'],
  ])('%s', (error, message) => {
    expect(failureMessage(error)).toBe(message);
  });

  test('errorCode', () => {
    expect(errorCode(missingInput('x', 'y'))).toBe('CI_INPUT_MISSING');
    expect(errorCode(new Error('x'))).toBe('CI_UNEXPECTED');
  });
});

describe('failureSummary', () => {
  const [bk] = planAction(inputsOf({ registry: 'acme/images', images: 'docker:app' }), BRANCH_RUN).registries;

  test('an input error is the shared renderer output', () => {
    const error = missingInput('images', '`images` is empty', 'List the images.');
    expect(failureSummary(error)).toBe(
      renderFailure({ code: 'CI_INPUT_MISSING', message: '`images` is empty', hint: 'List the images.' }),
    );
  });

  test('the failing registry, source and HTTP status reach the renderer', () => {
    expect(
      failureInput(unauthorized(), { target: bk!.target, source: 'docker:app', auth: bk!.auth }),
    ).toEqual({
      code: 'CLIENT_UNAUTHORIZED',
      message: 'packages.buildkite.com refused the credentials',
      hint: 'check the login',
      status: 401,
      source: 'docker:app',
      registry: {
        host: 'packages.buildkite.com',
        kind: 'buildkite',
        organization: 'acme',
        registry: 'images',
      },
    });
  });

  test('an OIDC login refused adds what GitHub Actions needs', () => {
    const summary = failureSummary(unauthorized(), {
      target: bk!.target,
      auth: bk!.auth,
      source: 'docker:app',
    });
    expect(summary).toContain('### Publishing container images failed');
    expect(summary).toContain('**On GitHub Actions**');
    expect(summary).toContain('- iss: https://token.actions.githubusercontent.com');
    expect(summary).toContain('`https://packages.buildkite.com/acme/images`');
    expect(summary).toContain('permissions: id-token: write');
  });

  test('a token login refused, or another failure, gets no OIDC section', () => {
    const [token] = planAction(
      inputsOf({ registry: 'acme/images', images: 'docker:app', token: 't' }),
      BRANCH_RUN,
    ).registries;
    expect(failureSummary(unauthorized(), { target: token!.target, auth: token!.auth })).not.toContain(
      'On GitHub Actions',
    );
    const notFound = new ContainerPackageError('SRC_NOT_FOUND', 'no image');
    expect(failureSummary(notFound, { target: bk!.target, auth: bk!.auth })).not.toContain(
      'On GitHub Actions',
    );
  });

  test('a registry error keeps its HTTP status and code', () => {
    const error = new RegistryError({
      status: 403,
      method: 'PUT',
      url: 'https://packages.buildkite.com/v2/acme/images/app/manifests/42',
      diagnostics: [{ code: 'DENIED', message: 'no write_packages' }],
    });
    expect(failureInput(error)).toMatchObject({ code: 'CLIENT_DENIED', status: 403 });
    expect(failureSummary(error, { target: bk!.target, auth: bk!.auth })).toContain('write_packages');
  });
});
