/**
 * The registry as a pull-through mirror of another instance of itself, over HTTP, with every
 * request that reaches the upstream counted by a proxy in front of it: concurrent cold pulls
 * make one upstream request per blob and per manifest; tags are re-checked only after
 * tag-max-age and digests never; pushes into a mirror prefix are refused while local
 * repositories take them; a corrupt upstream blob is never kept; and with the upstream gone,
 * cached tags are served with a Warning.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  blobRequests,
  manifestRequests,
  pullImage,
  pushLayeredImage,
  startOurUpstream,
  type CountedUpstream,
  type PushedImage,
} from './registry-mirror-support.js';
import { digestOf, send, startRegistry, type TestRegistry } from './registry-support.js';

const MiB = 1024 * 1024;
/** The quick mirror's tag-max-age: long enough for a push and a pull on a busy machine. */
const TAG_MAX_AGE_MS = 1_500;

describe('the registry as a pull-through mirror of another registry', () => {
  let upstream: CountedUpstream;
  let image: PushedImage;
  let mirror: TestRegistry;
  let quick: TestRegistry;

  beforeAll(async () => {
    upstream = await startOurUpstream();
    image = await pushLayeredImage(upstream.direct, 'team/app', 'v1', [3 * MiB, MiB, 200 * 1024]);
    const common = { upstream: upstream.proxy.url, revalidateTimeoutMs: 3_000, retries: 1 };
    mirror = await startRegistry({ fsync: false, mirrors: [{ prefix: 'upstream-test', ...common }] });
    quick = await startRegistry({
      fsync: false,
      mirrors: [{ prefix: 'up', tagMaxAgeMs: TAG_MAX_AGE_MS, ...common }],
    });
  });

  afterAll(async () => {
    await Promise.all([mirror?.registry.close(), quick?.registry.close(), upstream?.stop()]);
  });

  it('20 concurrent cold pulls get the upstream digest with one upstream GET per blob and manifest', async () => {
    upstream.proxy.reset();
    const pulls = await Promise.all(
      Array.from({ length: 20 }, () => pullImage(mirror.url, 'upstream-test/team/app', 'v1')),
    );
    for (const pulled of pulls) {
      expect(pulled.digest).toBe(image.digest);
      expect(pulled.warning).toBeNull();
    }
    for (const blob of image.blobs) expect(blobRequests(upstream.proxy, blob.digest)).toBe(1);
    expect(manifestRequests(upstream.proxy, 'team/app', 'GET')).toBe(1);
    expect(manifestRequests(upstream.proxy, 'team/app', 'HEAD')).toBe(0);
    expect((await mirror.registry.fsck()).problems).toEqual([]);
  });

  it('warm pulls stay local within tag-max-age, and digests are never checked again', async () => {
    upstream.proxy.reset();
    await pullImage(mirror.url, 'upstream-test/team/app', 'v1');
    await pullImage(mirror.url, 'upstream-test/team/app', image.digest);
    const head = await send(mirror.url, 'HEAD', `/v2/upstream-test/team/app/blobs/${image.blobs[2]!.digest}`);
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(MiB));
    expect(upstream.proxy.requests.filter((r) => r.path.startsWith('/v2/team/'))).toEqual([]);
    const metrics = (await send(mirror.url, 'GET', '/metrics')).body.toString();
    const count = (kind: string, result: string) =>
      Number(
        new RegExp(
          `^registry_mirror_requests_total\\{mirror="upstream-test",kind="${kind}",result="${result}"\\} (\\d+)$`,
          'm',
        ).exec(metrics)?.[1] ?? 0,
      );
    expect(count('manifest', 'miss')).toBeGreaterThanOrEqual(1);
    expect(count('manifest', 'hit')).toBeGreaterThanOrEqual(2);
    expect(count('blob', 'miss')).toBeGreaterThanOrEqual(image.blobs.length);
    expect(count('blob', 'hit')).toBeGreaterThanOrEqual(1);
    expect(count('manifest', 'stale')).toBe(0);
  });

  it('after tag-max-age one HEAD re-checks the tag, and a moved tag is fetched', async () => {
    await pullImage(quick.url, 'up/team/app', 'v1');
    await new Promise((resolve) => setTimeout(resolve, TAG_MAX_AGE_MS + 100));
    upstream.proxy.reset();
    expect((await pullImage(quick.url, 'up/team/app', 'v1')).digest).toBe(image.digest);
    expect(manifestRequests(upstream.proxy, 'team/app', 'HEAD')).toBe(1);
    expect(manifestRequests(upstream.proxy, 'team/app', 'GET')).toBe(0);

    const moved = await pushLayeredImage(upstream.direct, 'team/app', 'v2', [4096], 7);
    await pullImage(quick.url, 'up/team/app', 'v2');
    const next = await pushLayeredImage(upstream.direct, 'team/app', 'v2', [8192], 8);
    expect((await pullImage(quick.url, 'up/team/app', 'v2')).digest).toBe(moved.digest);
    await new Promise((resolve) => setTimeout(resolve, TAG_MAX_AGE_MS + 100));
    expect((await pullImage(quick.url, 'up/team/app', 'v2')).digest).toBe(next.digest);
  });

  it('refuses pushes into a mirror prefix while local repositories take pushes', async () => {
    const [post, put, local] = await Promise.all([
      send(mirror.url, 'POST', '/v2/upstream-test/team/app/blobs/uploads/'),
      send(mirror.url, 'PUT', '/v2/upstream-test/team/app/manifests/v9', {
        headers: { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' },
        body: image.manifest,
      }),
      pushLayeredImage(mirror.url, 'local/app', 'v1', [64 * 1024], 3),
    ]);
    expect([post.status, post.errorCode]).toEqual([403, 'DENIED']);
    expect(post.json<{ errors: { message: string }[] }>().errors[0]!.message).toContain(
      'mirror prefix upstream-test/',
    );
    expect([put.status, put.errorCode]).toEqual([403, 'DENIED']);
    expect((await pullImage(mirror.url, 'local/app', 'v1')).digest).toBe(local.digest);
    expect(await mirror.registry.store.listTags('upstream-test/team/app')).toEqual(['v1']);
  });

  it("serves containerd's ?ns= requests from the same cache", async () => {
    upstream.proxy.reset();
    const ns = `?ns=${upstream.proxy.host}`;
    const manifest = await send(mirror.url, 'GET', `/v2/team/app/manifests/v1${ns}`);
    expect(manifest.status).toBe(200);
    expect(digestOf(manifest.body)).toBe(image.digest);
    const blob = await send(mirror.url, 'GET', `/v2/team/app/blobs/${image.blobs[2]!.digest}${ns}`);
    expect(digestOf(blob.body)).toBe(image.blobs[2]!.digest);
    expect(upstream.proxy.requests.filter((r) => r.path.startsWith('/v2/team/'))).toEqual([]);
  });

  it('answers 404 for what the upstream lacks and 502 when it fails with nothing cached', async () => {
    const missing = await send(mirror.url, 'GET', '/v2/upstream-test/team/none/manifests/v1');
    expect([missing.status, missing.errorCode]).toEqual([404, 'MANIFEST_UNKNOWN']);
    upstream.proxy.addRule({ path: /\/v2\/team\/broken\//, action: { kind: 'status', status: 500 } });
    const broken = await send(mirror.url, 'GET', '/v2/upstream-test/team/broken/manifests/v1');
    expect([broken.status, broken.errorCode]).toEqual([502, 'UNKNOWN']);
    expect(broken.json<{ errors: { message: string }[] }>().errors[0]!.message).toContain(upstream.proxy.url);
  });

  it('never keeps a blob whose upstream bytes do not match its digest', async () => {
    const wanted = Buffer.from('the real content');
    const digest = digestOf(wanted);
    upstream.proxy.addRule({
      path: new RegExp(`/blobs/${digest}`),
      times: 1,
      action: { kind: 'status', status: 200, body: 'forged content!!' },
    });
    await expect(send(mirror.url, 'GET', `/v2/upstream-test/team/app/blobs/${digest}`)).rejects.toThrow();
    expect(await mirror.registry.store.statBlob('upstream-test/team/app', digest)).toBeUndefined();
    const again = await send(mirror.url, 'GET', `/v2/upstream-test/team/app/blobs/${digest}`);
    expect([again.status, again.errorCode]).toEqual([404, 'BLOB_UNKNOWN']);
    expect((await mirror.registry.fsck()).problems).toEqual([]);
  });

  it('with the upstream stopped, cached tags still pull with a Warning; the rest is a 502', async () => {
    await pullImage(quick.url, 'up/team/app', 'v1');
    await new Promise((resolve) => setTimeout(resolve, TAG_MAX_AGE_MS + 100));
    await upstream.stop();
    const started = Date.now();
    const stale = await pullImage(quick.url, 'up/team/app', 'v1');
    expect(stale.digest).toBe(image.digest);
    expect(stale.warning).toContain('110 - "response is stale"');
    const again = await pullImage(quick.url, 'up/team/app', 'v1');
    expect(again.warning).toContain('111');
    expect((await send(quick.url, 'GET', '/metrics')).body.toString()).toMatch(
      /^registry_mirror_requests_total\{mirror="up",kind="manifest",result="stale"\} 2$/m,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await pullImage(mirror.url, 'upstream-test/team/app', image.digest)).warning).toBeNull();
    const uncached = await send(quick.url, 'GET', '/v2/up/team/other/manifests/v1');
    expect([uncached.status, uncached.errorCode]).toEqual([502, 'UNKNOWN']);
  });
});
