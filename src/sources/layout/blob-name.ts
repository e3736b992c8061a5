import { parseDigest } from '../../oci/index.js';
import { SourceError } from '../errors.js';

/**
 * The path of a blob inside a layout, `blobs/<algorithm>/<hex>`, for a digest taken from the
 * input. The digest is parsed first (sha256/sha512, lowercase hex), so the path can never leave
 * the layout (`..`, `/`, absolute paths are all impossible).
 *
 * @param where what named the digest, for the message (`index.json`, a manifest)
 * @throws SourceError `SRC_INVALID_NAME` for a malformed or unsupported digest
 */
export function blobName(digest: string, where: string): string {
  try {
    const parsed = parseDigest(digest);
    return `blobs/${parsed.algorithm}/${parsed.hex}`;
  } catch (error) {
    throw new SourceError(
      'SRC_INVALID_NAME',
      `${where} names an invalid blob digest ${JSON.stringify(digest)}: ${(error as Error).message}`,
      {
        path: where,
        hint: 'The layout is malformed: write it again with the tool that made it.',
        cause: error,
      },
    );
  }
}
