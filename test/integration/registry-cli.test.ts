/**
 * `container-package registry …` from the real bundle, as a child process: serve (one ready line,
 * JSON logs on stderr, graceful SIGTERM with an upload in flight, refusal to listen open on a
 * non-loopback address), fsck, and token create/list/revoke used by skopeo for real.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createContainerTools, type ContainerTools } from '../support/containers.js';
import { newTempDir } from '../support/temp-dir.js';
import { describeWithTools } from '../support/tools.js';
import { execa } from 'execa';
import {
  BIN,
  cli,
  killAllServes,
  requireBundle,
  startServe,
  writeOciLayout,
} from './registry-cli-support.js';
import { pushImage, send } from './registry-support.js';

beforeAll(() => requireBundle());
afterAll(() => killAllServes());

describe('registry serve', () => {
  test('prints one ready line, logs JSON to stderr, and on SIGTERM finishes the upload in flight, then exits 0', async () => {
    const storage = newTempDir('serve');
    const serve = await startServe(['--listen', '127.0.0.1:0', '--storage', storage]);
    expect(serve.stdout()).toMatch(/^registry listening on http:\/\/127\.0\.0\.1:\d+\n$/);
    const start = await send(serve.url, 'POST', '/v2/cli/app/blobs/uploads/');
    expect(start.status).toBe(202);
    const blob = Buffer.alloc(5 * 64 * 1024, 7);
    const target = new URL(serve.url);
    const upload = new Promise<number>((resolve, reject) => {
      const req = request(
        { host: target.hostname, port: target.port, method: 'PATCH', path: start.headers.get('location')! },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      let sent = 0;
      const tick = setInterval(() => {
        req.write(blob.subarray(sent * 65536, (sent + 1) * 65536));
        if (++sent === 5) {
          clearInterval(tick);
          req.end();
        }
      }, 150);
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    serve.child.kill('SIGTERM');
    expect(await upload).toBe(202);
    expect(await serve.exited).toEqual({ code: 0, signal: null });
    await expect(fetch(`${serve.url}/v2/`)).rejects.toThrow();
    const logs = serve
      .stderr()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logs).toContainEqual(
      expect.objectContaining({ msg: 'request', route: 'upload', method: 'PATCH', status: 202 }),
    );
    expect(logs).toContainEqual(expect.objectContaining({ msg: 'shutting down', signal: 'SIGTERM' }));
    expect(serve.stdout().split('\n').filter(Boolean)).toHaveLength(1);
  });

  test('refuses an open registry on a non-loopback address unless --insecure-listen', async () => {
    const storage = newTempDir('serve');
    const refused = await startServe(['--listen', '0.0.0.0:0', '--storage', storage]).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(refused).toMatchObject({ code: 2 }); // a configuration error (README "Exit codes")
    expect((refused as { stderr: string }).stderr).toContain('refusing to listen on 0.0.0.0');
    expect((refused as { stderr: string }).stderr).toContain('--insecure-listen');
    const allowed = await startServe(['--listen', '0.0.0.0:0', '--storage', storage, '--insecure-listen']);
    allowed.child.kill('SIGINT');
    expect(await allowed.exited).toEqual({ code: 0, signal: null });
  });

  test('a bad config file fails naming the key', async () => {
    const file = join(newTempDir('config'), 'registry.yaml');
    writeFileSync(file, 'registries:\n  - name: acme/images\n    visibilty: public\n');
    const result = await cli(['registry', 'serve', '--config', file]);
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain('registries[0].visibilty: unknown key "visibilty"');
  });
});

describe("registry serve: the launcher's fast path (dist/fast.js)", () => {
  const bundle = join(BIN, '../../dist/fast.js');
  /** Runs `runFast(['registry', 'serve', ...args])` from the bundle in a child and reports what it returned. */
  function serveFast(args: string[]) {
    const code = `const { runFast } = await import(${JSON.stringify(bundle)}); console.log('served=' + (await runFast(${JSON.stringify(['registry', 'serve', ...args])})));`;
    return execa(process.execPath, ['--input-type=module', '-e', code], { reject: false, timeout: 30_000 });
  }

  test('plain flags: serves until SIGTERM, then reports it served', async () => {
    const storage = newTempDir('fast');
    const child = serveFast(['--listen', '127.0.0.1:0', '--storage', storage]);
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('registry listening on http://127.0.0.1:')) child.kill('SIGTERM');
    });
    const result = await child;
    expect(result.stdout).toMatch(/^registry listening on http:\/\/127\.0\.0\.1:\d+\nserved=true$/);
    // `served=true` comes after the shutdown: SIGTERM drained the registry and serveFast returned.
  });

  test.each([
    ['--help', ['--help']],
    ['an unknown flag', ['--port', '5000']],
    ['a flag without its value', ['--listen']],
    ['a config file that cannot be read', ['--config', '/nonexistent/registry.yaml']],
    ['a listen address it must refuse', ['--listen', '0.0.0.0:0', '--storage', '/tmp/never-created']],
  ])('%s: leaves it to the oclif command, having written nothing', async (_, args) => {
    const result = await serveFast(args);
    expect(result.stdout).toBe('served=false');
    expect(result.stderr).toBe('');
  });

  test("its flags are the oclif command's flags", async () => {
    const { SERVE_FLAGS } = await import('../../src/cli/fast/serve.js');
    const { default: ServeCommand } = await import('../../src/cli/commands/registry/serve.js');
    const declared = Object.fromEntries(
      Object.entries(ServeCommand.flags).map(([name, flag]) => [
        name,
        flag.type === 'boolean' ? 'boolean' : 'string',
      ]),
    );
    expect(Object.fromEntries(Object.entries(SERVE_FLAGS).map(([name, f]) => [name, f.type]))).toEqual(
      declared,
    );
  });

  test("--help still prints the command's help", async () => {
    const result = await cli(['registry', 'serve', '--help']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('--insecure-listen');
  });
});

