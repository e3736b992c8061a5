/**
 * Faults against the real `registry serve` process: kill -9 while a big blob streams in and while
 * a manifest is being PUT, restart on the same storage, `registry fsck` clean, and the push
 * completes on retry (resuming the upload session, or re-running skopeo); concurrent pushes of the
 * same blob and tag all succeed.
 */
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createContainerTools } from '../support/containers.js';
import { newTempDir } from '../support/temp-dir.js';
import { describeWithTools } from '../support/tools.js';
import {
  cli,
  killAllServes,
  requireBundle,
  startServe,
  writeOciLayout,
  type ServeProcess,
} from './registry-cli-support.js';
import {
  digestOf,
  imageManifest,
  descriptorOf,
  OCI_CONFIG,
  OCI_LAYER,
  OCI_MANIFEST,
  pushBlob,
  randomBytes,
  send,
} from './registry-support.js';

beforeAll(() => requireBundle());
afterAll(() => killAllServes());

const MiB = 1024 * 1024;

/** Starts a PATCH/PUT that sends `first` at once and then hangs until the server dies. */
function hangingRequest(
  url: string,
  method: string,
  path: string,
  first: Buffer,
  headers: Record<string, string>,
): Promise<void> {
  const target = new URL(url);
  return new Promise((resolve) => {
    const req = request({ host: target.hostname, port: target.port, method, path, headers }, (res) => {
      res.resume();
      res.on('close', resolve);
    });
    req.on('error', () => resolve());
    req.write(first);
  });
}

async function killHard(serve: ServeProcess): Promise<void> {
  serve.child.kill('SIGKILL');
  expect((await serve.exited).signal).toBe('SIGKILL');
}

async function fsckClean(storage: string): Promise<void> {
  const result = await cli(['registry', 'fsck', '--storage', storage]);
  expect(result.stdout, result.stdout).toContain('ok: no problems found');
  expect(result.exitCode).toBe(0);
}

