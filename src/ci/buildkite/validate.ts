/**
 * Validates the plugin's configuration: first against the schema of `plugin.yml` (every problem,
 * each naming its YAML path), then the rules a schema cannot say (`auth: oidc` with `token-env`,
 * a token pasted where a variable name belongs, tag templates and sources that cannot parse).
 * Pure: no environment, no I/O; what depends on the build is checked by `plan.ts`.
 */
import { renderTagTemplate } from '../../reference/index.js';
import { parseSource } from '../../sources/spec.js';
import { checkSchema } from './check-schema.js';
import type { AuthOptions, PluginConfig } from './config.js';
import { formatPath, isSecretKeyName, looksSecret, type PathSegment } from './describe-value.js';
import { ConfigError, type ConfigIssue } from './errors.js';
import { ENV_NAME_PATTERN, MAX_ANNOTATION_CONTEXT, PLUGIN_SCHEMA } from './schema.js';

const PATTERNS = {
  [ENV_NAME_PATTERN]:
    'the name of an environment variable or secret (letters, digits and _, not starting with a digit)',
};

const NO_LITERAL_TOKENS =
  'a token never goes in pipeline YAML (the YAML is stored with every build and shown in the UI). Put it in an environment variable and write `token-env: NAME`, or store it as a Buildkite secret and write `secret: NAME`';

/** Placeholder values for every template placeholder, to find syntax errors without a build. */
const SAMPLE_CONTEXT = {
  branch: 'main',
  buildNumber: 1,
  buildId: 'b',
  jobId: 'j',
  commit: '0123456789abcdef',
  gitTag: 'v1',
  pipeline: 'p',
  date: new Date(0),
};

/**
 * Checks a raw configuration (parsed YAML or JSON) and returns it typed.
 *
 * @param origin where the configuration came from, named in the message (e.g. `BUILDKITE_PLUGIN_CONFIGURATION`)
 * @throws {ConfigError} `CI_CONFIG_INVALID` when it breaks the schema or a value cannot parse;
 *   `CI_CONFIG_CONFLICT` when options contradict each other. `issues` lists every problem.
 */
export function validatePluginConfig(raw: unknown, origin = 'the plugin configuration'): PluginConfig {
  const issues = checkSchema(raw, PLUGIN_SCHEMA, { patterns: PATTERNS, unknownKey });
  if (issues.length === 0) issues.push(...checkValues(raw as PluginConfig));
  if (issues.length > 0) throw configError('CI_CONFIG_INVALID', origin, issues);
  const conflicts = checkConflicts(raw as PluginConfig);
  if (conflicts.length > 0) throw configError('CI_CONFIG_CONFLICT', origin, conflicts);
  return raw as PluginConfig;
}

function unknownKey(key: string, where: string): string | undefined {
  if (!isSecretKeyName(key)) return undefined;
  const at = where === '' ? key : `${where}.${key}`;
  return `\`${at}\` is not an option: ${NO_LITERAL_TOKENS}`;
}

/** Values that have the right shape but cannot be used: tokens in name fields, bad templates and sources. */
function checkValues(config: PluginConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const authIssues = (options: AuthOptions, path: PathSegment[]): void => {
    for (const key of ['token-env', 'secret'] as const) {
      const value = options[key];
      if (value !== undefined && looksSecret(value)) {
        const where = formatPath([...path, key]);
        issues.push({
          path: where,
          message: `\`${where}\` takes the NAME of where the token is, and this value looks like a token itself (not shown): ${NO_LITERAL_TOKENS}. If it was a real token, revoke it.`,
        });
      }
    }
  };
  authIssues(config, []);
  if (Array.isArray(config.registry)) {
    config.registry.forEach((item, i) => {
      if (typeof item !== 'string') authIssues(item, ['registry', i]);
    });
  }
  const templates = (tags: readonly string[] | undefined, path: PathSegment[]): void =>
    tags?.forEach((template, i) => {
      try {
        renderTagTemplate(template, SAMPLE_CONTEXT);
      } catch (error) {
        const where = formatPath([...path, i]);
        issues.push({ path: where, message: `\`${where}\`: ${(error as Error).message}` });
      }
    });
  templates(config.tags, ['tags']);
  config.images?.forEach((image, i) => {
    const source = typeof image === 'string' ? image : image.source;
    const path: PathSegment[] = typeof image === 'string' ? ['images', i] : ['images', i, 'source'];
    try {
      parseSource(source);
    } catch (error) {
      const where = formatPath(path);
      issues.push({ path: where, message: `\`${where}\`: ${(error as Error).message}` });
    }
    if (typeof image !== 'string') templates(image.tags, ['images', i, 'tags']);
  });
  const context = typeof config.annotate === 'object' ? config.annotate.context : undefined;
  if (context !== undefined && context.length > MAX_ANNOTATION_CONTEXT) {
    issues.push({
      path: 'annotate.context',
      message: `\`annotate.context\` must be at most ${MAX_ANNOTATION_CONTEXT} characters, got ${context.length}`,
    });
  }
  return issues;
}

