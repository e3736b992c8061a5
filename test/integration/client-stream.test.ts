/**
 * `RegistryClient.uploadStream` (a blob of unknown digest and length in one streamed PATCH)
 * against real registries, the bundled one in-process and CNCF distribution, each behind the
 * fault proxy: the bytes arrive once and are committed under the digest computed on the way; a
 * connection cut mid-PATCH, a failing source and an abort each reject, destroy the stream and
 * cancel the upload session; bearer tokens with push scope are used, a read token is refused.
 */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  RegistryClient,
  anonymousCredentials,
  staticCredentials,
  type ProgressEvent,
} from '../../src/client/index.js';
import { ContainerPackageError } from '../../src/errors.js';
import { DISTRIBUTION_TOOLS, describeWithTools, startDistribution } from '../support/index.js';
import { type FaultProxy, startFaultProxy } from '../support/fault-proxy.js';
import { readAll, seededBytes, sha256 } from './client-fixtures.js';
import { PRIVATE, createAuthFixture } from './registry-auth-support.js';
import { openUploads, startRegistry } from './registry-support.js';

const MiB = 1024 * 1024;

/** `bytes` as a stream of 64 KiB pieces, optionally failing after `failAfter` bytes. */
function streamOf(bytes: Buffer, options: { failAfter?: number; delayMs?: number } = {}): Readable {
  async function* pieces(): AsyncGenerator<Buffer> {
    for (let i = 0; i < bytes.length; i += 64 * 1024) {
      if (options.failAfter !== undefined && i >= options.failAfter) {
        throw new ContainerPackageError('SRC_DIGEST_MISMATCH', 'the layer changed while it was read');
      }
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      yield bytes.subarray(i, i + 64 * 1024);
    }
  }
  return Readable.from(pieces(), { objectMode: false });
}

interface Target {
  readonly url: string;
  /** Upload sessions still open, when the store can be inspected. */
  readonly openUploads?: () => string[];
  stop(): Promise<void>;
}

