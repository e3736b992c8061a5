/**
 * post-command hook: unless the command failed and push is `success`, push every image to every
 * registry under every tag (credentials minted right before each registry's pushes), annotate
 * the build with pull instructions pinned by digest, and set meta-data for later steps. On
 * failure, the annotation says what failed and how to fix it, and the hook fails the job.
 */
import type { PublishEvent } from '../../../publish/index.js';
import type { PublishedImage } from '../../../render/index.js';
import type { PublishPlan } from '../publish-plan.js';
import { loadPlan, type HookContext } from './context.js';
import { credentialsFor, publishTarget } from './credentials.js';
import { reportFailure } from './report-failure.js';
import { readState, STATE_DIR_ENV } from './state.js';

/** Runs the post-command hook. Resolves the results; rejects (after annotating) when a push failed. */
export async function postCommandHook(context: HookContext): Promise<PublishedImage[]> {
  const state = await readState(context.env[STATE_DIR_ENV]);
  if (state === undefined) {
    context.log('container-package: the environment hook did not run for this job: nothing to push');
    return [];
  }
  const plan = loadPlan(context, new Date(state.startedAt));
  if (plan === undefined) return [];
  if (!plan.push.push) {
    context.log(`container-package: ${plan.push.reason}`);
    return [];
  }
  const byPrefix = new Map(plan.registries.map((r) => [r.target.prefix, r]));
  let results: PublishedImage[];
  try {
    // The publisher (the client, the sources) loads only when there is something to push.
    const { publish } = await import('../../../publish/index.js');
    results = await publish({
      images: plan.images.map((i) => ({ source: i.source, name: i.name, tags: i.tags })),
      registries: plan.registries.map(publishTarget),
      credentials: (target) => credentialsFor(context, byPrefix.get(target.prefix)!),
      ...(state.dockerConfig && { dockerConfig: state.dockerConfig }),
      compression: plan.compression,
      engineRetries: plan.retries,
      client: { retries: plan.retries },
      ...(context.env.BUILDKITE_ORGANIZATION_SLUG && {
        organization: context.env.BUILDKITE_ORGANIZATION_SLUG,
      }),
      onEvent: logEvent(context),
    });
  } catch (error) {
    await reportFailure(context, plan, error);
    throw error;
  }
  await reportSuccess(context, plan, results);
  return results;
}

function logEvent(context: HookContext): (event: PublishEvent) => void {
  return (event) => {
    if (event.type === 'image-start')
      context.log(`--- :docker: pushing ${event.source} to ${event.repository}`);
    else if (event.type === 'engine-line') context.log(event.line);
    else if (event.type === 'image-done') {
      context.log(`pushed ${event.image.references.join(', ')} @ ${event.image.digest}`);
    } else if (
      event.event.type === 'blob-done' ||
      event.event.type === 'blob-mounted' ||
      event.event.type === 'blob-skipped'
    ) {
      const what = { 'blob-done': 'pushed', 'blob-mounted': 'mounted', 'blob-skipped': 'already there' }[
        event.event.type
      ];
      context.log(`  ${event.event.digest.slice(0, 19)} ${what} (${event.event.total} bytes)`);
    }
  };
}

async function reportSuccess(
  context: HookContext,
  plan: PublishPlan,
  results: PublishedImage[],
): Promise<void> {
  if (plan.summary) {
    const { renderPullInstructions } = await import('../../../render/index.js');
    await context.agent.annotate(renderPullInstructions(results), {
      style: plan.summary.successStyle,
      context: plan.summary.context,
      ...(plan.summary.priority !== undefined && { priority: plan.summary.priority }),
    });
  }
  for (const image of plan.images) {
    if (image.outputKeys === undefined) continue;
    const mine = results.filter((r) => r.source === image.source && r.name === image.name);
    if (mine.length === 0) continue;
    await context.agent.setMetaData(image.outputKeys.digest, mine[0]!.digest);
    const references = mine.flatMap((r) => r.references.map((ref) => `${ref}@${r.digest}`));
    await context.agent.setMetaData(image.outputKeys.references, references.join('\n'));
  }
}
