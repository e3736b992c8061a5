import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { envKey, fromFlattenedEnv } from '../../../../src/ci/buildkite/flattened-env.js';
import { PLUGIN_ENV_PREFIX, PLUGIN_SCHEMA } from '../../../../src/ci/buildkite/index.js';
import { pluginEnvironment, pluginName } from './agent-env.js';
import { arbitraryFor } from './arbitraries.js';

const PLUGIN = 'github.com/acme/container-package-buildkite-plugin#v1.0.0';

/** What the agent sets, minus the JSON, so only the flattened variables are left to read. */
function flattened(config: Record<string, unknown>): Record<string, string> {
  const env = pluginEnvironment(PLUGIN, config);
  delete env.BUILDKITE_PLUGIN_CONFIGURATION;
  return env;
}

/** The agent writes nothing for `{}`, so an empty mapping cannot come back; drop them before comparing. */
function withoutEmptyMappings(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmptyMappings);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value)
    .map(([k, v]) => [k, withoutEmptyMappings(v)] as const)
    .filter(
      ([, v]) => !(typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0),
    );
  return Object.fromEntries(entries);
}

describe('agent naming (ported from agent/plugin/plugin.go)', () => {
  test.each([
    ['github.com/acme/container-package-buildkite-plugin#v1.0.0', 'container-package'],
    ['acme/container-package', 'container-package'],
    ['https://git.example.com/x/Container_Package-buildkite-plugin.git', 'container-package'],
    ['./.buildkite/plugins/container-package', 'container-package'],
  ])('%s is named %s', (location, name) => {
    expect(pluginName(location)).toBe(name);
  });

  test('the prefix of this plugin is BUILDKITE_PLUGIN_CONTAINER_PACKAGE', () => {
    expect(`BUILDKITE_PLUGIN_${envKey(pluginName(PLUGIN))}`).toBe(PLUGIN_ENV_PREFIX);
  });
});

describe('fromFlattenedEnv', () => {
  test('rebuilds a configuration with YAML key spellings, lists, nested mappings, booleans and numbers', () => {
    const config = {
      registry: ['acme/images', { url: 'ghcr.io/acme', 'token-env': 'GHCR_TOKEN' }],
      images: ['docker:app', { source: 'oci:out', name: 'web', tags: ['{{build.number}}', 'latest'] }],
      annotate: { context: 'imgs', priority: 7 },
      'meta-data': false,
      retries: 5,
      'local-registry': { port: 5000, 'export-as': 'REG' },
    };
    const env = flattened(config);
    expect(env).toMatchObject({
      BUILDKITE_PLUGIN_CONTAINER_PACKAGE_REGISTRY_1_TOKEN_ENV: 'GHCR_TOKEN',
      BUILDKITE_PLUGIN_CONTAINER_PACKAGE_IMAGES_1_TAGS_0: '{{build.number}}',
      BUILDKITE_PLUGIN_CONTAINER_PACKAGE_META_DATA: 'false',
      BUILDKITE_PLUGIN_CONTAINER_PACKAGE_LOCAL_REGISTRY_EXPORT_AS: 'REG',
    });
    expect(fromFlattenedEnv(env, PLUGIN_ENV_PREFIX, PLUGIN_SCHEMA)).toEqual(config);
  });

  test('gives back every valid configuration the agent flattens (property)', () => {
    fc.assert(
      fc.property(arbitraryFor(PLUGIN_SCHEMA, false), (config) => {
        const env = flattened(config as Record<string, unknown>);
        expect(fromFlattenedEnv(env, PLUGIN_ENV_PREFIX, PLUGIN_SCHEMA) ?? {}).toEqual(
          withoutEmptyMappings(config),
        );
      }),
      { numRuns: 300 },
    );
  });

  test('keeps text where the schema wants a boolean or a number but the text is not one, for validation to report', () => {
    const env = {
      BUILDKITE_PLUGIN_CONTAINER_PACKAGE_ANNOTATE: 'yes',
      BUILDKITE_PLUGIN_CONTAINER_PACKAGE_RETRIES: 'three',
      BUILDKITE_PLUGIN_CONTAINER_PACKAGE_REGISTRY: 'true',
    };
    expect(fromFlattenedEnv(env, PLUGIN_ENV_PREFIX, PLUGIN_SCHEMA)).toEqual({
      annotate: 'yes',
      retries: 'three',
      registry: 'true',
    });
  });

  test('turns unknown variables into unknown keys, at the top level and inside items', () => {
    const env = {
      BUILDKITE_PLUGIN_CONTAINER_PACKAGE_REGISTRY: 'acme/images',
      BUILDKITE_PLUGIN_CONTAINER_PACKAGE_IMAGEZ_0_SOURCE: 'docker:app',
      BUILDKITE_PLUGIN_CONTAINER_PACKAGE_API_TOKEN: 'bkua_x',
      BUILDKITE_PLUGIN_CONTAINER_PACKAGE_AUTH_TOKEN: 'bkua_y',
      BUILDKITE_PLUGIN_CONTAINER_PACKAGE_IMAGES_0_SOURCE: 'docker:app',
      BUILDKITE_PLUGIN_CONTAINER_PACKAGE_IMAGES_0_TAG: 'latest',
    };
    expect(fromFlattenedEnv(env, PLUGIN_ENV_PREFIX, PLUGIN_SCHEMA)).toEqual({
      registry: 'acme/images',
      imagez: 'docker:app',
      'api-token': 'bkua_x',
      'auth-token': 'bkua_y',
      images: [{ source: 'docker:app', tag: 'latest' }],
    });
  });

  test('is undefined when no variable has the prefix, and ignores other plugins', () => {
    expect(
      fromFlattenedEnv(
        { BUILDKITE_PLUGIN_DOCKER_IMAGE: 'x', BUILDKITE_PLUGIN_NAME: 'DOCKER' },
        PLUGIN_ENV_PREFIX,
        PLUGIN_SCHEMA,
      ),
    ).toBeUndefined();
  });
});
