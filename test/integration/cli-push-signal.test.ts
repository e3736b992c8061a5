/**
 * Ctrl-C / SIGTERM in the middle of a push, with the real CLI as a child process: it cancels the
 * open upload session (a DELETE of the upload URL), removes its temporary layer directory and
 * exits 130 with CLI_INTERRUPTED.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newTempDir } from '../support/index.js';
import { type FaultProxy, startFaultProxy } from '../support/fault-proxy.js';
import { waitFor } from '../support/wait.js';
import { LayoutWriter, randomLayer } from '../unit/sources/fixtures.js';
import { type TestRegistry, openUploads, startRegistry } from './registry-support.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/container-package');

let registry: TestRegistry;
let proxy: FaultProxy;
let source: string;
beforeAll(async () => {
  registry = await startRegistry({ fsync: false });
  proxy = await startFaultProxy(registry.url);
  const dir = newTempDir('layout');
  const w = new LayoutWriter(dir);
  const layers = [await randomLayer(11, 2, 1024 * 1024), await randomLayer(12, 2, 1024 * 1024)];
  w.writeIndexJson([w.image({ layers, gzip: false }).descriptor], ['v1']);
  source = `oci:${dir}:v1`;
});
afterAll(async () => {
  await proxy?.close();
  await registry?.registry.close();
});

it.each(['SIGTERM', 'SIGINT'] as const)(
  '%s mid-push cancels the upload, removes temporary files and exits 130',
  async (signal) => {
    proxy.reset();
    // Every blob upload's body is held: the push is stuck with sessions open.
    proxy.addRule({ method: 'PATCH', path: /\/blobs\/uploads\//, action: { kind: 'stall' } });
    proxy.addRule({ method: 'PUT', path: /\/blobs\/uploads\//, action: { kind: 'stall' } });
    const tmp = newTempDir('tmpdir');
    const home = newTempDir('home');
    const child = spawn(
      process.execPath,
      [bin, 'push', source, '--to', `${proxy.host}/team/app:v1`, '--insecure', proxy.host, '--retries', '0'],
      {
        env: { PATH: process.env.PATH, TMPDIR: tmp, HOME: home, NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await waitFor(
        // Both layers' sessions open and held, so no session is being opened (a POST whose answer
        // an abort cuts off leaves a session the client never learnt the URL of) when the signal comes.
        () =>
          proxy.requests.filter((r) => r.fault === 'stall').length === 2 &&
          openUploads(registry.storageDir).length === 2,
        { description: 'both layers uploading, held by the proxy', timeoutMs: 20_000 },
      );
      child.kill(signal);
      const code = await Promise.race([
        exited,
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error(`no exit after ${signal}: ${stderr}`)), 20_000),
        ),
      ]);
      expect(code).toBe(130);
      expect(stderr).toContain('Code: CLI_INTERRUPTED');
      expect(proxy.requests.some((r) => r.method === 'DELETE' && r.path.includes('/blobs/uploads/'))).toBe(
        true,
      );
      await waitFor(() => openUploads(registry.storageDir).length === 0, {
        description: 'no upload session left open',
        timeoutMs: 10_000,
      });
      expect(readdirSync(tmp).filter((name) => name.startsWith('container-package-'))).toEqual([]);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  },
  40_000,
);
