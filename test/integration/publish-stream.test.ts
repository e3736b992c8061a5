/**
 * `publish()` of an OCI layout whose layers are plain tars, into the bundled registry (in-process,
 * behind the fault proxy): every layer goes up while it is compressed, in one streamed PATCH and
 * through no temporary file, and the pushed manifest names exactly the bytes the registry holds.
 * A connection cut in the middle of a streamed PATCH falls back to the temporary-file path and the
 * push succeeds; a second registry is served from the copies kept for it; an abort leaves no
 * temporary directory and no open upload session; a re-push with the blob-info cache only HEADs.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RegistryClient, anonymousCredentials } from '../../src/client/index.js';
import { parseManifest, type ImageManifest } from '../../src/oci/manifest.js';
import { publish, resolveTarget, type PublishEvent, type PublishRequest } from '../../src/publish/index.js';
import { BlobInfoCache } from '../../src/sources/index.js';
import { newTempDir } from '../support/index.js';
import { type FaultProxy, startFaultProxy } from '../support/fault-proxy.js';
import { LayoutWriter, randomLayer, sha256, tarBuffer } from '../unit/sources/fixtures.js';
import { readAll } from './client-fixtures.js';
import { type TestRegistry, openUploads, startRegistry } from './registry-support.js';

const MiB = 1024 * 1024;

describe('publish compresses layers straight into the first registry', () => {
  let first: TestRegistry;
  let second: TestRegistry;
  let proxy: FaultProxy;
  let reader: RegistryClient;
  let tmp: string;
  let source: string;
  let tars: Buffer[];

  beforeAll(async () => {
    [first, second] = await Promise.all([startRegistry({ fsync: false }), startRegistry({ fsync: false })]);
    proxy = await startFaultProxy(first.url);
    reader = new RegistryClient({ credentials: anonymousCredentials });
    // Two layers of random bytes (stored, gzip level 0) and one of text (gzip level 6).
    tars = [
      await randomLayer(71, 2, 2 * MiB),
      await randomLayer(72, 2, 2 * MiB),
      await tarBuffer([{ name: 'text.txt', data: 'hello container-package\n'.repeat(120_000) }]),
    ];
    const dir = newTempDir('layout');
    const w = new LayoutWriter(dir);
    w.writeIndexJson([w.image({ layers: tars, gzip: false }).descriptor], ['v1']);
    source = `oci:${dir}:v1`;
  });

  beforeEach(() => {
    proxy.reset();
    // compressImage's private temp dirs go here, so the tests can see them.
    tmp = newTempDir('tmpdir');
    process.env.TMPDIR = tmp;
  });

  afterAll(async () => {
    await reader?.close();
    await proxy?.close();
    await first?.registry.close();
    await second?.registry.close();
  });

  /** Files in compressImage's temp dirs right now. */
  const tempFiles = (): string[] => readdirSync(tmp).flatMap((d) => readdirSync(join(tmp, d)));

  function request(repository: string, extra: Partial<PublishRequest> = {}): PublishRequest {
    return {
      images: [{ source, name: repository, tags: ['v1'] }],
      registries: [resolveTarget(`${proxy.host}/team`)],
      dockerConfig: newTempDir('docker-config'),
      blobInfoCache: BlobInfoCache.inMemory(),
      ...extra,
    };
  }

  /** Reads the pushed manifest and every layer back from `host`: the bytes match the digests and unpack to the tars. */
  async function verifyPushed(host: string, repository: string, digest: string): Promise<ImageManifest> {
    const fetched = await reader.getManifest(`${host}/team/${repository}@${digest}`);
    const manifest = parseManifest(fetched.bytes).manifest as ImageManifest;
    expect(manifest.layers.map((l) => l.mediaType)).toEqual(
      Array(3).fill('application/vnd.oci.image.layer.v1.tar+gzip'),
    );
    for (const [i, layer] of manifest.layers.entries()) {
      // getBlob verifies digest and size as it reads.
      const bytes = await readAll(
        await reader.getBlob(`${host}/team/${repository}`, layer.digest, { size: layer.size }),
      );
      expect(gunzipSync(bytes).equals(tars[i]!)).toBe(true);
    }
    return manifest;
  }

  const count = (method: string, path = /./): number =>
    proxy.requests.filter((r) => r.method === method && path.test(r.path)).length;
  const progress = (events: PublishEvent[]) =>
    events.flatMap((e) => (e.type === 'progress' ? [e.event] : []));

  it('uploads each layer once, while compressing it, through no temporary file', async () => {
    const events: PublishEvent[] = [];
    const filesAtDone: string[][] = [];
    const cache = BlobInfoCache.inMemory();
    const [result] = await publish(
      request('app', {
        blobInfoCache: cache,
        onEvent: (e) => {
          events.push(e);
          if (e.type === 'progress' && e.event.type === 'blob-done') filesAtDone.push(tempFiles());
        },
      }),
    );
    const manifest = await verifyPushed(hostOf(first), 'app', result!.digest);
    // One POST + one streamed PATCH + one committing PUT per layer; the config goes up in one PUT.
    expect(count('PATCH')).toBe(3);
    expect(count('POST')).toBe(4);
    expect(count('PUT', /\/blobs\/uploads\//)).toBe(4);
    // The push after the compression found every layer with a HEAD.
    for (const layer of manifest.layers) expect(count('HEAD', new RegExp(layer.digest))).toBe(1);
    // While layers were done uploading, nothing had been written to disk.
    expect(filesAtDone.length).toBeGreaterThanOrEqual(3);
    expect(filesAtDone.flat()).toEqual([]);
    const blobEvents = progress(events);
    // A streamed layer's blob-done names its stored (compressed) digest, the one inspect shows,
    // and the uncompressed digest its earlier events carried.
    const done = blobEvents.filter((e) => e.type === 'blob-done');
    expect(done.map((e) => e.replaces)).toEqual(expect.arrayContaining(tars.map((t) => sha256(t))));
    expect(done.map((e) => e.digest)).toEqual(expect.arrayContaining(manifest.layers.map((l) => l.digest)));
    // No "already there" for the layers just uploaded.
    const skipped = blobEvents.filter((e) => e.type === 'blob-skipped').map((e) => e.digest);
    expect(skipped.filter((d) => manifest.layers.some((l) => l.digest === d))).toEqual([]);
    tars.forEach((tar, i) =>
      expect(cache.get(sha256(tar), 'gzip', 6)?.digest).toBe(manifest.layers[i]!.digest),
    );
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('falls back to a temporary file for a layer whose streamed PATCH is cut, and the push succeeds', async () => {
    // Whichever layer streams first (the text layer compresses to a few KiB) is cut.
    proxy.addRule({ method: 'PATCH', times: 1, action: { kind: 'reset-mid-body', afterBytes: 1024 } });
    const events: PublishEvent[] = [];
    const [result] = await publish(request('cut', { onEvent: (e) => events.push(e) }));
    const manifest = await verifyPushed(hostOf(first), 'cut', result!.digest);
    expect(proxy.requests.filter((r) => r.fault === 'reset-mid-body')).toHaveLength(1);
    expect(count('DELETE', /\/blobs\/uploads\//)).toBeGreaterThanOrEqual(1);
    // The layer cut short was uploaded again by the push itself, under its compressed digest.
    const pushed = progress(events)
      .filter((e) => e.type === 'blob-done')
      .map((e) => e.digest)
      .filter((d) => manifest.layers.some((l) => l.digest === d));
    expect(pushed.length).toBeGreaterThanOrEqual(1);
    expect(openUploads(first.storageDir)).toEqual([]);
  });

  it('pushes to a second registry from the copies kept while streaming to the first', async () => {
    const filesAtSecond: string[][] = [];
    const results = await publish(
      request('two', {
        registries: [resolveTarget(`${proxy.host}/team`), resolveTarget(`${hostOf(second)}/team`)],
        onEvent: (e) => {
          if (e.type === 'image-start' && e.target.startsWith(hostOf(second)))
            filesAtSecond.push(tempFiles());
        },
      }),
    );
    expect(results).toHaveLength(2);
    expect(results[1]!.digest).toBe(results[0]!.digest);
    expect(count('PATCH')).toBe(3);
    expect(filesAtSecond).toHaveLength(1);
    expect(filesAtSecond[0]!.sort()).toEqual(['layer-0', 'layer-1', 'layer-2']);
    await verifyPushed(hostOf(first), 'two', results[0]!.digest);
    await verifyPushed(hostOf(second), 'two', results[1]!.digest);
  });

  it('an abort while layers stream leaves no temporary directory and no open upload', async () => {
    const controller = new AbortController();
    let abortedAt: string | undefined;
    const pending = publish(
      request('aborted', {
        signal: controller.signal,
        onEvent: (e) => {
          if (e.type === 'progress' && e.event.type === 'blob-progress' && e.event.bytes >= MiB) {
            abortedAt ??= e.event.digest;
            controller.abort(new Error('user cancelled'));
          }
        },
      }),
    );
    await expect(pending).rejects.toThrow('user cancelled');
    // Aborted while a layer was streaming (its events carry the uncompressed digest).
    expect(tars.map((t) => sha256(t))).toContain(abortedAt);
    expect(readdirSync(tmp)).toEqual([]);
    expect(count('DELETE', /\/blobs\/uploads\//)).toBeGreaterThanOrEqual(1);
    expect(openUploads(first.storageDir)).toEqual([]);
    expect(await reader.headManifest(`${hostOf(first)}/team/aborted:v1`)).toBeUndefined();
  });

  it('a re-push with the blob-info cache uploads nothing: one HEAD per blob', async () => {
    const cache = BlobInfoCache.inMemory();
    await publish(request('again', { blobInfoCache: cache }));
    proxy.reset();
    const events: PublishEvent[] = [];
    await publish(request('again', { blobInfoCache: cache, onEvent: (e) => events.push(e) }));
    expect(count('PATCH') + count('POST')).toBe(0);
    expect(count('HEAD', /\/blobs\//)).toBe(4);
    expect(new Set(progress(events).map((e) => e.type))).toEqual(new Set(['blob-skipped', 'manifest-done']));
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('a later run pushing to another repository mounts the blobs the cache file says an earlier run pushed', async () => {
    // Two runs, as two jobs on one agent: each opens the cache file afresh, as the CLI does.
    const path = join(newTempDir('cache'), 'blob-info.json');
    await publish(request('first-job', { blobInfoCache: await BlobInfoCache.open(path) }));
    proxy.reset();
    const events: PublishEvent[] = [];
    await publish(
      request('second-job', {
        blobInfoCache: await BlobInfoCache.open(path),
        onEvent: (e) => events.push(e),
      }),
    );
    // The config and the three layers: mounted, nothing uploaded, nothing compressed again.
    const mounts = proxy.requests.filter(
      (r) => r.method === 'POST' && r.path.includes('mount=') && r.path.includes('from=team%2Ffirst-job'),
    );
    expect(mounts).toHaveLength(4);
    expect(count('PATCH') + count('PUT', /\/blobs\/uploads\//)).toBe(0);
    const mounted = progress(events).filter((e) => e.type === 'blob-mounted');
    expect(mounted.map((e) => e.from)).toEqual(Array(4).fill(`${proxy.host}/team/first-job`));
    const digest = events.flatMap((e) => (e.type === 'image-done' ? [e.image.digest] : []))[0]!;
    await verifyPushed(proxy.host, 'second-job', digest);
  });

  it('a stale location costs nothing: the registry starts an upload and the push goes on', async () => {
    const cache = BlobInfoCache.inMemory();
    const config = await publish(request('stale-probe', { blobInfoCache: BlobInfoCache.inMemory() }));
    const digests = (await reader.getManifest(`${proxy.host}/team/stale-probe@${config[0]!.digest}`)).bytes;
    const manifest = parseManifest(digests).manifest as ImageManifest;
    // The cache names a repository that never held these blobs.
    for (const d of [manifest.config, ...manifest.layers])
      cache.remember(proxy.host, d.digest, 'team/nowhere');
    proxy.reset();
    const [published] = await publish(request('stale-target', { blobInfoCache: cache }));
    expect(count('POST', /mount=.*from=team%2Fnowhere/)).toBeGreaterThan(0);
    await verifyPushed(proxy.host, 'stale-target', published!.digest);
  });

  it('mounts from earlier runs only within the same namespace', async () => {
    const path = join(newTempDir('cache'), 'blob-info.json');
    await publish({
      ...request('app'),
      registries: [resolveTarget(`${proxy.host}/other`)],
      blobInfoCache: await BlobInfoCache.open(path),
    });
    proxy.reset();
    // other/app holds every blob, but team/ is another namespace (another Packages registry).
    await publish(request('elsewhere', { blobInfoCache: await BlobInfoCache.open(path) }));
    expect(count('POST', /mount=/)).toBe(0);
    expect(count('POST')).toBeGreaterThan(0);
  });
});

/** `127.0.0.1:PORT` of a test registry. */
function hostOf(registry: TestRegistry): string {
  return new URL(registry.url).host;
}
