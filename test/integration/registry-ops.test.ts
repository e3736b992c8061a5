/**
 * Operations: /healthz, Prometheus /metrics, one JSON log line per request with a request id and
 * no secrets, the packages JSON API (pushed date, downloads, size), request limits, and hostile
 * requests that must never crash the server or get a 5xx.
 */
import { chmodSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { jsonLogger } from '../../src/registry/index.js';
import { PRIVATE, PUBLIC, basic, createAuthFixture } from './registry-auth-support.js';
import {
  digestOf,
  pushImage,
  randomBytes,
  send,
  startRegistry,
  type TestRegistry,
} from './registry-support.js';

describe('health, metrics and logs', () => {
  let reg: TestRegistry;
  const lines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    const logger = jsonLogger({
      write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>),
    });
    reg = await startRegistry({ fsync: false, logger });
  });
  afterAll(async () => {
    await reg?.registry.close();
  });

  test('/healthz is 200 while the store is writable and 503 when it is not', async () => {
    const ok = await send(reg.url, 'GET', '/healthz');
    expect(ok.status).toBe(200);
    expect(ok.json()).toEqual({ status: 'ok' });
    if (process.getuid?.() === 0) return; // root writes anywhere: the read-only case cannot be shown
    chmodSync(join(reg.storageDir, 'tmp'), 0o500);
    try {
      expect((await send(reg.url, 'GET', '/healthz')).status).toBe(503);
    } finally {
      chmodSync(join(reg.storageDir, 'tmp'), 0o700);
    }
  });

  test('/metrics counts requests by route and status, bytes, uploads in flight and storage', async () => {
    await pushImage(reg.url, 'ops/app', 'v1');
    await send(reg.url, 'GET', '/v2/ops/app/manifests/v1');
    await send(reg.url, 'GET', '/v2/ops/app/manifests/missing');
    const text = (await send(reg.url, 'GET', '/metrics')).body.toString();
    expect(text).toContain('# TYPE registry_http_requests_total counter');
    expect(text).toMatch(/registry_http_requests_total\{route="manifest",method="GET",status="200"\} 1\n/);
    expect(text).toMatch(/registry_http_requests_total\{route="manifest",method="GET",status="404"\} 1\n/);
    expect(text).toMatch(/registry_http_requests_total\{route="upload",method="PUT",status="201"\} 2\n/);
    expect(text).toMatch(/registry_http_request_bytes_total\{route="upload"\} [1-9]\d*\n/);
    expect(text).toMatch(/registry_http_response_bytes_total\{route="manifest"\} [1-9]\d*\n/);
    expect(text).toContain('registry_uploads_in_flight 0\n');
    expect(text).toMatch(/registry_storage_blobs 3\n/);
    expect(text).toMatch(/registry_storage_bytes [1-9]\d*\n/);
    expect(text).toContain('# TYPE registry_http_request_duration_seconds histogram');
    expect(text).toMatch(/registry_http_request_duration_seconds_bucket\{route="manifest",le="\+Inf"\} 3\n/);
    expect(text).toMatch(/^process_resident_memory_bytes [1-9]\d*$/m);
    expect(text).toMatch(/^process_open_fds [1-9]\d*$/m);
    expect(text).toMatch(/^process_start_time_seconds \d{10}$/m);
    expect(text).not.toContain('ops/app');
  });

  test('one JSON line per request: id echoed, route not URL, no secrets', async () => {
    lines.length = 0;
    const reply = await send(reg.url, 'GET', '/v2/ops/app/tags/list?n=1&last=secret-query', {
      headers: { 'X-Request-Id': 'req-123', Authorization: 'Basic c2VjcmV0OnNlY3JldA==' },
    });
    expect(reply.headers.get('x-request-id')).toBe('req-123');
    const generated = await send(reg.url, 'GET', '/v2/', {
      headers: { 'X-Request-Id': 'bad id with spaces' },
    });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const line = lines.find((l) => l.request_id === 'req-123')!;
    expect(line).toMatchObject({ level: 'info', msg: 'request', method: 'GET', route: 'tags', status: 200 });
    expect(typeof line.time).toBe('string');
    expect(typeof line.duration_ms).toBe('number');
    expect(typeof line.bytes_out).toBe('number');
    const all = JSON.stringify(lines);
    expect(all).not.toContain('secret');
    expect(all).not.toContain('c2VjcmV0');
  });

  test('open mode: the principal is anonymous; a 4xx line has its reason and repository, no token', async () => {
    await pushImage(reg.url, 'ops/app', 'v1');
    lines.length = 0;
    const auth = { Authorization: 'Bearer secret-token-value' };
    await send(reg.url, 'GET', '/v2/ops/app/manifests/v1', { headers: { 'X-Request-Id': 'ok-1', ...auth } });
    await send(reg.url, 'GET', '/v2/ops/app/manifests/nope', {
      headers: { 'X-Request-Id': 'miss-1', ...auth },
    });
    await send(reg.url, 'GET', '/v2/Bad_Name/tags/list', { headers: { 'X-Request-Id': 'bad-1' } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const byId = (id: string) => lines.find((l) => l.request_id === id)!;
    expect(byId('ok-1')).toMatchObject({ status: 200, principal: 'anonymous' });
    expect(byId('ok-1')).not.toHaveProperty('reason');
    expect(byId('ok-1')).not.toHaveProperty('repository');
    expect(byId('miss-1')).toMatchObject({
      status: 404,
      principal: 'anonymous',
      reason: 'MANIFEST_UNKNOWN',
      repository: 'ops/app',
    });
    expect(byId('bad-1')).toMatchObject({ status: 400, reason: 'NAME_INVALID' });
    expect(JSON.stringify(lines)).not.toContain('secret-token-value');
  });
});

