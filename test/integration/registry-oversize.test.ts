/**
 * A request refused before its body was read (a manifest over the size limit, a chunk over
 * `max-request-bytes`) reaches a real socket client as its answer: the registry drains what the
 * client keeps sending (bounded) instead of closing with bytes unread, which makes the kernel
 * reset the connection and the client lose the answer.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send, startRegistry, type TestRegistry } from './registry-support.js';

/**
 * A client that sends `head` and all of `bodyBytes` (64 KiB writes) before it looks at the answer,
 * as many HTTP clients do; resolves what it read and how the connection ended.
 */
function sendRaw(url: string, head: string, bodyBytes: number): Promise<{ answer: string; error?: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let answer = '';
    let settled = false;
    let allSent = false;
    const done = (error?: string) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve({ answer, ...(error === undefined ? {} : { error }) });
    };
    const check = (): void => {
      if (!allSent) return;
      // The whole error body is there: the answer arrived.
      const end = answer.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(answer)?.[1];
      if (end >= 0 && length !== undefined && answer.length >= end + 4 + Number(length)) done();
    };
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString('latin1');
      check();
    });
    socket.on('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
    socket.on('close', () => done('closed before the whole answer'));
    socket.once('connect', () => {
      socket.write(head);
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = (): void => {
        while (sent < bodyBytes && !socket.destroyed) {
          sent += chunk.length;
          if (!socket.write(chunk)) {
            socket.once('drain', pump);
            return;
          }
        }
        allSent = true;
        check();
      };
      pump();
    });
  });
}

describe('answers before the body is read', () => {
  let reg: TestRegistry;
  beforeAll(async () => {
    reg = await startRegistry({ fsync: false, maxManifestBytes: 64 * 1024, maxRequestBytes: 256 * 1024 });
  });
  afterAll(async () => {
    await reg?.registry.close();
  });

  it.each([1, 2, 3])('a manifest declared over the limit gets its 413, not a reset (round %i)', async () => {
    const size = 8 * 1024 * 1024;
    const result = await sendRaw(
      reg.url,
      `PUT /v2/big/app/manifests/v1 HTTP/1.1\r\nHost: x\r\nContent-Type: application/vnd.oci.image.manifest.v1+json\r\nContent-Length: ${size}\r\n\r\n`,
      size,
    );
    expect(result.error).toBeUndefined();
    expect(result.answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(result.answer).toContain('SIZE_INVALID');
  });

  it.each([true, false])(
    'a blob chunk over max-request-bytes gets its 413 (length declared: %s)',
    async (declared) => {
      const start = await send(reg.url, 'POST', '/v2/big/app/blobs/uploads/');
      const location = new URL(start.headers.get('location')!, reg.url);
      const size = 4 * 1024 * 1024;
      const framing = declared
        ? `Content-Length: ${size}\r\n\r\n`
        : `Transfer-Encoding: chunked\r\n\r\n${size.toString(16)}\r\n`;
      const result = await sendRaw(
        reg.url,
        `PATCH ${location.pathname}${location.search} HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\n${framing}`,
        size,
      );
      expect(result.error).toBeUndefined();
      expect(result.answer).toMatch(/^HTTP\/1\.1 413 /);
    },
  );

  it('a manifest over the limit without a declared length gets its 413', async () => {
    const result = await sendRaw(
      reg.url,
      `PUT /v2/big/app/manifests/v1 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n` +
        `${(1 << 20).toString(16)}\r\n`,
      1 << 20,
    );
    expect(result.error).toBeUndefined();
    expect(result.answer).toMatch(/^HTTP\/1\.1 413 /);
  });
});
