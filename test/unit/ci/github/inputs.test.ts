import { afterEach, describe, expect, test, vi } from 'vitest';
import { INPUT_NAMES, getInputs, readRunnerEnv } from '../../../../src/ci/github/index.js';
import { inputEnv } from '../../../integration/action-runner.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

/** Sets the variables the runner would set for `with:` values (action.yml defaults included). */
function stubInputs(inputs: Record<string, string>): void {
  for (const [name, value] of Object.entries(inputEnv(inputs))) vi.stubEnv(name, value);
}

describe('getInputs', () => {
  test('reads every input from INPUT_<NAME>, dashes kept, trimmed', () => {
    stubInputs({
      registry: ' acme/images\n',
      images: 'docker:app:ci\noci:out -> web\n',
      'local-registry': 'true',
    });
    expect(process.env['INPUT_LOCAL-REGISTRY']).toBe('true');
    const inputs = getInputs();
    expect(Object.keys(inputs).sort()).toEqual([...INPUT_NAMES].sort());
    expect(inputs).toMatchObject({
      registry: 'acme/images',
      images: 'docker:app:ci\noci:out -> web',
      'local-registry': 'true',
      compression: 'gzip',
      retries: '3',
      push: 'true',
      summary: 'true',
      token: '',
    });
  });

  test('masks the token as soon as it is read, and only a token that is set', () => {
    const writes: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      writes.push(String(chunk));
      return true;
    });
    stubInputs({ token: 's3cr3t-value' });
    expect(getInputs().token).toBe('s3cr3t-value');
    expect(writes).toEqual(['::add-mask::s3cr3t-value\n']);
    writes.length = 0;
    stubInputs({ token: '' });
    getInputs();
    expect(writes).toEqual([]);
  });
});

describe('readRunnerEnv', () => {
  test('reads the run facts, leaving out empty ones', () => {
    expect(
      readRunnerEnv({
        GITHUB_REF: 'refs/heads/main',
        GITHUB_REF_NAME: 'main',
        GITHUB_REF_TYPE: 'branch',
        GITHUB_HEAD_REF: '',
        GITHUB_SHA: 'abc',
        GITHUB_RUN_NUMBER: '12',
        GITHUB_RUN_ID: '345',
        GITHUB_REPOSITORY: 'acme/app',
        RUNNER_TEMP: '/runner/_temp',
        GITHUB_WORKSPACE: ' /work ',
      }),
    ).toEqual({
      ref: 'refs/heads/main',
      refName: 'main',
      refType: 'branch',
      sha: 'abc',
      runNumber: '12',
      runId: '345',
      repository: 'acme/app',
      runnerTemp: '/runner/_temp',
      workspace: '/work',
      oidc: 'unavailable',
    });
    expect(readRunnerEnv({})).toEqual({ oidc: 'unavailable' });
    expect(
      readRunnerEnv({ ACTIONS_ID_TOKEN_REQUEST_URL: 'https://x', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't' }),
    ).toEqual({ oidc: 'available' });
  });
});