/** Options that are each fine but contradict each other. */
function checkConflicts(config: PluginConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const auth = (options: AuthOptions, path: PathSegment[]): void => {
    const at = (key: string): string => formatPath([...path, key]);
    const method = options.auth;
    const tokenEnv = options['token-env'] !== undefined;
    const secret = options.secret !== undefined;
    if (tokenEnv && secret) {
      issues.push({
        path: at('secret'),
        message: `\`${at('token-env')}\` and \`${at('secret')}\` are two sources for one token: keep one`,
      });
    } else if (method === 'token-env' && !tokenEnv) {
      issues.push({
        path: at('auth'),
        message: `\`${at('auth')}: token-env\` needs \`${at('token-env')}: NAME\`, the environment variable that holds the token`,
      });
    } else if (method === 'secret' && !secret) {
      issues.push({
        path: at('auth'),
        message: `\`${at('auth')}: secret\` needs \`${at('secret')}: NAME\`, the Buildkite secret that holds the token`,
      });
    } else if (
      method !== undefined &&
      method !== 'token-env' &&
      method !== 'secret' &&
      (tokenEnv || secret)
    ) {
      const key = tokenEnv ? 'token-env' : 'secret';
      issues.push({
        path: at(key),
        message: `\`${at('auth')}: ${method}\` uses no token, but \`${at(key)}\` is set: remove one of them`,
      });
    }
    const effective = method ?? (tokenEnv ? 'token-env' : secret ? 'secret' : undefined);
    if (options.audience !== undefined && effective !== undefined && effective !== 'oidc') {
      issues.push({
        path: at('audience'),
        message: `\`${at('audience')}\` is for OIDC logins, but this login is ${effective}`,
      });
    }
  };
  auth(config, []);
  if (Array.isArray(config.registry)) {
    config.registry.forEach((item, i) => {
      if (typeof item !== 'string') auth(item, ['registry', i]);
    });
  }
  if (config.images !== undefined && config.registry === undefined) {
    issues.push({
      path: 'registry',
      message: '`images` are listed but no `registry` to push them to: add `registry: {org}/{registry}`',
    });
  }
  if (config.registry === undefined && config.images === undefined && !config['local-registry']) {
    issues.push({
      path: '',
      message:
        'the configuration does nothing: give `registry` and `images` to push, `registry` alone to log in for the command, or `local-registry: true`',
    });
  }
  return issues;
}

function configError(
  code: 'CI_CONFIG_INVALID' | 'CI_CONFIG_CONFLICT',
  origin: string,
  issues: ConfigIssue[],
): ConfigError {
  const lines = issues.map((issue) => `  - ${issue.message}`).join('\n');
  const count = issues.length === 1 ? 'a problem' : `${issues.length} problems`;
  return new ConfigError(code, `the container-package configuration (${origin}) has ${count}:\n${lines}`, {
    issues,
    hint: "Fix the plugin's settings in the pipeline YAML; plugin.yml and docs/buildkite-plugin.md list every option.",
  });
}
