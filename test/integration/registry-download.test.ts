/**
 * The Download endpoint and the packages API against real clients: the archive is the same
 * bytes every time with the promised length; skopeo copies an oci-archive (an image and a
 * multi-platform index) back into the registry with the same digest; docker loads a
 * docker-archive as the image whose ID is the config digest; downloads count under the tag or
 * digest asked for; and open mode lists two-component names (`team/app`).
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { MemoryDerivedCache } from '../../src/registry/packages/derived-cache.js';
import { viewerOf } from '../../src/registry/packages/index.js';
import { pushGzipImage } from './gzip-image.js';
import { PRIVATE, PUBLIC, basic, createAuthFixture } from './registry-auth-support.js';
import { createContainerTools, type ContainerTools } from '../support/containers.js';
import { pushedDigest, startDockerd, type DockerEngine } from '../support/dockerd.js';
import { manifestDigest } from '../support/registry-http.js';
import { newTempDir, writeFiles } from '../support/temp-dir.js';
import { DOCKER_ENGINE_TOOLS, describeWithTools } from '../support/tools.js';
import {
  OCI_INDEX,
  OCI_MANIFEST,
  digestOf,
  pushImage,
  send,
  startRegistry,
  type TestRegistry,
} from './registry-support.js';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const api = (path: string): string => `/api/v1/registries/${path}`;

describe('packages API in open mode', () => {
  let reg: TestRegistry;
  beforeAll(async () => {
    reg = await startRegistry({ fsync: false });
  });
  afterAll(async () => {
    await reg?.registry.close();
  });

  it('lists two-component names, hides repositories with nothing left, counts per tag', async () => {
    const image = await pushImage(reg.url, 'team/app', '42');
    await send(reg.url, 'PUT', '/v2/team/app/manifests/latest', {
      headers: { 'Content-Type': OCI_MANIFEST },
      body: image.manifest,
    });
    const gone = await pushImage(reg.url, 'team/gone', 'v1', 2);
    expect((await send(reg.url, 'DELETE', `/v2/team/gone/manifests/${gone.digest}`)).status).toBe(202);
    await send(reg.url, 'GET', '/v2/team/app/manifests/42');
    await send(reg.url, 'GET', '/v2/team/app/manifests/42');
    await send(reg.url, 'GET', `/v2/team/app/manifests/${image.digest}`);
    const list = await send(reg.url, 'GET', api('team/packages'));
    expect(list.status).toBe(200);
    const body = list.json<{
      registry: string;
      packages: { name: string; tags: number; downloads: number }[];
    }>();
    expect(body.packages.map((p) => [p.name, p.tags, p.downloads])).toEqual([['app', 2, 3]]);
    const one = await send(reg.url, 'GET', api('team/packages/app'));
    const tags = one.json<{ tags: { tag: string; downloads: number }[] }>().tags;
    // Newest first: `latest` was pushed after `42`.
    expect(tags.map((t) => [t.tag, t.downloads])).toEqual([
      ['latest', 0],
      ['42', 2],
    ]);
    expect((await send(reg.url, 'GET', api('team/packages/gone'))).status).toBe(404);
    await pushImage(reg.url, 'alpine', '3', 7);
    const root = await send(reg.url, 'GET', api('-/packages'));
    expect(root.json<{ registry: string; packages: { name: string }[] }>()).toMatchObject({
      registry: '',
      packages: [{ name: 'alpine' }],
    });
    expect((await send(reg.url, 'GET', api('-/packages/alpine/download?tag=3'))).status).toBe(200);
  });
});

describe('Download', () => {
  let reg: TestRegistry;
  beforeAll(async () => {
    reg = await startRegistry({ fsync: false });
  });
  afterAll(async () => {
    await reg?.registry.close();
  });

  it('streams the same bytes every time, with Content-Length, and counts under the tag', async () => {
    const image = await pushImage(reg.url, 'acme/images/web', 'v1', 3);
    await send(reg.url, 'PUT', '/v2/acme/images/web/manifests/other', {
      headers: { 'Content-Type': OCI_MANIFEST },
      body: image.manifest,
    });
    const path = api('acme/images/packages/web/download?tag=v1&format=oci-archive');
    const first = await send(reg.url, 'GET', path);
    const second = await send(reg.url, 'GET', path);
    expect(first.status).toBe(200);
    expect(Number(first.headers.get('content-length'))).toBe(first.body.length);
    expect(first.headers.get('content-disposition')).toBe('attachment; filename="web-v1.oci.tar"');
    expect(first.headers.get('docker-content-digest')).toBe(image.digest);
    expect(sha256(first.body)).toBe(sha256(second.body));
    const head = await send(reg.url, 'HEAD', path);
    expect(head.headers.get('content-length')).toBe(String(first.body.length));
    const sums = await reg.registry.options.packages.archiveChecksums(
      viewerOf({ headers: {} } as never),
      'acme/images',
      'web',
      { tag: 'v1' },
      'oci-archive',
    );
    expect(sums.sha256).toBe(sha256(first.body));
    const summary = await send(reg.url, 'GET', api('acme/images/packages/web'));
    const tags = summary.json<{ tags: { tag: string; downloads: number }[] }>().tags;
    expect(tags.map((t) => [t.tag, t.downloads])).toEqual([
      ['other', 0],
      ['v1', 2],
    ]);
    const byDigest = await send(
      reg.url,
      'GET',
      api(`acme/images/packages/web/download?digest=${image.digest}`),
    );
    expect(byDigest.headers.get('content-disposition')).toMatch(
      /^attachment; filename="web-sha256-[0-9a-f]{12}\.oci\.tar"$/,
    );
  });

  it('counts a download whose client hangs up the moment it has every byte', async () => {
    // The first complete download also caches the archive's checksums: a slow cache must not
    // hold the response open after its last byte (the client, done, closes: no count).
    const memory = new MemoryDerivedCache();
    const slow = await startRegistry({
      fsync: false,
      derivedCache: {
        read: (key) => memory.read(key),
        write: async (key, bytes) => {
          await new Promise((resolve) => setTimeout(resolve, 300));
          await memory.write(key, bytes);
        },
      },
    });
    try {
      await pushImage(slow.url, 'acme/images/quick', 'v1', 5);
      const url = new URL(api('acme/images/packages/quick/download?tag=v1'), slow.url);
      const received = await new Promise<number>((resolve, reject) => {
        request(url, (res) => {
          const length = Number(res.headers['content-length']);
          let got = 0;
          res.on('data', (chunk: Buffer) => {
            got += chunk.length;
            if (got >= length) {
              res.socket.destroy(); // as curl or a browser that got everything and moved on
              resolve(got);
            }
          });
          res.on('error', reject);
        })
          .on('error', reject)
          .end();
      });
      expect(received).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 600));
      const summary = await send(slow.url, 'GET', api('acme/images/packages/quick'));
      expect(summary.json<{ downloads: number }>().downloads).toBe(1);
    } finally {
      await slow.registry.close();
    }
  });

  it('refuses a bad format, a missing tag and an unknown image', async () => {
    await pushImage(reg.url, 'acme/images/bad', 'v1', 4);
    const bad = await send(reg.url, 'GET', api('acme/images/packages/bad/download?tag=v1&format=zip'));
    expect([bad.status, bad.errorCode]).toEqual([400, 'UNSUPPORTED']);
    const missing = await send(reg.url, 'GET', api('acme/images/packages/bad/download?tag=v9'));
    expect([missing.status, missing.errorCode]).toEqual([404, 'MANIFEST_UNKNOWN']);
    const unknown = await send(reg.url, 'GET', api('acme/images/packages/nope/download'));
    expect([unknown.status, unknown.errorCode]).toEqual([404, 'NAME_UNKNOWN']);
  });
});

describe('Download with registries configured', () => {
  it('is authorized like a pull: anonymous on a public registry, a token on a private one', async () => {
    const fixture = await createAuthFixture();
    const reg = await fixture.start();
    try {
      const privatePath = api(`${PRIVATE}/packages/app/download?tag=v1`);
      const anonymous = await send(reg.url, 'GET', privatePath);
      expect([anonymous.status, anonymous.errorCode]).toEqual([401, 'UNAUTHORIZED']);
      expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer realm=/);
      const withToken = await send(reg.url, 'GET', privatePath, { headers: basic(fixture.tokens.read) });
      expect(withToken.status).toBe(200);
      expect(withToken.headers.get('docker-content-digest')).toBe(fixture.seeded[PRIVATE]);
      const wrong = await send(reg.url, 'GET', privatePath, { headers: basic('not-a-token') });
      expect(wrong.status).toBe(401);
      const pub = await send(reg.url, 'GET', api(`${PUBLIC}/packages/app/download?tag=v1`));
      expect(pub.status).toBe(200);
      const open = await send(reg.url, 'GET', api('team/packages/app/download'));
      expect(open.status).toBe(400);
    } finally {
      await reg.registry.close();
    }
  });
});

describeWithTools(['skopeo'], 'skopeo copy oci-archive: of a Download', () => {
  let reg: TestRegistry;
  let host: string;
  let tools: ContainerTools;
  beforeAll(async () => {
    reg = await startRegistry({ fsync: false });
    host = new URL(reg.url).host;
    tools = createContainerTools({ insecureRegistries: [host] });
  });
  afterAll(async () => {
    await reg?.registry.close();
  });

  it('an image and a multi-platform index come back with the same digest', async () => {
    // Real gzip layers: skopeo recompresses a layer that claims gzip and is not.
    const amd = await pushGzipImage(reg.url, 'acme/images/multi', 'amd', 'amd64');
    const arm = await pushGzipImage(reg.url, 'acme/images/multi', 'arm', 'arm64');
    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_INDEX,
        manifests: [
          {
            mediaType: OCI_MANIFEST,
            digest: amd.digest,
            size: amd.manifest.length,
            platform: { os: 'linux', architecture: 'amd64' },
          },
          {
            mediaType: OCI_MANIFEST,
            digest: arm.digest,
            size: arm.manifest.length,
            platform: { os: 'linux', architecture: 'arm64' },
          },
        ],
      }),
    );
    expect(
      (
        await send(reg.url, 'PUT', '/v2/acme/images/multi/manifests/v2', {
          headers: { 'Content-Type': OCI_INDEX },
          body: index,
        })
      ).status,
    ).toBe(201);
    const dir = newTempDir('download');
    for (const [tag, expected, all] of [
      ['amd', amd.digest, false],
      ['v2', digestOf(index), true],
    ] as const) {
      const archive = await send(
        reg.url,
        'GET',
        api(`acme/images/packages/multi/download?tag=${tag}&format=oci-archive`),
      );
      const file = join(dir, `${tag}.tar`);
      writeFileSync(file, archive.body);
      await tools.skopeo([
        'copy',
        ...(all ? ['--all'] : []),
        '--dest-tls-verify=false',
        `oci-archive:${file}`,
        `docker://${host}/acme/images/copy:${tag}`,
      ]);
      expect(await manifestDigest(reg.url, 'acme/images/copy', tag)).toBe(expected);
    }
  });
});

describeWithTools([...DOCKER_ENGINE_TOOLS], 'docker load of a Download', () => {
  let reg: TestRegistry;
  let host: string;
  let engine: DockerEngine | undefined;
  beforeAll(async () => {
    reg = await startRegistry({ fsync: false });
    host = new URL(reg.url).host;
    engine = await startDockerd();
  }, 180_000);
  afterAll(async () => {
    await engine?.stop();
    await reg?.registry.close();
  });

  it('docker load takes the docker-archive as the same image (ID = config digest)', async () => {
    const context = writeFiles(newTempDir('context'), {
      'hello.txt': `hello ${Date.now()}\n`,
      Dockerfile: 'FROM scratch\nCOPY hello.txt /hello.txt\nLABEL org.opencontainers.image.title=hello\n',
    });
    const image = `${host}/acme/images/hello:v1`;
    await engine!.docker(['build', '-t', image, context]);
    const pushed = pushedDigest((await engine!.docker(['push', image])).stdout);
    const manifest = await send(reg.url, 'GET', `/v2/acme/images/hello/manifests/${pushed}`);
    const config = manifest.json<{ config?: { digest: string }; manifests?: { digest: string }[] }>();
    const configDigest =
      config.config?.digest ??
      (await send(reg.url, 'GET', `/v2/acme/images/hello/manifests/${config.manifests![0]!.digest}`)).json<{
        config: { digest: string };
      }>().config.digest;
    await engine!.docker(['rmi', image]);
    const archive = await send(
      reg.url,
      'GET',
      api('acme/images/packages/hello/download?tag=v1&format=docker-archive'),
    );
    expect(archive.status).toBe(200);
    const file = join(newTempDir('docker-archive'), 'hello.tar');
    writeFileSync(file, archive.body);
    const load = await engine!.docker(['load', '-i', file]);
    expect(load.stdout).toContain('acme/images/hello:v1');
    const id = await engine!.docker(['image', 'inspect', '--format', '{{.Id}}', 'acme/images/hello:v1']);
    expect(id.stdout.trim()).toBe(configDigest);
  });
});
