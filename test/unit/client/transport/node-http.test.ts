import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatchers } from '../../../../src/client/transport/dispatchers.js';
import { createHttpTransport } from '../../../../src/client/transport/http.js';
import { NodeHttpDispatcher } from '../../../../src/client/transport/node-http.js';
import { FileRangeReader } from '../../../../src/sources/file-blob.js';
import { newTempDir } from '../../../support/temp-dir.js';

let server: Server;
let origin: string;
const sockets = new Set<Socket>();
const seen: { method: string; url: string; length: string | undefined; body: string; remote: number }[] = [];

beforeAll(async () => {
  server = createServer(async (req, res) => {
    if (req.url === '/hang-up') {
      req.socket.destroy(); // fails the request while its body is still being sent
      return;
    }
    const body = await text(req);
    seen.push({
      method: req.method ?? '',
      url: req.url ?? '',
      length: req.headers['content-length'],
      body,
      remote: req.socket.remotePort ?? 0,
    });
    if (req.url === '/slow-headers') return; // never answers
    if (req.url === '/slow-body') {
      res.writeHead(200, { 'content-length': '10' });
      res.write('12345');
      return; // pauses forever
    }
    if (req.url === '/endless') {
      // A body that never ends: only a dump() that stops at its limit returns.
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const chunk = Buffer.alloc(64 * 1024, 1);
      const more = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', more);
      };
      more();
      return;
    }
    res.setHeader('www-authenticate', ['Bearer realm="a"', 'Basic realm="b"']);
    res.setHeader('content-type', 'text/plain');
    res.end(`${req.method} ${req.url} ${body}`);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});

const base = { headers: {}, headersTimeout: 5000, bodyTimeout: 5000 };

describe('NodeHttpDispatcher', () => {
  it('answers status, headers (repeated ones as arrays) and the body, and sends in-memory bodies with a length', async () => {
    const d = new NodeHttpDispatcher({ connections: 2, connectTimeoutMs: 5000 });
    try {
      const put = await d.request({ ...base, origin, path: '/v2/x?y=1', method: 'PUT', body: 'hello' });
      expect(put.statusCode).toBe(200);
      expect(put.headers['content-type']).toBe('text/plain');
      expect(put.headers['www-authenticate']).toEqual(['Bearer realm="a"', 'Basic realm="b"']);
      expect(await text(put.body)).toBe('PUT /v2/x?y=1 hello');
      expect(seen.at(-1)?.length).toBe('5');
      const post = await d.request({ ...base, origin, path: '/empty', method: 'POST' });
      await post.body.dump();
      expect(seen.at(-1)).toMatchObject({ method: 'POST', length: '0' });
      const head = await d.request({ ...base, origin, path: '/h', method: 'HEAD' });
      expect(head.statusCode).toBe(200);
      await head.body.dump();
      const bytes = await d.request({
        ...base,
        origin,
        path: '/b',
        method: 'PUT',
        body: new Uint8Array([65, 66]),
      });
      expect(await text(bytes.body)).toBe('PUT /b AB');
      const stream = await d.request({
        ...base,
        origin,
        path: '/s',
        method: 'PUT',
        body: Readable.from(['a', 'b']),
      });
      expect(await text(stream.body)).toBe('PUT /s ab');
    } finally {
      await d.close();
    }
  });

  it('keeps the connection alive between requests', async () => {
    const d = new NodeHttpDispatcher({ connections: 1, connectTimeoutMs: 5000 });
    try {
      for (const path of ['/k1', '/k2', '/k3'])
        await (await d.request({ ...base, origin, path, method: 'GET' })).body.dump();
      const ports = seen.filter((s) => s.url.startsWith('/k')).map((s) => s.remote);
      expect(new Set(ports).size).toBe(1);
    } finally {
      await d.close();
    }
  });

  it('dump() reads a body up to its limit and then drops the connection', async () => {
    const d = new NodeHttpDispatcher({ connections: 1, connectTimeoutMs: 5000 });
    try {
      const endless = await d.request({ ...base, origin, path: '/endless', method: 'GET' });
      await endless.body.dump({ limit: 1024 });
      expect(endless.body.readableEnded).toBe(false);
      expect(endless.body.destroyed).toBe(true);
    } finally {
      await d.close();
    }
  });

  it("fails with undici's timeout codes when headers or body do not come", async () => {
    const d = new NodeHttpDispatcher({ connections: 2, connectTimeoutMs: 5000 });
    try {
      await expect(
        d.request({ ...base, headersTimeout: 200, origin, path: '/slow-headers', method: 'GET' }),
      ).rejects.toMatchObject({ code: 'UND_ERR_HEADERS_TIMEOUT' });
      const slow = await d.request({ ...base, bodyTimeout: 200, origin, path: '/slow-body', method: 'GET' });
      await expect(text(slow.body)).rejects.toMatchObject({ code: 'UND_ERR_BODY_TIMEOUT' });
    } finally {
      await d.close();
    }
  });

  it('fails with the socket code when nothing listens, and with the reason when aborted', async () => {
    const d = new NodeHttpDispatcher({ connections: 1, connectTimeoutMs: 5000 });
    try {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise((resolve) => closed.close(resolve));
      await expect(
        d.request({ ...base, origin: `http://127.0.0.1:${port}`, path: '/', method: 'GET' }),
      ).rejects.toMatchObject({ code: 'ECONNREFUSED' });
      const controller = new AbortController();
      const pending = d.request({
        ...base,
        origin,
        path: '/slow-headers',
        method: 'GET',
        signal: controller.signal,
      });
      controller.abort(new Error('stop'));
      await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    } finally {
      await d.close();
    }
    await expect(d.request({ ...base, origin, path: '/', method: 'GET' })).rejects.toThrow(
      'the client is closed',
    );
  });
});

describe('the default dispatchers', () => {
  it('send every request through node:http, blob uploads included, and blob downloads through undici', async () => {
    const dispatchers = createDispatchers(undefined, { connections: 2, connectTimeoutMs: 5000 });
    const calls: string[] = [];
    const spy = (name: 'requests' | 'bulk') => ({
      request: (options: Parameters<typeof dispatchers.requests.request>[0]) => {
        calls.push(`${name} ${options.method} ${options.path}`);
        return dispatchers[name].request(options);
      },
      close: () => dispatchers[name].close(),
    });
    const transport = createHttpTransport({
      dispatchers: { requests: spy('requests'), bulk: spy('bulk'), owned: true },
      headersTimeoutMs: 5000,
      bodyTimeoutMs: 5000,
    });
    try {
      const url = (path: string) => new URL(path, origin);
      await (await transport({ method: 'HEAD', url: url('/r/head') })).body.dump();
      await (await transport({ method: 'PUT', url: url('/r/manifest'), body: '{}' })).body.dump();
      const upload = await transport({
        method: 'PATCH',
        url: url('/r/upload'),
        body: () => Readable.from(['xyz']),
      });
      expect(await text(upload.body)).toBe('PATCH /r/upload xyz');
      await (await transport({ method: 'GET', url: url('/r/blob'), bulk: true })).body.dump();
      expect(calls).toEqual([
        'requests HEAD /r/head',
        'requests PUT /r/manifest',
        'requests PATCH /r/upload',
        'bulk GET /r/blob',
      ]);
    } finally {
      await dispatchers.requests.close();
      await dispatchers.bulk.close();
    }
  });
});

describe('streamed request bodies on node:http', () => {
  it('reuse a blob reader’s buffers only once the socket wrote them: a slow reader gets every byte', async () => {
    // The server reads 64 KiB at a time with pauses, so the client's writes queue behind a full
    // socket; a buffer refilled before its write completed would change the bytes sent.
    const sink = createServer((req, res) => {
      const hash = createHash('sha256');
      req.on('data', (chunk: Buffer) => {
        hash.update(chunk);
        req.pause();
        setTimeout(() => req.resume(), 1);
      });
      req.on('end', () => res.end(hash.digest('hex')));
    });
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
    const bytes = randomBytes(12 * 1024 * 1024 + 5);
    const file = join(newTempDir('upload'), 'blob');
    writeFileSync(file, bytes);
    const d = new NodeHttpDispatcher({ connections: 1, connectTimeoutMs: 5000 });
    try {
      const body = new FileRangeReader(await open(file), 0);
      const buffers = new Set<ArrayBufferLike>();
      let chunks = 0;
      body.on('data', (chunk: Buffer) => {
        buffers.add(chunk.buffer);
        chunks++;
      });
      const response = await d.request({
        ...base,
        origin: `http://127.0.0.1:${(sink.address() as AddressInfo).port}`,
        path: '/upload',
        method: 'PUT',
        headers: { 'content-length': String(bytes.length) },
        body,
      });
      expect(await text(response.body)).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(chunks).toBe(13);
      expect(buffers.size).toBeLessThan(chunks); // written chunks went back to the reader
    } finally {
      await d.close();
      sink.closeAllConnections();
      await new Promise((resolve) => sink.close(resolve));
    }
  });

  it('wait for the answer once the body is sent, not from the start (as undici)', async () => {
    const d = new NodeHttpDispatcher({ connections: 1, connectTimeoutMs: 5000 });
    async function* slow() {
      for (const piece of ['a', 'b', 'c']) {
        await sleep(150);
        yield Buffer.from(piece);
      }
    }
    try {
      const response = await d.request({
        ...base,
        headers: { 'content-length': '3' },
        headersTimeout: 200,
        origin,
        path: '/slow-upload',
        method: 'PATCH',
        body: Readable.from(slow()),
      });
      expect(await text(response.body)).toBe('PATCH /slow-upload abc');
    } finally {
      await d.close();
    }
  });

  it("fail with the body's own error, and close the body when the request fails", async () => {
    const d = new NodeHttpDispatcher({ connections: 1, connectTimeoutMs: 5000 });
    try {
      const broken = new Readable({
        read() {
          this.destroy(new Error('the blob does not match its digest'));
        },
      });
      await expect(
        d.request({
          ...base,
          origin,
          path: '/x',
          method: 'PATCH',
          headers: { 'content-length': '9' },
          body: broken,
        }),
      ).rejects.toThrow('the blob does not match its digest');

      let sent = 0;
      const endless = new Readable({
        read() {
          sent++;
          setTimeout(() => this.push(Buffer.alloc(16 * 1024)), 5);
        },
      });
      await expect(
        d.request({ ...base, origin, path: '/hang-up', method: 'PATCH', body: endless }),
      ).rejects.toThrow();
      expect(sent).toBeGreaterThan(0);
      // The blob's reader is closed, not left open with the upload gone.
      await sleep(50);
      expect(endless.destroyed).toBe(true);
    } finally {
      await d.close();
    }
  });

  it('route streamed bodies of any length to node:http, and only downloads to the bulk pool', async () => {
    const calls: string[] = [];
    const fake = (name: string) => ({
      request: async (options: { method: string; headers: Record<string, string> }) => {
        calls.push(`${name} ${options.method} ${options.headers['content-length'] ?? '-'}`);
        return {
          statusCode: 202,
          headers: {},
          body: Object.assign(Readable.from([]), { dump: async () => {} }),
        };
      },
      close: async () => {},
    });
    const transport = createHttpTransport({
      dispatchers: { requests: fake('requests'), bulk: fake('bulk'), owned: true } as never,
      headersTimeoutMs: 5000,
      bodyTimeoutMs: 5000,
    });
    const url = new URL('/r/upload', origin);
    const body = () => Readable.from(['x']);
    for (const length of ['1', String(8 * 1024 * 1024 + 1), String(2 ** 40), undefined]) {
      await transport({
        method: 'PATCH',
        url,
        body,
        ...(length && { headers: { 'content-length': length } }),
      });
    }
    await transport({ method: 'GET', url, bulk: true });
    expect(calls).toEqual([
      'requests PATCH 1',
      `requests PATCH ${8 * 1024 * 1024 + 1}`,
      `requests PATCH ${2 ** 40}`,
      'requests PATCH -',
      'bulk GET -',
    ]);
  });
});
