/**
 * `registry serve --workers 2`: two processes behind one listening socket on one storage
 * directory. Every request below goes on a new connection, which node:cluster hands to the
 * workers in turn, so consecutive requests reach different workers: a re-tag or a delete through
 * one is seen by the next request to the other, an upload continues across them, `/metrics`
 * answers for both, package statistics add up, a killed worker is replaced, the storage lock is
 * the primary's, and a signal stops them all.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTempDir } from '../support/temp-dir.js';
import {
  BIN,
  cli,
  killAllServes,
  requireBundle,
  startServe,
  type ServeProcess,
} from './registry-cli-support.js';
import { OCI_MANIFEST, digestOf, pushImage, randomBytes } from './registry-support.js';

const MiB = 1024 * 1024;

/** One request on a connection of its own (no keep-alive), so the cluster picks a worker for it. */
function fresh(
  base: string,
  method: string,
  path: string,
  init: { headers?: Record<string, string>; body?: Buffer } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method, path, headers: init.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

/** `worker="N"` → requests answered on `route`, from the merged `/metrics`. */
async function requestsByWorker(base: string, route: string): Promise<Map<string, number>> {
  const text = (await fresh(base, 'GET', '/metrics')).body.toString();
  const counts = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^registry_http_requests_total\{worker="(\d+)",route="([^"]+)"[^}]*\} (\d+)$/.exec(line);
    if (match === null || match[2] !== route) continue;
    counts.set(match[1]!, (counts.get(match[1]!) ?? 0) + Number(match[3]));
  }
  return counts;
}

/** The PIDs the primary logged in `workers listening`. */
function workerPids(serve: ServeProcess): number[] {
  const line = serve
    .stderr()
    .split('\n')
    .find((l) => l.includes('"workers listening"'));
  return (JSON.parse(line!) as { pids: number[] }).pids;
}

/** True once the primary logged a replacement not in `pids` (which it is then added to). */
function replacement(serve: ServeProcess, pids: number[]): boolean {
  for (const match of serve.stderr().matchAll(/"worker replaced","worker":\d+,"pid":(\d+)/g)) {
    const pid = Number(match[1]);
    if (!pids.includes(pid)) {
      pids.push(pid);
      return true;
    }
  }
  return false;
}

