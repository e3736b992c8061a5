import { apiError } from '../errors.js';
import { checkManifest } from '../manifest-check.js';
import type { ManifestWrite } from '../storage/store.js';
import { isNotFound, upstreamFailure } from './errors.js';
import type { ResolvedMirror } from './options.js';
import type { ManifestOutcome, MirrorRuntime } from './runtime.js';
import { upstreamRepository } from './upstream.js';

const FRESH: ManifestOutcome = { stale: false };
const STALE: ManifestOutcome = { stale: true };
const FETCHED: ManifestOutcome = { stale: false, fetched: true };

/** What the upstream served for a manifest. */
interface Fetched {
  readonly bytes: Uint8Array;
  readonly mediaType: string;
  readonly digest: string;
}

/**
 * Makes sure the manifest `name:reference` of a mirror is in the store. A digest is fetched once
 * and never checked again. A tag is served from the store while it was confirmed within the
 * mirror's `tagMaxAgeMs`; after that one request (the others wait for it) asks the upstream with a
 * HEAD and fetches only when the digest changed. When the upstream cannot be asked (down, 5xx,
 * timeout, refused credentials), a cached tag is served stale; a tag the upstream says is gone is
 * dropped (404).
 *
 * @throws RegistryApiError 404 when neither the store nor the upstream has it, 502 when the
 *   upstream failed and nothing is cached
 */
export async function ensureManifest(
  rt: MirrorRuntime,
  mirror: ResolvedMirror,
  name: string,
  reference: string,
): Promise<ManifestOutcome> {
  const repository = upstreamRepository(mirror.upstream, mirror.prefix, name);
  const where = { upstream: mirror.upstream.origin, repository, reference };
  const registry = mirror.upstream.registry;
  if (reference.includes(':')) {
    if ((await rt.store.statManifest(name, reference)) !== undefined) return FRESH;
    return rt.manifestFlights.run(`${name}@${reference}`, async () => {
      if ((await rt.store.statManifest(name, reference)) !== undefined) return FRESH;
      log(rt, mirror, repository, reference);
      try {
        const fetched = await (
          await rt.client(mirror)
        ).getManifest({ registry, repository, digest: reference });
        return await keep(rt, name, fetched, []);
      } catch (error) {
        throw upstreamFailure(error, 'manifest', where);
      }
    });
  }
  const key = `${name}:${reference}`;
  const freshness = rt.freshness(mirror);
  const cached = await rt.store.statManifest(name, reference);
  if (cached !== undefined && freshness.isFresh(key)) return FRESH;
  if (cached !== undefined && freshness.inBackoff(key)) return STALE;
  return rt.manifestFlights.run(key, async () => {
    const current = await rt.store.statManifest(name, reference);
    if (current !== undefined && freshness.isFresh(key)) return FRESH;
    try {
      const signal = current === undefined ? undefined : AbortSignal.timeout(mirror.revalidateTimeoutMs);
      const client = await rt.client(mirror);
      log(rt, mirror, repository, reference);
      let fetched: Fetched;
      if (current !== undefined) {
        const head = await client.headManifest({ registry, repository, tag: reference }, { signal });
        if (head === undefined) {
          await rt.store.deleteTag(name, reference);
          freshness.forget(key);
          throw apiError('MANIFEST_UNKNOWN', {
            message: `manifest ${reference} is no longer in the upstream ${where.upstream}/${repository}`,
          });
        }
        if (head.digest === current.digest) {
          freshness.confirmed(key);
          return FRESH;
        }
        fetched = await client.getManifest({ registry, repository, digest: head.digest }, { signal });
      } else {
        fetched = await client.getManifest({ registry, repository, tag: reference });
      }
      const outcome = await keep(rt, name, fetched, [reference]);
      freshness.confirmed(key);
      return outcome;
    } catch (error) {
      if (current === undefined || isNotFound(error) || isApiError(error)) {
        throw upstreamFailure(error, 'manifest', where);
      }
      freshness.failed(key);
      rt.logger.log('warn', 'mirror serving a stale tag', {
        mirror: mirror.prefix,
        upstream: mirror.upstream.origin,
        repository,
        tag: reference,
        error: error instanceof Error ? error.message : String(error),
      });
      return STALE;
    }
  });
}

/** Stores a fetched manifest (with `tags`) unless it is of a type this registry does not store. */
async function keep(
  rt: MirrorRuntime,
  name: string,
  fetched: Fetched,
  tags: string[],
): Promise<ManifestOutcome> {
  let checked;
  try {
    checked = checkManifest(fetched.bytes, fetched.mediaType);
  } catch {
    return { stale: false, fetched: true, passthrough: fetched };
  }
  for (const blob of checked.blobs) rt.sizes.set(blob.digest, blob.size, 1);
  const subject = checked.subject?.digest;
  const write: ManifestWrite = {
    bytes: Buffer.from(fetched.bytes),
    digest: fetched.digest,
    mediaType: checked.mediaType,
    tags,
    ...(subject === undefined
      ? {}
      : {
          referrer: {
            subject,
            descriptor: {
              mediaType: checked.mediaType,
              digest: fetched.digest,
              size: fetched.bytes.byteLength,
              ...(checked.artifactType === undefined ? {} : { artifactType: checked.artifactType }),
              ...(checked.annotations === undefined ? {} : { annotations: checked.annotations }),
            },
          },
        }),
  };
  await rt.store.putManifest(name, write);
  return FETCHED;
}

function isApiError(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code?.toString().startsWith('REGISTRY_API_') === true;
}

function log(rt: MirrorRuntime, mirror: ResolvedMirror, repository: string, reference: string): void {
  rt.logger.log('info', 'mirror fetch', {
    mirror: mirror.prefix,
    upstream: mirror.upstream.origin,
    repository,
    reference,
    kind: 'manifest',
  });
}
