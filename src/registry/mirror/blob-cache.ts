import { BlobFill } from './fill.js';
import type { ResolvedMirror } from './options.js';
import type { MirrorRuntime } from './runtime.js';
import { upstreamRepository } from './upstream.js';

/**
 * The fill of blob `digest` for mirror repository `name`: the one in flight when there is one
 * (keyed by digest, or by name and digest when cross-repository mounts are off), else a new one.
 * Created synchronously, so concurrent requests can never start two; a new fill first checks the
 * store again, so one that just finished is not repeated. Exactly one upstream GET per blob.
 */
export function blobFill(rt: MirrorRuntime, mirror: ResolvedMirror, name: string, digest: string): BlobFill {
  const key = rt.crossMount ? digest : `${name}@${digest}`;
  const running = rt.fills.get(key);
  if (running !== undefined) return running;
  const repository = upstreamRepository(mirror.upstream, mirror.prefix, name);
  const size = rt.sizes.get(digest);
  const fill = new BlobFill({
    store: rt.store,
    repository: name,
    digest,
    size,
    dataPath: rt.dataPath,
    present: async () =>
      (await rt.store.statBlob(name, digest)) !== undefined ||
      (rt.crossMount && (await rt.store.mountBlob(name, digest, undefined)) !== undefined),
    open: async () => {
      rt.logger.log('info', 'mirror fetch', {
        mirror: mirror.prefix,
        upstream: mirror.upstream.origin,
        repository,
        reference: digest,
        kind: 'blob',
        ...(size === undefined ? {} : { size }),
      });
      const ref = { registry: mirror.upstream.registry, repository };
      return (await rt.client(mirror)).getBlob(ref, digest, size === undefined ? {} : { size });
    },
  });
  rt.fills.set(key, fill);
  const forget = (): void => {
    if (rt.fills.get(key) === fill) rt.fills.delete(key);
  };
  fill.done.then(forget, (error: unknown) => {
    forget();
    rt.logger.log('warn', 'mirror fetch failed', {
      mirror: mirror.prefix,
      upstream: mirror.upstream.origin,
      repository,
      reference: digest,
      error: error instanceof Error ? error.message : String(error),
    });
  });
  return fill;
}
