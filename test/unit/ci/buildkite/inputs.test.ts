import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  ConfigError,
  readAgentHookConfig,
  readBuildEnv,
  readPluginConfig,
} from '../../../../src/ci/buildkite/index.js';
import { newTempDir, writeFiles } from '../../../support/temp-dir.js';
import { pluginEnvironment } from './agent-env.js';

const config = {
  registry: 'acme/images',
  images: [{ source: 'docker:app', tags: ['{{build.number}}'] }],
  retries: 2,
};

function thrown(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('readPluginConfig', () => {
  test('prefers BUILDKITE_PLUGIN_CONFIGURATION, as the agent sets it', () => {
    const env = pluginEnvironment('acme/container-package#v1', config);
    env.BUILDKITE_PLUGIN_CONTAINER_PACKAGE_RETRIES = '9';
    expect(readPluginConfig(env)).toEqual({ value: config, origin: 'BUILDKITE_PLUGIN_CONFIGURATION' });
  });

  test('falls back to the flattened variables', () => {
    const env = pluginEnvironment('acme/container-package#v1', config);
    delete env.BUILDKITE_PLUGIN_CONFIGURATION;
    expect(readPluginConfig(env)).toEqual({
      value: config,
      origin: 'BUILDKITE_PLUGIN_CONTAINER_PACKAGE_* variables',
    });
  });

  test.each([[{ BUILDKITE_PLUGIN_CONFIGURATION: 'null' }], [{ BUILDKITE_PLUGIN_CONFIGURATION: '' }], [{}]])(
    'reads %j as no settings',
    (env) => {
      expect(readPluginConfig(env).value).toEqual({});
    },
  );

  test('bad JSON is CI_CONFIG_UNREADABLE and the message does not quote it', () => {
    const error = thrown(() => readPluginConfig({ BUILDKITE_PLUGIN_CONFIGURATION: '{"token": "bkua_leak' }));
    expect(error.code).toBe('CI_CONFIG_UNREADABLE');
    expect(error.message).toBe('BUILDKITE_PLUGIN_CONFIGURATION is not valid JSON');
    expect(`${error.message} ${error.hint} ${String(error.cause)}`).not.toContain('bkua_leak');
  });
});

describe('readAgentHookConfig', () => {
  test('is undefined when the job has no configuration at all', () => {
    expect(readAgentHookConfig({}, { cwd: newTempDir('checkout') })).toBeUndefined();
  });

  test('reads .buildkite/container-package.yml from the checkout', () => {
    const checkout = writeFiles(newTempDir('checkout'), {
      '.buildkite/container-package.yml': 'registry: acme/images\nimages:\n  - docker:app\n',
    });
    expect(readAgentHookConfig({ BUILDKITE_BUILD_CHECKOUT_PATH: checkout })).toEqual({
      value: { registry: 'acme/images', images: ['docker:app'] },
      origin: join(checkout, '.buildkite/container-package.yml'),
    });
  });

  test('environment variables override the file key by key', () => {
    const checkout = writeFiles(newTempDir('checkout'), {
      'ci/images.yaml': 'registry: acme/images\nimages: [docker:app]\npush: always\n',
    });
    const env = {
      CONTAINER_PACKAGE_CONFIGURATION_FILE: 'ci/images.yaml',
      CONTAINER_PACKAGE_CONFIG_REGISTRY: 'acme/other',
      CONTAINER_PACKAGE_CONFIG_META_DATA: 'false',
      CONTAINER_PACKAGE_LOCAL_REGISTRY: '127.0.0.1:5000',
    };
    const read = readAgentHookConfig(env, { cwd: checkout })!;
    expect(read.value).toEqual({
      registry: 'acme/other',
      images: ['docker:app'],
      push: 'always',
      'meta-data': false,
    });
    expect(read.origin).toBe(`${join(checkout, 'ci/images.yaml')} with CONTAINER_PACKAGE_CONFIG_* variables`);
  });

  test('JSON in CONTAINER_PACKAGE_CONFIGURATION is used without a file', () => {
    const env = { CONTAINER_PACKAGE_CONFIGURATION: JSON.stringify(config) };
    expect(readAgentHookConfig(env, { cwd: newTempDir('checkout') })).toEqual({
      value: config,
      origin: 'CONTAINER_PACKAGE_CONFIGURATION',
    });
  });

  test('an empty file is an empty configuration', () => {
    const checkout = writeFiles(newTempDir('checkout'), {
      '.buildkite/container-package.yml': '# nothing yet\n',
    });
    expect(readAgentHookConfig({}, { cwd: checkout })?.value).toEqual({});
  });

  test.each([
    [{ 'c.yml': 'registry: [acme\n' }, 'is not valid YAML at line'],
    [{ 'c.yml': '- a\n- b\n' }, 'must hold a mapping of options'],
    [{}, 'cannot read the configuration file'],
  ])('refuses %j with CI_CONFIG_UNREADABLE', (files, text) => {
    const checkout = writeFiles(newTempDir('checkout'), files);
    const error = thrown(() =>
      readAgentHookConfig({ CONTAINER_PACKAGE_CONFIGURATION_FILE: 'c.yml' }, { cwd: checkout }),
    );
    expect(error.code).toBe('CI_CONFIG_UNREADABLE');
    expect(error.message).toContain(text);
  });

  test('a YAML error names the place, not the line’s text', () => {
    const checkout = writeFiles(newTempDir('checkout'), {
      'c.yml': 'registry: acme/images\ntoken-env: "bkua_leak\n',
    });
    const error = thrown(() =>
      readAgentHookConfig({ CONTAINER_PACKAGE_CONFIGURATION_FILE: 'c.yml' }, { cwd: checkout }),
    );
    expect(error.message).not.toContain('bkua_leak');
  });
});

describe('readBuildEnv', () => {
  test('reads the BUILDKITE_* facts, leaving out empty ones', () => {
    expect(
      readBuildEnv({
        BUILDKITE_ORGANIZATION_SLUG: 'acme',
        BUILDKITE_PIPELINE_SLUG: 'web',
        BUILDKITE_BRANCH: 'feature/x',
        BUILDKITE_TAG: '',
        BUILDKITE_COMMIT: 'abc',
        BUILDKITE_BUILD_NUMBER: '42',
        BUILDKITE_BUILD_ID: 'b',
        BUILDKITE_JOB_ID: 'j',
        BUILDKITE_STEP_KEY: 'publish',
        BUILDKITE_LABEL: 'Publish',
        BUILDKITE_COMMAND_EXIT_STATUS: '1',
      }),
    ).toEqual({
      organization: 'acme',
      pipeline: 'web',
      branch: 'feature/x',
      commit: 'abc',
      buildNumber: '42',
      buildId: 'b',
      jobId: 'j',
      stepKey: 'publish',
      label: 'Publish',
      commandExitStatus: 1,
    });
  });

  test.each([
    ['0', 0],
    ['-1', -1],
    ['', undefined],
    ['x', undefined],
  ])('exit status %j reads as %j', (text, status) => {
    expect(readBuildEnv({ BUILDKITE_COMMAND_EXIT_STATUS: text }).commandExitStatus).toBe(status);
  });
});