describe('registry fsck', () => {
  test('exit 0 on a clean store, 1 with the problem when a blob is corrupt; --json', async () => {
    const storage = newTempDir('fsck');
    const serve = await startServe(['--listen', '127.0.0.1:0', '--storage', storage]);
    await pushImage(serve.url, 'fsck/app', 'v1');
    serve.child.kill('SIGTERM');
    await serve.exited;
    const clean = await cli(['registry', 'fsck', '--storage', storage]);
    expect(clean.exitCode).toBe(0);
    expect(clean.stdout).toContain('ok: no problems found');
    const json = JSON.parse((await cli(['registry', 'fsck', '--storage', storage, '--json'])).stdout) as {
      ok: boolean;
      blobs: number;
    };
    expect(json).toMatchObject({ ok: true, blobs: 3 });
    const dir = join(storage, 'blobs', 'sha256');
    const prefix = readdirSync(dir)[0]!;
    const name = readdirSync(join(dir, prefix))[0]!;
    writeFileSync(join(dir, prefix, name), 'corrupted');
    const bad = await cli(['registry', 'fsck', '--storage', storage]);
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toContain(`corrupt-blob: blobs/sha256/${prefix}/${name}`);
    const missing = await cli(['registry', 'fsck', '--storage', join(storage, 'nope')]);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toContain('no registry storage at');
  });
});

describe('registry token', () => {
  test('create prints the token once, list shows ids not secrets, revoke removes it', async () => {
    const dir = newTempDir('tokens');
    const file = join(dir, 'tokens.json');
    const created = await cli([
      'registry',
      'token',
      'create',
      '--registry',
      'acme/images',
      '--scope',
      'write',
      '--description',
      'CI push',
      '--tokens-file',
      file,
    ]);
    expect(created.exitCode).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^bkpt_[A-Za-z0-9_-]{43}$/);
    const id = /created token (tok_[0-9a-f]{12})/.exec(created.stderr)![1]!;
    const list = await cli(['registry', 'token', 'list', '--tokens-file', file]);
    expect(list.stdout).toContain(`${id}\tacme/images\tread_packages,write_packages\t`);
    expect(list.stdout).toContain('CI push');
    expect(list.stdout + list.stderr).not.toContain(token);
    const asJson = JSON.parse(
      (await cli(['registry', 'token', 'list', '--tokens-file', file, '--json'])).stdout,
    ) as object[];
    expect(asJson).toEqual([expect.not.objectContaining({ sha256: expect.anything() })]);
    expect((await cli(['registry', 'token', 'revoke', id, '--tokens-file', file])).stdout).toContain(
      `revoked ${id}`,
    );
    const again = await cli(['registry', 'token', 'revoke', id, '--tokens-file', file]);
    expect(again.exitCode).not.toBe(0);
    expect(again.stderr).toContain('token list');
    const bad = await cli([
      'registry',
      'token',
      'create',
      '--registry',
      'acme',
      '--scope',
      'read',
      '--tokens-file',
      file,
    ]);
    expect(bad.exitCode).not.toBe(0);
    expect(bad.stderr).toContain('invalid registry "acme"');
  });
});

