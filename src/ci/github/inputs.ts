/**
 * Reading the step's inputs and the runner's facts. Reading only: values come back as written
 * (trimmed), and `plan.ts` parses and validates them. The one effect here is masking: the
 * `token` input is registered with `core.setSecret` the moment it is read.
 */
import * as core from '@actions/core';

/** Every input of `action.yml`, by name. `action.yml` declares exactly these (a unit test checks). */
export const INPUT_NAMES = [
  'registry',
  'images',
  'tags',
  'auth',
  'token',
  'username',
  'audience',
  'organization',
  'packages-host',
  'compression',
  'retries',
  'push',
  'summary',
  'local-registry',
  'local-registry-mirror',
] as const;

/** The name of an input. */
export type InputName = (typeof INPUT_NAMES)[number];

/**
 * The step's inputs as written, trimmed; `''` when not given. The runner fills in the defaults
 * of `action.yml` before the action starts; `plan.ts` applies them again for any left empty.
 */
export type ActionInputs = Readonly<Record<InputName, string>>;

/**
 * Reads every input with `core.getInput` (from the `INPUT_<NAME>` variables the runner sets:
 * upper case, `-` kept, so `local-registry` is `INPUT_LOCAL-REGISTRY`) and masks the token.
 */
export function getInputs(): ActionInputs {
  const inputs = Object.fromEntries(INPUT_NAMES.map((name) => [name, core.getInput(name)])) as Record<
    InputName,
    string
  >;
  if (inputs.token !== '') core.setSecret(inputs.token);
  // The one environment fallback of an input: the same variable the plugin and the CLI read.
  if (inputs['packages-host'] === '') inputs['packages-host'] = packagesHostFromEnv();
  return inputs;
}

/** `CONTAINER_PACKAGE_PACKAGES_HOST`, trimmed; `''` when unset. */
export function packagesHostFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.CONTAINER_PACKAGE_PACKAGES_HOST?.trim() ?? '';
}

/** What the runner tells a step about the run, from its environment. Every field may be absent. */
export interface RunnerEnv {
  /** `GITHUB_REF`: `refs/heads/main`, `refs/tags/v1.2.0`, `refs/pull/7/merge`. */
  readonly ref?: string;
  /** `GITHUB_REF_NAME`: `main`, `v1.2.0`, `7/merge`. */
  readonly refName?: string;
  /** `GITHUB_REF_TYPE`: `branch` or `tag`. */
  readonly refType?: string;
  /** `GITHUB_HEAD_REF`: the source branch of a pull request. */
  readonly headRef?: string;
  /** `GITHUB_SHA`. */
  readonly sha?: string;
  /** `GITHUB_RUN_NUMBER`. */
  readonly runNumber?: string;
  /** `GITHUB_RUN_ID`. */
  readonly runId?: string;
  /** `GITHUB_REPOSITORY`: `owner/repo`. */
  readonly repository?: string;
  /** `RUNNER_TEMP`: a directory emptied after each job. */
  readonly runnerTemp?: string;
  /** `GITHUB_WORKSPACE`: the checkout, and the working directory of the step. */
  readonly workspace?: string;
  /**
   * Whether the job may mint OIDC tokens: `available` when the runner set
   * `ACTIONS_ID_TOKEN_REQUEST_URL` and `_TOKEN` (only for `permissions: id-token: write`);
   * undefined when not known.
   */
  readonly oidc?: 'available' | 'unavailable';
}

/** Reads {@link RunnerEnv} from `env` (default `process.env`); empty values count as absent. */
export function readRunnerEnv(env: NodeJS.ProcessEnv = process.env): RunnerEnv {
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const fields: Record<Exclude<keyof RunnerEnv, 'oidc'>, string | undefined> = {
    ref: read('GITHUB_REF'),
    refName: read('GITHUB_REF_NAME'),
    refType: read('GITHUB_REF_TYPE'),
    headRef: read('GITHUB_HEAD_REF'),
    sha: read('GITHUB_SHA'),
    runNumber: read('GITHUB_RUN_NUMBER'),
    runId: read('GITHUB_RUN_ID'),
    repository: read('GITHUB_REPOSITORY'),
    runnerTemp: read('RUNNER_TEMP'),
    workspace: read('GITHUB_WORKSPACE'),
  };
  const oidc =
    read('ACTIONS_ID_TOKEN_REQUEST_URL') && read('ACTIONS_ID_TOKEN_REQUEST_TOKEN')
      ? 'available'
      : 'unavailable';
  return {
    ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
    oidc,
  } as RunnerEnv;
}
