import type { IncomingMessage } from 'node:http';

/** What a request wants to do in a repository. */
export type Action = 'pull' | 'push' | 'delete';

/**
 * The access a request needs. `repository` is `''` for registry-level endpoints: the `/v2/` ping
 * (with no actions) and the catalog (with `pull`).
 */
export interface AccessRequest {
  readonly repository: string;
  readonly actions: readonly Action[];
}

/**
 * The answer of an {@link Authorizer}. A 401 carries the `WWW-Authenticate` challenge the client
 * should answer (for token auth: `Bearer realm="…",service="…",scope="repository:NAME:pull,push"`);
 * a 403 means the caller is known and not allowed.
 */
export type AuthorizationResult =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly status: 401 | 403;
      readonly challenge?: string;
      readonly message?: string;
    };

/**
 * The seam where authentication and authorization plug into the registry. The HTTP layer asks it
 * once per request, after routing and name validation and before any storage access. Cross-repository
 * mounts ask a second time for `pull` on the source repository; a refusal there turns the mount into
 * a normal upload instead of failing the request.
 */
export interface Authorizer {
  authorize(request: IncomingMessage, access: AccessRequest): Promise<AuthorizationResult>;
}

/** Allows everything: the default, for a registry on a trusted network or loopback. */
export const openAuthorizer: Authorizer = {
  authorize: () => Promise.resolve({ ok: true }),
};