describe('the packages API', () => {
  test('lists images with pushed date, downloads and size; auth like a pull', async () => {
    const fixture = await createAuthFixture();
    const reg = await fixture.start();
    try {
      const before = Date.now();
      const pushed = await pushImage(reg.url, `${PRIVATE}/web`, 'v2', 9).catch(() => undefined);
      expect(pushed).toBeUndefined(); // anonymous push refused
      const auth = basic(fixture.tokens.write);
      const config = Buffer.from('{"architecture":"amd64","os":"linux"}');
      const layer = randomBytes(1000, 3);
      for (const blob of [config, layer]) {
        const start = await send(reg.url, 'POST', `/v2/${PRIVATE}/web/blobs/uploads/`, { headers: auth });
        await send(reg.url, 'PUT', `${start.headers.get('location')}?digest=${digestOf(blob)}`, {
          headers: auth,
          body: blob,
        });
      }
      const manifest = Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          config: {
            mediaType: 'application/vnd.oci.image.config.v1+json',
            digest: digestOf(config),
            size: config.length,
          },
          layers: [
            {
              mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
              digest: digestOf(layer),
              size: layer.length,
            },
          ],
        }),
      );
      const put = await send(reg.url, 'PUT', `/v2/${PRIVATE}/web/manifests/v2`, {
        headers: { ...auth, 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' },
        body: manifest,
      });
      expect(put.status).toBe(201);
      for (let i = 0; i < 3; i++)
        await send(reg.url, 'GET', `/v2/${PRIVATE}/web/manifests/v2`, { headers: auth });
      await send(reg.url, 'HEAD', `/v2/${PRIVATE}/web/manifests/v2`, { headers: auth });

      expect((await send(reg.url, 'GET', `/api/v1/registries/${PRIVATE}/packages`)).status).toBe(401);
      const list = await send(reg.url, 'GET', `/api/v1/registries/${PRIVATE}/packages`, {
        headers: basic(fixture.tokens.read),
      });
      expect(list.status).toBe(200);
      const body = list.json<{
        registry: string;
        visibility: string;
        packages: { name: string; tags: number; downloads: number }[];
      }>();
      expect(body.registry).toBe(PRIVATE);
      expect(body.visibility).toBe('private');
      expect(body.packages.map((p) => [p.name, p.tags, p.downloads])).toEqual([
        ['app', 1, 0],
        ['web', 1, 3],
      ]);
      const one = await send(reg.url, 'GET', `/api/v1/registries/${PRIVATE}/packages/web`, {
        headers: basic(fixture.tokens.read),
      });
      const detail = one.json<{ size: number; pushed_at: string; tags: Record<string, unknown>[] }>();
      expect(detail.tags).toEqual([
        {
          tag: 'v2',
          digest: digestOf(manifest),
          media_type: 'application/vnd.oci.image.manifest.v1+json',
          pushed_at: expect.any(String),
          downloads: 3,
          size: manifest.length + config.length + layer.length,
        },
      ]);
      expect(Date.parse(detail.pushed_at)).toBeGreaterThanOrEqual(before - 1000);
      expect(detail.size).toBe(manifest.length + config.length + layer.length);
      const anonymousPublic = await send(reg.url, 'GET', `/api/v1/registries/${PUBLIC}/packages/app`);
      expect(anonymousPublic.status).toBe(200);
      expect(anonymousPublic.json<{ visibility: string; pushed_at: unknown }>()).toMatchObject({
        visibility: 'public',
        pushed_at: expect.any(String),
      });
      expect((await send(reg.url, 'GET', `/api/v1/registries/${PUBLIC}/packages/nope`)).status).toBe(404);
      expect(
        (
          await send(reg.url, 'GET', '/api/v1/registries/acme/nope/packages', {
            headers: basic(fixture.tokens.read),
          })
        ).status,
      ).toBe(404);
    } finally {
      await reg.registry.close();
    }
    // Statistics persist across restarts.
    const again = await fixture.start();
    try {
      const detail = await send(again.url, 'GET', `/api/v1/registries/${PRIVATE}/packages/web`, {
        headers: basic(fixture.tokens.read),
      });
      expect(detail.json<{ downloads: number }>().downloads).toBe(3);
    } finally {
      await again.registry.close();
    }
  });
});

