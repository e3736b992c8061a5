/** Naming a repository on a registry, its API paths, and the token scopes requests need. */
import { parseReference } from '../reference/index.js';
import { clientError } from './errors.js';

/** A repository on a registry: `{registry: '127.0.0.1:5000', repository: 'team/app'}`. */
export interface RepositoryName {
  /** `host[:port]`, `docker.io` for Docker Hub. */
  readonly registry: string;
  /** The path inside the registry, e.g. `library/alpine`. */
  readonly repository: string;
}

/**
 * Accepts a `RepositoryName` (a parsed `Reference` is one) or a string `registry/repository`
 * parsed and normalised as docker does (`alpine` is `docker.io/library/alpine`).
 *
 * @throws InvalidReferenceError (`REF_*`) for a malformed name; ClientError
 *   `CLIENT_INVALID_REPOSITORY` when the string has a tag or digest.
 */
export function toRepositoryName(repo: string | RepositoryName): RepositoryName {
  if (typeof repo !== 'string') return { registry: repo.registry, repository: repo.repository };
  const ref = parseReference(repo);
  if (ref.tag !== undefined || ref.digest !== undefined) {
    throw clientError(
      'CLIENT_INVALID_REPOSITORY',
      `expected a repository without tag or digest, got ${JSON.stringify(repo)}`,
      {
        hint: `use ${JSON.stringify(`${ref.registry}/${ref.repository}`)}`,
      },
    );
  }
  return { registry: ref.registry, repository: ref.repository };
}

/** `registry/repository`. */
export function formatRepository(repo: RepositoryName): string {
  return `${repo.registry}/${repo.repository}`;
}

/** `repository:<name>:pull`. */
export function pullScope(repo: RepositoryName): string {
  return `repository:${repo.repository}:pull`;
}

/** `repository:<name>:pull,push`. */
export function pushScope(repo: RepositoryName): string {
  return `repository:${repo.repository}:pull,push`;
}

/** `repository:<name>:delete`. */
export function deleteScope(repo: RepositoryName): string {
  return `repository:${repo.repository}:delete`;
}

/**
 * `/v2/<repository>/<segments…>`. Segments are URI-encoded except `:` (valid tags and digests
 * need no encoding at all; this only guards against odd input reaching the path).
 */
export function apiPath(repo: RepositoryName, ...segments: string[]): string {
  return `/v2/${repo.repository}/${segments.map((s) => encodeURIComponent(s).replace(/%3A/gi, ':')).join('/')}`;
}
