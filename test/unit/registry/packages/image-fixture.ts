import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { gzipSync, zstdCompressSync } from 'node:zlib';
import { pack } from 'tar-stream';
import type { Store } from '../../../../src/registry/storage/store.js';

/** One entry of a test layer. */
export interface TestEntry {
  readonly name: string;
  readonly type?: 'file' | 'directory' | 'symlink' | 'link';
  readonly body?: string;
  readonly mode?: number;
  readonly linkname?: string;
}

/** A tar of `entries`, compressed as asked. */
export async function layerTar(
  entries: readonly TestEntry[],
  compression: 'gzip' | 'zstd' | 'none' = 'gzip',
): Promise<Buffer> {
  const tar = pack();
  const chunks: Buffer[] = [];
  tar.on('data', (c) => chunks.push(c as Buffer));
  const done = new Promise((resolve) => tar.on('end', () => resolve(undefined)));
  for (const e of entries) {
    const type = e.type ?? 'file';
    const header = {
      name: e.name,
      type,
      mode: e.mode ?? (type === 'directory' ? 0o755 : 0o644),
      ...(e.linkname === undefined ? {} : { linkname: e.linkname }),
    };
    if (type === 'file') tar.entry(header, e.body ?? '');
    else tar.entry(header);
  }
  tar.finalize();
  await done;
  const raw = Buffer.concat(chunks);
  return compression === 'gzip' ? gzipSync(raw) : compression === 'zstd' ? zstdCompressSync(raw) : raw;
}

export function sha256(bytes: Buffer | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** Stores a blob in `repository`. */
export async function putBlob(store: Store, repository: string, bytes: Buffer): Promise<string> {
  const digest = sha256(bytes);
  const session = await store.createUpload(repository);
  await store.commitUpload(repository, session.id, digest, { body: Readable.from([bytes]) });
  return digest;
}

/** Stores an image (config with `labels`, the layers) and returns its manifest's digest and bytes. */
export async function putImage(
  store: Store,
  repository: string,
  layers: readonly Buffer[],
  options: {
    tags?: string[];
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    layerMediaType?: string;
  } = {},
): Promise<{ digest: string; bytes: Buffer }> {
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: { Labels: options.labels ?? {} },
      rootfs: { type: 'layers', diff_ids: layers.map(() => sha256('x')) },
    }),
  );
  const configDigest = await putBlob(store, repository, config);
  const layerDescriptors = [];
  for (const layer of layers) {
    layerDescriptors.push({
      mediaType: options.layerMediaType ?? 'application/vnd.oci.image.layer.v1.tar+gzip',
      digest: await putBlob(store, repository, layer),
      size: layer.length,
    });
  }
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: configDigest,
        size: config.length,
      },
      layers: layerDescriptors,
      ...(options.annotations === undefined ? {} : { annotations: options.annotations }),
    }),
  );
  const digest = sha256(manifest);
  await store.putManifest(repository, {
    bytes: manifest,
    digest,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    tags: options.tags ?? [],
  });
  return { digest, bytes: manifest };
}

/** Stores an index of the given images (`linux/amd64`-style platforms). */
export async function putIndex(
  store: Store,
  repository: string,
  images: readonly { digest: string; bytes: Buffer; platform: string }[],
  tags: string[],
  annotations?: Record<string, string>,
): Promise<{ digest: string; bytes: Buffer }> {
  const index = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: images.map((i) => {
        const [os, architecture, variant] = i.platform.split('/');
        return {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: i.digest,
          size: i.bytes.length,
          platform: { os, architecture, ...(variant === undefined ? {} : { variant }) },
        };
      }),
      ...(annotations === undefined ? {} : { annotations }),
    }),
  );
  const digest = sha256(index);
  await store.putManifest(repository, {
    bytes: index,
    digest,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    tags,
  });
  return { digest, bytes: index };
}
