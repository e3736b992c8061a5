/**
 * Reads the plugin's raw configuration and the facts of the build from the environment. Reading
 * only: nothing is validated here (see `validate.ts`) and no default is applied (see `plan.ts`).
 *
 * Two ways in:
 *
 * - **Plugin** (`plugins: - container-package#vX: {...}` on a step): the agent passes this
 *   plugin's configuration as JSON in `BUILDKITE_PLUGIN_CONFIGURATION`, and also flattened into
 *   `BUILDKITE_PLUGIN_CONTAINER_PACKAGE_*` variables. The JSON is preferred; the flattened form
 *   is the fallback for agents or wrappers that do not set it.
 * - **Agent hook** (the same hooks installed in the agent's hooks directory, acting on every job):
 *   a YAML file in the repository (`.buildkite/container-package.yml`, or the path in
 *   `CONTAINER_PACKAGE_CONFIGURATION_FILE`, relative to the checkout) gives the base, and the
 *   agent's environment may override its top-level keys with JSON in
 *   `CONTAINER_PACKAGE_CONFIGURATION` or flattened `CONTAINER_PACKAGE_CONFIG_*` variables (named
 *   the way the agent names plugin variables: `CONTAINER_PACKAGE_CONFIG_REGISTRY=acme/images`,
 *   `CONTAINER_PACKAGE_CONFIG_IMAGES_0_SOURCE=docker:app`). Its own prefix keeps these apart from
 *   the variables this tool exports, such as `CONTAINER_PACKAGE_LOCAL_REGISTRY`.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { load } from 'js-yaml';
import { ConfigError } from './errors.js';
import { fromFlattenedEnv } from './flattened-env.js';
import { PLUGIN_SCHEMA } from './schema.js';

/** A configuration as read, before validation, with where it came from for messages. */
export interface RawConfig {
  readonly value: unknown;
  /** `BUILDKITE_PLUGIN_CONFIGURATION`, a file path, ...: named in validation messages. */
  readonly origin: string;
}

/** The variable the agent sets to this plugin's configuration as JSON. */
export const PLUGIN_CONFIGURATION_ENV = 'BUILDKITE_PLUGIN_CONFIGURATION';
/** Prefix of the flattened plugin variables (plugin name `container-package`). */
export const PLUGIN_ENV_PREFIX = 'BUILDKITE_PLUGIN_CONTAINER_PACKAGE';
/** Agent-hook mode: the whole configuration as JSON. */
export const AGENT_HOOK_CONFIGURATION_ENV = 'CONTAINER_PACKAGE_CONFIGURATION';
/** Agent-hook mode: path of the YAML file, relative to the checkout unless absolute. */
export const AGENT_HOOK_FILE_ENV = 'CONTAINER_PACKAGE_CONFIGURATION_FILE';
/** Agent-hook mode: prefix of flattened variables. */
export const AGENT_HOOK_ENV_PREFIX = 'CONTAINER_PACKAGE_CONFIG';
/** Agent-hook mode: the YAML file read when {@link AGENT_HOOK_FILE_ENV} is unset. */
export const DEFAULT_CONFIG_FILE = '.buildkite/container-package.yml';

/**
 * The plugin's configuration: `BUILDKITE_PLUGIN_CONFIGURATION` when set and not empty, else the
 * flattened `BUILDKITE_PLUGIN_CONTAINER_PACKAGE_*` variables, else `{}` (a plugin with no settings,
 * which validation then reports as doing nothing). JSON `null` (a step written
 * `- container-package#v1: ~`) reads as `{}`.
 *
 * @throws {ConfigError} `CI_CONFIG_UNREADABLE` when the JSON does not parse (its text is not shown)
 */
export function readPluginConfig(env: NodeJS.ProcessEnv = process.env): RawConfig {
  const json = env[PLUGIN_CONFIGURATION_ENV];
  if (json !== undefined && json.trim() !== '') {
    return { value: parseJson(json, PLUGIN_CONFIGURATION_ENV) ?? {}, origin: PLUGIN_CONFIGURATION_ENV };
  }
  const flat = fromFlattenedEnv(env, PLUGIN_ENV_PREFIX, PLUGIN_SCHEMA);
  if (flat !== undefined) return { value: flat, origin: `${PLUGIN_ENV_PREFIX}_* variables` };
  return { value: {}, origin: 'the plugin (no settings)' };
}

/** Options of {@link readAgentHookConfig}. */
export interface AgentHookOptions {
  /** Directory relative file paths start from. Default `BUILDKITE_BUILD_CHECKOUT_PATH`, else `process.cwd()`. */
  readonly cwd?: string;
}

/**
 * The configuration in agent-hook mode (see the module comment), or `undefined` when the job has
 * none at all, in which case the hooks do nothing for it. A missing default file is not an error;
 * a missing file named in `CONTAINER_PACKAGE_CONFIGURATION_FILE` is. Top-level keys from the
 * environment replace the file's.
 *
 * @throws {ConfigError} `CI_CONFIG_UNREADABLE` for unparsable JSON or YAML, a YAML file whose top
 *   level is not a mapping, or a named file that cannot be read
 */
