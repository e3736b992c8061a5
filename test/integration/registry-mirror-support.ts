/**
 * Helpers for the mirror and GC integration tests: an upstream registry (ours, or CNCF
 * distribution) behind a logging proxy that counts what reaches it, images with several
 * megabyte-sized layers pushed to it, and pulls that read a whole image and check every digest.
 */
import { gzipSync } from 'node:zlib';
import { pack as tarPack } from 'tar-stream';
import { startDistribution } from '../support/distribution.js';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import { MANIFEST_MEDIA_TYPES } from '../support/registry-http.js';
import {
  OCI_CONFIG,
  OCI_LAYER,
  OCI_MANIFEST,
  descriptorOf,
  digestOf,
  imageManifest,
  randomBytes,
  send,
  startRegistry,
} from './registry-support.js';

/** An upstream registry behind a request-counting proxy. */
export interface CountedUpstream {
  /** `http://127.0.0.1:PORT` of the registry itself (push test content here). */
  readonly direct: string;
  /** The proxy the mirror talks to; `proxy.requests` is everything that reached the upstream. */
  readonly proxy: FaultProxy;
  /** Stops the registry and the proxy (the mirror then gets connection refused). Idempotent. */
  stop(): Promise<void>;
}

/** Our own registry as the upstream. */
export async function startOurUpstream(): Promise<CountedUpstream> {
  const upstream = await startRegistry({ fsync: false });
  return counted(upstream.url, () => upstream.registry.close());
}

/** CNCF distribution as the upstream. */
export async function startDistributionUpstream(): Promise<CountedUpstream> {
  const distribution = await startDistribution({ logLevel: 'warn' });
  return counted(distribution.url, () => distribution.stop());
}

async function counted(direct: string, stopRegistry: () => Promise<void>): Promise<CountedUpstream> {
  const proxy = await startFaultProxy(direct);
  let stopped: Promise<void> | undefined;
  return {
    direct,
    proxy,
    stop: () => (stopped ??= Promise.all([proxy.close(), stopRegistry()]).then(() => undefined)),
  };
}

/**
 * Pushes a blob with POST then PUT, following an absolute or relative `Location` that may hold a
 * query already (CNCF distribution's `_state`).
 */
export async function pushBlob(base: string, repository: string, bytes: Buffer): Promise<string> {
  const digest = digestOf(bytes);
  const start = await send(base, 'POST', `/v2/${repository}/blobs/uploads/`);
  if (start.status !== 202) throw new Error(`POST upload: ${start.status} ${start.body.toString()}`);
  const location = new URL(start.headers.get('location')!, base);
  location.searchParams.set('digest', digest);
  const put = await send('', 'PUT', location.href, {
    headers: { 'Content-Type': 'application/octet-stream' },
    body: bytes,
  });
  if (put.status !== 201) throw new Error(`PUT upload: ${put.status} ${put.body.toString()}`);
  return digest;
}

/** An image pushed by {@link pushLayeredImage}. */
export interface PushedImage {
  readonly digest: string;
  readonly manifest: Buffer;
  /** Config then layers. */
  readonly blobs: readonly { readonly digest: string; readonly size: number }[];
}

/**
 * Pushes an image the way clients do: a config and the layers (a number is that many seeded
 * random bytes, a Buffer is used as is), each skipped when a `HEAD` finds it, then the manifest.
 */
export async function pushLayeredImage(
  base: string,
  repository: string,
  tag: string,
  layerSpecs: readonly (number | Buffer)[],
  seed = 1,
): Promise<PushedImage> {
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      author: `seed-${seed}`,
      rootfs: { type: 'layers', diff_ids: [] },
    }),
  );
  const layers = layerSpecs.map((spec, i) =>
    typeof spec === 'number' ? randomBytes(spec, seed * 1000 + i + 1) : spec,
  );
  for (const blob of [config, ...layers]) {
    const head = await send(base, 'HEAD', `/v2/${repository}/blobs/${digestOf(blob)}`);
    if (head.status !== 200) await pushBlob(base, repository, blob);
  }
  const manifest = imageManifest(
    descriptorOf(OCI_CONFIG, config),
    layers.map((layer) => descriptorOf(OCI_LAYER, layer)),
  );
  const put = await send(base, 'PUT', `/v2/${repository}/manifests/${tag}`, {
    headers: { 'Content-Type': OCI_MANIFEST },
    body: manifest,
  });
  if (put.status !== 201) throw new Error(`PUT manifest: ${put.status} ${put.body.toString()}`);
  return {
    digest: digestOf(manifest),
    manifest,
    blobs: [config, ...layers].map((blob) => ({ digest: digestOf(blob), size: blob.length })),
  };
}

