import { describe, expect, test } from 'vitest';
import { AgentError, ConfigError } from '../../../../src/ci/buildkite/index.js';
import { isContainerPackageError } from '../../../../src/errors.js';

describe('ConfigError', () => {
  test.each([
    'CI_CONFIG_UNREADABLE',
    'CI_CONFIG_INVALID',
    'CI_CONFIG_CONFLICT',
    'CI_CONFIG_UNRESOLVABLE',
  ] as const)('%s carries its code, name, message, hint and issues', (code) => {
    const issues = [{ path: 'images[0]', message: 'bad' }];
    const error = new ConfigError(code, 'the configuration is wrong', { issues, hint: 'fix it' });
    expect(error).toMatchObject({
      code,
      name: 'ConfigError',
      message: 'the configuration is wrong',
      hint: 'fix it',
      issues,
    });
    expect(isContainerPackageError(error)).toBe(true);
  });

  test('has no issues by default', () => {
    expect(new ConfigError('CI_CONFIG_UNREADABLE', 'x').issues).toEqual([]);
  });
});

describe('AgentError', () => {
  test.each([
    'CI_AGENT_NOT_FOUND',
    'CI_AGENT_FAILED',
    'CI_AGENT_TIMEOUT',
    'CI_AGENT_BAD_OUTPUT',
    'CI_AGENT_INVALID_ARGUMENT',
  ] as const)('%s carries its code, name, command and exit code', (code) => {
    const error = new AgentError(code, 'meta-data set', 'it failed', { exitCode: 1 });
    expect(error).toMatchObject({
      code,
      name: 'AgentError',
      command: 'meta-data set',
      exitCode: 1,
      message: 'it failed',
    });
    expect(isContainerPackageError(error)).toBe(true);
  });

  test('has no exit code or hint unless given', () => {
    expect(new AgentError('CI_AGENT_TIMEOUT', 'annotate', 'slow')).toMatchObject({
      exitCode: undefined,
      hint: undefined,
    });
  });
});
