import { describe, expect, test } from 'vitest';
import { hookMode } from '../../../../../src/ci/buildkite/hooks/context.js';

describe('hookMode', () => {
  test.each([
    [
      'a plugin hook (the agent sets the plugin name and configuration)',
      { BUILDKITE_PLUGIN_NAME: 'CONTAINER_PACKAGE', BUILDKITE_PLUGIN_CONFIGURATION: '{}' },
      'plugin',
    ],
    [
      'a plugin hook from an agent that sets only the JSON',
      { BUILDKITE_PLUGIN_CONFIGURATION: '{"registry":"a/b"}' },
      'plugin',
    ],
    [
      'a plugin hook given only flattened variables',
      { BUILDKITE_PLUGIN_CONTAINER_PACKAGE_REGISTRY: 'a/b' },
      'plugin',
    ],
    ['an agent-level hook (no plugin variables)', { BUILDKITE_BUILD_NUMBER: '1' }, 'agent'],
    [
      'an agent-level hook with empty plugin variables',
      { BUILDKITE_PLUGIN_NAME: '', BUILDKITE_PLUGIN_CONFIGURATION: '' },
      'agent',
    ],
    [
      'CONTAINER_PACKAGE_MODE=agent',
      { CONTAINER_PACKAGE_MODE: 'agent', BUILDKITE_PLUGIN_NAME: 'X' },
      'agent',
    ],
    ['CONTAINER_PACKAGE_MODE=plugin', { CONTAINER_PACKAGE_MODE: 'plugin' }, 'plugin'],
    ['an unknown CONTAINER_PACKAGE_MODE (detected instead)', { CONTAINER_PACKAGE_MODE: 'x' }, 'agent'],
  ])('%s', (_what, env, mode) => {
    expect(hookMode(env)).toBe(mode);
  });
});

describe('the hook names', () => {
  test('the CLI, the hooks module and hooks/ agree, in the order the agent runs them', async () => {
    const { HOOKS } = await import('../../../../../src/cli/run-hook.js');
    const { HOOK_NAMES } = await import('../../../../../src/ci/buildkite/hooks/run.js');
    const { readdirSync } = await import('node:fs');
    const { PLUGIN_DIR } = await import('../../../../support/buildkite-job.js');
    expect(HOOKS).toEqual(HOOK_NAMES);
    expect(readdirSync(`${PLUGIN_DIR}/hooks`).sort()).toEqual([...HOOK_NAMES].sort());
  });
});
