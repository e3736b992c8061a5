import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { archiveStream } from '../../../../src/oci/index.js';
import { openAuthorizer } from '../../../../src/registry/auth/authorizer.js';
import { PackagesAuthorizer } from '../../../../src/registry/auth/packages-authorizer.js';
import { storeOpener } from '../../../../src/registry/packages/archive.js';
import { DiskDerivedCache } from '../../../../src/registry/packages/derived-cache.js';
import { PackagesService, baseRepository, viewerOf } from '../../../../src/registry/packages/index.js';
import { PackageStats } from '../../../../src/registry/packages/stats.js';
import { DiskStore } from '../../../../src/registry/storage/disk.js';
import { newTempDir } from '../../../support/temp-dir.js';
import { layerTar, putBlob, putImage, putIndex, sha256 } from './image-fixture.js';

const anonymous = viewerOf({ headers: {} } as IncomingMessage);
let store: DiskStore;
let root: string;

beforeEach(async () => {
  root = newTempDir('packages');
  store = new DiskStore({ root: join(root, 'store'), fsync: false });
  await store.init();
});

const service = (authorizer = openAuthorizer, stats = new PackageStats()) =>
  new PackagesService({ store, stats, authorizer, cache: new DiskDerivedCache(join(root, 'derived')) });

describe('open mode', () => {
  test('every repository is listed in one group; repositories with no tag are not', async () => {
    const layer = await layerTar([{ name: 'a', body: 'x' }]);
    await putImage(store, 'team/app', [layer], { tags: ['1'] });
    await putImage(store, 'acme/images/web', [layer], { tags: ['v1'] });
    await putImage(store, 'acme/images/deep/er', [layer], { tags: ['v1'] });
    await putImage(store, 'alpine', [layer], { tags: ['3'] });
    const gone = await putImage(store, 'acme/images/gone', [layer], { tags: ['old'] });
    await store.deleteManifest('acme/images/gone', gone.digest);
    const packages = service();
    expect(await packages.listRegistries(anonymous)).toEqual([
      { name: '', visibility: 'public', images: 1, configured: false },
      { name: 'acme/images', visibility: 'public', images: 2, configured: false },
      { name: 'team', visibility: 'public', images: 1, configured: false },
    ]);
    const team = await packages.listImages(anonymous, 'team');
    expect(team.packages.map((p) => [p.name, p.repository])).toEqual([['app', 'team/app']]);
    const acme = await packages.listImages(anonymous, 'acme/images');
    expect(acme.packages.map((p) => p.name)).toEqual(['deep/er', 'web']);
    await expect(packages.summary(anonymous, 'acme/images', 'gone')).rejects.toMatchObject({ status: 404 });
    expect((await packages.listImages(anonymous, '')).packages.map((p) => p.name)).toEqual(['alpine']);
  });
});

