/**
 * The registry client against a real CNCF distribution: pushes of seeded random images (small
 * layers in one PUT, a 40 MiB layer in PATCH chunks), read back through the client and checked
 * with skopeo; re-pushes that upload nothing; cross-repository mounts; a multi-platform index
 * pushed children first; tags, referrers, delete; refusal of content that does not match.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Agent, type Dispatcher } from 'undici';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RegistryClient, anonymousCredentials, type ProgressEvent } from '../../src/client/index.js';
import { MediaType } from '../../src/oci/media-types.js';
import {
  DISTRIBUTION_TOOLS,
  type Distribution,
  describeWithTools,
  newTempDir,
  runTool,
  startDistribution,
  toolPath,
} from '../support/index.js';
import { memoryBlob, randomImage, randomIndex, readAll, seededBytes } from './client-fixtures.js';

const MiB = 1024 * 1024;

/** An undici Agent that logs `METHOD path` of every request it sends. */
function recordingDispatcher(log: string[]): { dispatcher: Dispatcher; agent: Agent } {
  const agent = new Agent();
  const dispatcher = agent.compose((dispatch) => (options, handler) => {
    log.push(`${options.method} ${options.path}`);
    return dispatch(options, handler);
  });
  return { dispatcher, agent };
}

describeWithTools([...DISTRIBUTION_TOOLS, 'skopeo'], 'registry client against distribution', () => {
  let registry: Distribution;
  let client: RegistryClient;
  let agent: Agent;
  const log: string[] = [];
  let authFile: string;

  beforeAll(async () => {
    registry = await startDistribution();
    const recording = recordingDispatcher(log);
    agent = recording.agent;
    client = new RegistryClient({
      dispatcher: recording.dispatcher,
      credentials: anonymousCredentials,
      concurrency: 3,
    });
    authFile = join(newTempDir('skopeo'), 'auth.json');
    writeFileSync(authFile, '{"auths":{}}');
  });

  afterAll(async () => {
    await client?.close();
    await agent?.close();
  });

  async function skopeoDigest(reference: string): Promise<string> {
    const { stdout } = await runTool(
      toolPath('skopeo'),
      ['inspect', '--raw', '--tls-verify=false', `docker://${reference}`],
      { env: { ...process.env, REGISTRY_AUTH_FILE: authFile } },
    );
    const { createHash } = await import('node:crypto');
    return `sha256:${createHash('sha256').update(stdout).digest('hex')}`;
  }

  const image = randomImage({ seed: 'push-1', layers: [3 * 1024, 40 * MiB, 9 * MiB, 500] });

  it('pushes an image with small and chunked layers, and reads it back', async () => {
    log.length = 0;
    const events: ProgressEvent[] = [];
    const result = await client.push(
      image,
      [{ repository: `${registry.host}/client/app`, tags: ['v1', 'latest'] }],
      {
        onProgress: (e) => events.push(e),
      },
    );
    expect(result).toEqual({
      digest: image.digest,
      mediaType: MediaType.ociManifest,
      size: image.bytes.length,
      references: [
        `${registry.host}/client/app:v1@${image.digest}`,
        `${registry.host}/client/app:latest@${image.digest}`,
      ],
    });
    // 40 MiB in 16 MiB chunks (3 PATCH) + 9 MiB (1 PATCH); the two small blobs and config go in one PUT each.
    expect(log.filter((l) => l.startsWith('PATCH ')).length).toBe(4);
    expect(log.filter((l) => l.startsWith('POST ')).length).toBe(image.blobs.length);
    const done = events
      .filter((e) => e.type === 'blob-done')
      .map((e) => e.digest)
      .sort();
    expect(done).toEqual(image.blobs.map((b) => b.descriptor.digest).sort());
    const big = image.layers[1]!.descriptor;
    const progress = events.filter((e) => e.type === 'blob-progress' && e.digest === big.digest);
    expect(progress.at(-1)?.bytes).toBe(big.size);
    expect(events.filter((e) => e.type === 'manifest-done').map((e) => e.tag)).toEqual(['v1', 'latest']);

    const fetched = await client.getManifest(`${registry.host}/client/app:v1`);
    expect(fetched.digest).toBe(image.digest);
    expect(Buffer.from(fetched.bytes).equals(image.bytes)).toBe(true);
    expect(fetched.mediaType).toBe(MediaType.ociManifest);
    for (const blob of image.blobs) {
      const stream = await client.getBlob(`${registry.host}/client/app`, blob.descriptor.digest, {
        size: blob.descriptor.size,
      });
      expect((await readAll(stream)).equals(blob.bytes)).toBe(true);
    }
    expect(await skopeoDigest(`${registry.host}/client/app:latest`)).toBe(image.digest);
  });

  it('re-pushes an existing image without uploading anything', async () => {
    log.length = 0;
    const events: ProgressEvent[] = [];
    await client.push(image, [{ repository: `${registry.host}/client/app`, tags: ['v1'] }], {
      onProgress: (e) => events.push(e),
    });
    expect(log.filter((l) => /^(POST|PATCH) /.test(l) || /^PUT .*\/blobs\//.test(l))).toEqual([]);
    expect(log.filter((l) => l.startsWith('HEAD ')).length).toBe(image.blobs.length);
    expect(events.filter((e) => e.type === 'blob-skipped').length).toBe(image.blobs.length);
  });

  it('mounts blobs into a second repository instead of uploading them', async () => {
    log.length = 0;
    const events: ProgressEvent[] = [];
    await client.push(image, [{ repository: `${registry.host}/client/mirror`, tags: ['v1'] }], {
      onProgress: (e) => events.push(e),
    });
    const mounts = log.filter(
      (l) => l.startsWith('POST ') && l.includes('mount=') && l.includes('from=client%2Fapp'),
    );
    expect(mounts.length).toBe(image.blobs.length);
    expect(log.filter((l) => l.startsWith('PATCH '))).toEqual([]);
    expect(
      events.filter((e) => e.type === 'blob-mounted').every((e) => e.from === `${registry.host}/client/app`),
    ).toBe(true);
    expect(await skopeoDigest(`${registry.host}/client/mirror:v1`)).toBe(image.digest);
  });

  it('pushes a multi-platform index with its children first, to two repositories', async () => {
    const amd = randomImage({ seed: 'idx-amd64', layers: [2048, 4096] });
    const arm = randomImage({
      seed: 'idx-arm64',
      layers: [2048, 8192],
      platform: { os: 'linux', architecture: 'arm64' },
    });
    const index = randomIndex(
      [amd, arm],
      [
        { os: 'linux', architecture: 'amd64' },
        { os: 'linux', architecture: 'arm64', variant: 'v8' },
      ],
    );
    log.length = 0;
    const result = await client.push(index, [
      { repository: `${registry.host}/client/multi`, tags: ['1.0'] },
      { repository: `${registry.host}/client/multi-copy`, tags: ['1.0', 'stable'] },
    ]);
    expect(result.digest).toBe(index.digest);
    expect(result.references).toHaveLength(3);
    const manifestPuts = log.filter((l) => l.startsWith('PUT ') && l.includes('/manifests/'));
    expect(manifestPuts.slice(0, 3)).toEqual([
      `PUT /v2/client/multi/manifests/${amd.digest}`,
      `PUT /v2/client/multi/manifests/${arm.digest}`,
      'PUT /v2/client/multi/manifests/1.0',
    ]);
    expect(
      log.filter((l) => l.includes('/client/multi-copy/blobs/uploads/') && l.includes('mount=')).length,
    ).toBe(amd.blobs.length + arm.blobs.length);
    expect(await skopeoDigest(`${registry.host}/client/multi-copy:stable`)).toBe(index.digest);
    const child = await client.getManifest(`${registry.host}/client/multi@${arm.digest}`);
    expect(Buffer.from(child.bytes).equals(arm.bytes)).toBe(true);
  });

  it('lists tags, reports referrers as unsupported, heads and deletes manifests', async () => {
    expect((await client.listTags(`${registry.host}/client/app`)).sort()).toEqual(['latest', 'v1']);
    const referrers = await client.referrers(`${registry.host}/client/app`, image.digest);
    expect(referrers.supported).toBe(false);
    const head = await client.headManifest(`${registry.host}/client/mirror:v1`);
    expect(head).toEqual({
      digest: image.digest,
      mediaType: MediaType.ociManifest,
      size: image.bytes.length,
    });
    await client.deleteManifest(`${registry.host}/client/mirror@${image.digest}`);
    expect(await client.headManifest(`${registry.host}/client/mirror:v1`)).toBeUndefined();
    await expect(client.getManifest(`${registry.host}/client/mirror:v1`)).rejects.toMatchObject({
      code: 'CLIENT_NOT_FOUND',
      status: 404,
      hint: expect.stringContaining('client/mirror'),
    });
  });

  it('stops a push promptly when its signal aborts', async () => {
    const controller = new AbortController();
    const big = randomImage({ seed: 'abort', layers: [30 * MiB] });
    const started = Date.now();
    const pending = client.push(big, [{ repository: `${registry.host}/client/aborted`, tags: ['v1'] }], {
      signal: controller.signal,
      onProgress: (e) => {
        if (e.type === 'blob-progress' && e.bytes > 2 * MiB) controller.abort(new Error('user cancelled'));
      },
    });
    await expect(pending).rejects.toThrow('user cancelled');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await client.headManifest(`${registry.host}/client/aborted:v1`)).toBeUndefined();
    expect(await client.blobExists(`${registry.host}/client/aborted`, big.layers[0]!.descriptor.digest)).toBe(
      false,
    );
  });

  it('refuses to push a blob whose bytes do not match its digest, and cancels the upload', async () => {
    const claimed = seededBytes('claimed', 200 * 1024);
    const small = memoryBlob(claimed, MediaType.ociLayerGzip, seededBytes('actual', 200 * 1024));
    await expect(client.pushBlob(`${registry.host}/client/bad`, small)).rejects.toMatchObject({
      code: 'CLIENT_DIGEST_MISMATCH',
    });
    expect(await client.blobExists(`${registry.host}/client/bad`, small.descriptor.digest)).toBe(false);

    const large = memoryBlob(
      seededBytes('claimed-large', 20 * MiB),
      MediaType.ociLayerGzip,
      seededBytes('other', 20 * MiB),
    );
    log.length = 0;
    await expect(client.pushBlob(`${registry.host}/client/bad`, large)).rejects.toMatchObject({
      code: 'CLIENT_DIGEST_MISMATCH',
    });
    expect(log.some((l) => l.startsWith('DELETE ') && l.includes('/blobs/uploads/'))).toBe(true);
    expect(await client.blobExists(`${registry.host}/client/bad`, large.descriptor.digest)).toBe(false);

    const missing = {
      descriptor: small.descriptor,
      open: () => Promise.reject(Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' })),
    };
    await expect(client.pushBlob(`${registry.host}/client/bad`, missing)).rejects.toMatchObject({
      code: 'CLIENT_SOURCE_READ',
      message: expect.stringContaining('ENOENT: no such file'),
    });

    const short = memoryBlob(seededBytes('short', 4096), MediaType.ociLayerGzip, seededBytes('short', 4000));
    await expect(client.pushBlob(`${registry.host}/client/bad`, short)).rejects.toMatchObject({
      code: 'CLIENT_DIGEST_MISMATCH',
      message: expect.stringContaining('should be 4096 bytes'),
    });
  });
});
