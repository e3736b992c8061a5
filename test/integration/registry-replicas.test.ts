/**
 * Two `registry serve` processes on one S3 bucket (Ceph's RADOS Gateway), behind a round-robin
 * load balancer: the conformance port through the balancer, re-tags and deletes through one
 * replica seen at once through the other (`cache-ttl` 0, the default on S3), and an upload that
 * continues on the other replica after the first was killed with SIGKILL.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { resolveConfig } from '../conformance/config.js';
import { runConformance } from '../conformance/run.js';
import { startRgw, type Rgw } from '../support/rgw.js';
import { startRoundRobinProxy, type RoundRobinProxy } from '../support/round-robin-proxy.js';
import { newTempDir } from '../support/temp-dir.js';
import { RGW_TOOLS, describeWithTools } from '../support/tools.js';
import { cli, killAllServes, requireBundle, startServe, type ServeProcess } from './registry-cli-support.js';
import { OCI_MANIFEST, digestOf, pushImage, randomBytes, send } from './registry-support.js';

const MiB = 1024 * 1024;

describeWithTools(RGW_TOOLS, 'two registry replicas on one S3 bucket', () => {
  let rgw: Rgw;
  let a: ServeProcess;
  let b: ServeProcess;
  let proxy: RoundRobinProxy;
  let config: string;

  beforeAll(async () => {
    requireBundle();
    rgw = await startRgw();
    Object.assign(process.env, rgw.env);
    const bucket = await rgw.newBucket();
    const dir = newTempDir('replicas');
    config = join(dir, 'registry.yaml');
    writeFileSync(
      config,
      [
        'storage:',
        '  s3:',
        `    bucket: ${bucket}`,
        `    endpoint: ${rgw.endpoint}`,
        '    force-path-style: true',
        '    prefix: fleet/',
        'gc: { interval: 0s }',
        'log-level: warn',
      ].join('\n'),
    );
    [a, b] = await Promise.all([
      startServe(['--config', config, '--listen', '127.0.0.1:0']),
      startServe(['--config', config, '--listen', '127.0.0.1:0']),
    ]);
    proxy = await startRoundRobinProxy([a.url, b.url]);
  }, 300_000);

  afterAll(async () => {
    await proxy?.close();
    killAllServes();
    await rgw?.stop();
  });

  it('passes the conformance suite through the round-robin balancer', async () => {
    const report = await runConformance(
      resolveConfig({ registry: new URL(proxy.url).host, tls: 'disabled' }),
      {
        log: () => undefined,
      },
    );
    expect(report.failures.map((f) => `${f.spec}: ${f.message}`)).toEqual([]);
    expect({ failed: report.failed, errors: report.errors }).toEqual({ failed: 0, errors: 0 });
    expect(proxy.counts.every((count) => count > 100)).toBe(true);
  }, 600_000);

  it('a re-tag through one replica is seen at once through the other', async () => {
    const first = await pushImage(a.url, 'fleet/app', 'v1', 1);
    const tagOf = async (base: string) =>
      (
        await send(base, 'HEAD', '/v2/fleet/app/manifests/v1', { headers: { Accept: OCI_MANIFEST } })
      ).headers.get('docker-content-digest');
    expect(await tagOf(b.url)).toBe(first.digest);
    const second = await pushImage(a.url, 'fleet/app', 'v1', 2);
    expect(await tagOf(a.url)).toBe(second.digest);
    expect(await tagOf(b.url)).toBe(second.digest);
  });

  it('a delete through one replica is seen at once through the other', async () => {
    const image = await pushImage(a.url, 'fleet/gone', 'v1', 3);
    const status = async () => (await send(b.url, 'HEAD', `/v2/fleet/gone/manifests/${image.digest}`)).status;
    expect(await status()).toBe(200);
    expect((await send(a.url, 'DELETE', `/v2/fleet/gone/manifests/${image.digest}`)).status).toBe(202);
    expect(await status()).toBe(404);
    expect((await send(b.url, 'GET', '/v2/fleet/gone/manifests/v1')).status).toBe(404);
  });

  it('an upload started on one replica continues on the other after the first is killed', async () => {
    const bytes = randomBytes(13 * MiB, 7);
    const digest = digestOf(bytes);
    const start = await send(a.url, 'POST', '/v2/fleet/big/blobs/uploads/');
    expect(start.status).toBe(202);
    const location = start.headers.get('location')!;
    const first = await send(a.url, 'PATCH', location, {
      headers: { 'Content-Type': 'application/octet-stream', 'Content-Range': `0-${9 * MiB - 1}` },
      body: bytes.subarray(0, 9 * MiB),
    });
    expect(first.status).toBe(202);
    a.child.kill('SIGKILL');
    await a.exited;
    const state = await send(b.url, 'GET', location);
    expect(state.status).toBe(204);
    expect(state.headers.get('range')).toBe(`0-${9 * MiB - 1}`);
    const rest = await send(b.url, 'PATCH', state.headers.get('location') ?? location, {
      headers: { 'Content-Type': 'application/octet-stream', 'Content-Range': `${9 * MiB}-${13 * MiB - 1}` },
      body: bytes.subarray(9 * MiB),
    });
    expect(rest.status).toBe(202);
    const put = await send(b.url, 'PUT', `${rest.headers.get('location') ?? location}?digest=${digest}`);
    expect(put.status).toBe(201);
    const blob = await send(b.url, 'GET', `/v2/fleet/big/blobs/${digest}`);
    expect(blob.status).toBe(200);
    expect(blob.body.equals(bytes)).toBe(true);
  });

  it('registry fsck and registry gc work on the bucket from outside the replicas', async () => {
    const fsck = await cli(['registry', 'fsck', '--config', config]);
    expect(fsck.stdout, fsck.stderr).toContain('ok: no problems found');
    expect(fsck.stdout).toMatch(/^s3:\/\/test-\d+-\d+\/fleet\/: \d+ blobs/);
    const gc = await cli(['registry', 'gc', '--config', config, '--dry-run', '--json']);
    expect(gc.exitCode, gc.stderr).toBe(0);
    expect(JSON.parse(gc.stdout)).toMatchObject({ dry_run: true, freed_blobs: 0 });
  });

  it('with redirect on, a blob GET is a 307 to a presigned URL that serves the blob', async () => {
    const redirecting = join(newTempDir('redirect'), 'registry.yaml');
    writeFileSync(
      redirecting,
      readFileSync(config, 'utf8').replace('    prefix: fleet/', '    prefix: fleet/\n    redirect: true'),
    );
    const c = await startServe(['--config', redirecting, '--listen', '127.0.0.1:0']);
    const image = await pushImage(c.url, 'fleet/redirected', 'v1', 9);
    const layer = digestOf(image.layer);
    const answer = await send(c.url, 'GET', `/v2/fleet/redirected/blobs/${layer}`);
    expect(answer.status).toBe(307);
    const location = answer.headers.get('location')!;
    expect(location).toMatch(/X-Amz-Signature=/);
    const direct = await fetch(location);
    expect(Buffer.from(await direct.arrayBuffer()).equals(image.layer)).toBe(true);
    expect((await send(c.url, 'HEAD', `/v2/fleet/redirected/blobs/${layer}`)).status).toBe(200);
  });
});
