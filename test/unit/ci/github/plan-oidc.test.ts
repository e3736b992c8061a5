import { describe, expect, test } from 'vitest';
import { failureSummary, planAction } from '../../../../src/ci/github/index.js';
import { resolveTarget } from '../../../../src/publish/index.js';
import { renderPullInstructions } from '../../../../src/render/index.js';
import { BRANCH_RUN, inputsOf } from './inputs-fixture.js';
import { ContainerPackageError } from '../../../../src/errors.js';

describe('a missing id-token: write permission', () => {
  const inputs = inputsOf({ registry: 'acme/images', images: 'docker:app:ci' });

  test('is found when planning, before anything is pushed', () => {
    expect(() => planAction(inputs, { ...BRANCH_RUN, oidc: 'unavailable' })).toThrow(
      expect.objectContaining({
        code: 'CI_OIDC_UNAVAILABLE',
        hint: expect.stringContaining('id-token: write'),
      }),
    );
  });

  test('is no matter when the job may mint tokens, pushes nothing, or logs in with a token', () => {
    expect(planAction(inputs, { ...BRANCH_RUN, oidc: 'available' }).registries).toHaveLength(1);
    expect(
      planAction(inputsOf({ ...inputs, push: 'false' }), { ...BRANCH_RUN, oidc: 'unavailable' }).push,
    ).toBe(false);
    expect(
      planAction(inputsOf({ registry: 'ghcr.io/acme', images: 'docker:app:ci' }), {
        ...BRANCH_RUN,
        oidc: 'unavailable',
      }).registries,
    ).toHaveLength(1);
  });
});

describe("the job summary in the action's words", () => {
  test('a 401 names the `token` input, not the plugin options', () => {
    const error = Object.assign(new ContainerPackageError('CLIENT_UNAUTHORIZED', 'refused'), { status: 401 });
    const summary = failureSummary(error, { target: resolveTarget('ghcr.io/acme') });
    expect(summary).toContain('the `token` input');
    expect(summary).not.toContain('token-env');
  });

  test('a missing source says an earlier step builds it, not "before the plugin runs"', () => {
    const error = new ContainerPackageError('SRC_ENGINE_IMAGE_NOT_FOUND', 'no such image');
    const summary = failureSummary(error, { source: 'docker:app:ci' });
    expect(summary).toContain('An earlier step of the job must build it');
    expect(summary).not.toContain('plugin');
  });

  test("a hint's code spans stay code spans", () => {
    const error = new ContainerPackageError('CI_INPUT_MISSING', 'needs a name', {
      hint: 'Write `oci:. -> app`.',
    });
    const summary = failureSummary(error);
    expect(summary).toContain('`oci:. -> app`');
    expect(summary).not.toContain('\\`');
  });
});

test('the login hint of the pull instructions uses the configured username', () => {
  const plan = planAction(
    inputsOf({
      registry: 'ghcr.io/acme',
      images: 'docker:app:ci',
      auth: 'token',
      token: 'x',
      username: 'alice',
    }),
    BRANCH_RUN,
  );
  const target = plan.registries[0]!.target;
  const markdown = renderPullInstructions([
    {
      source: 'docker:app:ci',
      name: 'app',
      digest: `sha256:${'a'.repeat(64)}`,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      size: 1,
      references: ['ghcr.io/acme/app:1'],
      registry: { host: target.host, kind: target.kind, visibility: 'private', username: target.username! },
    },
  ]);
  expect(markdown).toContain('-u alice');
  expect(markdown).not.toContain('USERNAME');
});