describe('details', () => {
  test('about, checksums, newest tag and downloads under the tag asked for', async () => {
    const stats = new PackageStats();
    const layer = await layerTar([{ name: 'a', body: 'x' }]);
    const v1 = await putImage(store, 'acme/images/web', [layer], {
      tags: ['v1', 'latest'],
      labels: { 'org.opencontainers.image.title': 'From label', 'org.opencontainers.image.licenses': 'MIT' },
      annotations: {
        'org.opencontainers.image.title': 'Web <b>',
        'org.opencontainers.image.base.name': 'docker.io/acme/images/base:1',
      },
    });
    await putImage(store, 'acme/images/base', [layer], { tags: ['1'] });
    stats.recordPush('acme/images/web', v1.digest, ['v1', 'latest']);
    stats.recordDownload('acme/images/web', v1.digest, 'v1');
    const packages = service(openAuthorizer, stats);
    const details = await packages.details(anonymous, 'acme/images', 'web');
    expect(details.tag).toBe('latest');
    expect(details.digest).toBe(v1.digest);
    expect(details.manifest_checksums.sha256).toBe(v1.digest.slice(7));
    expect(details.manifest_checksums.md5).toBe(createHash('md5').update(v1.bytes).digest('hex'));
    expect(details.about).toMatchObject({
      title: 'Web <b>',
      licenses: 'MIT',
      base_name: 'docker.io/acme/images/base:1',
    });
    expect(details.dependencies).toEqual([
      { kind: 'base', name: 'docker.io/acme/images/base:1', repository: 'acme/images/base' },
    ]);
    expect(details.downloads).toBe(0);
    expect((await packages.details(anonymous, 'acme/images', 'web', { tag: 'v1' })).downloads).toBe(1);
    const byDigest = await packages.details(anonymous, 'acme/images', 'web', { digest: v1.digest });
    expect(byDigest.tag).toBeNull();
    await expect(packages.details(anonymous, 'acme/images', 'web', { tag: 'nope' })).rejects.toMatchObject({
      status: 404,
    });
  });

  test('an index: platforms, dependencies, contents per platform', async () => {
    const amd = await putImage(store, 'acme/images/multi', [
      await layerTar([{ name: 'amd64-only', body: 'a' }]),
    ]);
    const arm = await putImage(store, 'acme/images/multi', [
      await layerTar([{ name: 'arm64-only', body: 'bb' }]),
    ]);
    const index = await putIndex(
      store,
      'acme/images/multi',
      [
        { ...amd, platform: 'linux/amd64' },
        { ...arm, platform: 'linux/arm64/v8' },
      ],
      ['v2'],
      { 'org.opencontainers.image.version': '2.0' },
    );
    const stats = new PackageStats();
    // A docker pull of the tag: the index by tag, then the platform manifest by digest.
    stats.recordDownload('acme/images/multi', index.digest, 'v2');
    stats.recordDownload('acme/images/multi', amd.digest);
    const packages = service(openAuthorizer, stats);
    expect((await packages.summary(anonymous, 'acme/images', 'multi')).downloads).toBe(1);
    const details = await packages.details(anonymous, 'acme/images', 'multi');
    expect(details.digest).toBe(index.digest);
    expect(details.downloads).toBe(1);
    expect(details.platforms.map((p) => p.platform)).toEqual([
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64', variant: 'v8' },
    ]);
    expect(details.dependencies.map((d) => [d.kind, d.name, d.digest])).toEqual([
      ['platform', 'linux/amd64', amd.digest],
      ['platform', 'linux/arm64/v8', arm.digest],
    ]);
    expect(details.about.version).toBe('2.0');
    expect(details.total_files).toBeNull();
    const first = await packages.contents(anonymous, 'acme/images', 'multi');
    expect(first.entries.map((e) => e.path)).toEqual(['/amd64-only']);
    const arm64 = await packages.contents(anonymous, 'acme/images', 'multi', {}, { platform: 'linux/arm64' });
    expect([arm64.digest, arm64.entries.map((e) => e.path)]).toEqual([arm.digest, ['/arm64-only']]);
    expect((await packages.details(anonymous, 'acme/images', 'multi')).total_files).toBe(1);
    await expect(
      packages.contents(anonymous, 'acme/images', 'multi', {}, { platform: 'windows/amd64' }),
    ).rejects.toMatchObject({ status: 404 });
  });
});

describe('contents', () => {
  test('whiteouts across layers, paging, cached in the storage once computed', async () => {
    const lower = await layerTar(
      [
        { name: 'etc/', type: 'directory' },
        { name: 'etc/passwd', body: 'root' },
        { name: 'tmp/junk', body: 'junk' },
        { name: 'var/cache/a', body: '1' },
      ],
      'zstd',
    );
    const upper = await layerTar(
      [{ name: '.wh.tmp' }, { name: 'var/cache/.wh..wh..opq' }, { name: 'var/cache/b', body: '22' }],
      'none',
    );
    const image = await putImage(store, 'acme/images/fs', [lower, upper], { tags: ['v1'] });
    const packages = service();
    const page = await packages.contents(anonymous, 'acme/images', 'fs', {}, { offset: 1, limit: 2 });
    expect(page.total).toBe(5);
    expect([page.files, page.directories, page.bytes]).toEqual([2, 3, 6]);
    expect(page.entries.map((e) => e.path)).toEqual(['/etc/passwd', '/var']);
    const past = await packages.contents(anonymous, 'acme/images', 'fs', {}, { offset: 999, limit: 2 });
    expect([past.offset, past.entries.length]).toEqual([4, 1]); // the last page, not "1,000–999 of 5"
    const all = await packages.contents(anonymous, 'acme/images', 'fs', {}, { limit: 100 });
    expect(all.entries.map((e) => `${e.path} ${e.size}`)).toEqual([
      '/etc 0',
      '/etc/passwd 4',
      '/var 0',
      '/var/cache 0',
      '/var/cache/b 2',
    ]);
    expect(existsSync(join(root, 'derived', 'contents', `${image.digest.replace(':', '-')}.json.gz`))).toBe(
      true,
    );
    // A fresh service on the same cache answers without the layers.
    for (const layer of JSON.parse(image.bytes.toString()).layers as { digest: string }[]) {
      await store.deleteBlob('acme/images/fs', layer.digest);
    }
    expect((await service().contents(anonymous, 'acme/images', 'fs')).total).toBe(5);
  });
});

