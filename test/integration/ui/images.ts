/**
 * OCI image layouts written in code for the pages' browser tests: a multi-platform index (two
 * platforms, two layers each, one file deleted by a whiteout) and a hostile image whose file
 * names, labels and annotations hold HTML. Each image says which paths its filesystem has once
 * its layers are applied, so the Contents tab can be checked against it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';

/** Markup that must stay text wherever the pages show it. */
export const HOSTILE_TEXT = '<img src=x onerror=alert(1)>';

/** A file or directory of a layer; `whiteout` deletes `path` from the layers below. */
interface LayerEntry {
  readonly path: string;
  readonly type: 'file' | 'directory';
  readonly content?: string;
  readonly mode?: number;
}

/** One written image: its manifest digest and what its filesystem lists after the layers. */
export interface LayoutImage {
  readonly digest: string;
  /** Paths (`/etc/hello.txt`) of the applied filesystem, directories included. */
  readonly paths: readonly string[];
}

const MTIME = new Date('2026-01-01T00:00:00Z');

async function tarOf(entries: readonly LayerEntry[]): Promise<Buffer> {
  const tar = pack();
  const chunks: Buffer[] = [];
  tar.on('data', (c) => chunks.push(c as Buffer));
  const done = new Promise<void>((resolve) => tar.on('end', () => resolve()));
  for (const e of entries) {
    const name = e.path.replace(/^\//, '') + (e.type === 'directory' ? '/' : '');
    if (e.type === 'directory') tar.entry({ name, type: 'directory', mode: e.mode ?? 0o755, mtime: MTIME });
    else tar.entry({ name, type: 'file', mode: e.mode ?? 0o644, mtime: MTIME }, e.content ?? '');
  }
  tar.finalize();
  await done;
  return Buffer.concat(chunks);
}

function sha256(bytes: Buffer | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** An OCI layout being written to `dir`. */
class Layout {
  readonly #dir: string;
  readonly #index: object[] = [];

  constructor(dir: string) {
    this.#dir = dir;
    mkdirSync(join(dir, 'blobs', 'sha256'), { recursive: true });
    writeFileSync(join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  }

  blob(bytes: Buffer | string, mediaType: string, extra: Record<string, unknown> = {}) {
    const digest = sha256(bytes);
    writeFileSync(join(this.#dir, 'blobs', 'sha256', digest.slice(7)), bytes);
    return { mediaType, digest, size: Buffer.byteLength(bytes), ...extra };
  }

  async image(
    layers: readonly (readonly LayerEntry[])[],
    platform: { os: string; architecture: string },
    labels: Record<string, string>,
    annotations: Record<string, string> = {},
  ) {
    const tars = await Promise.all(layers.map(tarOf));
    const diffIds = tars.map((t) => sha256(t));
    const config = JSON.stringify({
      ...platform,
      created: MTIME.toISOString(),
      config: { Labels: labels, Cmd: ['/bin/sh'] },
      rootfs: { type: 'layers', diff_ids: diffIds },
      history: layers.map(() => ({ created: MTIME.toISOString(), created_by: 'ui test' })),
    });
    const manifest = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: this.blob(config, 'application/vnd.oci.image.config.v1+json'),
      layers: tars.map((t) => this.blob(gzipSync(t), 'application/vnd.oci.image.layer.v1.tar+gzip')),
      ...(Object.keys(annotations).length === 0 ? {} : { annotations }),
    });
    return this.blob(manifest, 'application/vnd.oci.image.manifest.v1+json', { platform });
  }

  tag(descriptor: object, tag: string): void {
    this.#index.push({ ...descriptor, annotations: { 'org.opencontainers.image.ref.name': tag } });
  }

  finish(): void {
    writeFileSync(
      join(this.#dir, 'index.json'),
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: this.#index,
      }),
    );
  }
}

const folder = (path: string): LayerEntry => ({ path, type: 'directory' });
const file = (path: string, content: string, mode?: number): LayerEntry => ({
  path,
  type: 'file',
  content,
  mode,
});

/**
 * Writes a layout with tag `v1` (a two-platform index: linux/amd64 and linux/arm64) to `dir`.
 * The second layer of each platform deletes `/app/old.txt` with a whiteout.
 */
export async function writeMultiPlatformLayout(
  dir: string,
): Promise<{ index: string; platforms: Record<string, LayoutImage> }> {
  const layout = new Layout(dir);
  const platforms: Record<string, LayoutImage> = {};
  const children = [];
  for (const architecture of ['amd64', 'arm64']) {
    const base = [
      folder('/app'),
      file('/app/old.txt', 'old'),
      file(`/app/${architecture}.bin`, architecture.repeat(100), 0o755),
      folder('/etc'),
      file('/etc/hello.txt', 'hello\n'),
    ];
    const top = [folder('/app'), file('/app/.wh.old.txt', ''), file('/app/new.txt', 'new')];
    const descriptor = await layout.image(
      [base, top],
      { os: 'linux', architecture },
      {
        'org.opencontainers.image.title': 'multi',
        'org.opencontainers.image.licenses': 'MIT',
        'org.opencontainers.image.url': 'https://example.com/multi',
      },
    );
    children.push(descriptor);
    platforms[`linux/${architecture}`] = {
      digest: descriptor.digest,
      paths: ['/app', `/app/${architecture}.bin`, '/app/new.txt', '/etc', '/etc/hello.txt'],
    };
  }
  const index = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: children,
    annotations: { 'org.opencontainers.image.description': 'A two-platform test image' },
  });
  const descriptor = layout.blob(index, 'application/vnd.oci.image.index.v1+json');
  layout.tag(descriptor, 'v1');
  layout.finish();
  return { index: descriptor.digest, platforms };
}

/** Writes a layout with tag `v1`: an image whose file names, labels and annotations hold HTML. */
export async function writeHostileLayout(dir: string): Promise<LayoutImage> {
  const layout = new Layout(dir);
  const names = [
    `/data/${HOSTILE_TEXT}`,
    '/data/"><svg onload=alert(2)>.txt',
    "/data/'onmouseover='alert(3)",
  ];
  const layer = [folder('/data'), ...names.map((n) => file(n, 'x'))];
  const descriptor = await layout.image(
    [layer],
    { os: 'linux', architecture: 'amd64' },
    {
      'org.opencontainers.image.title': HOSTILE_TEXT,
      'org.opencontainers.image.description': '<script>alert(4)</script>',
      'org.opencontainers.image.url': 'javascript:alert(5)',
      'org.opencontainers.image.licenses': '<b onclick=alert(6)>MIT</b>',
    },
    { 'org.opencontainers.image.vendor': `"><svg onload=alert(7)>` },
  );
  layout.tag(descriptor, 'v1');
  layout.finish();
  return { digest: descriptor.digest, paths: ['/data', ...names].sort() };
}
