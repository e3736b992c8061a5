import type { BlobSource } from '../oci/image.js';
import { SourceError } from './errors.js';

/**
 * Reads a small blob (a manifest, an index, a config) into memory through its verifying opener,
 * so its bytes are checked against the digest before anyone parses them.
 *
 * @param maxBytes refuse blobs whose descriptor claims more (nothing is read then)
 * @param what how the message names the blob (`manifest`, `config`)
 * @throws SourceError `SRC_UNSUPPORTED` over `maxBytes`; the opener's errors (`SRC_DIGEST_MISMATCH`...)
 */
export async function readBlob(
  blob: BlobSource,
  maxBytes: number,
  what: string,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  const { digest, size } = blob.descriptor;
  if (size > maxBytes) {
    throw new SourceError(
      'SRC_UNSUPPORTED',
      `${what} ${digest} is ${size} bytes; at most ${maxBytes} bytes are accepted`,
      {
        hint: 'This does not look like an image; check the source.',
      },
    );
  }
  const chunks: Buffer[] = [];
  for await (const chunk of (await blob.open(signal)) as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}
