import type { IncomingMessage } from 'node:http';
import { noteRequest } from '../request-info.js';

/** What a request wants to do in a repository. */
export type Action = 'pull' | 'push' | 'delete';

/**
 * The access a request needs. `repository` is `''` for registry-level endpoints: the `/v2/` ping
 * (with no actions) and the catalog (with `pull`). With `target: 'registry'`, `repository` names a
 * Buildkite Packages registry (`{org}/{registry}`) rather than an image: the packages JSON API
 * asks that way. Default target: `'repository'`.
 */
export interface AccessRequest {
  readonly repository: string;
  readonly actions: readonly Action[];
  readonly target?: 'repository' | 'registry';
  /**
   * Access the request may use besides, not required: a cross-repository mount's pull on its
   * source (`from`). A 401's challenge names it too, so the client's token covers the mount (as
   * CNCF distribution does); without it the mount falls back to an upload.
   */
  readonly optional?: { readonly repository: string; readonly actions: readonly Action[] };
}

/**
 * The answer of an {@link Authorizer}. A 401 carries the `WWW-Authenticate` challenge the client
 * should answer (for token auth: `Bearer realm="…",service="…",scope="repository:NAME:pull,push"`);
 * a 403 means the caller is known and not allowed. An authorizer that also decides which names
 * exist answers 400 `NAME_INVALID` or 404 `NAME_UNKNOWN` for a name outside every registry.
 */
export type AuthorizationResult =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly status: 400 | 401 | 403 | 404;
      /** OCI error code; default `UNAUTHORIZED` for 401, `DENIED` for 403, `NAME_UNKNOWN` for 404, `NAME_INVALID` for 400. */
      readonly code?: 'UNAUTHORIZED' | 'DENIED' | 'NAME_UNKNOWN' | 'NAME_INVALID';
      readonly challenge?: string;
      readonly message?: string;
    };

/** The answer of a token endpoint: a status, a JSON body and extra headers. */
export interface TokenEndpointResponse {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * The seam where authentication and authorization plug into the registry. The HTTP layer asks it
 * once per request, after routing and name validation and before any storage access. Cross-repository
 * mounts ask a second time for `pull` on the source repository; a refusal there turns the mount into
 * a normal upload instead of failing the request.
 */
export interface Authorizer {
  authorize(request: IncomingMessage, access: AccessRequest): Promise<AuthorizationResult>;
  /**
   * Optional: the Docker token endpoint (`GET /token?service=…&scope=…`). Without it `/token` is 404.
   */
  issueToken?(request: IncomingMessage, query: URLSearchParams): Promise<TokenEndpointResponse>;
  /**
   * Optional: the repositories among `repositories` the caller may see in the catalog. Default:
   * all of them (once `authorize` allowed the catalog).
   */
  visibleRepositories?(request: IncomingMessage, repositories: readonly string[]): Promise<string[]>;
  /**
   * Optional: the visibility of registry `{org}/{registry}` for the packages API. Default
   * `public` (an open registry lets anyone pull).
   */
  visibility?(registry: string): 'private' | 'public' | undefined;
  /**
   * Optional: the registries configured (`{org}/{registry}` and visibility), for the pages'
   * registry list. Absent in open mode, where repositories are grouped by name instead.
   */
  registries?(): readonly { readonly name: string; readonly visibility: 'private' | 'public' }[];
  /** Optional: told the server's base URL once it listens (for defaults that depend on the port). */
  listening?(baseUrl: string): void;
}

/** Allows everything: the default, for a registry on a trusted network or loopback. */
export const openAuthorizer: Authorizer = {
  authorize: (req) => {
    noteRequest(req, { principal: 'anonymous' });
    return Promise.resolve({ ok: true });
  },
};
