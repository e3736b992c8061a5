/**
 * A small, valid example image written as an OCI image layout, with no engine and no network:
 * one gzip layer holding `/hello.txt`, an OCI config, a manifest, `index.json` and `oci-layout`.
 * `npm start` pushes it; tests use it as a known-good input. Deterministic for a given text.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { digestBytes } from '../oci/index.js';
import { MediaType } from '../oci/media-types.js';
import { loadTarStream } from './tar-stream.js';
import { zlib } from './zlib.js';

/** Options of {@link writeExampleLayout}. */
export interface ExampleImageOptions {
  /** The `org.opencontainers.image.ref.name` of the image in `index.json`. Default `latest`. */
  readonly tag?: string;
  /** Content of `/hello.txt`. Default a greeting. */
  readonly text?: string;
}

/** What was written. */
export interface ExampleImage {
  readonly dir: string;
  /** `oci:DIR:TAG`, ready for `push`. */
  readonly source: string;
  readonly digest: string;
}

/** Writes the example layout into `dir` (created when missing). */
export async function writeExampleLayout(
  dir: string,
  options: ExampleImageOptions = {},
): Promise<ExampleImage> {
  const tag = options.tag ?? 'latest';
  const text = options.text ?? 'Hello from container-package!\n';
  const epoch = new Date('2026-01-01T00:00:00Z');
  const tar = await tarOf([{ name: 'hello.txt', content: text, mtime: epoch }]);
  const layer = await promisify(zlib().gzip)(tar, { level: 9 });
  const config = json({
    created: epoch.toISOString(),
    architecture: 'amd64',
    os: 'linux',
    config: {
      Cmd: ['/hello.txt'],
      Labels: {
        'org.opencontainers.image.title': 'container-package example',
        'org.opencontainers.image.source': 'https://github.com/buildkite/container-package',
      },
    },
    rootfs: { type: 'layers', diff_ids: [digestBytes(tar)] },
    history: [{ created: epoch.toISOString(), created_by: 'container-package example image' }],
  });
  const manifest = json({
    schemaVersion: 2,
    mediaType: MediaType.ociManifest,
    config: { mediaType: MediaType.ociConfig, digest: digestBytes(config), size: config.byteLength },
    layers: [{ mediaType: MediaType.ociLayerGzip, digest: digestBytes(layer), size: layer.byteLength }],
  });
  const digest = digestBytes(manifest);
  await mkdir(join(dir, 'blobs', 'sha256'), { recursive: true });
  for (const blob of [layer, config, manifest]) {
    await writeFile(join(dir, 'blobs', 'sha256', digestBytes(blob).slice('sha256:'.length)), blob);
  }
  await writeFile(join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  const index = {
    schemaVersion: 2,
    mediaType: MediaType.ociIndex,
    manifests: [
      {
        mediaType: MediaType.ociManifest,
        digest,
        size: manifest.byteLength,
        annotations: { 'org.opencontainers.image.ref.name': tag },
      },
    ],
  };
  await writeFile(join(dir, 'index.json'), JSON.stringify(index));
  return { dir, source: `oci:${dir}:${tag}`, digest };
}

function json(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value));
}

async function tarOf(files: { name: string; content: string; mtime: Date }[]): Promise<Buffer> {
  // The tar parser loads only where a tar is read (a layout push does without it).
  const { pack } = await loadTarStream();
  const archive = pack();
  const chunks: Buffer[] = [];
  archive.on('data', (chunk: unknown) => {
    chunks.push(chunk as Buffer);
  });
  const done = new Promise<void>((resolve, reject) => {
    archive.on('end', resolve);
    archive.on('error', reject);
  });
  for (const file of files) {
    archive.entry({ name: file.name, mode: 0o644, mtime: file.mtime, uid: 0, gid: 0 }, file.content);
  }
  archive.finalize();
  await done;
  return Buffer.concat(chunks);
}
