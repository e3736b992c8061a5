/**
 * The registry client through a fault-injecting proxy in front of a real distribution: dropped
 * connections (before and in the middle of a body), 503s, 429 with Retry-After, stalls. Pushes
 * complete with the right digests within bounded retries; endless faults end in
 * CLIENT_RETRIES_EXHAUSTED; a closed port is CLIENT_UNAVAILABLE.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import {
  type ClientOptions,
  RegistryClient,
  anonymousCredentials,
  type RetryEvent,
} from '../../src/client/index.js';
import {
  DISTRIBUTION_TOOLS,
  type Distribution,
  describeWithTools,
  freePort,
  manifestDigest,
  startDistribution,
} from '../support/index.js';
import { type FaultProxy, startFaultProxy } from '../support/fault-proxy.js';
import { randomImage, readAll } from './client-fixtures.js';

const MiB = 1024 * 1024;

const FAST: ClientOptions = {
  credentials: anonymousCredentials,
  retries: 5,
  backoffBaseMs: 5,
  backoffMaxMs: 40,
  maxRetryAfterMs: 1_500,
  monolithicThreshold: 1 * MiB,
  chunkSize: 1 * MiB,
  headersTimeoutMs: 1_000,
};

describeWithTools(DISTRIBUTION_TOOLS, 'registry client under injected faults', () => {
  let registry: Distribution;
  let proxy: FaultProxy;
  let direct: RegistryClient;
  let client: RegistryClient;
  const retries: RetryEvent[] = [];

  beforeAll(async () => {
    registry = await startDistribution();
    proxy = await startFaultProxy(registry.url);
    direct = new RegistryClient({ credentials: anonymousCredentials });
  });

  beforeEach(async () => {
    proxy.reset();
    retries.length = 0;
    await client?.close();
    client = new RegistryClient({ ...FAST, onRetry: (e) => retries.push(e) });
  });

  afterAll(async () => {
    await client?.close();
    await direct?.close();
    await proxy?.close();
  });

  /** Pushes a fresh image through the proxy and checks the registry holds exactly its bytes. */
  async function pushAndVerify(seed: string, layers: number[]): Promise<void> {
    const image = randomImage({ seed, layers });
    const repo = `client/faults-${seed}`;
    const result = await client.push(image, [{ repository: `${proxy.host}/${repo}`, tags: ['t'] }]);
    expect(result.digest).toBe(image.digest);
    expect(await manifestDigest(registry.url, repo, 't')).toBe(image.digest);
    for (const blob of image.blobs) {
      const stream = await direct.getBlob(`${registry.host}/${repo}`, blob.descriptor.digest, {
        size: blob.descriptor.size,
      });
      expect((await readAll(stream)).equals(blob.bytes)).toBe(true);
    }
  }

  const faulted = (kind: string): number => proxy.requests.filter((r) => r.fault === kind).length;

  it('resumes or restarts chunked uploads whose connection drops mid-body', async () => {
    proxy.addRule({
      method: 'PATCH',
      skip: 1,
      times: 2,
      action: { kind: 'reset-mid-body', afterBytes: 300_000 },
    });
    await pushAndVerify('patch-drop', [5 * MiB, 2048]);
    // distribution 2.8 cancels an upload that holds a partial chunk: each cut chunk means a new upload.
    expect(proxy.requests.filter((r) => r.method === 'DELETE').length).toBe(2);
    expect(faulted('reset-mid-body')).toBe(2);
  });

  it('resumes a chunk the registry never saw from the offset it reports', async () => {
    proxy.addRule({ method: 'PATCH', skip: 2, times: 1, action: { kind: 'status', status: 503 } });
    await pushAndVerify('patch-503', [4 * MiB]);
    const uploadGets = proxy.requests.filter((r) => r.method === 'GET' && r.path.includes('/blobs/uploads/'));
    expect(uploadGets.length).toBe(1);
    // Resumed, not restarted: one POST per blob (layer and config).
    expect(proxy.requests.filter((r) => r.method === 'POST').length).toBe(2);
    expect(proxy.requests.filter((r) => r.method === 'PATCH' && !r.fault).length).toBe(4);
  });

  it('restarts a monolithic upload whose PUT is cut mid-body', async () => {
    proxy.addRule({
      method: 'PUT',
      path: /\/blobs\/uploads\//,
      times: 2,
      action: { kind: 'reset-mid-body', afterBytes: 1000 },
    });
    await pushAndVerify('put-drop', [512 * 1024, 300 * 1024]);
    expect(faulted('reset-mid-body')).toBe(2);
  });

  it('retries 503s, resets and 429 with Retry-After, waiting as asked', async () => {
    proxy.addRule({ method: 'HEAD', times: 2, action: { kind: 'status', status: 503 } });
    proxy.addRule({ method: 'PUT', path: /\/manifests\//, times: 1, action: { kind: 'reset' } });
    proxy.addRule({
      method: 'POST',
      times: 1,
      action: { kind: 'status', status: 429, headers: { 'retry-after': '1' } },
    });
    const started = Date.now();
    await pushAndVerify('mixed', [100 * 1024]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(retries.map((r) => r.reason)).toEqual(expect.arrayContaining(['HTTP 503', 'HTTP 429']));
    expect(retries.find((r) => r.reason === 'HTTP 429')?.delayMs).toBe(1000);
  });

  it('gives up on a stalled request after the headers timeout and retries it', async () => {
    proxy.addRule({ method: 'HEAD', times: 1, action: { kind: 'stall' } });
    await pushAndVerify('stall', [4096]);
    expect(retries[0]?.reason).toBe('UND_ERR_HEADERS_TIMEOUT');
  });

  it('retries reads cut by a reset', async () => {
    await pushAndVerify('read', [64 * 1024]);
    proxy.addRule({ method: 'GET', path: /\/manifests\//, times: 2, action: { kind: 'reset' } });
    const fetched = await client.getManifest(`${proxy.host}/client/faults-read:t`);
    expect(fetched.digest).toBe(await manifestDigest(registry.url, 'client/faults-read', 't'));
    expect(faulted('reset')).toBe(2);
  });

  it('stops with CLIENT_RETRIES_EXHAUSTED when the faults never stop', async () => {
    proxy.addRule({ method: 'POST', action: { kind: 'status', status: 503 } });
    const image = randomImage({ seed: 'endless', layers: [1024] });
    const error = await client
      .push(image, [{ repository: `${proxy.host}/client/endless`, tags: ['t'] }])
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'CLIENT_RETRIES_EXHAUSTED',
      attempts: 6,
      message: expect.stringMatching(
        /gave up after 6 attempts: POST http:\/\/127\.0\.0\.1:\d+\/v2\/client\/endless\/blobs\/uploads\/: HTTP 503/,
      ),
      hint: expect.stringContaining('retries'),
    });
    // Each of the two blobs stopped after 6 POSTs at most (the first failure aborts the other).
    expect(proxy.requests.filter((r) => r.method === 'POST').length).toBeLessThanOrEqual(12);
  });

  it('stops chunked uploads with CLIENT_RETRIES_EXHAUSTED when every PATCH is cut', async () => {
    proxy.addRule({ method: 'PATCH', action: { kind: 'reset' } });
    const image = randomImage({ seed: 'endless-patch', layers: [3 * MiB] });
    await expect(client.pushBlob(`${proxy.host}/client/endless`, image.layers[0]!)).rejects.toMatchObject({
      code: 'CLIENT_RETRIES_EXHAUSTED',
      message: expect.stringContaining(`pushing blob ${image.layers[0]!.descriptor.digest}`),
    });
    expect(faulted('reset')).toBe(6);
  });

  it('reports CLIENT_UNAVAILABLE for a registry that refuses connections', async () => {
    const port = await freePort();
    await expect(client.ping(`127.0.0.1:${port}`)).rejects.toMatchObject({
      code: 'CLIENT_UNAVAILABLE',
      reason: 'ECONNREFUSED',
      attempts: 6,
      hint: expect.stringContaining('running and reachable'),
    });
  });
});