describe('kill -9 and restart', () => {
  test('during a big blob upload: the session survives and the upload resumes where it stopped', async () => {
    const storage = newTempDir('kill-upload');
    const serve = await startServe(['--listen', '127.0.0.1:0', '--storage', storage]);
    const blob = randomBytes(48 * MiB, 11);
    const digest = digestOf(blob);
    const location = (await send(serve.url, 'POST', '/v2/faults/big/blobs/uploads/')).headers.get(
      'location',
    )!;
    const hanging = hangingRequest(serve.url, 'PATCH', location, blob.subarray(0, 20 * MiB), {
      'Content-Type': 'application/octet-stream',
    });
    // Wait until the server has some of it on disk.
    for (let i = 0; i < 200; i++) {
      const text = (await send(serve.url, 'GET', '/metrics')).body.toString();
      if (text.includes('registry_uploads_in_flight 1')) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    await killHard(serve);
    await hanging;
    await fsckClean(storage);

    const again = await startServe(['--listen', '127.0.0.1:0', '--storage', storage]);
    try {
      expect((await send(again.url, 'HEAD', `/v2/faults/big/blobs/${digest}`)).status).toBe(404);
      const status = await send(again.url, 'GET', location);
      expect(status.status).toBe(204);
      const offset = Number(/^0-(\d+)$/.exec(status.headers.get('range')!)![1]) + 1;
      expect(offset).toBeGreaterThan(0);
      expect(offset).toBeLessThanOrEqual(20 * MiB);
      const put = await send(again.url, 'PUT', `${location}?digest=${digest}`, {
        headers: {
          'Content-Range': `${offset}-${blob.length - 1}`,
          'Content-Type': 'application/octet-stream',
        },
        body: blob.subarray(offset),
      });
      expect(put.status, put.body.toString()).toBe(201);
      const head = await send(again.url, 'HEAD', `/v2/faults/big/blobs/${digest}`);
      expect(head.status).toBe(200);
      expect(head.headers.get('content-length')).toBe(String(blob.length));
    } finally {
      again.child.kill('SIGTERM');
      expect((await again.exited).code).toBe(0);
    }
    await fsckClean(storage);
  });

  test('during a manifest PUT: no manifest or tag appears, and the PUT succeeds on retry', async () => {
    const storage = newTempDir('kill-manifest');
    const serve = await startServe(['--listen', '127.0.0.1:0', '--storage', storage]);
    const config = Buffer.from(
      '{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}',
    );
    const layer = randomBytes(4096, 2);
    await pushBlob(serve.url, 'faults/manifest', config);
    await pushBlob(serve.url, 'faults/manifest', layer);
    const manifest = imageManifest(descriptorOf(OCI_CONFIG, config), [descriptorOf(OCI_LAYER, layer)]);
    const hanging = hangingRequest(
      serve.url,
      'PUT',
      '/v2/faults/manifest/manifests/v1',
      manifest.subarray(0, 100),
      {
        'Content-Type': OCI_MANIFEST,
        'Content-Length': String(manifest.length),
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    await killHard(serve);
    await hanging;
    await fsckClean(storage);
    const again = await startServe(['--listen', '127.0.0.1:0', '--storage', storage]);
    try {
      expect((await send(again.url, 'HEAD', '/v2/faults/manifest/manifests/v1')).status).toBe(404);
      const put = await send(again.url, 'PUT', '/v2/faults/manifest/manifests/v1', {
        headers: { 'Content-Type': OCI_MANIFEST },
        body: manifest,
      });
      expect(put.status).toBe(201);
      expect(put.headers.get('docker-content-digest')).toBe(digestOf(manifest));
    } finally {
      again.child.kill('SIGTERM');
      await again.exited;
    }
    await fsckClean(storage);
  });

  test('concurrent pushes of the same blob all succeed and the store stays consistent', async () => {
    const storage = newTempDir('concurrent');
    const serve = await startServe(['--listen', '127.0.0.1:0', '--storage', storage]);
    try {
      const blob = randomBytes(2 * MiB, 5);
      const digests = await Promise.all(
        Array.from({ length: 6 }, () => pushBlob(serve.url, 'faults/same', blob)),
      );
      expect(new Set(digests)).toEqual(new Set([digestOf(blob)]));
      const monolithic = await Promise.all(
        Array.from({ length: 4 }, () =>
          send(serve.url, 'POST', `/v2/faults/same/blobs/uploads/?digest=${digestOf(blob)}`, { body: blob }),
        ),
      );
      expect(monolithic.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    } finally {
      serve.child.kill('SIGTERM');
      await serve.exited;
    }
    await fsckClean(storage);
  });
});

describeWithTools(['skopeo'], 'skopeo pushes through a crash', () => {
  test('kill -9 mid-push, restart, re-run: the push completes; two skopeo pushes of one tag at once both succeed', async () => {
    const dir = newTempDir('skopeo-crash');
    const storage = join(dir, 'storage');
    const { dir: layout, digest } = writeOciLayout(join(dir, 'layout'), 64 * MiB, 21);
    const tools = createContainerTools();
    const serve = await startServe(['--listen', '127.0.0.1:0', '--storage', storage]);
    let host = new URL(serve.url).host;
    tools.addInsecureRegistry(host);
    const copy = tools.skopeo(
      ['copy', '--retry-times', '0', `oci:${layout}:latest`, `docker://${host}/faults/skopeo:v1`],
      { reject: false },
    );
    for (let i = 0; i < 500; i++) {
      const text = (await send(serve.url, 'GET', '/metrics')).body.toString();
      if (text.includes('registry_uploads_in_flight 1')) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await killHard(serve);
    expect((await copy).failed).toBe(true);
    await fsckClean(storage);

    const again = await startServe(['--listen', `${host}`, '--storage', storage]);
    host = new URL(again.url).host;
    try {
      await tools.skopeo(['copy', `oci:${layout}:latest`, `docker://${host}/faults/skopeo:v1`]);
      const head = await send(again.url, 'HEAD', '/v2/faults/skopeo/manifests/v1', {
        headers: { Accept: OCI_MANIFEST },
      });
      expect(head.headers.get('docker-content-digest')).toBe(digest);
      const both = await Promise.all(
        [1, 2].map(() =>
          tools.skopeo(['copy', `oci:${layout}:latest`, `docker://${host}/faults/twice:v1`], {
            reject: false,
          }),
        ),
      );
      expect(both.map((r) => r.exitCode)).toEqual([0, 0]);
    } finally {
      again.child.kill('SIGTERM');
      await again.exited;
    }
    await fsckClean(storage);
  });
});
