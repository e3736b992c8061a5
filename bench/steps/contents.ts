/**
 * Contents figures (issue 13, item 4): the file list of an image of 50,000 files (quick: 2,000)
 * in 5 gzip layers, the top one with whiteouts and an opaque directory, computed by the
 * registry's packages service from its disk store. Cold: streamed from the layers and written
 * to the derived cache. A first page from the cache by a fresh service (what a restarted
 * registry does), and a page deep in the list once it is in memory.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';
import { openAuthorizer } from '../../src/registry/auth/authorizer.js';
import { DiskDerivedCache, PackagesService, viewerOf } from '../../src/registry/packages/index.js';
import { PackageStats } from '../../src/registry/packages/stats.js';
import { DiskStore } from '../../src/registry/storage/disk.js';
import type { Store } from '../../src/registry/storage/store.js';
import { BenchError } from '../lib/errors.js';
import type { Figure } from '../lib/figures.js';
import type { StepContext } from './context.js';

const LAYERS = 5;
const REPOSITORY = 'bench/images/files';

/** Times computing and paging the contents of a many-file image. */
export async function contentsStep(ctx: StepContext): Promise<Figure[]> {
  const files = ctx.options.quick ? 2000 : 50_000;
  ctx.progress.step(`contents: writing an image of ${files} files in ${LAYERS} layers`);
  const store = new DiskStore({ root: join(ctx.work, 'contents', 'store'), fsync: false });
  await store.init();
  const expected = await putManyFileImage(store, files);
  const viewer = viewerOf({ headers: {} } as IncomingMessage);
  const cold: number[] = [];
  const fromCache: number[] = [];
  const deep: number[] = [];
  for (let run = 1; run <= ctx.options.runs; run++) {
    const cache = new DiskDerivedCache(join(ctx.work, 'contents', `derived-${run}`));
    const service = (): PackagesService =>
      new PackagesService({ store, stats: new PackageStats(), authorizer: openAuthorizer, cache });
    ctx.progress.step(`contents: computing the file list, run ${run}/${ctx.options.runs}`);
    let start = performance.now();
    const first = await service().contents(viewer, 'bench/images', 'files', {}, { limit: 500 });
    cold.push((performance.now() - start) / 1000);
    if (first.total !== expected) {
      throw new BenchError(
        'BENCH_COMMAND_FAILED',
        `contents listed ${first.total} entries, expected ${expected}`,
      );
    }
    const restarted = service();
    start = performance.now();
    await restarted.contents(viewer, 'bench/images', 'files', {}, { limit: 500 });
    fromCache.push(performance.now() - start);
    start = performance.now();
    await restarted.contents(
      viewer,
      'bench/images',
      'files',
      {},
      { offset: Math.floor(expected / 2), limit: 500 },
    );
    deep.push(performance.now() - start);
  }
  return [
    {
      id: 'contents.compute',
      label: `contents of a ${files}-file image, computed`,
      unit: 's',
      ours: cold,
      peer: [],
      target: { on: 'ours', op: '<=', value: 5 },
      bound: 'gunzip and tar parsing of every layer on one core, then one sort per directory',
    },
    {
      id: 'contents.page.cached',
      label: 'contents first page, from the storage cache',
      unit: 'ms',
      ours: fromCache,
      peer: [],
    },
    {
      id: 'contents.page.deep',
      label: 'contents page in the middle, in memory',
      unit: 'ms',
      ours: deep,
      peer: [],
    },
  ];
}

/**
 * Stores an image of `files` files spread over the layers in directories of 100, and a top
 * layer that whites out one directory and makes another opaque. Resolves the entry count the
 * contents must show.
 */
async function putManyFileImage(store: Store, files: number): Promise<number> {
  const perLayer = Math.ceil(files / LAYERS);
  const layers: Buffer[] = [];
  const dirs = new Set<string>();
  for (let l = 0; l < LAYERS; l++) {
    const entries: { name: string; body: string }[] = [];
    for (let i = l * perLayer; i < Math.min(files, (l + 1) * perLayer); i++) {
      const dir = `data/d${Math.floor(i / 100)}`;
      dirs.add(dir);
      entries.push({ name: `${dir}/file-${i}.txt`, body: `file ${i}\n` });
    }
    layers.push(await gzipTar(entries));
  }
  // The top layer: whiteouts remove d0 (100 files) and empty d1 below (opaque), adding one file.
  layers.push(
    await gzipTar([
      { name: 'data/.wh.d0', body: '' },
      { name: 'data/d1/.wh..wh..opq', body: '' },
      { name: 'data/d1/new.txt', body: 'new\n' },
    ]),
  );
  const expectedFiles = files - Math.min(files, 100) - Math.max(0, Math.min(files, 200) - 100) + 1;
  const expected = expectedFiles + (dirs.size - 1) + 1; // the dirs but d0, plus /data
  const config = Buffer.from(
    JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] } }),
  );
  const descriptors = [];
  for (const layer of layers) {
    descriptors.push({
      mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
      digest: await putBlob(store, layer),
      size: layer.length,
    });
  }
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: await putBlob(store, config),
        size: config.length,
      },
      layers: descriptors,
    }),
  );
  await store.putManifest(REPOSITORY, {
    bytes: manifest,
    digest: sha256(manifest),
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    tags: ['v1'],
  });
  return expected;
}

async function gzipTar(entries: readonly { name: string; body: string }[]): Promise<Buffer> {
  const tar = pack();
  const chunks: Buffer[] = [];
  tar.on('data', (c) => chunks.push(c as Buffer));
  const ended = new Promise((resolve) => tar.on('end', () => resolve(undefined)));
  for (const e of entries) tar.entry({ name: e.name, mtime: new Date(0) }, e.body);
  tar.finalize();
  await ended;
  return gzipSync(Buffer.concat(chunks));
}

async function putBlob(store: Store, bytes: Buffer): Promise<string> {
  const digest = sha256(bytes);
  const session = await store.createUpload(REPOSITORY);
  await store.commitUpload(REPOSITORY, session.id, digest, { body: Readable.from([bytes]) });
  return digest;
}

function sha256(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}
