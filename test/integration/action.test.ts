/**
 * The GitHub Action as the runner runs it: the committed dist/action/main.js and post.js, each in
 * a process of its own, with INPUT_* variables and the GITHUB_OUTPUT / GITHUB_STATE /
 * GITHUB_STEP_SUMMARY / GITHUB_ENV files (see action-runner.ts). Images come from a real dockerd
 * and an OCI layout; they go to CNCF distribution (token and docker-config logins) and to the
 * bundled registry (OIDC tokens from a loopback GitHub ID-token endpoint, checked against the
 * registry's OIDC policy). Digests are checked with skopeo.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ImageOutput } from '../../src/ci/github/index.js';
import { storeCredentials } from '../../src/client/index.js';
import { createIsolatedDockerConfig } from '../../src/docker-config/index.js';
import { writeExampleLayout } from '../../src/sources/index.js';
import {
  createContainerTools,
  describeWithTools,
  DISTRIBUTION_TOOLS,
  DOCKER_ENGINE_TOOLS,
  isAlive,
  newTempDir,
  startDistribution,
  startDockerd,
  writeFiles,
  type ContainerTools,
  type Distribution,
  type DockerEngine,
} from '../support/index.js';
import {
  createTestKeys,
  GITHUB_ISSUER,
  startGitHubOidcServer,
  writeJwks,
  type GitHubOidcServer,
  type TestKeys,
} from '../support/oidc.js';
import {
  createJob,
  expectNoSecretLeft,
  maskedValues,
  startBundledRegistry,
  type BundledRegistry,
  type Job,
} from './action-fixtures.js';
import { runAction, runActionStep, type StepResult } from './action-runner.js';

const USER = { username: 'action-user', password: `pw-${randomUUID()}` };

describeWithTools(
  [...DOCKER_ENGINE_TOOLS, ...DISTRIBUTION_TOOLS, 'skopeo'],
  'GitHub Action (dist bundle)',
  () => {
    let engine: DockerEngine | undefined;
    let distribution: Distribution | undefined;
    let bundled: BundledRegistry | undefined;
    let oidc: GitHubOidcServer | undefined;
    let keys: TestKeys;
    let tools: ContainerTools;
    const leftoverPids: number[] = [];

    beforeAll(async () => {
      keys = createTestKeys();
      const jwks = writeJwks(join(newTempDir('jwks'), 'jwks.json'), keys);
      await Promise.all([
        startDockerd().then((e) => (engine = e)),
        startDistribution({ auth: USER }).then((d) => (distribution = d)),
        startBundledRegistry(jwks, GITHUB_ISSUER).then((b) => (bundled = b)),
        startGitHubOidcServer({ keys }).then((s) => (oidc = s)),
      ]);
      tools = createContainerTools({ insecureRegistries: [distribution!.host, bundled!.host] });
      const context = writeFiles(newTempDir('context'), {
        'hello.txt': `hello from the action test ${randomUUID()}\n`,
        Dockerfile: 'FROM scratch\nCOPY hello.txt /hello.txt\n',
      });
      await engine!.docker(['build', '-q', '-t', 'app:ci', context]);
    });

    afterAll(async () => {
      for (const pid of leftoverPids) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
      await Promise.all([engine?.stop(), distribution?.stop(), bundled?.daemon.stop(), oidc?.close()]);
    });

    /** A job with the example OCI layout at `layout/` (tag v1) in its workspace. */
    async function newJob(extraEnv: Record<string, string> = {}): Promise<Job> {
      const job = createJob(engine!.env.DOCKER_HOST, extraEnv);
      await writeExampleLayout(join(job.workspace, 'layout'), {
        tag: 'v1',
        text: `layout ${randomUUID()}\n`,
      });
      return job;
    }

    async function skopeoDigest(reference: string, creds?: string): Promise<string> {
      const args = ['inspect', ...(creds ? ['--creds', creds] : []), `docker://${reference}`];
      return (JSON.parse((await tools.skopeo(args)).stdout) as { Digest: string }).Digest;
    }

    /** Every pushed reference resolves, for skopeo, to the digest the outputs report. */
    async function expectDigestsSeenBySkopeo(main: StepResult, creds?: string): Promise<ImageOutput[]> {
      const images = JSON.parse(main.outputs.images!) as ImageOutput[];
      for (const image of images) {
        for (const reference of image.references)
          expect(await skopeoDigest(reference, creds), reference).toBe(image.digest);
        expect(main.summary).toContain(`docker pull ${image.pinned}`);
      }
      expect(main.outputs.digest).toBe(images[0]!.digest);
      expect(main.summary).toContain(main.outputs['pull-instructions']!);
      return images;
    }

    it('token login: pushes a dockerd image and an OCI layout, outputs what skopeo sees, leaves no credential', async () => {
      const job = await newJob();
      const runnerConfig = '{"auths":{},"experimental":"enabled"}\n';
      writeFileSync(join(job.runnerDockerConfig, 'config.json'), runnerConfig);
      const { main, post } = await runAction({
        inputs: {
          registry: `${distribution!.host}/team`,
          username: USER.username,
          token: USER.password,
          images: 'docker:app:ci\noci:layout:v1 -> example',
          tags: '{{build.number}}\n{{branch}}-{{commit.short}}',
        },
        env: job.env,
        workspace: job.workspace,
        dir: newTempDir('steps'),
      });
      expect(main.exitCode, main.stdout + main.stderr).toBe(0);
      const images = await expectDigestsSeenBySkopeo(main, `${USER.username}:${USER.password}`);
      expect(images.map((i) => [i.name, i.repository, i.tags])).toEqual([
        ['app', `${distribution!.host}/team/app`, ['42', 'main-fedcba9']],
        ['example', `${distribution!.host}/team/example`, ['42', 'main-fedcba9']],
      ]);
      expect(maskedValues(main)).toEqual([USER.password]);
      // docker pushed the engine image (reading the step's own config), with no credential in argv.
      expect(readFileSync(job.dockerArgvLog, 'utf8')).toContain(`push ${distribution!.host}/team/app:42`);
      const stepConfig = main.state['docker-config']!;
      expect(stepConfig.startsWith(job.runnerTemp)).toBe(true);
      expect(existsSync(stepConfig)).toBe(false);
      expect(post.exitCode, post.stdout).toBe(0);
      expect(readFileSync(join(job.runnerDockerConfig, 'config.json'), 'utf8')).toBe(runnerConfig);
      expectNoSecretLeft(job, [main, post], [USER.password], USER.username);
    });

    it("docker-config login: uses the runner's earlier login through the step's copy, and leaves it as it was", async () => {
      const job = await newJob();
      const auth = Buffer.from(`${USER.username}:${USER.password}`).toString('base64');
      const runnerConfig = `${JSON.stringify({ auths: { [distribution!.host]: { auth } } }, null, '\t')}\n`;
      writeFileSync(join(job.runnerDockerConfig, 'config.json'), runnerConfig);
      const { main, post } = await runAction({
        inputs: { registry: `${distribution!.host}/mirror`, images: 'oci:layout:v1 -> example', tags: 'v1' },
        env: job.env,
        workspace: job.workspace,
        dir: newTempDir('steps'),
      });
      expect(main.exitCode, main.stdout + main.stderr).toBe(0);
      expect(await expectDigestsSeenBySkopeo(main, `${USER.username}:${USER.password}`)).toHaveLength(1);
      expect(post.exitCode).toBe(0);
      expect(existsSync(main.state['docker-config']!)).toBe(false);
      expect(readFileSync(join(job.runnerDockerConfig, 'config.json'), 'utf8')).toBe(runnerConfig);
    });

    it('OIDC: mints a token per push from the ID-token endpoint, which the bundled registry policy trusts', async () => {
      const job = await newJob({
        ACTIONS_ID_TOKEN_REQUEST_URL: oidc!.url,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidc!.requestToken,
      });
      const before = oidc!.requests.length;
      const { main, post } = await runAction({
        inputs: {
          registry: `${bundled!.host}/acme/images`,
          auth: 'oidc',
          audience: bundled!.audience,
          images: 'docker:app:ci\noci:layout:v1 -> example',
          tags: '{{build.number}}, latest',
        },
        env: job.env,
        workspace: job.workspace,
        dir: newTempDir('steps'),
      });
      expect(main.exitCode, main.stdout + main.stderr).toBe(0);
      const images = await expectDigestsSeenBySkopeo(main);
      expect(images.map((i) => i.repository)).toEqual([
        `${bundled!.host}/acme/images/app`,
        `${bundled!.host}/acme/images/example`,
      ]);
      expect(oidc!.requests.slice(before)).toEqual([
        { audience: bundled!.audience, authorized: true },
        { audience: bundled!.audience, authorized: true },
      ]);
      // Each token is masked as soon as it is minted (by core.getIDToken, and again by the action).
      // Two mints in the same second may give the same JWT, so count the mask commands.
      expect(maskedValues(main).length).toBeGreaterThanOrEqual(4);
      const tokens = [...new Set(maskedValues(main))];
      expect(post.exitCode).toBe(0);
      expectNoSecretLeft(job, [main, post], [...tokens, oidc!.requestToken], 'buildkite');
    });

    it('packages-host: `registry: acme/images` goes to the bundled registry, with the audience of that host', async () => {
      const job = await newJob({
        ACTIONS_ID_TOKEN_REQUEST_URL: oidc!.url,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidc!.requestToken,
      });
      const before = oidc!.requests.length;
      const { main, post } = await runAction({
        inputs: {
          registry: 'acme/images',
          'packages-host': bundled!.host,
          images: 'docker:app:ci -> hosted',
          tags: 'ph-{{build.number}}',
        },
        env: job.env,
        workspace: job.workspace,
        dir: newTempDir('steps'),
      });
      expect(main.exitCode, main.stdout + main.stderr).toBe(0);
      const images = await expectDigestsSeenBySkopeo(main);
      expect(images.map((i) => i.repository)).toEqual([`${bundled!.host}/acme/images/hosted`]);
      // OIDC is the default for a Packages registry, and the audience followed the host.
      expect(oidc!.requests.slice(before)).toEqual([{ audience: bundled!.audience, authorized: true }]);
      expect(bundled!.audience).toBe(`https://${bundled!.host}/acme/images`);
      expect(post.exitCode).toBe(0);
    });

    it('OIDC refused by the policy: fails with the cause, and the summary says what GitHub needs', async () => {
      const outsider = await startGitHubOidcServer({ keys, claims: { repository: 'someone/else' } });
      try {
        const job = await newJob({
          ACTIONS_ID_TOKEN_REQUEST_URL: outsider.url,
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: outsider.requestToken,
        });
        const { main, post } = await runAction({
          inputs: {
            registry: `${bundled!.host}/acme/images`,
            auth: 'oidc',
            audience: bundled!.audience,
            images: 'oci:layout:v1 -> example',
          },
          env: job.env,
          workspace: job.workspace,
          dir: newTempDir('steps'),
        });
        expect(main.exitCode).toBe(1);
        expect(main.stdout).toMatch(/^::error::.*\(CLIENT_(UNAUTHORIZED|DENIED)\)/m);
        expect(main.summary).toContain('### Publishing container images failed');
        expect(main.summary).toContain('**On GitHub Actions**');
        expect(main.summary).toContain(bundled!.audience);
        // The claims that did not match, with this workflow's values, and a statement it matches.
        expect(main.summary).toContain('Claims that did not match: `repository` (this job: `someone/else`)');
        expect(main.summary).toContain(
          [
            '- iss: https://token.actions.githubusercontent.com',
            '  scopes: [read_packages, write_packages]',
            '  claims:',
            '    repository: someone/else',
            '    ref: refs/heads/main',
          ].join('\n'),
        );
        expect(main.summary).not.toContain('OWNER/REPO');
        expect(main.outputs).toEqual({});
        expect(post.exitCode).toBe(0);
        expect(existsSync(main.state['docker-config']!)).toBe(false);
      } finally {
        await outsider.close();
      }
    });

    it('local-registry: starts the bundled registry for the job, pushes there, exports it; post stops it', async () => {
      const job = await newJob();
      const dir = newTempDir('steps');
      const inputs = { 'local-registry': 'true', images: 'oci:layout:v1 -> example', tags: 'ci' };
      const main = await runActionStep({
        step: 'main',
        inputs,
        env: job.env,
        workspace: job.workspace,
        dir: join(dir, 'main'),
      });
      expect(main.exitCode, main.stdout + main.stderr).toBe(0);
      const local = JSON.parse(main.state['local-registry']!) as {
        pid: number;
        address: string;
        storage: string;
      };
      leftoverPids.push(local.pid);
      expect(main.outputs['local-registry']).toBe(local.address);
      expect(main.exportedEnv).toEqual({
        CONTAINER_PACKAGE_LOCAL_REGISTRY: local.address,
        CONTAINER_PACKAGE_BUILDKIT_CACHE: expect.stringMatching(
          new RegExp(`^${local.address}/cache/[a-z0-9-]+:buildcache$`),
        ),
      });
      expect(local.storage.startsWith(job.runnerTemp)).toBe(true);
      // Between main and post (the job's later steps) the registry serves what was pushed.
      expect(isAlive(local.pid)).toBe(true);
      tools.addInsecureRegistry(local.address);
      expect(await skopeoDigest(`${local.address}/example:ci`)).toBe(main.outputs.digest);
      const post = await runActionStep({
        step: 'post',
        inputs,
        env: { ...job.env, ...main.exportedEnv },
        state: main.state,
        workspace: job.workspace,
        dir: join(dir, 'post'),
      });
      expect(post.exitCode, post.stdout).toBe(0);
      expect(post.stdout).toContain(`Stopped the local registry at ${local.address}`);
      expect(isAlive(local.pid)).toBe(false);
      expect(existsSync(local.storage)).toBe(false);
    });

    it('local-registry-mirror: starts the registry as a pull-through cache and exports the mirror prefix', async () => {
      const job = await newJob();
      const dir = newTempDir('steps');
      const inputs = { 'local-registry-mirror': 'docker.io, ghcr.io' };
      const main = await runActionStep({
        step: 'main',
        inputs,
        env: job.env,
        workspace: job.workspace,
        dir: join(dir, 'main'),
      });
      expect(main.exitCode, main.stdout + main.stderr).toBe(0);
      const local = JSON.parse(main.state['local-registry']!) as {
        pid: number;
        address: string;
        storage: string;
      };
      leftoverPids.push(local.pid);
      expect(main.exportedEnv).toMatchObject({
        CONTAINER_PACKAGE_LOCAL_REGISTRY: local.address,
        CONTAINER_PACKAGE_MIRROR_PREFIX: `${local.address}/docker.io`,
        CONTAINER_PACKAGE_MIRROR_PREFIXES: `${local.address}/docker.io ${local.address}/ghcr.io`,
      });
      expect((await fetch(`http://${local.address}/v2/`)).status).toBe(200);
      // Pushing into a mirrored prefix is refused: it is a cache of the upstream.
      const push = await fetch(`http://${local.address}/v2/docker.io/library/app/blobs/uploads/`, {
        method: 'POST',
      });
      expect(push.status).toBe(403);
      const post = await runActionStep({
        step: 'post',
        inputs,
        env: { ...job.env, ...main.exportedEnv },
        state: main.state,
        workspace: job.workspace,
        dir: join(dir, 'post'),
      });
      expect(post.exitCode, post.stdout).toBe(0);
      expect(isAlive(local.pid)).toBe(false);
    });

    it('a wrong token: fails with the registry cause and a fix, in the log and the summary; nothing leaks', async () => {
      const job = await newJob();
      const wrong = `wrong-${randomUUID()}`;
      const { main, post } = await runAction({
        inputs: {
          registry: distribution!.host,
          username: USER.username,
          token: wrong,
          images: 'oci:layout:v1 -> example',
        },
        env: job.env,
        workspace: job.workspace,
        dir: newTempDir('steps'),
      });
      expect(main.exitCode).toBe(1);
      expect(main.stdout).toMatch(/^::error::.*\(CLIENT_UNAUTHORIZED\)/m);
      expect(main.summary).toContain('**Cause** `CLIENT_UNAUTHORIZED`');
      expect(main.summary).toContain('**Fix**');
      expect(post.exitCode).toBe(0);
      expectNoSecretLeft(job, [main, post], [wrong], USER.username);
    });

    it('bad inputs fail before anything happens, and post is safe after it', async () => {
      const job = await newJob();
      const { main, post } = await runAction({
        inputs: { images: 'docker:app:ci', tags: 'v1' },
        env: job.env,
        workspace: job.workspace,
        dir: newTempDir('steps'),
      });
      expect(main.exitCode).toBe(1);
      expect(main.stdout).toContain(
        '::error::`registry` is empty: there is nowhere to push the images (CI_INPUT_MISSING)',
      );
      expect(main.summary).toContain('`CI_INPUT_MISSING`');
      expect(main.state).toEqual({});
      expect(post.exitCode).toBe(0);
      expect(post.stdout).toBe('');
    });

    it('OIDC without id-token permission: CI_OIDC_UNAVAILABLE naming the permission', async () => {
      const job = await newJob();
      const { main } = await runAction({
        inputs: {
          registry: `${bundled!.host}/acme/images`,
          auth: 'oidc',
          audience: bundled!.audience,
          images: 'oci:layout:v1 -> example',
        },
        env: job.env,
        workspace: job.workspace,
        dir: newTempDir('steps'),
      });
      expect(main.exitCode).toBe(1);
      expect(main.stdout).toContain('(CI_OIDC_UNAVAILABLE)');
      // The summary escapes Markdown punctuation in the hint; unescaped it reads:
      expect(main.summary.replace(/\\/g, '')).toContain('`permissions: id-token: write`');
    });

    it('post alone cleans up what a killed main left: logs out and removes the step config, sparing other dirs', async () => {
      const job = await newJob();
      const stepConfig = join(job.runnerTemp, 'container-package-docker-killed');
      const made = createIsolatedDockerConfig({ source: job.runnerDockerConfig, tmpRoot: job.runnerTemp });
      await storeCredentials(distribution!.host, USER, { configDir: made.dir });
      const state = {
        'docker-config': made.dir,
        'logged-in': JSON.stringify([`${distribution!.host}/team`]),
      };
      const post = await runActionStep({
        step: 'post',
        inputs: {},
        env: job.env,
        state,
        workspace: job.workspace,
        dir: newTempDir('post'),
      });
      expect(post.exitCode).toBe(0);
      expect(existsSync(made.dir)).toBe(false);
      expectNoSecretLeft(job, [post], [USER.password], USER.username);
      // A DOCKER_CONFIG that is not the action's (no marker file) is never removed.
      writeFiles(stepConfig, { 'config.json': '{}' });
      const refused = await runActionStep({
        step: 'post',
        inputs: {},
        env: job.env,
        state: { 'docker-config': stepConfig },
        workspace: job.workspace,
        dir: newTempDir('post'),
      });
      expect(refused.exitCode).toBe(0);
      expect(refused.stdout).toContain('::warning::');
      expect(existsSync(join(stepConfig, 'config.json'))).toBe(true);
    });
  },
);
