/**
 * Real clients through the bundled registry's auth, as against Buildkite Packages: docker logs in
 * with a write token (--password-stdin) and pushes and pulls; podman logs in with an OIDC JWT as
 * the password; skopeo with a read token is denied a push; anonymous pulls work on the public
 * registry only. Digests are checked against the registry's.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createContainerTools, type ContainerTools } from '../support/containers.js';
import { pushedDigest, startDockerd, type DockerEngine } from '../support/dockerd.js';
import { manifestDigest } from '../support/registry-http.js';
import { newTempDir, writeFiles } from '../support/temp-dir.js';
import { DOCKER_ENGINE_TOOLS, describeWithTools } from '../support/tools.js';
import { writeOciLayout } from './registry-cli-support.js';
import { PRIVATE, PUBLIC, createAuthFixture, type AuthFixture } from './registry-auth-support.js';
import type { TestRegistry } from './registry-support.js';

describeWithTools(
  [...DOCKER_ENGINE_TOOLS, 'podman', 'skopeo'],
  'docker, podman and skopeo log in to the bundled registry',
  () => {
    let fixture: AuthFixture;
    let reg: TestRegistry;
    let host: string;
    let engine: DockerEngine | undefined;
    let tools: ContainerTools;
    let context: string;

    beforeAll(async () => {
      fixture = await createAuthFixture();
      reg = await fixture.start();
      host = new URL(reg.url).host;
      engine = await startDockerd();
      tools = createContainerTools({ insecureRegistries: [host] });
      context = writeFiles(newTempDir('context'), {
        'hello.txt': `hello ${Date.now()}\n`,
        Dockerfile: 'FROM scratch\nCOPY hello.txt /hello.txt\n',
      });
    }, 180_000);

    afterAll(async () => {
      await engine?.stop();
      await reg?.registry.close();
    });

    const readAuth = () => ({ username: 'buildkite', password: fixture.tokens.read });

    it('docker login --password-stdin with a write token, then push and pull', async () => {
      const image = `${host}/${PRIVATE}/docker:v1`;
      await engine!.docker(['build', '-t', image, context]);
      const anonymous = await engine!.docker(['push', image], { reject: false });
      expect(anonymous.failed).toBe(true);
      expect(anonymous.stderr + anonymous.stdout).toMatch(/unauthorized|authentication required/i);
      const login = await engine!.docker(['login', host, '--username', 'buildkite', '--password-stdin'], {
        input: fixture.tokens.write,
      });
      expect(login.stdout + login.stderr).toContain('Login Succeeded');
      const push = await engine!.docker(['push', image]);
      const digest = pushedDigest(push.stdout);
      expect(await manifestDigest(reg.url, `${PRIVATE}/docker`, 'v1', readAuth())).toBe(digest);
      await engine!.docker(['rmi', image]);
      const pull = await engine!.docker(['pull', image]);
      expect(pull.stdout).toContain(digest);
      await engine!.docker(['logout', host]);
      await engine!.docker(['rmi', image]);
      const denied = await engine!.docker(['pull', image], { reject: false });
      expect(denied.failed).toBe(true);
    });

    it("docker login with a wrong token fails with the registry's reason", async () => {
      const login = await engine!.docker(['login', host, '--username', 'buildkite', '--password-stdin'], {
        input: 'bkpt_wrong',
        reject: false,
      });
      expect(login.failed).toBe(true);
      expect(login.stderr).toContain('not known to this registry');
    });

    it('podman login with an OIDC JWT as the password pushes; podman pulls the public registry anonymously', async () => {
      const image = `${host}/${PRIVATE}/podman:v1`;
      await tools.podman(['build', '-q', '-t', image, '-f', join(context, 'Dockerfile'), context]);
      await tools.podman(
        ['login', '--tls-verify=false', '--username', 'buildkite', '--password-stdin', host],
        { input: fixture.oidc(PRIVATE) },
      );
      await tools.podman(['push', '--tls-verify=false', image]);
      const digest = await manifestDigest(reg.url, `${PRIVATE}/podman`, 'v1', readAuth());
      await tools.podman(['logout', host]);
      const published = `${host}/${PUBLIC}/podman:v1`;
      await tools.podman(['tag', image, published]);
      await tools.podman([
        'push',
        '--tls-verify=false',
        '--creds',
        `buildkite:${fixture.tokens.write}`,
        published,
      ]);
      await tools.podman(['rmi', image, published]);
      await tools.podman(['pull', '--tls-verify=false', published]);
      const pulled = await tools.podman(['image', 'inspect', '--format', '{{.Digest}}', published]);
      expect(pulled.stdout.trim()).toBe(digest);
      const denied = await tools.podman(['pull', '--tls-verify=false', image], { reject: false });
      expect(denied.failed).toBe(true);
      expect(denied.stderr).toMatch(/unauthorized|authentication required/i);
    });

    it('podman login with an OIDC JWT whose claims miss the policy cannot push', async () => {
      const image = `${host}/${PRIVATE}/podman:v2`;
      await tools.podman(['tag', `${host}/${PUBLIC}/podman:v1`, image]);
      await tools.podman(
        ['login', '--tls-verify=false', '--username', 'buildkite', '--password-stdin', host],
        {
          input: fixture.oidc(PRIVATE, { build_branch: 'feature/x' }),
        },
      );
      const push = await tools.podman(['push', '--tls-verify=false', image], { reject: false });
      await tools.podman(['logout', host]);
      expect(push.failed).toBe(true);
      // containers/image reports the status of the blob HEAD that failed; the raw-HTTP auth tests
      // check the message the registry sends with it.
      expect(push.stderr).toMatch(/403|forbidden|denied/i);
    });

    it('skopeo with a read token is denied a push; with a delete token it deletes', async () => {
      const { dir } = writeOciLayout(join(newTempDir('layout'), 'img'), 64 * 1024, 5);
      const denied = await tools.skopeo(
        [
          'copy',
          '--dest-creds',
          `buildkite:${fixture.tokens.read}`,
          `oci:${dir}:latest`,
          `docker://${host}/${PRIVATE}/skopeo:v1`,
        ],
        { reject: false },
      );
      expect(denied.failed).toBe(true);
      expect(denied.stderr).toContain('push needs write_packages');
      await tools.skopeo([
        'copy',
        '--dest-creds',
        `buildkite:${fixture.tokens.write}`,
        `oci:${dir}:latest`,
        `docker://${host}/${PRIVATE}/skopeo:v1`,
      ]);
      const noDelete = await tools.skopeo(
        ['delete', '--creds', `buildkite:${fixture.tokens.write}`, `docker://${host}/${PRIVATE}/skopeo:v1`],
        { reject: false },
      );
      expect(noDelete.failed).toBe(true);
      await tools.skopeo([
        'delete',
        '--creds',
        `buildkite:${fixture.tokens.delete}`,
        `docker://${host}/${PRIVATE}/skopeo:v1`,
      ]);
      await expect(manifestDigest(reg.url, `${PRIVATE}/skopeo`, 'v1', readAuth())).rejects.toThrow(/404/);
      expect((await reg.registry.fsck()).problems).toEqual([]);
    });
  },
);