/** What {@link pullImage} got. */
export interface Pulled {
  readonly digest: string;
  /** The manifest response's `Warning` header, if any. */
  readonly warning: string | null;
  /** Every blob's digest, checked against its bytes. */
  readonly blobs: readonly string[];
}

/**
 * Pulls `repository:reference` from `base` as a client does: the manifest (every media type
 * accepted), then each blob, each checked against its digest and size.
 *
 * @throws Error naming the request that failed or the blob that did not match
 */
export async function pullImage(base: string, repository: string, reference: string): Promise<Pulled> {
  const answer = await send(base, 'GET', `/v2/${repository}/manifests/${reference}`, {
    headers: { Accept: MANIFEST_MEDIA_TYPES.join(', ') },
  });
  if (answer.status !== 200)
    throw new Error(`GET manifest ${repository}:${reference}: ${answer.status} ${answer.body.toString()}`);
  const manifest = answer.json<{
    config: { digest: string; size: number };
    layers: { digest: string; size: number }[];
  }>();
  const blobs = [manifest.config, ...manifest.layers];
  for (const blob of blobs) {
    const got = await send(base, 'GET', `/v2/${repository}/blobs/${blob.digest}`);
    if (got.status !== 200) throw new Error(`GET blob ${blob.digest}: ${got.status} ${got.body.toString()}`);
    if (digestOf(got.body) !== blob.digest || got.body.length !== blob.size) {
      throw new Error(
        `blob ${blob.digest} arrived as ${got.body.length} bytes hashing to ${digestOf(got.body)}`,
      );
    }
  }
  return {
    digest: digestOf(answer.body),
    warning: answer.headers.get('warning'),
    blobs: blobs.map((b) => b.digest),
  };
}

/** How many requests of `method` for blob `digest` reached the upstream. */
export function blobRequests(proxy: FaultProxy, digest: string, method = 'GET'): number {
  return proxy.requests.filter(
    (r) => r.method === method && r.path.split('?')[0]!.endsWith(`/blobs/${digest}`),
  ).length;
}

/** How many requests of `method` for manifests of `repository` reached the upstream. */
export function manifestRequests(proxy: FaultProxy, repository: string, method = 'GET'): number {
  return proxy.requests.filter(
    (r) => r.method === method && r.path.startsWith(`/v2/${repository}/manifests/`),
  ).length;
}

/** A tar archive holding `files` (path → content), for layers real clients unpack. */
export async function tarOf(files: Readonly<Record<string, Buffer | string>>): Promise<Buffer> {
  const archive = tarPack();
  for (const [name, content] of Object.entries(files)) {
    const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content);
    archive.entry({ name, size: bytes.length, mode: 0o644, mtime: new Date(0) }, bytes);
  }
  archive.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of archive as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/**
 * Pushes an image podman can unpack: one gzip tar layer holding `/hello.txt` and `/data.bin`
 * (`dataBytes` seeded random bytes), a config whose `diff_ids` match, for linux/amd64.
 */
export async function pushRunnableImage(
  base: string,
  repository: string,
  tag: string,
  seed: number,
  dataBytes = 512 * 1024,
): Promise<PushedImage> {
  const archive = await tarOf({ 'hello.txt': `hello ${seed}\n`, 'data.bin': randomBytes(dataBytes, seed) });
  const layer = gzipSync(archive);
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: { Cmd: ['/hello.txt'] },
      rootfs: { type: 'layers', diff_ids: [digestOf(archive)] },
    }),
  );
  for (const blob of [config, layer]) await pushBlob(base, repository, blob);
  const manifest = imageManifest(descriptorOf(OCI_CONFIG, config), [descriptorOf(OCI_LAYER, layer)]);
  const put = await send(base, 'PUT', `/v2/${repository}/manifests/${tag}`, {
    headers: { 'Content-Type': OCI_MANIFEST },
    body: manifest,
  });
  if (put.status !== 201) throw new Error(`PUT manifest: ${put.status} ${put.body.toString()}`);
  return {
    digest: digestOf(manifest),
    manifest,
    blobs: [config, layer].map((blob) => ({ digest: digestOf(blob), size: blob.length })),
  };
}