function suite(name: string, start: () => Promise<Target>): void {
  describe(`uploadStream to ${name}`, () => {
    let target: Target;
    let proxy: FaultProxy;
    let client: RegistryClient;

    beforeAll(async () => {
      target = await start();
      proxy = await startFaultProxy(target.url);
      client = new RegistryClient({ credentials: anonymousCredentials, retries: 2, backoffBaseMs: 5 });
    });

    beforeEach(() => proxy.reset());

    afterAll(async () => {
      await client?.close();
      await proxy?.close();
      await target?.stop();
    });

    const requests = (method: string): number => proxy.requests.filter((r) => r.method === method).length;

    it('sends the stream in one PATCH and commits it under the digest computed on the way', async () => {
      const bytes = seededBytes(`${name}/streamed`, 5 * MiB + 123);
      const events: ProgressEvent[] = [];
      const uploaded = await client.uploadStream(`${proxy.host}/stream/app`, streamOf(bytes), {
        progressId: 'layer-1',
        expectedSize: 5 * MiB,
        onProgress: (e) => events.push(e),
      });
      expect(uploaded).toEqual({ digest: sha256(bytes), size: bytes.length });
      const sent = proxy.requests.filter((r) => r.path !== '/v2/').map((r) => r.method);
      expect(sent).toEqual(['POST', 'PATCH', 'PUT']);
      const stored = await client.getBlob(
        `${target.url.replace('http://', '')}/stream/app`,
        uploaded.digest,
        {
          size: uploaded.size,
        },
      );
      expect((await readAll(stored)).equals(bytes)).toBe(true);
      expect(events[0]).toMatchObject({ type: 'blob-start', digest: 'layer-1', bytes: 0, total: 5 * MiB });
      expect(events.at(-1)).toMatchObject({ type: 'blob-done', bytes: bytes.length, total: bytes.length });
      const progress = events.filter((e) => e.type === 'blob-progress').map((e) => e.bytes);
      expect(progress.length).toBeGreaterThanOrEqual(4);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      expect(events.every((e) => e.digest === 'layer-1' && e.repository === `${proxy.host}/stream/app`)).toBe(
        true,
      );
      // A push of the same digest to another repository of the registry mounts it from this one.
      const blob = {
        descriptor: { mediaType: 'application/octet-stream', ...uploaded },
        open: () => Promise.resolve(streamOf(bytes)),
      };
      expect(await client.pushBlob(`${proxy.host}/stream/other`, blob)).toBe('mounted');
    });

    it('a connection cut in the middle of the PATCH rejects, destroys the stream and cancels the upload', async () => {
      proxy.addRule({ method: 'PATCH', times: 1, action: { kind: 'reset-mid-body', afterBytes: 1 * MiB } });
      const bytes = seededBytes(`${name}/cut`, 4 * MiB);
      const stream = streamOf(bytes);
      await expect(client.uploadStream(`${proxy.host}/stream/cut`, stream)).rejects.toMatchObject({
        code: expect.stringMatching(/^CLIENT_/),
      });
      expect(stream.destroyed).toBe(true);
      expect(requests('PATCH')).toBe(1); // never resent: the stream is consumed
      expect(requests('DELETE')).toBe(1);
      expect(target.openUploads?.() ?? []).toEqual([]);
      expect(await client.blobExists(`${proxy.host}/stream/cut`, sha256(bytes))).toBe(false);
    });

    it('a source that fails mid-stream rejects with its own error and cancels the upload', async () => {
      const bytes = seededBytes(`${name}/bad-source`, 3 * MiB);
      await expect(
        client.uploadStream(`${proxy.host}/stream/bad`, streamOf(bytes, { failAfter: 1 * MiB })),
      ).rejects.toMatchObject({ code: 'SRC_DIGEST_MISMATCH' });
      expect(requests('DELETE')).toBe(1);
      expect(requests('PUT')).toBe(0);
      expect(target.openUploads?.() ?? []).toEqual([]);
    });

    it('an abort stops the upload promptly and still cancels the session', async () => {
      const controller = new AbortController();
      const bytes = seededBytes(`${name}/abort`, 16 * MiB);
      const stream = streamOf(bytes, { delayMs: 2 });
      const started = Date.now();
      const pending = client.uploadStream(`${proxy.host}/stream/aborted`, stream, {
        signal: controller.signal,
        onProgress: (e) => {
          if (e.type === 'blob-progress' && e.bytes >= 1 * MiB) controller.abort(new Error('user cancelled'));
        },
      });
      await expect(pending).rejects.toThrow('user cancelled');
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(stream.destroyed).toBe(true);
      expect(requests('DELETE')).toBe(1);
      expect(requests('PUT')).toBe(0);
      expect(target.openUploads?.() ?? []).toEqual([]);
    });
  });
}

suite('the bundled registry', async () => {
  const { registry, url, storageDir } = await startRegistry({ fsync: false });
  return { url, openUploads: () => openUploads(storageDir), stop: () => registry.close() };
});

describeWithTools(DISTRIBUTION_TOOLS, 'uploadStream to CNCF distribution', () => {
  suite('distribution', async () => {
    const distribution = await startDistribution();
    return { url: distribution.url, stop: () => distribution.stop() };
  });
});

describe('uploadStream with token auth (the bundled registry)', () => {
  it('asks for a push token: a write token uploads, a read token is refused before any byte is sent', async () => {
    const fixture = await createAuthFixture();
    const { registry, url } = await fixture.start();
    const host = url.replace('http://', '');
    const clientWith = (password: string): RegistryClient =>
      new RegistryClient({ credentials: staticCredentials({ [host]: { username: 'buildkite', password } }) });
    const writer = clientWith(fixture.tokens.write);
    const reader = clientWith(fixture.tokens.read);
    try {
      const bytes = seededBytes('auth/streamed', 2 * MiB);
      const uploaded = await writer.uploadStream(`${host}/${PRIVATE}/streamed`, streamOf(bytes));
      expect(uploaded.digest).toBe(sha256(bytes));
      expect(await writer.blobExists(`${host}/${PRIVATE}/streamed`, uploaded.digest)).toBe(true);
      const stream = streamOf(bytes);
      await expect(reader.uploadStream(`${host}/${PRIVATE}/refused`, stream)).rejects.toMatchObject({
        code: expect.stringMatching(/^CLIENT_(DENIED|UNAUTHORIZED)$/),
      });
      expect(stream.destroyed).toBe(true);
      expect(stream.readableDidRead).toBe(false);
    } finally {
      await writer.close();
      await reader.close();
      await registry.close();
    }
  });
});
