/**
 * The bundled registry through the manifest workflows of the OCI distribution-spec conformance
 * suite: Manifest Upload, Pull manifests, Error codes, Content Discovery (tags list, referrers)
 * and Content Management (deletes), plus the newer suite's data sets (index, nested index,
 * artifacts, non-distributable layers, Docker schema2, sha512, tag parameters, 4 MiB manifests).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  OCI_CONFIG,
  OCI_INDEX,
  OCI_LAYER,
  OCI_MANIFEST,
  descriptorOf,
  digestOf,
  imageManifest,
  pushBlob,
  pushImage,
  randomBytes,
  send,
  startRegistry,
  type TestRegistry,
} from './registry-support.js';

let reg: TestRegistry;
let base: string;
const repo = 'conformance/manifests';

beforeAll(async () => {
  reg = await startRegistry();
  base = reg.url;
});
afterAll(async () => {
  await reg.registry.close();
});

const putManifest = (name: string, reference: string, body: Uint8Array, mediaType = OCI_MANIFEST) =>
  send(base, 'PUT', `/v2/${name}/manifests/${reference}`, { headers: { 'Content-Type': mediaType }, body });

describe('Manifest Upload and Pull manifests', () => {
  let image: Awaited<ReturnType<typeof pushImage>>;
  beforeAll(async () => {
    image = await pushImage(base, repo, 'tagtest0');
  });

  test('PUT should accept a manifest upload: 201 with Location and Docker-Content-Digest', async () => {
    for (const tag of ['test0', 'test1', 'test2', 'test3']) {
      const reply = await putManifest(repo, tag, image.manifest);
      expect(reply.status).toBe(201);
      expect(reply.headers.get('location')).toBe(`/v2/${repo}/manifests/${image.digest}`);
      expect(reply.headers.get('docker-content-digest')).toBe(image.digest);
    }
  });

  test('HEAD request to manifest path (digest and tag) should yield 200 with headers and no body', async () => {
    for (const ref of [image.digest, 'tagtest0']) {
      const reply = await send(base, 'HEAD', `/v2/${repo}/manifests/${ref}`, {
        headers: { Accept: OCI_MANIFEST },
      });
      expect(reply.status).toBe(200);
      expect(reply.headers.get('docker-content-digest')).toBe(image.digest);
      expect(reply.headers.get('content-type')).toBe(OCI_MANIFEST);
      expect(reply.headers.get('content-length')).toBe(String(image.manifest.length));
      expect(reply.body.length).toBe(0);
    }
  });

  test('GET request to manifest path (digest and tag) should yield the exact bytes', async () => {
    for (const ref of [image.digest, 'tagtest0']) {
      const reply = await send(base, 'GET', `/v2/${repo}/manifests/${ref}`);
      expect(reply.status).toBe(200);
      expect(reply.body.equals(image.manifest)).toBe(true);
      expect(reply.headers.get('content-type')).toBe(OCI_MANIFEST);
    }
  });

  test('GET with If-None-Match of the current digest answers 304', async () => {
    const reply = await send(base, 'GET', `/v2/${repo}/manifests/tagtest0`, {
      headers: { 'If-None-Match': `"${image.digest}"` },
    });
    expect(reply.status).toBe(304);
  });

  test('HEAD and GET of a nonexistent manifest should return 404 MANIFEST_UNKNOWN', async () => {
    for (const ref of ['.INVALID_MANIFEST_NAME', 'missing-tag', digestOf('no such manifest')]) {
      expect((await send(base, 'HEAD', `/v2/${repo}/manifests/${ref}`)).status).toBe(404);
      const get = await send(base, 'GET', `/v2/${repo}/manifests/${ref}`);
      expect(get.status).toBe(404);
      expect(get.errorCode).toBe('MANIFEST_UNKNOWN');
    }
  });

  test('400 response body should contain OCI-conforming JSON message (malformed digest)', async () => {
    for (const ref of ['sha256:totallywrong', 'sha256:baddigeststring']) {
      const reply = await send(base, 'GET', `/v2/${repo}/manifests/${ref}`);
      expect(reply.status).toBe(400);
      expect(reply.errorCode).toBe('DIGEST_INVALID');
    }
  });

  test('Registry should accept a manifest upload with no layers', async () => {
    const manifest = imageManifest(descriptorOf(OCI_CONFIG, image.config), []);
    const reply = await putManifest(repo, 'emptylayer', manifest);
    expect(reply.status).toBe(201);
  });
});

describe('manifest PUT by digest', () => {
  let image: Awaited<ReturnType<typeof pushImage>>;
  beforeAll(async () => {
    image = await pushImage(base, 'bydigest', 'seed', 2);
  });

  test('PUT by its own sha256 digest is accepted', async () => {
    expect((await putManifest('bydigest', image.digest, image.manifest)).status).toBe(201);
  });

  test('bad digest image: content that does not hash to the URL digest is 400 DIGEST_INVALID', async () => {
    const reply = await putManifest(
      'bydigest',
      image.digest,
      Buffer.concat([image.manifest, Buffer.from('  ')]),
    );
    expect(reply.status).toBe(400);
    expect(reply.errorCode).toBe('DIGEST_INVALID');
  });

  test('PUT to sha256:baddigeststring is 400', async () => {
    expect((await putManifest('bydigest', 'sha256:baddigeststring', image.manifest)).status).toBe(400);
  });

  test('PUT by a sha512 digest hashes with sha512 and serves it by that digest', async () => {
    const digest = digestOf(image.manifest, 'sha512');
    const reply = await putManifest('bydigest', digest, image.manifest);
    expect(reply.status).toBe(201);
    expect(reply.headers.get('docker-content-digest')).toBe(digest);
    const get = await send(base, 'GET', `/v2/bydigest/manifests/${digest}`);
    expect(get.status).toBe(200);
    expect(get.headers.get('docker-content-digest')).toBe(digest);
    expect(get.body.equals(image.manifest)).toBe(true);
  });

  test('tag parameters: PUT by digest with ?tag= creates the tags and answers OCI-Tag', async () => {
    const reply = await putManifest(
      'bydigest',
      `${image.digest}?tag=tag-param-0&tag=tag-param-1`,
      image.manifest,
    );
    expect(reply.status).toBe(201);
    expect(
      reply.headers
        .get('oci-tag')
        ?.split(',')
        .map((t) => t.trim()),
    ).toEqual(['tag-param-0', 'tag-param-1']);
    expect(
      (await send(base, 'HEAD', '/v2/bydigest/manifests/tag-param-1')).headers.get('docker-content-digest'),
    ).toBe(image.digest);
  });

  test('an invalid tag is 400 TAG_INVALID', async () => {
    expect((await putManifest('bydigest', '-bad', image.manifest)).errorCode).toBe('TAG_INVALID');
    expect((await putManifest('bydigest', `${image.digest}?tag=a/b`, image.manifest)).errorCode).toBe(
      'TAG_INVALID',
    );
  });
});

describe('manifest validation', () => {
  const config = Buffer.from('{"architecture":"arm64","os":"linux"}');
  let configDigest: string;
  beforeAll(async () => {
    configDigest = await pushBlob(base, 'checks', config);
  });

  test('invalid JSON is 400 MANIFEST_INVALID', async () => {
    const reply = await putManifest('checks', 'bad', Buffer.from('blablabla'));
    expect(reply.status).toBe(400);
    expect(reply.errorCode).toBe('MANIFEST_INVALID');
  });

  test('a layer that was never pushed is 400 MANIFEST_BLOB_UNKNOWN naming it', async () => {
    const missing = randomBytes(10, 99);
    const manifest = imageManifest(descriptorOf(OCI_CONFIG, config), [descriptorOf(OCI_LAYER, missing)]);
    const reply = await putManifest('checks', 'missing-layer', manifest);
    expect(reply.status).toBe(400);
    expect(reply.errorCode).toBe('MANIFEST_BLOB_UNKNOWN');
    expect(reply.json<{ errors: { detail: { digest: string } }[] }>().errors[0]!.detail.digest).toBe(
      digestOf(missing),
    );
  });

  test('non-distributable layers (with urls) need not be pushed', async () => {
    const foreign = randomBytes(10, 98);
    const layer = descriptorOf('application/vnd.oci.image.layer.nondistributable.v1.tar+gzip', foreign, {
      urls: [`https://store.example.com/blobs/sha256/${digestOf(foreign).slice(7)}`],
    });
    const reply = await putManifest(
      'checks',
      'non-distributable-image',
      imageManifest(descriptorOf(OCI_CONFIG, config), [layer]),
    );
    expect(reply.status).toBe(201);
  });

  test('an artifact with an unknown config media type (BuildKit cache) is stored as is', async () => {
    const cacheConfig = Buffer.from('{"layers":[],"records":[]}');
    await pushBlob(base, 'checks', cacheConfig);
    const manifest = imageManifest(descriptorOf('application/vnd.buildkit.cacheconfig.v0', cacheConfig), [], {
      annotations: { 'custom.field': 'x' },
      unknownField: { nested: true },
    });
    const reply = await putManifest('checks', 'buildcache', manifest);
    expect(reply.status).toBe(201);
    expect((await send(base, 'GET', '/v2/checks/manifests/buildcache')).body.equals(manifest)).toBe(true);
  });

  test('a Docker schema2 manifest and manifest list are stored with their media types', async () => {
    const dockerManifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
        config: {
          mediaType: 'application/vnd.docker.container.image.v1+json',
          size: config.length,
          digest: configDigest,
        },
        layers: [],
      }),
    );
    const put = await putManifest(
      'checks',
      'docker',
      dockerManifest,
      'application/vnd.docker.distribution.manifest.v2+json',
    );
    expect(put.status).toBe(201);
    const list = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.docker.distribution.manifest.list.v2+json',
        manifests: [
          {
            mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
            size: dockerManifest.length,
            digest: digestOf(dockerManifest),
            platform: { architecture: 'arm64', os: 'linux' },
          },
        ],
      }),
    );
    const putList = await putManifest(
      'checks',
      'docker-list',
      list,
      'application/vnd.docker.distribution.manifest.list.v2+json',
    );
    expect(putList.status).toBe(201);
    const get = await send(base, 'GET', '/v2/checks/manifests/docker-list');
    expect(get.headers.get('content-type')).toBe('application/vnd.docker.distribution.manifest.list.v2+json');
  });

  test('an index whose child manifest is missing is 400 MANIFEST_BLOB_UNKNOWN', async () => {
    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_INDEX,
        manifests: [{ mediaType: OCI_MANIFEST, size: 123, digest: digestOf('missing content') }],
      }),
    );
    const reply = await putManifest('checks', 'sparse-index', index, OCI_INDEX);
    expect(reply.status).toBe(400);
    expect(reply.errorCode).toBe('MANIFEST_BLOB_UNKNOWN');
  });

  test('a Content-Type that contradicts the body mediaType is 400 MANIFEST_INVALID', async () => {
    const manifest = imageManifest(descriptorOf(OCI_CONFIG, config), []);
    const reply = await putManifest('checks', 'contradiction', manifest, OCI_INDEX);
    expect(reply.status).toBe(400);
    expect(reply.errorCode).toBe('MANIFEST_INVALID');
  });

  test('a manifest of about 3.9 MB (large annotations) is accepted', async () => {
    const annotations: Record<string, string> = {};
    for (let i = 0; i < 390; i++) annotations[`large-annotation-${i}`] = 'A'.repeat(10_000);
    const manifest = imageManifest(descriptorOf(OCI_CONFIG, config), [], { annotations });
    expect(manifest.length).toBeGreaterThan(3_900_000);
    const reply = await putManifest('checks', 'large-manifest', manifest);
    expect(reply.status).toBe(201);
    expect((await send(base, 'GET', '/v2/checks/manifests/large-manifest')).body.equals(manifest)).toBe(true);
  });

  test('a manifest above the 4 MiB limit is 413 SIZE_INVALID', async () => {
    const manifest = imageManifest(descriptorOf(OCI_CONFIG, config), [], {
      padding: 'x'.repeat(4 * 1024 * 1024),
    });
    const reply = await putManifest('checks', 'too-large', manifest);
    expect(reply.status).toBe(413);
    expect(reply.errorCode).toBe('SIZE_INVALID');
  });
});

describe('index and nested index', () => {
  test('an index of two images, and an index of indexes, are stored and served', async () => {
    const amd = await pushImage(base, 'multi', 'amd', 71);
    const arm = await pushImage(base, 'multi', 'arm', 72);
    const entry = (image: { manifest: Buffer }, architecture: string) => ({
      ...descriptorOf(OCI_MANIFEST, image.manifest),
      platform: { os: 'linux', architecture },
    });
    const index = Buffer.from(
      JSON.stringify(
        { schemaVersion: 2, mediaType: OCI_INDEX, manifests: [entry(amd, 'amd64'), entry(arm, 'arm64')] },
        null,
        '\t',
      ),
    );
    expect((await putManifest('multi', 'index', index, OCI_INDEX)).status).toBe(201);
    const outer = Buffer.from(
      JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [descriptorOf(OCI_INDEX, index)] }),
    );
    expect((await putManifest('multi', 'index-of-index', outer, OCI_INDEX)).status).toBe(201);
    const get = await send(base, 'GET', '/v2/multi/manifests/index-of-index', {
      headers: { Accept: OCI_INDEX },
    });
    expect(get.headers.get('content-type')).toBe(OCI_INDEX);
    expect(get.body.equals(outer)).toBe(true);
  });
});

describe('Content Discovery: listing tags', () => {
  const name = 'discovery/tags';
  beforeAll(async () => {
    const image = await pushImage(base, name, 'test0', 81);
    for (const tag of ['test1', 'test3', 'test2', 'Alpha', 'beta'])
      await putManifest(name, tag, image.manifest);
  });

  test('GET request to list tags should yield 200 with tags in byte order', async () => {
    const reply = await send(base, 'GET', `/v2/${name}/tags/list`);
    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual({ name, tags: ['Alpha', 'beta', 'test0', 'test1', 'test2', 'test3'] });
    expect(reply.headers.get('link')).toBeNull();
  });

  test('GET number of tags should be limitable by `n` query parameter, with a Link to the rest', async () => {
    const reply = await send(base, 'GET', `/v2/${name}/tags/list?n=3`);
    expect(reply.json<{ tags: string[] }>().tags).toEqual(['Alpha', 'beta', 'test0']);
    expect(reply.headers.get('link')).toBe(`</v2/${name}/tags/list?n=3&last=test0>; rel="next"`);
  });

  test('GET start of tag is set by `last` query parameter (exclusive)', async () => {
    const reply = await send(base, 'GET', `/v2/${name}/tags/list?n=2&last=test0`);
    expect(reply.json<{ tags: string[] }>().tags).toEqual(['test1', 'test2']);
    const rest = await send(base, 'GET', `/v2/${name}/tags/list?last=test1`);
    expect(rest.json<{ tags: string[] }>().tags).toEqual(['test2', 'test3']);
    expect(rest.headers.get('link')).toBeNull();
  });

  test('n=0 gives an empty list and no Link; a bad n is 400', async () => {
    const zero = await send(base, 'GET', `/v2/${name}/tags/list?n=0`);
    expect(zero.json<{ tags: string[] }>().tags).toEqual([]);
    expect(zero.headers.get('link')).toBeNull();
    expect((await send(base, 'GET', `/v2/${name}/tags/list?n=-1`)).status).toBe(400);
  });

  test('the tags of a repository that does not exist: 404 NAME_UNKNOWN', async () => {
    const reply = await send(base, 'GET', '/v2/no/such/repository/tags/list');
    expect(reply.status).toBe(404);
    expect(reply.errorCode).toBe('NAME_UNKNOWN');
  });

  test('the catalog lists repositories with pagination', async () => {
    const all = (await send(base, 'GET', '/v2/_catalog')).json<{ repositories: string[] }>().repositories;
    expect(all).toContain(name);
    expect(all).toEqual([...all].sort());
    const page = await send(base, 'GET', '/v2/_catalog?n=1');
    expect(page.json<{ repositories: string[] }>().repositories).toEqual([all[0]]);
    expect(page.headers.get('link')).toContain('rel="next"');
  });
});
