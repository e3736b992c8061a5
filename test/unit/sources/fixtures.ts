/**
 * Images generated in code for the source tests: seeded random layer tars, OCI layouts, and tar
 * archives of them (OCI archives, docker archives), written with tar-stream.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';
import type { Descriptor, Platform } from '../../../src/oci/descriptor.js';
import { MediaType } from '../../../src/oci/media-types.js';

/** mulberry32: a small seeded PRNG, so layers are random but the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `length` seeded random bytes. */
export function randomBytes(seed: number, length: number): Buffer {
  const next = seededRandom(seed);
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) out[i] = Math.floor(next() * 256);
  return out;
}

/** An entry of {@link tarBuffer}. */
export interface TarFixtureEntry {
  name: string;
  data?: Buffer | string;
  type?: 'file' | 'directory' | 'symlink' | 'link';
  linkname?: string;
}

/** A tar archive of `entries`, in order (tar-stream writes PAX headers for names over 100 bytes). */
export async function tarBuffer(entries: readonly TarFixtureEntry[]): Promise<Buffer> {
  const p = pack();
  const done = collect(p as unknown as Readable);
  for (const e of entries) {
    const type = e.type ?? 'file';
    const header = {
      name: e.name,
      type,
      mtime: new Date(0),
      mode: type === 'directory' ? 0o755 : 0o644,
      linkname: e.linkname,
    };
    if (type === 'file')
      p.entry(header, typeof e.data === 'string' ? Buffer.from(e.data) : (e.data ?? Buffer.alloc(0)));
    else p.entry(header);
  }
  p.finalize();
  return done;
}

/** A layer: a tar of `files` seeded random files of up to `maxSize` bytes. */
export function randomLayer(seed: number, files = 3, maxSize = 4096): Promise<Buffer> {
  const next = seededRandom(seed);
  const entries = Array.from({ length: files }, (_, i) => ({
    name: `dir-${seed}/file-${i}.bin`,
    data: randomBytes(seed * 1000 + i, Math.floor(next() * maxSize) + 1),
  }));
  return tarBuffer([{ name: `dir-${seed}`, type: 'directory' }, ...entries]);
}

/** Reads a stream to its end. */
export async function collect(stream: Readable | AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

export function sha256(bytes: Uint8Array | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** What {@link LayoutWriter.image} wrote. */
export interface WrittenImage {
  descriptor: Descriptor;
  manifest: Buffer;
  config: Descriptor;
  configBytes: Buffer;
  layers: Descriptor[];
  /** The uncompressed layer tars, in order. */
  tars: Buffer[];
}

/** Options of {@link LayoutWriter.image}. */
export interface ImageFixture {
  layers: Buffer[];
  /** Store the layers gzip-compressed (default) or as plain tars. */
  gzip?: boolean;
  platform?: Platform;
  /** Extra fields merged into the config. */
  config?: Record<string, unknown>;
  /** Docker schema2 media types instead of OCI. */
  docker?: boolean;
}

/** Writes an OCI image layout: blobs first, index.json last. */
export class LayoutWriter {
  constructor(readonly dir: string) {
    mkdirSync(join(dir, 'blobs', 'sha256'), { recursive: true });
    writeFileSync(join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  }

  blob(bytes: Buffer | string, mediaType: string): Descriptor {
    const buffer = Buffer.from(bytes);
    const digest = sha256(buffer);
    writeFileSync(this.blobPath(digest), buffer);
    return { mediaType, digest, size: buffer.length };
  }

  blobPath(digest: string): string {
    return join(this.dir, 'blobs', 'sha256', digest.slice('sha256:'.length));
  }

  image(fixture: ImageFixture): WrittenImage {
    const gzip = fixture.gzip ?? true;
    const docker = fixture.docker ?? false;
    const layerType = docker ? MediaType.dockerLayerGzip : gzip ? MediaType.ociLayerGzip : MediaType.ociLayer;
    const layers = fixture.layers.map((tar) => this.blob(gzip ? gzipSync(tar) : tar, layerType));
    const configBytes = Buffer.from(
      JSON.stringify({
        architecture: fixture.platform?.architecture ?? 'amd64',
        os: fixture.platform?.os ?? 'linux',
        rootfs: { type: 'layers', diff_ids: fixture.layers.map((tar) => sha256(tar)) },
        ...fixture.config,
      }),
    );
    const config = this.blob(configBytes, docker ? MediaType.dockerConfig : MediaType.ociConfig);
    const manifestType = docker ? MediaType.dockerManifest : MediaType.ociManifest;
    const manifest = Buffer.from(
      JSON.stringify({ schemaVersion: 2, mediaType: manifestType, config, layers }, null, 2),
    );
    const descriptor = this.blob(manifest, manifestType);
    const withPlatform = fixture.platform ? { ...descriptor, platform: fixture.platform } : descriptor;
    return { descriptor: withPlatform, manifest, config, configBytes, layers, tars: fixture.layers };
  }

  /** Writes an index blob listing `children`. */
  index(
    children: Descriptor[],
    mediaType: string = MediaType.ociIndex,
  ): { descriptor: Descriptor; bytes: Buffer } {
    const bytes = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType, manifests: children }));
    return { descriptor: this.blob(bytes, mediaType), bytes };
  }

  /** Writes index.json; `names[i]` becomes entry i's `org.opencontainers.image.ref.name`. */
  writeIndexJson(entries: Descriptor[], names: (string | undefined)[] = []): void {
    const manifests = entries.map((d, i) =>
      names[i] === undefined ? d : { ...d, annotations: { 'org.opencontainers.image.ref.name': names[i] } },
    );
    writeFileSync(join(this.dir, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests }));
  }
}

/** Tar entries for every file and directory under `dir` (sorted), named relative to it with `prefix`. */
export function directoryEntries(dir: string, prefix = ''): TarFixtureEntry[] {
  const out: TarFixtureEntry[] = [];
  const walk = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      const path = join(current, name);
      const rel = prefix + relative(dir, path);
      if (statSync(path).isDirectory()) {
        out.push({ name: rel, type: 'directory' });
        walk(path);
      } else out.push({ name: rel, data: readFileSync(path) });
    }
  };
  walk(dir);
  return out;
}