describeWithTools(
  ['skopeo'],
  'skopeo against `registry serve --config` with tokens from `registry token create`',
  () => {
    let tools: ContainerTools;
    let config: string;
    let storage: string;
    let layout: string;
    let layoutDigest: string;

    beforeAll(() => {
      const dir = newTempDir('skopeo-cli');
      storage = join(dir, 'storage');
      config = join(dir, 'registry.yaml');
      writeFileSync(config, `storage: storage\nregistries:\n  - name: acme/images\n`);
      ({ dir: layout, digest: layoutDigest } = writeOciLayout(join(dir, 'layout'), 256 * 1024));
      tools = createContainerTools();
    });

    test('a write token pushes; a read token is denied push and says why; a revoked token is refused', async () => {
      const make = async (scope: string) => {
        const result = await cli([
          'registry',
          'token',
          'create',
          '--config',
          config,
          '--registry',
          'acme/images',
          '--scope',
          scope,
        ]);
        expect(result.exitCode, result.stderr).toBe(0);
        return { token: result.stdout.trim(), id: /created token (tok_\w+)/.exec(result.stderr)![1]! };
      };
      const write = await make('write');
      const read = await make('read');
      const unknown = await cli([
        'registry',
        'token',
        'create',
        '--config',
        config,
        '--registry',
        'acme/other',
        '--scope',
        'read',
      ]);
      expect(unknown.stderr).toContain('acme/other is not a registry of');
      const serve = await startServe(['--listen', '127.0.0.1:0', '--config', config]);
      const host = new URL(serve.url).host;
      tools.addInsecureRegistry(host);
      try {
        await tools.skopeo([
          'copy',
          '--dest-creds',
          `buildkite:${write.token}`,
          `oci:${layout}:latest`,
          `docker://${host}/acme/images/app:v1`,
        ]);
        const pulled = await send(serve.url, 'HEAD', '/v2/acme/images/app/manifests/v1', {
          headers: {
            Authorization: `Basic ${Buffer.from(`buildkite:${read.token}`).toString('base64')}`,
            Accept: 'application/vnd.oci.image.manifest.v1+json',
          },
        });
        expect(pulled.headers.get('docker-content-digest')).toBe(layoutDigest);
        const denied = await tools.skopeo(
          [
            'copy',
            '--dest-creds',
            `buildkite:${read.token}`,
            `oci:${layout}:latest`,
            `docker://${host}/acme/images/app:v2`,
          ],
          { reject: false },
        );
        expect(denied.failed).toBe(true);
        expect(denied.stderr).toContain('push needs write_packages');
        expect(denied.stderr).not.toContain(read.token);
        await cli(['registry', 'token', 'revoke', write.id, '--config', config]);
        const revoked = await tools.skopeo(
          [
            'copy',
            '--dest-creds',
            `buildkite:${write.token}`,
            `oci:${layout}:latest`,
            `docker://${host}/acme/images/app:v3`,
          ],
          { reject: false },
        );
        expect(revoked.failed).toBe(true);
        expect(revoked.stderr).toContain('not known to this registry');
      } finally {
        serve.child.kill('SIGTERM');
        expect((await serve.exited).code).toBe(0);
      }
      const fsck = await cli(['registry', 'fsck', '--config', config]);
      expect(fsck.exitCode).toBe(0);
      expect(fsck.stdout).toContain(storage);
    });
  },
);
