/**
 * The action's main step: read the inputs, plan, start the local registry if asked, push every
 * image to every registry from a docker config of the step's own, then set the outputs and
 * write the job summary. Orchestration only: each step is a call into a module of its own.
 *
 * The step's docker config is NOT exported (`DOCKER_CONFIG` is unchanged for later steps): it
 * holds short-lived credentials and is removed as soon as the push ends; post removes it again
 * should main be killed first. See docs/github-action.md.
 */
import { tmpdir } from 'node:os';
import * as core from '@actions/core';
import { createIsolatedDockerConfig, type IsolatedDockerConfig } from '../../docker-config/index.js';
import {
  localRegistryEnv,
  MIRROR_PREFIXES_ENV,
  publish,
  resolveTarget,
  type PublishEvent,
  type RegistryTarget,
} from '../../publish/index.js';
import { renderPullInstructions, type OidcTokenFacts } from '../../render/index.js';
import { credentialsProvider } from './credentials.js';
import { failureMessage, failureSummary, type FailureContext } from './failure.js';
import { getInputs, readRunnerEnv, type ActionInputs } from './inputs.js';
import { parseBooleanInput } from './input-syntax.js';
import { startStepRegistry } from './local-registry.js';
import { actionOutputs, writeOutputs, writeSummary } from './outputs.js';
import { ACTION_DEFAULTS, planAction, type ActionPlan } from './plan.js';
import type { ActionRegistry } from './plan-registries.js';
import { saveStepState } from './state-helper.js';

/** Runs main. Never throws: a failure is reported with `core.setFailed` (exit code 1). */
export async function runMain(): Promise<void> {
  const failure: { context: FailureContext } = { context: {} };
  const minted = new Map<string, OidcTokenFacts>();
  let inputs: ActionInputs | undefined;
  let dockerConfig: IsolatedDockerConfig | undefined;
  try {
    inputs = getInputs();
    const runner = readRunnerEnv();
    const plan = planAction(inputs, runner, { now: new Date() });
    for (const image of plan.images) {
      for (const skipped of image.skippedTags)
        core.info(`Tag ${skipped} skipped for ${image.name}: this run has no value for it`);
    }
    const tmpRoot = runner.runnerTemp ?? tmpdir();
    const local = plan.localRegistry
      ? await startLocalRegistry(tmpRoot, plan.localRegistryMirrors, runner)
      : undefined;
    if (!plan.push) {
      describeDryRun(plan);
      writeOutputs(actionOutputs([], renderPullInstructions([]), local?.address));
      return;
    }
    dockerConfig = createIsolatedDockerConfig({ registriesToDrop: plan.credentialScopes, tmpRoot });
    saveStepState({ dockerConfig: dockerConfig.dir, loggedIn: plan.credentialScopes });
    const targets = [
      ...plan.registries.map((r) => r.target),
      ...(local ? [resolveTarget(local.address)] : []),
    ];
    const results = await publish({
      images: plan.images,
      registries: targets,
      credentials: credentialsProvider(plan.registries, inputs.token, undefined, (prefix, token) =>
        minted.set(prefix, token),
      ),
      dockerConfig: dockerConfig.dir,
      compression: plan.compression,
      engineRetries: plan.retries,
      client: { retries: plan.retries },
      ...(plan.organization !== undefined && { organization: plan.organization }),
      onEvent: (event) => log(event, plan.registries, targets, failure),
    });
    const markdown = renderPullInstructions(results);
    writeOutputs(actionOutputs(results, markdown, local?.address));
    if (plan.summary) await writeSummary(markdown);
  } catch (error) {
    core.setFailed(failureMessage(error));
    const oidc = failure.context.target && minted.get(failure.context.target.prefix);
    if (summaryWanted(inputs))
      await writeSummary(failureSummary(error, { ...failure.context, ...(oidc && { oidc }) }));
  } finally {
    dockerConfig?.dispose();
  }
}

async function startLocalRegistry(
  tmpRoot: string,
  mirrors: readonly string[],
  runner: ReturnType<typeof readRunnerEnv>,
): Promise<{ address: string }> {
  const local = await startStepRegistry(tmpRoot, undefined, mirrors);
  saveStepState({ localRegistry: local });
  core.exportVariable(ACTION_DEFAULTS.localRegistryEnv, local.address);
  // The same variables the Buildkite plugin exports, so build scripts work in both.
  const env = localRegistryEnv(local.address, mirrors, runner.repository);
  for (const [name, value] of Object.entries(env)) core.exportVariable(name, value);
  const prefixes = env[MIRROR_PREFIXES_ENV]?.split(' ') ?? [];
  const mirroring = prefixes.length > 0 ? `, mirroring ${mirrors.join(', ')} at ${prefixes.join(' ')}` : '';
  core.info(`Local registry listening on ${local.address} (${ACTION_DEFAULTS.localRegistryEnv})${mirroring}`);
  return local;
}

function describeDryRun(plan: ActionPlan): void {
  core.info('push is false: nothing is pushed. These references would be:');
  for (const image of plan.images) {
    for (const { target } of plan.registries) {
      for (const tag of image.tags) core.info(`  ${image.source} -> ${target.prefix}/${image.name}:${tag}`);
    }
  }
}

function log(
  event: PublishEvent,
  registries: readonly ActionRegistry[],
  targets: readonly RegistryTarget[],
  failure: { context: FailureContext },
): void {
  switch (event.type) {
    case 'image-start': {
      const planned = registries.find((r) => r.target.prefix === event.target);
      const target = targets.find((t) => t.prefix === event.target);
      failure.context = {
        source: event.source,
        ...(target !== undefined && { target }),
        ...(planned !== undefined && { auth: planned.auth }),
      };
      core.info(`Pushing ${event.source} to ${event.repository}`);
      return;
    }
    case 'engine-line':
      core.info(`  ${event.line}`);
      return;
    case 'image-done':
      for (const reference of event.image.references)
        core.info(`  pushed ${reference}@${event.image.digest}`);
      return;
    case 'progress':
      return;
  }
}

/** Whether to write the failure to the job summary: the `summary` input, true when unreadable. */
function summaryWanted(inputs: ActionInputs | undefined): boolean {
  try {
    return parseBooleanInput('summary', inputs?.summary ?? '', ACTION_DEFAULTS.summary);
  } catch {
    return true;
  }
}
