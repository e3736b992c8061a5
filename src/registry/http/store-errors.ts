import { apiError, type RegistryApiError } from '../errors.js';
import { StoreError } from '../storage/errors.js';
import { uploadLocation, uploadRange } from './headers.js';

/**
 * Turns a {@link StoreError} into the OCI error the client gets; anything else is returned as is
 * (and becomes a 500 unless it already is a RegistryApiError). `upload` names the session, so an
 * out-of-order chunk's 416 can say where the session stands.
 */
export function fromStoreError(error: unknown, upload?: { repository: string; id: string }): unknown {
  if (!(error instanceof StoreError)) return error;
  switch (error.code) {
    case 'REGISTRY_UPLOAD_UNKNOWN':
      return apiError('BLOB_UPLOAD_UNKNOWN', { message: error.message, cause: error });
    case 'REGISTRY_UPLOAD_OUT_OF_ORDER':
      return outOfOrder(error, upload);
    case 'REGISTRY_UPLOAD_LENGTH_MISMATCH':
      return apiError('SIZE_INVALID', { message: error.message, cause: error });
    case 'REGISTRY_DIGEST_MISMATCH':
      return apiError('DIGEST_INVALID', {
        message: error.message,
        detail: { actual: error.actualDigest },
        cause: error,
      });
    default:
      return error;
  }
}

function outOfOrder(
  error: StoreError,
  upload: { repository: string; id: string } | undefined,
): RegistryApiError {
  const size = error.size ?? 0;
  const headers: Record<string, string> = { Range: uploadRange(size) };
  if (upload !== undefined) {
    headers.Location = uploadLocation(upload.repository, upload.id);
    headers['Docker-Upload-UUID'] = upload.id;
  }
  return apiError('BLOB_UPLOAD_INVALID', {
    status: 416,
    message: `${error.message}; send the chunk that starts at byte ${size}`,
    detail: { size },
    headers,
    cause: error,
  });
}