export function readAgentHookConfig(
  env: NodeJS.ProcessEnv = process.env,
  options: AgentHookOptions = {},
): RawConfig | undefined {
  const named = nonEmpty(env[AGENT_HOOK_FILE_ENV]);
  const file = named ?? DEFAULT_CONFIG_FILE;
  const base = options.cwd ?? nonEmpty(env.BUILDKITE_BUILD_CHECKOUT_PATH) ?? process.cwd();
  const path = isAbsolute(file) ? file : join(base, file);
  const fromFile = readYamlFile(path, named !== undefined);
  const json = nonEmpty(env[AGENT_HOOK_CONFIGURATION_ENV]);
  const fromEnv =
    json !== undefined
      ? { value: parseJson(json, AGENT_HOOK_CONFIGURATION_ENV), origin: AGENT_HOOK_CONFIGURATION_ENV }
      : mapOrUndefined(
          fromFlattenedEnv(env, AGENT_HOOK_ENV_PREFIX, PLUGIN_SCHEMA),
          `${AGENT_HOOK_ENV_PREFIX}_* variables`,
        );
  if (fromFile === undefined) return fromEnv;
  if (fromEnv === undefined) return { value: fromFile, origin: path };
  if (!isMapping(fromEnv.value)) return fromEnv;
  return { value: { ...fromFile, ...fromEnv.value }, origin: `${path} with ${fromEnv.origin}` };
}

/** The facts of the build that tags, names and the push decision depend on. Empty variables are absent. */
export interface BuildEnv {
  readonly organization?: string;
  readonly pipeline?: string;
  readonly branch?: string;
  /** The git tag the build is for (`BUILDKITE_TAG`). */
  readonly tag?: string;
  readonly commit?: string;
  readonly buildNumber?: string;
  readonly buildId?: string;
  readonly jobId?: string;
  readonly stepKey?: string;
  readonly label?: string;
  /** The Packages host from `CONTAINER_PACKAGE_PACKAGES_HOST` (the `packages-host` key wins over it). */
  readonly packagesHost?: string;
  /** Exit status of the command (`BUILDKITE_COMMAND_EXIT_STATUS`); set in post-command, absent before. */
  readonly commandExitStatus?: number;
}

/** Reads {@link BuildEnv} from the `BUILDKITE_*` variables the agent sets for every job. */
export function readBuildEnv(env: NodeJS.ProcessEnv = process.env): BuildEnv {
  const status = nonEmpty(env.BUILDKITE_COMMAND_EXIT_STATUS);
  const entries = {
    organization: nonEmpty(env.BUILDKITE_ORGANIZATION_SLUG),
    pipeline: nonEmpty(env.BUILDKITE_PIPELINE_SLUG),
    branch: nonEmpty(env.BUILDKITE_BRANCH),
    tag: nonEmpty(env.BUILDKITE_TAG),
    commit: nonEmpty(env.BUILDKITE_COMMIT),
    buildNumber: nonEmpty(env.BUILDKITE_BUILD_NUMBER),
    buildId: nonEmpty(env.BUILDKITE_BUILD_ID),
    jobId: nonEmpty(env.BUILDKITE_JOB_ID),
    stepKey: nonEmpty(env.BUILDKITE_STEP_KEY),
    label: nonEmpty(env.BUILDKITE_LABEL),
    packagesHost: nonEmpty(env.CONTAINER_PACKAGE_PACKAGES_HOST),
    commandExitStatus: status !== undefined && /^-?\d+$/.test(status) ? Number(status) : undefined,
  };
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined)) as BuildEnv;
}

function readYamlFile(path: string, required: boolean): Record<string, unknown> | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigError('CI_CONFIG_UNREADABLE', `cannot read the configuration file ${path}`, {
      cause: error,
      hint: `Check ${AGENT_HOOK_FILE_ENV}; a relative path starts at the checkout directory.`,
    });
  }
  let value: unknown;
  try {
    value = load(text, { filename: path });
  } catch (error) {
    // js-yaml's message quotes the offending line; keep the reason and the position only.
    const { reason, mark } = error as { reason?: string; mark?: { line: number; column: number } };
    const where = mark === undefined ? '' : ` at line ${mark.line + 1}, column ${mark.column + 1}`;
    throw new ConfigError(
      'CI_CONFIG_UNREADABLE',
      `${path} is not valid YAML${where}: ${reason ?? 'parse error'}`,
    );
  }
  if (value === undefined || value === null) return {};
  if (!isMapping(value)) {
    throw new ConfigError(
      'CI_CONFIG_UNREADABLE',
      `${path} must hold a mapping of options (registry:, images:, ...)`,
      {
        hint: 'Write the same options as the plugin takes in pipeline YAML, at the top level of the file.',
      },
    );
  }
  return value;
}

function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // The parser's message quotes the text, which may hold a secret: say only where it failed.
    throw new ConfigError('CI_CONFIG_UNREADABLE', `${name} is not valid JSON`, {
      hint: `${name} is normally written by the Buildkite agent from the step's plugin settings; if you set it yourself, give a JSON object.`,
    });
  }
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mapOrUndefined(value: Record<string, unknown> | undefined, origin: string): RawConfig | undefined {
  return value === undefined ? undefined : { value, origin };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
