/**
 * Checking credentials the way a login should: `docker login` asks `GET /v2/` with them (after the
 * token flow without a repository scope, for registries that use one), which proves who we are;
 * a push check also proves what we may do, by opening an upload session in the repository (the
 * registry's answer to a push) and cancelling it at once.
 */
import { cancelUpload, initiateUpload, type StepContext } from './blobs/steps.js';
import type { RegistrySession } from './session.js';
import { discard } from './transport/types.js';

/**
 * `GET /v2/` with the session's credentials (a bearer token with no scope when the registry
 * wants one). Resolves when the registry answers 200.
 *
 * @throws RegistryError `CLIENT_UNAUTHORIZED` (401) or `CLIENT_DENIED` (403) with the registry's
 *   reason, or any other status the registry answered.
 */
export async function checkLogin(session: RegistrySession, signal?: AbortSignal): Promise<void> {
  const response = await session.send(
    { method: 'GET', url: session.url('/v2/'), scopes: [], ...(signal ? { signal } : {}) },
    [200],
  );
  await discard(response);
}

/**
 * `POST /v2/<repo>/blobs/uploads/` then `DELETE` of the session it opened: resolves when the
 * registry would accept a push to the repository. Nothing is written.
 *
 * @throws RegistryError `CLIENT_UNAUTHORIZED`, `CLIENT_DENIED` (with the registry's reason) or
 *   any other refusal of the upload.
 */
export async function checkPush(ctx: StepContext): Promise<void> {
  const started = await initiateUpload(ctx);
  if (!started.mounted) await cancelUpload(ctx, started.location);
}