describe('Download archive checksums', () => {
  test('are those of the bytes the download streams, and cached', async () => {
    await putImage(store, 'acme/images/web', [await layerTar([{ name: 'a', body: 'x' }])], { tags: ['v1'] });
    const packages = service();
    for (const format of ['oci-archive', 'docker-archive'] as const) {
      const sums = await packages.archiveChecksums(anonymous, 'acme/images', 'web', { tag: 'v1' }, format);
      const planned = await packages.planDownload(anonymous, 'acme/images', 'web', { tag: 'v1' }, format);
      const hash = createHash('sha512');
      for await (const c of archiveStream(planned.archive.plan, storeOpener(store, planned.repository))) {
        hash.update(c as Buffer);
      }
      expect(sums.sha512).toBe(hash.digest('hex'));
      expect(await packages.cachedChecksums(planned.archive)).toEqual(sums);
    }
  });
});

describe('Download of an artifact (an SBOM: no image config)', () => {
  test('is an oci-archive only: docker-archive is 400 UNSUPPORTED, not a file docker load refuses', async () => {
    const empty = await putBlob(store, 'acme/images/sbom', Buffer.from('{}'));
    const layer = Buffer.from('{"spdxVersion":"SPDX-2.3"}');
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        artifactType: 'application/spdx+json',
        config: { mediaType: 'application/vnd.oci.empty.v1+json', digest: empty, size: 2 },
        layers: [
          {
            mediaType: 'application/spdx+json',
            digest: await putBlob(store, 'acme/images/sbom', layer),
            size: layer.length,
          },
        ],
      }),
    );
    await store.putManifest('acme/images/sbom', {
      bytes: manifest,
      digest: sha256(manifest),
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      tags: ['v1'],
    });
    const packages = service();
    const oci = await packages.planDownload(anonymous, 'acme/images', 'sbom', { tag: 'v1' }, 'oci-archive');
    expect(oci.archive.digest).toBe(sha256(manifest));
    await expect(
      packages.planDownload(anonymous, 'acme/images', 'sbom', { tag: 'v1' }, 'docker-archive'),
    ).rejects.toMatchObject({
      status: 400,
      apiCode: 'UNSUPPORTED',
      message: expect.stringContaining('artifact (application/spdx+json), not a container image'),
    });
  });
});

describe('configured registries', () => {
  const authorizer = new PackagesAuthorizer({
    registries: [
      { name: 'acme/private', visibility: 'private', oidcPolicy: [] },
      { name: 'acme/public', visibility: 'public', oidcPolicy: [] },
    ],
  });

  test('anonymous sees the public registry only and is refused the private one', async () => {
    const layer = await layerTar([{ name: 'a', body: 'x' }]);
    await putImage(store, 'acme/private/secret', [layer], { tags: ['v1'] });
    await putImage(store, 'acme/public/web', [layer], { tags: ['v1'] });
    const packages = service(authorizer);
    expect(await packages.listRegistries(anonymous)).toEqual([
      { name: 'acme/public', visibility: 'public', images: 1, configured: true },
    ]);
    await expect(packages.listImages(anonymous, 'acme/private')).rejects.toMatchObject({ status: 401 });
    await expect(packages.details(anonymous, 'acme/private', 'secret')).rejects.toMatchObject({
      status: 401,
    });
    await expect(packages.listImages(anonymous, 'team')).rejects.toMatchObject({ status: 400 });
    expect((await packages.details(anonymous, 'acme/public', 'web')).visibility).toBe('public');
  });
});

test.each([
  ['docker.io/library/alpine:3.20', 'library/alpine'],
  ['127.0.0.1:5000/acme/images/base:1', 'acme/images/base'],
  ['acme/images/base@sha256:abc', 'acme/images/base'],
  ['localhost/x', 'x'],
  ['Bad Name', undefined],
])('baseRepository(%s) = %s', (name, expected) => {
  expect(baseRepository(name)).toBe(expected);
});
