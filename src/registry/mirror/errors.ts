import { isContainerPackageError } from '../../errors.js';
import { apiError, type RegistryApiError } from '../errors.js';

/** The `Warning` header of a cached tag served because its upstream could not be asked (RFC 7234). */
export const STALE_WARNING = '110 - "response is stale", 111 - "revalidation failed"';

/** True when the upstream answered that the thing does not exist (the client's `CLIENT_NOT_FOUND`). */
export function isNotFound(error: unknown): boolean {
  return isContainerPackageError(error) && error.code === 'CLIENT_NOT_FOUND';
}

/**
 * The answer for a request the upstream could not serve: 404 `MANIFEST_UNKNOWN`/`BLOB_UNKNOWN`
 * when it said so, else 502 `UNKNOWN` quoting the client's (redacted) message, so `docker pull`
 * shows why. Registry API errors pass through.
 */
export function upstreamFailure(
  error: unknown,
  what: 'manifest' | 'blob',
  where: { upstream: string; repository: string; reference: string },
): RegistryApiError {
  if (isContainerPackageError(error) && error.code.startsWith('REGISTRY_API_'))
    return error as RegistryApiError;
  const place = `${where.upstream}/${where.repository}`;
  if (isNotFound(error)) {
    return apiError(what === 'blob' ? 'BLOB_UNKNOWN' : 'MANIFEST_UNKNOWN', {
      message: `${what} ${where.reference} is not in the upstream ${place}`,
      detail: { upstream: where.upstream, repository: where.repository, reference: where.reference },
      cause: error,
    });
  }
  const reason = error instanceof Error ? error.message : String(error);
  const hint = isContainerPackageError(error) && error.hint !== undefined ? ` (${error.hint})` : '';
  return apiError('UNKNOWN', {
    status: 502,
    message: `the upstream ${place} could not serve ${what} ${where.reference}: ${reason}${hint}`,
    detail: { upstream: where.upstream, repository: where.repository, reference: where.reference },
    cause: error,
  });
}

/** 403 `DENIED` for a push into a mirror's prefix: mirrors are read-only caches. */
export function pushRefused(name: string, prefix: string, upstream: string): RegistryApiError {
  return apiError('DENIED', {
    message: `${name} is under the mirror prefix ${prefix}/, a read-only cache of ${upstream}: push to a repository outside ${prefix}/ (or to the upstream itself)`,
    detail: { name, mirror: prefix },
  });
}
