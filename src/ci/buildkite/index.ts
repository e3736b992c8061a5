/**
 * The Buildkite adapter: reads the plugin's configuration and the build's facts, validates and
 * plans, and talks to `buildkite-agent`. Import from here.
 */
export {
  MAX_ANNOTATION_BYTES,
  META_DATA_MISSING_STATUS,
  createAgent,
  fitAnnotation,
  type AgentOptions,
  type AnnotateRequest,
  type BuildkiteAgent,
  type OidcTokenRequest,
} from './agent.js';
export { AGENT_TIMEOUT_MS } from './agent-run.js';
export type * from './config.js';
export {
  AgentError,
  ConfigError,
  type AgentErrorCode,
  type ConfigErrorCode,
  type ConfigIssue,
} from './errors.js';
export {
  AGENT_HOOK_CONFIGURATION_ENV,
  AGENT_HOOK_ENV_PREFIX,
  AGENT_HOOK_FILE_ENV,
  DEFAULT_CONFIG_FILE,
  PLUGIN_CONFIGURATION_ENV,
  PLUGIN_ENV_PREFIX,
  readAgentHookConfig,
  readBuildEnv,
  readPluginConfig,
  type AgentHookOptions,
  type BuildEnv,
  type RawConfig,
} from './inputs.js';
export {
  BUILDKITE_USERNAME,
  DEFAULT_TAGS,
  OIDC_LIFETIME_SECONDS,
  PLAN_DEFAULTS,
  defaultName,
  planPublish,
  pushDecision,
  tagContext,
  type PlanOptions,
} from './plan.js';
export type * from './publish-plan.js';
export { AUTH_METHODS, MAX_ANNOTATION_CONTEXT, PLUGIN_SCHEMA, PUSH_WHEN } from './schema.js';
export { validatePluginConfig } from './validate.js';
