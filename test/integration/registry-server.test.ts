/**
 * The registry server itself: graceful close, the authorizer seam, unexpected errors, and the
 * periodic purge of expired uploads.
 */
import { writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, test } from 'vitest';
import type { AccessRequest, Authorizer } from '../../src/registry/index.js';
import { DiskStore } from '../../src/registry/index.js';
import { newTempDir } from '../support/temp-dir.js';
import { digestOf, send, startRegistry } from './registry-support.js';

describe('graceful close', () => {
  test('an upload in flight when close() is called finishes; new connections are refused', async () => {
    const { registry, url } = await startRegistry({ fsync: false });
    const start = await send(url, 'POST', '/v2/slow/blobs/uploads/');
    const location = start.headers.get('location')!;
    const target = new URL(url);
    const status = new Promise<number>((resolve, reject) => {
      const req = request(
        { host: target.hostname, port: target.port, method: 'PATCH', path: location },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      let sent = 0;
      const tick = setInterval(() => {
        req.write(Buffer.alloc(1024, 1));
        if (++sent === 5) {
          clearInterval(tick);
          req.end();
        }
      }, 40);
    });
    await sleep(60);
    const closed = registry.close();
    expect(await status).toBe(202);
    await closed;
    await expect(fetch(`${url}/v2/`)).rejects.toThrow();
    await registry.close(); // twice is fine
  });
});

describe('the authorizer seam', () => {
  test('each request is asked about with its repository and actions; 401 and 403 become OCI errors', async () => {
    const asked: AccessRequest[] = [];
    const authorizer: Authorizer = {
      authorize: (_req, access) => {
        asked.push(access);
        if (access.actions.includes('delete')) return Promise.resolve({ ok: false, status: 403 });
        if (access.repository === 'locked') {
          return Promise.resolve({
            ok: false,
            status: 401,
            challenge: 'Bearer realm="https://auth.example/token",service="reg"',
          });
        }
        if (access.repository === 'hidden') return Promise.resolve({ ok: false, status: 403 });
        return Promise.resolve({ ok: true });
      },
    };
    const { registry, url } = await startRegistry({ authorizer, fsync: false });
    try {
      expect((await send(url, 'GET', '/v2/')).status).toBe(200);
      const locked = await send(url, 'GET', '/v2/locked/tags/list');
      expect(locked.status).toBe(401);
      expect(locked.errorCode).toBe('UNAUTHORIZED');
      expect(locked.headers.get('www-authenticate')).toBe(
        'Bearer realm="https://auth.example/token",service="reg"',
      );
      const denied = await send(url, 'DELETE', `/v2/open/blobs/${digestOf('x')}`);
      expect(denied.status).toBe(403);
      expect(denied.errorCode).toBe('DENIED');
      // A mount from a repository the caller may not pull from becomes a plain upload.
      const mount = await send(url, 'POST', `/v2/open/blobs/uploads/?mount=${digestOf('x')}&from=hidden`);
      expect(mount.status).toBe(202);
      expect(asked).toEqual([
        { repository: '', actions: [] },
        { repository: 'locked', actions: ['pull'] },
        { repository: 'open', actions: ['delete'] },
        // The mount's source is named as optional access (for a token challenge's scope).
        { repository: 'open', actions: ['push'], optional: { repository: 'hidden', actions: ['pull'] } },
        { repository: 'hidden', actions: ['pull'] },
      ]);
    } finally {
      await registry.close();
    }
  });
});

describe('unexpected errors', () => {
  test('become a 500 UNKNOWN that says nothing about the cause, and are reported to onError', async () => {
    class BrokenDisk extends DiskStore {
      override getBlob(): never {
        throw new Error('disk on fire at /secret/path');
      }
    }
    const reported: unknown[] = [];
    const store = new BrokenDisk({ root: newTempDir('broken') });
    const { registry, url } = await startRegistry({ store, onError: (error) => reported.push(error) });
    try {
      const reply = await send(url, 'GET', `/v2/a/blobs/${digestOf('x')}`);
      expect(reply.status).toBe(500);
      expect(reply.json()).toEqual({ errors: [{ code: 'UNKNOWN', message: 'internal server error' }] });
      expect(reply.body.toString()).not.toContain('secret');
      expect(reported).toHaveLength(1);
      expect((reported[0] as Error).message).toContain('disk on fire');
    } finally {
      await registry.close();
    }
  });
});

describe('expired uploads', () => {
  test('are purged periodically while the server runs', async () => {
    const storageDir = newTempDir('purge');
    const { registry, url } = await startRegistry({
      storageDir,
      purgeIntervalMs: 50,
      uploadExpiryMs: 60_000,
      fsync: false,
    });
    try {
      const old = (await send(url, 'POST', '/v2/p/blobs/uploads/')).headers.get('location')!;
      const fresh = (await send(url, 'POST', '/v2/p/blobs/uploads/')).headers.get('location')!;
      const oldId = old.split('/').at(-1)!;
      await writeFile(
        join(storageDir, 'repositories', 'p', '_uploads', oldId, 'startedat'),
        '2001-01-01T00:00:00Z',
      );
      await sleep(300);
      expect((await send(url, 'GET', old)).status).toBe(404);
      expect((await send(url, 'GET', fresh)).status).toBe(204);
    } finally {
      await registry.close();
    }
  });
});
