/**
 * The one place the action's defaults are applied: the step's inputs plus the runner's facts
 * become an {@link ActionPlan}. Pure: no environment, no clock (the time is passed in), no I/O.
 */
import type { TagContext } from '../../reference/index.js';
import { COMPRESSIONS, type Compression } from '../../sources/index.js';
import { ActionError, missingInput } from './errors.js';
import type { ActionInputs, RunnerEnv } from './inputs.js';
import { parseBooleanInput, parseChoice, parseIntegerInput, parseList } from './input-syntax.js';
import { planImages, type ActionImage } from './plan-images.js';
import { planRegistries, type ActionRegistry } from './plan-registries.js';

/** Every default of the inputs, in one place; `action.yml` declares the same (a unit test checks). */
export const ACTION_DEFAULTS = {
  compression: 'gzip',
  retries: 3,
  push: true,
  summary: true,
  localRegistry: false,
  /** Variable exported to later steps with the local registry's `127.0.0.1:PORT`. */
  localRegistryEnv: 'CONTAINER_PACKAGE_LOCAL_REGISTRY',
} as const;

/** Retries allowed in the `retries` input. */
export const RETRIES_RANGE = { min: 0, max: 10 } as const;

/** Everything the step does, decided before it does any of it. Holds no secret. */
export interface ActionPlan {
  readonly registries: readonly ActionRegistry[];
  readonly images: readonly ActionImage[];
  /** `false`: check the inputs and say what would be pushed, push nothing. */
  readonly push: boolean;
  /** Write the pull instructions (or the failure) to the job summary. */
  readonly summary: boolean;
  /** Start the bundled registry on 127.0.0.1 for the rest of the job, and push the images there too. */
  readonly localRegistry: boolean;
  /** Upstreams the local registry mirrors (`docker.io`, `ghcr.io`…); any implies `localRegistry`. */
  readonly localRegistryMirrors: readonly string[];
  readonly compression: Compression;
  /** Retries of a failed request. */
  readonly retries: number;
  /** Buildkite organization for `{registry}` shorthands, when given. */
  readonly organization: string | undefined;
  /**
   * Registry prefixes this step logs in to itself (OIDC or token): the step's docker config drops
   * what the runner's holds for them, so a stale login is never used instead.
   */
  readonly credentialScopes: readonly string[];
}

/** Options of {@link planAction}. */
export interface PlanOptions {
  /** The run's time, for `{{date}}` and `{{timestamp}}`; without it those templates are skipped. */
  readonly now?: Date;
}

/**
 * Builds the plan.
 *
 * @throws {ActionError} `CI_INPUT_*` naming the input (see `planRegistries`, `planImages`), and
 *   `CI_INPUT_MISSING` when there is nothing to do: no `images` (unless `local-registry` is on),
 *   or images but no `registry` and no local registry; `CI_OIDC_UNAVAILABLE` when a registry logs
 *   in with OIDC and the runner says the job may not mint a token (no `id-token: write`)
 */
export function planAction(inputs: ActionInputs, runner: RunnerEnv, options: PlanOptions = {}): ActionPlan {
  const push = parseBooleanInput('push', inputs.push, ACTION_DEFAULTS.push);
  const summary = parseBooleanInput('summary', inputs.summary, ACTION_DEFAULTS.summary);
  const localRegistry = parseBooleanInput(
    'local-registry',
    inputs['local-registry'],
    ACTION_DEFAULTS.localRegistry,
  );
  const localRegistryMirrors = parseList(inputs['local-registry-mirror']);
  const compression = parseChoice(
    'compression',
    inputs.compression,
    COMPRESSIONS,
    ACTION_DEFAULTS.compression,
  );
  const retries = parseIntegerInput('retries', inputs.retries, RETRIES_RANGE, ACTION_DEFAULTS.retries);
  const organization = inputs.organization === '' ? undefined : inputs.organization;
  const registries = planRegistries(inputs);
  const images = planImages(
    inputs,
    registries.map((r) => r.target),
    tagContext(runner, options.now),
    organization,
  );
  const local = localRegistry || localRegistryMirrors.length > 0;
  if (images.length === 0 && (registries.length > 0 || !local)) {
    throw missingInput(
      'images',
      registries.length > 0
        ? '`registry` is set, but `images` is empty: nothing would be pushed'
        : '`images` is empty: there is nothing to push',
      'List the images to push, one per line: `docker:app:ci`, or `oci-archive:image.tar -> app`.',
    );
  }
  if (registries.length === 0 && !local) {
    throw missingInput(
      'registry',
      '`registry` is empty: there is nowhere to push the images',
      'Set `registry` to `{org}/{registry}` (Buildkite Packages) or `host[:port][/path]`, or set `local-registry: true`.',
    );
  }
  const oidc = registries.filter(({ auth }) => auth.method === 'oidc');
  if (push && images.length > 0 && oidc.length > 0 && runner.oidc === 'unavailable') {
    // Found here, before anything is pushed, not after the first registry took the images.
    throw new ActionError(
      'CI_OIDC_UNAVAILABLE',
      `${oidc.map((r) => r.input).join(', ')} logs in with OIDC, but this job may not request an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL is not set)`,
      {
        input: 'auth',
        hint: 'Add `permissions: id-token: write` to the job (or the workflow). Pull requests from forks never get one: use `push: false` there, or `auth: token` with a secret.',
      },
    );
  }
  return {
    registries,
    images,
    push,
    summary,
    localRegistry: local,
    localRegistryMirrors,
    compression,
    retries,
    organization,
    credentialScopes: registries
      .filter(({ auth }) => auth.method === 'oidc' || auth.method === 'token')
      .map(({ target }) => target.prefix),
  };
}

/**
 * The tag-template context of a run: `{{branch}}` is the pull request's source branch
 * (`GITHUB_HEAD_REF`) or the pushed branch; `{{tag}}` the pushed git tag; `{{commit}}`
 * `GITHUB_SHA`; `{{build.number}}` `GITHUB_RUN_NUMBER`; `{{build.id}}` `GITHUB_RUN_ID`;
 * `{{pipeline}}` `GITHUB_REPOSITORY`. Without `GITHUB_REF` and `GITHUB_REF_TYPE`, the ref name is
 * taken for a branch.
 */
export function tagContext(runner: RunnerEnv, now?: Date): TagContext {
  const isTag = runner.refType === 'tag' || runner.ref?.startsWith('refs/tags/') === true;
  const isPull = runner.ref?.startsWith('refs/pull/') === true;
  const context: TagContext = {
    branch: runner.headRef ?? (isTag || isPull ? undefined : runner.refName),
    gitTag: isTag ? runner.refName : undefined,
    commit: runner.sha,
    buildNumber: runner.runNumber,
    buildId: runner.runId,
    pipeline: runner.repository,
    date: now,
  };
  return Object.fromEntries(Object.entries(context).filter(([, v]) => v !== undefined)) as TagContext;
}
