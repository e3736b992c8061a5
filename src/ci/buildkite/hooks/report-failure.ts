/**
 * A failed push or login, told twice: in the job log (which step failed; the CLI then prints the
 * error's message, code and hint once) and in an error annotation with the cause and the fix (an OIDC token refused: the claims that did not match the
 * registry's policy and a statement that would; a token: its scopes; a missing source: how to
 * build it), replacing the step's annotation.
 */
import { isContainerPackageError } from '../../../errors.js';
import type { PublishFailureContext } from '../../../publish/index.js';
import { renderFailure } from '../../../render/index.js';
import type { PublishPlan } from '../publish-plan.js';
import type { HookContext } from './context.js';
import { mintedOidcToken, publishTarget } from './credentials.js';

/**
 * Logs and annotates `error`; never throws (the caller rethrows the original error).
 *
 * @param stage what failed: the pre-command `login` (with its push check) or the `push`
 */
export async function reportFailure(
  context: HookContext,
  plan: PublishPlan,
  error: unknown,
  stage: 'login' | 'push' = 'push',
): Promise<void> {
  const coded = isContainerPackageError(error);
  const message = error instanceof Error ? error.message : String(error);
  // The message and hint follow as the CLI's `Error:`/`Code:`/`Hint:` lines: not repeated here.
  context.log(
    `container-package: ${stage} failed${plan.summary ? ' (the build annotation has the cause and the fix)' : ''}`,
  );
  if (!plan.summary) return;
  const status = (error as { status?: unknown }).status;
  const where = error as PublishFailureContext;
  const registry = where.publishTarget ?? (plan.registries[0] && publishTarget(plan.registries[0]));
  const oidc = registry && mintedOidcToken(context, registry.prefix);
  const body = renderFailure(
    {
      code: coded ? error.code : 'UNKNOWN',
      message,
      ...(coded && error.hint ? { hint: error.hint } : {}),
      ...(typeof status === 'number' ? { status } : {}),
      ...(registry && { registry }),
      ...(where.publishSource && { source: where.publishSource }),
      ...(context.env.BUILDKITE_PIPELINE_SLUG && { pipeline: context.env.BUILDKITE_PIPELINE_SLUG }),
      ...(oidc && { oidc }),
    },
    stage === 'login' ? { title: 'Logging in to the registry failed (before the command ran)' } : {},
  );
  await context.agent
    .annotate(body, { style: 'error', context: plan.summary.context })
    .catch((e: unknown) => {
      context.log(
        `container-package: could not annotate the failure: ${e instanceof Error ? e.message : String(e)}`,
      );
    });
}