/** The PIDs whose parent is `pid`. */
function children(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

async function until(condition: () => boolean | Promise<boolean>, ms = 15_000, everyMs = 100): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('registry serve --workers 2', () => {
  let serve: ServeProcess;
  let storage: string;

  beforeAll(async () => {
    requireBundle();
    storage = join(newTempDir('workers'), 'storage');
    serve = await startServe(['--workers', '2', '--listen', '127.0.0.1:0', '--storage', storage]);
  }, 60_000);

  afterAll(() => killAllServes());

  it('starts two workers beside the primary, which prints the one listening line', () => {
    const pids = workerPids(serve);
    expect(pids).toHaveLength(2);
    expect(pids).not.toContain(serve.child.pid);
    expect(pids.every(alive)).toBe(true);
    expect(serve.stdout()).toBe(`registry listening on ${serve.url}\n`);
  });

  it('a re-tag through one worker is seen by the next request to every worker', async () => {
    let stale = 0;
    for (let round = 1; round <= 8; round += 1) {
      const image = await pushImage(serve.url, 'team/app', 'latest', round);
      for (let i = 0; i < 6; i += 1) {
        const head = await fresh(serve.url, 'HEAD', '/v2/team/app/manifests/latest', {
          headers: { Accept: OCI_MANIFEST },
        });
        if (head.headers['docker-content-digest'] !== image.digest) stale += 1;
      }
    }
    expect(stale).toBe(0);
    const heads = await requestsByWorker(serve.url, 'manifest');
    expect([...heads.keys()].sort()).toEqual(['0', '1']);
  });

  it('a delete through one worker is seen by the next request to every worker', async () => {
    const image = await pushImage(serve.url, 'team/gone', 'v1', 11);
    for (let i = 0; i < 4; i += 1) {
      expect((await fresh(serve.url, 'GET', '/v2/team/gone/manifests/v1')).status).toBe(200);
    }
    expect((await fresh(serve.url, 'DELETE', `/v2/team/gone/manifests/${image.digest}`)).status).toBe(202);
    for (let i = 0; i < 6; i += 1) {
      expect((await fresh(serve.url, 'HEAD', '/v2/team/gone/manifests/v1')).status).toBe(404);
      expect((await fresh(serve.url, 'HEAD', `/v2/team/gone/manifests/${image.digest}`)).status).toBe(404);
    }
  });

  it('an upload session continues on whichever worker gets the next request', async () => {
    const bytes = randomBytes(3 * MiB, 5);
    const digest = digestOf(bytes);
    const start = await fresh(serve.url, 'POST', '/v2/team/big/blobs/uploads/');
    expect(start.status).toBe(202);
    let location = String(start.headers.location);
    for (let offset = 0; offset < bytes.length; offset += MiB) {
      const patch = await fresh(serve.url, 'PATCH', location, {
        headers: {
          'Content-Type': 'application/octet-stream',
          'Content-Range': `${offset}-${offset + MiB - 1}`,
        },
        body: bytes.subarray(offset, offset + MiB),
      });
      expect(patch.status, patch.body.toString()).toBe(202);
      location = String(patch.headers.location);
    }
    const put = await fresh(
      serve.url,
      'PUT',
      `${location}${location.includes('?') ? '&' : '?'}digest=${digest}`,
    );
    expect(put.status, put.body.toString()).toBe(201);
    for (let i = 0; i < 2; i += 1) {
      const blob = await fresh(serve.url, 'GET', `/v2/team/big/blobs/${digest}`);
      expect(blob.body.equals(bytes)).toBe(true);
    }
  });

  it('/metrics answers for every worker, each sample labelled, each family once', async () => {
    const text = (await fresh(serve.url, 'GET', '/metrics')).body.toString();
    expect(text.match(/^# TYPE registry_http_requests_total counter$/gm)).toHaveLength(1);
    expect(text).toMatch(/^process_resident_memory_bytes\{worker="0"\} \d+/m);
    expect(text).toMatch(/^process_resident_memory_bytes\{worker="1"\} \d+/m);
  });

  it('package statistics are kept per worker and summed when read', async () => {
    const image = await pushImage(serve.url, 'team/counted', 'v1', 21);
    for (let i = 0; i < 10; i += 1) {
      expect((await fresh(serve.url, 'GET', '/v2/team/counted/manifests/v1')).status).toBe(200);
    }
    const downloads = async (): Promise<number | undefined> => {
      const reply = await fresh(serve.url, 'GET', '/api/v1/registries/team/packages/counted');
      if (reply.status !== 200) return undefined;
      const body = JSON.parse(reply.body.toString()) as { tags: { tag: string; downloads: number }[] };
      return body.tags.find((t) => t.tag === 'v1')?.downloads;
    };
    // Each worker writes its counts within a second; the others read them every few seconds.
    await until(async () => (await downloads()) === 10 && (await downloads()) === 10, 20_000);
    expect(image.digest).toMatch(/^sha256:/);
    await until(() => existsSync(join(storage, 'package-stats')));
  }, 30_000);

  it('a second registry on the directory is refused, naming the primary', async () => {
    const second = await cli(['registry', 'serve', '--listen', '127.0.0.1:0', '--storage', storage]);
    expect(second.exitCode).toBe(1);
    expect(second.stderr).toContain(`PID ${serve.child.pid}`);
    expect(second.stderr).toContain('registry.lock');
  });

  it('a killed worker is replaced and the registry keeps serving', async () => {
    const [victim] = workerPids(serve);
    process.kill(victim!, 'SIGKILL');
    await until(() => serve.stderr().includes('"worker replaced"'));
    expect(serve.stderr()).toContain('"worker died: starting another"');
    for (let i = 0; i < 6; i += 1) {
      expect((await fresh(serve.url, 'HEAD', '/v2/team/counted/manifests/v1')).status).toBe(200);
    }
  });

  it('SIGTERM to the primary stops every worker, exits 0 and releases the lock', async () => {
    const pids = [...workerPids(serve)];
    const replaced = /"worker replaced","worker":\d+,"pid":(\d+)/.exec(serve.stderr());
    if (replaced !== null) pids.push(Number(replaced[1]));
    serve.child.kill('SIGTERM');
    expect(await serve.exited).toEqual({ code: 0, signal: null });
    await until(() => pids.every((pid) => !alive(pid)), 5_000);
    expect(existsSync(join(storage, 'registry.lock'))).toBe(false);
    expect(serve.stderr()).toContain('"stopped"');
  });
});

describe('registry serve --workers: start-up and signals', () => {
  beforeAll(() => requireBundle());
  afterAll(() => killAllServes());

  it('Ctrl-C (SIGINT to the whole process group) stops the primary and its workers without restarts', async () => {
    const storage = join(newTempDir('workers-sigint'), 'storage');
    const serve = await startServe(['--workers', '2', '--listen', '127.0.0.1:0', '--storage', storage]);
    const pids = workerPids(serve);
    // What a terminal does: the signal goes to every process of the foreground group.
    for (const pid of [serve.child.pid!, ...pids]) process.kill(pid, 'SIGINT');
    expect(await serve.exited).toEqual({ code: 0, signal: null });
    await until(() => pids.every((pid) => !alive(pid)), 5_000);
    expect(serve.stderr()).not.toContain('worker died');
    expect(existsSync(join(storage, 'registry.lock'))).toBe(false);
  });

  it('Ctrl-C while the workers start stops the registry once, with 0, and nothing is started again', async () => {
    const storage = join(newTempDir('workers-early-sigint'), 'storage');
    const child = spawn(
      process.execPath,
      [BIN, 'registry', 'serve', '--workers', '2', '--listen', '127.0.0.1:0', '--storage', storage],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NO_COLOR: '1' },
        detached: true,
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      // The workers are forked and still loading (they have not caught SIGINT yet): a terminal's
      // Ctrl-C reaches the whole process group.
      // Polled often: at every 100 ms an idle machine could finish starting them in between.
      await until(() => children(child.pid!).length > 0, 20_000, 5);
      process.kill(-child.pid!, 'SIGINT');
      const code = await Promise.race([
        exited,
        new Promise<'hung'>((r) => setTimeout(() => r('hung'), 10_000)),
      ]);
      expect(code, `${out}\n${err}`).toBe(0);
      expect(out).not.toContain('registry listening on');
      expect(err).not.toContain('workers listening');
      expect(existsSync(join(storage, 'registry.lock'))).toBe(false);
    } finally {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // gone
      }
    }
  }, 40_000);

  it('a port in use fails the start with the workers’ error, and leaves nothing running', async () => {
    const storage = join(newTempDir('workers-port'), 'storage');
    const holder = await startServe(['--listen', '127.0.0.1:0', '--storage', join(storage, '..', 'other')]);
    const port = new URL(holder.url).port;
    const failed = await cli([
      'registry',
      'serve',
      '--workers',
      '2',
      '--listen',
      `127.0.0.1:${port}`,
      '--storage',
      storage,
    ]);
    expect(failed.exitCode).toBe(1);
    expect(failed.stderr).toContain(`cannot listen on 127.0.0.1:${port}: the port is already in use`);
    expect(existsSync(join(storage, 'registry.lock'))).toBe(false);
    holder.child.kill('SIGTERM');
    await holder.exited;
  });

  it('workers that keep dying stop the registry with REGISTRY_WORKER_FAILED, printed as the CLI prints errors', async () => {
    const storage = join(newTempDir('workers-dying'), 'storage');
    const serve = await startServe(['--workers', '2', '--listen', '127.0.0.1:0', '--storage', storage]);
    const pids = [...workerPids(serve)];
    for (let death = 0; death < 6 && alive(serve.child.pid!); death += 1) {
      const victim = pids[pids.length - 1]!;
      process.kill(victim, 'SIGKILL');
      await until(
        () => !alive(victim) && (serve.stderr().includes('"workers keep dying') || replacement(serve, pids)),
      );
    }
    expect(await serve.exited).toEqual({ code: 1, signal: null });
    expect(serve.stderr()).toContain('registry workers died 6 times within 60 s');
    expect(serve.stderr()).toContain('REGISTRY_WORKER_FAILED');
    // Not Node's dump of an uncaught error.
    expect(serve.stderr()).not.toMatch(/^\s+at /m);
    expect(existsSync(join(storage, 'registry.lock'))).toBe(false);
  }, 60_000);

  it('--workers takes auto or 1 to 64, and says so otherwise', async () => {
    for (const bad of ['0', 'many', '65']) {
      const result = await cli(['registry', 'serve', '--workers', bad, '--listen', '127.0.0.1:0']);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain('--workers: expected auto or a whole number from 1 to 64');
    }
  });
});

describe('a directory shared by several registries (storage: { shared: true })', () => {
  beforeAll(() => requireBundle());
  afterAll(() => killAllServes());

  it('two processes serve it without the lock; a re-tag through one is seen through the other', async () => {
    const dir = newTempDir('shared-dir');
    const config = join(dir, 'registry.yaml');
    writeFileSync(
      config,
      [
        `storage: { directory: ${JSON.stringify(join(dir, 'storage'))}, shared: true }`,
        'gc: { interval: 0s }',
      ].join('\n'),
    );
    const [a, b] = await Promise.all([
      startServe(['--config', config, '--listen', '127.0.0.1:0']),
      startServe(['--config', config, '--listen', '127.0.0.1:0']),
    ]);
    expect(existsSync(join(dir, 'storage', 'registry.lock'))).toBe(false);
    const tagOf = async (base: string) =>
      (await fresh(base, 'HEAD', '/v2/shared/app/manifests/v1', { headers: { Accept: OCI_MANIFEST } }))
        .headers['docker-content-digest'];
    const first = await pushImage(a.url, 'shared/app', 'v1', 31);
    expect(await tagOf(b.url)).toBe(first.digest);
    const second = await pushImage(a.url, 'shared/app', 'v1', 32);
    expect(await tagOf(b.url)).toBe(second.digest);
    a.child.kill('SIGTERM');
    b.child.kill('SIGTERM');
    await Promise.all([a.exited, b.exited]);
  });
});
