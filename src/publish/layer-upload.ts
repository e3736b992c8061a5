/**
 * Compressing straight into the registry: the `LayerUpload` that `compressImage` sends each
 * layer's compressed bytes to as they are made, so that, as with skopeo, compressing and
 * uploading overlap and no layer goes through a temporary file. The bytes go to the image's
 * first target repository, with the client (and so the credentials) of that target; the push
 * that follows finds them there with one `HEAD` each.
 */
import type { ProgressObserver, RegistryClient, RepositoryName } from '../client/index.js';
import type { LayerUpload } from '../sources/index.js';

/** A {@link LayerUpload} and what it uploaded. */
export interface StreamedLayers {
  readonly upload: LayerUpload;
  /** Layers to compress and upload at once: the client's `concurrency` (blobs uploaded in parallel). */
  readonly concurrency: number;
  /**
   * Digests of the compressed layers uploaded: the push to the same repository finds them
   * there, and its `blob-skipped` events for them only repeat the upload's `blob-done`.
   */
  readonly uploaded: ReadonlySet<string>;
}

/**
 * Uploads layers to `repository` through `client` (`RegistryClient.uploadStream`). Progress
 * events carry the uncompressed layer's digest (the compressed one is known only at the end)
 * and its size as the expected total; the final `blob-done` carries the compressed digest, the
 * one `inspect` shows, with `replaces` naming the uncompressed one.
 */
export function streamLayersTo(
  client: RegistryClient,
  repository: RepositoryName,
  onProgress: ProgressObserver,
): StreamedLayers {
  const uploaded = new Set<string>();
  const upload: LayerUpload = async (stream, layer, signal) => {
    const blob = await client.uploadStream(repository, stream, {
      signal,
      // Its own blob-done names the uncompressed digest: the one below names the stored blob.
      onProgress: (event) => event.type !== 'blob-done' && onProgress(event),
      progressId: layer.digest,
      expectedSize: layer.size,
    });
    uploaded.add(blob.digest);
    onProgress({
      type: 'blob-done',
      repository: `${repository.registry}/${repository.repository}`,
      digest: blob.digest,
      bytes: blob.size,
      total: blob.size,
      replaces: layer.digest,
    });
    return blob;
  };
  return { upload, uploaded, concurrency: client.options.concurrency };
}
