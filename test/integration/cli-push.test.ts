/**
 * The bundled CLI end to end against a real CNCF distribution registry: push from an OCI layout
 * and a docker archive, login/logout through stdin, inspect, tags, copy, re-push; skopeo and
 * podman read back the same digests.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeExampleLayout } from '../../src/sources/index.js';
import {
  type ContainerTools,
  createContainerTools,
  DISTRIBUTION_TOOLS,
  type Distribution,
  describeWithTools,
  manifestDigest,
  newTempDir,
  startDistribution,
} from '../support/index.js';

const bin = fileURLToPath(new URL('../../bin/container-package', import.meta.url));
const USER = { username: 'cli-user', password: `secret-${randomUUID()}` };

describeWithTools(
  [...DISTRIBUTION_TOOLS, 'skopeo', 'podman'],
  'container-package push/login/inspect/copy',
  () => {
    let registry: Distribution | undefined;
    let authRegistry: Distribution | undefined;
    let tools: ContainerTools;
    let layout: { source: string; digest: string };
    let dockerConfig: string;

    const cli = (args: string[], input = '') =>
      execa(process.execPath, [bin, ...args], {
        reject: false,
        input,
        env: { DOCKER_CONFIG: dockerConfig, NO_COLOR: '1', CI: 'true' },
      });

    beforeAll(async () => {
      [registry, authRegistry] = await Promise.all([startDistribution(), startDistribution({ auth: USER })]);
      tools = createContainerTools({ insecureRegistries: [registry.host, authRegistry.host] });
      layout = await writeExampleLayout(join(newTempDir('layout'), 'oci'), {
        tag: 'v1',
        text: `hi ${randomUUID()}\n`,
      });
      dockerConfig = newTempDir('docker-config');
    });

    afterAll(async () => {
      await Promise.all([registry?.stop(), authRegistry?.stop()]);
    });

    it('pushes an OCI layout under several tags; registry, skopeo and podman agree', async () => {
      const { stdout, stderr, exitCode } = await cli([
        'push',
        layout.source,
        '--to',
        `${registry!.host}/team/app:v1`,
        '--tag',
        'latest',
        '--json',
      ]);
      expect(stderr).toBe('');
      expect(exitCode).toBe(0);
      const result = JSON.parse(stdout);
      expect(result.digest).toBe(layout.digest); // OCI layouts go byte for byte
      // One field style for every --json: snake_case.
      expect(result.media_type).toMatch(/^application\/vnd\./);
      expect(stdout).not.toMatch(/"[a-z]+[A-Z][a-zA-Z]*":/);
      expect(result.references).toEqual([
        `${registry!.host}/team/app:v1`,
        `${registry!.host}/team/app:latest`,
      ]);
      for (const tag of ['v1', 'latest'])
        expect(await manifestDigest(registry!.url, 'team/app', tag)).toBe(layout.digest);
      const inspect = await tools.skopeo(['inspect', `docker://${registry!.host}/team/app:v1`]);
      expect(JSON.parse(inspect.stdout).Digest).toBe(layout.digest);
      await tools.podman(['pull', '-q', `${registry!.host}/team/app:latest`]);
    });

    it('re-pushes nothing that is already there', async () => {
      const { stderr, exitCode } = await cli([
        'push',
        layout.source,
        '--to',
        `${registry!.host}/team/app:again`,
      ]);
      expect(exitCode).toBe(0);
      expect(stderr).toContain('already there');
      expect(stderr).not.toContain('uploading');
    });

    it('pushes a docker-archive, compressing its layers, and podman pulls it', async () => {
      const archive = join(newTempDir('archive'), 'image.tar');
      await tools.skopeo(['copy', layout.source, `docker-archive:${archive}:example/app:v1`]);
      const { stdout, exitCode, stderr } = await cli([
        'push',
        `docker-archive:${archive}`,
        '--to',
        `${registry!.host}/team/from-archive:v1`,
        '--json',
      ]);
      expect(stderr).toBe('');
      expect(exitCode).toBe(0);
      const result = JSON.parse(stdout);
      expect(result.digest).toBe(await manifestDigest(registry!.url, 'team/from-archive', 'v1'));
      const raw = JSON.parse(
        (await tools.skopeo(['inspect', '--raw', `docker://${registry!.host}/team/from-archive:v1`])).stdout,
      );
      expect(raw.layers[0].mediaType).toBe('application/vnd.docker.image.rootfs.diff.tar.gzip');
      await tools.podman(['pull', '-q', `${registry!.host}/team/from-archive:v1`]);

      // A re-push does not compress again what the registry holds (blob-info cache).
      const again = await cli([
        'push',
        `docker-archive:${archive}`,
        '--to',
        `${registry!.host}/team/from-archive:v2`,
      ]);
      expect(again.exitCode).toBe(0);
      expect(again.stderr).toContain('already there');
      expect(again.stderr).not.toContain('uploading');
      expect(await manifestDigest(registry!.url, 'team/from-archive', 'v2')).toBe(result.digest);
    });

    it('inspects an image with the product details', async () => {
      const { stdout, exitCode } = await cli([
        'inspect',
        `${registry!.host}/team/app:v1`,
        '--json',
        '--files',
      ]);
      expect(exitCode).toBe(0);
      const info = JSON.parse(stdout);
      expect(info.digest).toBe(layout.digest);
      expect(info.checksums.sha256).toBe(layout.digest.slice('sha256:'.length));
      expect(info.checksums.md5).toMatch(/^[a-f0-9]{32}$/);
      expect(info.checksums.sha512).toMatch(/^[a-f0-9]{128}$/);
      expect(info.total_files).toBe(1);
      expect(info.media_type).toMatch(/^application\/vnd\./);
      expect(JSON.stringify(info)).not.toMatch(/"[a-z]+[A-Z][a-zA-Z]*":/);
      expect(info.images[0].labels['org.opencontainers.image.title']).toBe('container-package example');
    });

    it('lists tags and copies between repositories keeping the digest', async () => {
      const tags = await cli(['tags', `${registry!.host}/team/app`, '--json']);
      // distribution 2.8 does not list tags in lexical order (a known conformance failure of it).
      expect(JSON.parse(tags.stdout).sort()).toEqual(['again', 'latest', 'v1']);
      const copy = await cli([
        'copy',
        `${registry!.host}/team/app:v1`,
        `${registry!.host}/promoted/app:stable`,
      ]);
      expect(copy.exitCode).toBe(0);
      expect(await manifestDigest(registry!.url, 'promoted/app', 'stable')).toBe(layout.digest);
    });

    it('logs in through stdin (0600 config), pushes with it, and logs out', async () => {
      const denied = await cli(['push', layout.source, '--to', `${authRegistry!.host}/team/app:v1`]);
      expect(denied.exitCode).toBe(3);

      const wrong = await cli(['login', authRegistry!.host, '-u', USER.username, '--password-stdin'], 'nope');
      expect(wrong.exitCode).toBe(3);

      const ok = await cli(
        ['login', authRegistry!.host, '-u', USER.username, '--password-stdin'],
        `${USER.password}\n`,
      );
      expect(ok.exitCode).toBe(0);
      const file = join(dockerConfig, 'config.json');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      for (const out of [ok.stdout, ok.stderr, wrong.stdout, wrong.stderr])
        expect(out).not.toContain(USER.password);

      const pushed = await cli(['push', layout.source, '--to', `${authRegistry!.host}/team/app:v1`]);
      expect(pushed.exitCode).toBe(0);
      expect(await manifestDigest(authRegistry!.url, 'team/app', 'v1', USER)).toBe(layout.digest);

      const out = await cli(['logout', authRegistry!.host]);
      expect(out.exitCode).toBe(0);
      expect(readFileSync(file, 'utf8')).not.toContain(authRegistry!.host);
    });

    it('refuses a token on the command line path and explains the options', async () => {
      const { exitCode, stderr } = await cli(['login', authRegistry!.host, '-u', 'x']);
      expect(exitCode).not.toBe(0);
      expect(stderr).toContain('--password-stdin');
    });
  },
);