describe('limits and hostile requests', () => {
  let reg: TestRegistry;
  const errors: unknown[] = [];
  beforeAll(async () => {
    reg = await startRegistry({ fsync: false, maxRequestBytes: 64 * 1024, onError: (e) => errors.push(e) });
  });
  afterAll(async () => {
    await reg?.registry.close();
    expect(errors).toEqual([]);
  });

  test('a body over limits.max-request-bytes is 413 SIZE_INVALID, declared or streamed', async () => {
    const big = randomBytes(100 * 1024);
    const declared = await send(reg.url, 'POST', `/v2/limits/app/blobs/uploads/?digest=${digestOf(big)}`, {
      body: big,
    });
    expect(declared.status).toBe(413);
    expect(declared.errorCode).toBe('SIZE_INVALID');
    const start = await send(reg.url, 'POST', '/v2/limits/app/blobs/uploads/');
    const chunked = await rawRequest(
      reg.url,
      `PATCH ${start.headers.get('location')} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n` +
        `${(80 * 1024).toString(16)}\r\n${'a'.repeat(80 * 1024)}\r\n0\r\n\r\n`,
    );
    expect(chunked).toMatch(/^HTTP\/1.1 413 /);
    expect((await send(reg.url, 'HEAD', `/v2/limits/app/blobs/${digestOf(big)}`)).status).toBe(404);
  });

  test.each([
    [
      'huge headers',
      `GET /v2/ HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`,
      /^HTTP\/1.1 431 /,
    ],
    [
      'path traversal',
      'GET /v2/../../etc/passwd/manifests/latest HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      /^HTTP\/1.1 400 /,
    ],
    [
      'encoded traversal',
      'GET /v2/%2e%2e/%2e%2e/x/manifests/latest HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      /^HTTP\/1.1 400 /,
    ],
    [
      'bogus Content-Range',
      'PATCH /v2/h/blobs/uploads/00000000-0000-4000-8000-000000000000 HTTP/1.1\r\nHost: x\r\nContent-Range: banana\r\nContent-Length: 1\r\nConnection: close\r\n\r\nx',
      /^HTTP\/1.1 (400|404) /,
    ],
    [
      'negative Content-Length',
      'PUT /v2/h/manifests/v1 HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\nConnection: close\r\n\r\n',
      /^HTTP\/1.1 400 /,
    ],
    [
      'bad JSON manifest',
      'PUT /v2/h/manifests/v1 HTTP/1.1\r\nHost: x\r\nContent-Type: application/vnd.oci.image.manifest.v1+json\r\nContent-Length: 9\r\nConnection: close\r\n\r\n{"schema"',
      /^HTTP\/1.1 400 /,
    ],
    ['absurd method', 'BREW /v2/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', /^HTTP\/1.1 (400|405) /],
    ['garbage', 'this is not http\r\n\r\n', /^HTTP\/1.1 400 /],
    [
      'token endpoint junk',
      'GET /token?scope=%ff%fe&scope=repository:::: HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      /^HTTP\/1.1 404 /,
    ],
    [
      'packages API traversal',
      'GET /api/v1/registries/../../packages/x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      /^HTTP\/1.1 400 /,
    ],
  ])('%s: answered without a 5xx, and the server lives on', async (_name, request, expected) => {
    expect(await rawRequest(reg.url, request)).toMatch(expected);
    expect((await send(reg.url, 'GET', '/healthz')).status).toBe(200);
  });
});

/** Writes `text` on a fresh connection and returns everything the server answers until it closes. */
function rawRequest(base: string, text: string): Promise<string> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', (error) =>
      chunks.length > 0 ? resolve(Buffer.concat(chunks).toString('latin1')) : reject(error),
    );
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.setTimeout(10_000, () => socket.destroy());
    socket.write(text);
  });
}
