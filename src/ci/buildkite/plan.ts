/**
 * The one place defaults are applied: a validated configuration plus the build's facts become a
 * {@link PublishPlan}. Pure: no environment, no clock (the time is passed in), no I/O.
 */
import { fnv1a32, type TagContext } from '../../reference/index.js';
import type { PluginConfig } from './config.js';
import type { BuildEnv } from './inputs.js';
import { planImages } from './plan-images.js';
import { planRegistries } from './plan-registries.js';
import type { LocalRegistryPlan, PublishPlan, PushDecision, SummaryPlan } from './publish-plan.js';
import { MAX_ANNOTATION_CONTEXT } from './schema.js';

export type * from './publish-plan.js';
export { DEFAULT_TAGS, defaultName } from './plan-images.js';
export { BUILDKITE_USERNAME, OIDC_LIFETIME_SECONDS } from './plan-registries.js';

/** Every default of the configuration, in one place. */
export const PLAN_DEFAULTS = {
  push: 'success',
  retries: 3,
  compression: 'gzip',
  annotationStyle: 'success',
  /** Prefix of meta-data keys: `container-package:app:digest`. */
  metaDataPrefix: 'container-package',
  /** Annotation context: `container-package-{step key or job ID}`. */
  contextPrefix: 'container-package',
  localRegistryPort: 0,
  localRegistryEnv: 'CONTAINER_PACKAGE_LOCAL_REGISTRY',
} as const;

/** Options of {@link planPublish}. */
export interface PlanOptions {
  /** The build's time, for `{{date}}` and `{{timestamp}}`; without it those templates are skipped. */
  readonly now?: Date;
}

/**
 * Builds the plan. Tags are rendered with `missing: 'skip'`: a template whose value this build
 * lacks (`{{tag}}` on a branch build) is dropped and listed in `skippedTags`.
 *
 * @param config the output of `validatePluginConfig`
 * @param build the output of `readBuildEnv`
 * @throws {ConfigError} `CI_CONFIG_UNRESOLVABLE` or `CI_CONFIG_CONFLICT` (see `planRegistries` and `planImages`)
 */
export function planPublish(config: PluginConfig, build: BuildEnv, options: PlanOptions = {}): PublishPlan {
  const registries = planRegistries(
    config,
    build.organization,
    config['packages-host'] ?? build.packagesHost,
  );
  const outputs = metaData(config);
  const images = planImages(config, registries, tagContext(build, options.now), outputs?.prefix);
  return {
    registries,
    images,
    push: pushDecision(config, build),
    retries: config.retries ?? PLAN_DEFAULTS.retries,
    compression: config.compression ?? PLAN_DEFAULTS.compression,
    summary: summary(config, build),
    outputs,
    localRegistry: localRegistry(config),
    credentialScopes: registries
      .filter(({ auth }) => auth.method === 'oidc' || auth.method === 'token')
      .map(({ target }) => target.prefix),
  };
}

/** The tag-template context of a build. */
export function tagContext(build: BuildEnv, now?: Date): TagContext {
  const context: TagContext = {
    branch: build.branch,
    buildNumber: build.buildNumber,
    commit: build.commit,
    gitTag: build.tag,
    pipeline: build.pipeline,
    buildId: build.buildId,
    jobId: build.jobId,
    date: now,
  };
  return Object.fromEntries(Object.entries(context).filter(([, v]) => v !== undefined)) as TagContext;
}

/**
 * Whether to push: `never` never; `always` even after a failed command; `success` (the default)
 * unless the command's exit status is known and not 0. Before the command has run (no exit
 * status yet) `success` plans to push.
 */
export function pushDecision(config: PluginConfig, build: BuildEnv): PushDecision {
  const when = config.push ?? PLAN_DEFAULTS.push;
  const status = build.commandExitStatus;
  if (when === 'never') return { when, push: false, reason: 'push is "never": nothing is pushed' };
  if (when === 'always') {
    const after =
      status === undefined || status === 0 ? '' : ` (the command failed with exit status ${status})`;
    return { when, push: true, reason: `push is "always": pushing${after}` };
  }
  if (status === undefined) return { when, push: true, reason: 'pushing if the command succeeds' };
  if (status === 0) return { when, push: true, reason: 'the command succeeded: pushing' };
  return {
    when,
    push: false,
    reason: `the command failed with exit status ${status}, so nothing is pushed (set push: always to push anyway)`,
  };
}

/**
 * The annotation, or `undefined` with `annotate: false`. The default context is
 * `container-package-{BUILDKITE_STEP_KEY or BUILDKITE_JOB_ID}`, cut to 100 characters with a hash
 * suffix when longer, so each step has its own annotation and a retried job replaces it.
 */
export function summary(config: PluginConfig, build: BuildEnv): SummaryPlan | undefined {
  if (config.annotate === false) return undefined;
  const options = typeof config.annotate === 'object' ? config.annotate : {};
  const id = build.stepKey ?? build.jobId ?? 'job';
  return {
    context: options.context ?? fitContext(`${PLAN_DEFAULTS.contextPrefix}-${id}`),
    successStyle: options.style ?? PLAN_DEFAULTS.annotationStyle,
    priority: options.priority,
  };
}

function fitContext(context: string): string {
  if (context.length <= MAX_ANNOTATION_CONTEXT) return context;
  // FNV-1a as for cut tags: it keeps cut contexts apart without loading node:crypto in every hook.
  const hash = fnv1a32(context);
  return `${context.slice(0, MAX_ANNOTATION_CONTEXT - 9)}-${hash}`;
}

function metaData(config: PluginConfig): { prefix: string } | undefined {
  const option = config['meta-data'];
  if (option === false) return undefined;
  return { prefix: (typeof option === 'object' ? option.prefix : undefined) ?? PLAN_DEFAULTS.metaDataPrefix };
}

function localRegistry(config: PluginConfig): LocalRegistryPlan | undefined {
  const option = config['local-registry'];
  if (option === undefined || option === false) return undefined;
  const options = option === true ? {} : option;
  return {
    port: options.port ?? PLAN_DEFAULTS.localRegistryPort,
    mirrors: options.mirror ?? [],
    storage: options.storage,
    exportAs: options['export-as'] ?? PLAN_DEFAULTS.localRegistryEnv,
  };
}
