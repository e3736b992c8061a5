/**
 * The plugin with OIDC against the bundled registry, as in production against Buildkite
 * Packages: the recording buildkite-agent stand-in mints real JWTs signed by a test key that the
 * registry's OIDC policy trusts. An image built by the real `docker build` in the command is
 * pushed, skopeo reads it back with the same digest, and the annotation and meta-data carry it;
 * a pipeline the policy does not allow gets an annotation with the cause and the fix.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createToken } from '../../src/registry/index.js';
import { type FakeAgent, installFakeAgent } from '../support/buildkite-agent/index.js';
import {
  BuildkiteJob,
  type ContainerTools,
  createContainerTools,
  type Daemon,
  DOCKER_ENGINE_TOOLS,
  type DockerEngine,
  describeWithTools,
  freePort,
  manifestDigest,
  newTempDir,
  startDaemon,
  startDockerd,
  writeBuildContext,
} from '../support/index.js';

const bin = fileURLToPath(new URL('../../bin/container-package', import.meta.url));
const ISSUER = 'https://agent.buildkite.com';

describeWithTools(
  [...DOCKER_ENGINE_TOOLS, 'skopeo'],
  'Buildkite plugin with OIDC and the bundled registry',
  () => {
    let engine: DockerEngine | undefined;
    let registry: Daemon | undefined;
    let agent: FakeAgent;
    let host: string;
    let url: string;
    let readToken: string;
    let tools: ContainerTools;

    beforeAll(async () => {
      engine = await startDockerd();
      agent = installFakeAgent();
      const dir = newTempDir('bundled-registry');
      const port = await freePort();
      host = `127.0.0.1:${port}`;
      url = `http://${host}`;
      const tokensFile = join(dir, 'tokens.json');
      readToken = (await createToken(tokensFile, { registries: ['acme/images'], scopes: ['read'] })).token;
      const config = join(dir, 'registry.yaml');
      const policy = (pipeline: string) => [
        `      - iss: ${ISSUER}`,
        '        scopes: [read_packages, write_packages]',
        '        claims:',
        '          organization_slug: acme',
        `          pipeline_slug: ${pipeline}`,
      ];
      writeFileSync(
        config,
        [
          `listen: ${host}`,
          'storage: ./data',
          `tokens-file: ${tokensFile}`,
          'oidc:',
          '  issuers:',
          `    - issuer: ${ISSUER}`,
          `      jwks-file: ${agent.jwksPath}`,
          'registries:',
          '  - name: acme/images',
          '    visibility: private',
          '    oidc-policy:',
          ...policy('web'),
          '  - name: acme/locked',
          '    visibility: private',
          '    oidc-policy:',
          ...policy('some-other-pipeline'),
          '',
        ].join('\n'),
      );
      registry = await startDaemon({
        name: 'container-package registry',
        command: process.execPath,
        args: [bin, 'registry', 'serve', '--config', config],
        logFile: join(dir, 'registry.log'),
        ready: async () => (await fetch(`${url}/v2/`)).status === 401,
      });
      tools = createContainerTools({ insecureRegistries: [host] });
    });

    afterAll(async () => {
      await Promise.all([engine?.stop(), registry?.stop()]);
    });

    const job = (registryName: string) =>
      new BuildkiteJob(
        agent.jobEnv({
          BUILDKITE_PLUGIN_CONFIGURATION: JSON.stringify({
            registry: [{ url: `${host}/${registryName}`, auth: 'oidc', audience: `${url}/${registryName}` }],
            images: [{ source: 'docker:app:ci', name: 'app', tags: ['{{build.number}}', '{{branch}}'] }],
          }),
          DOCKER_HOST: engine!.env.DOCKER_HOST,
          DOCKER_CONFIG: engine!.env.DOCKER_CONFIG,
        }),
      );

    it('pushes with a fresh OIDC token; skopeo, the annotation and meta-data agree on the digest', async () => {
      const j = job('acme/images');
      for (const hook of ['environment', 'pre-command']) {
        const run = await j.hook(hook);
        expect(run.exitCode, run.stderr).toBe(0);
      }
      const built = await j.command(
        `docker build -q -t app:ci ${writeBuildContext(`oidc ${randomUUID()}\n`)}`,
      );
      expect(built.exitCode, built.stderr).toBe(0);
      const post = await j.hook('post-command');
      expect(post.exitCode, post.stderr).toBe(0);

      const auth = { username: 'buildkite', password: readToken };
      const digest = await manifestDigest(url, 'acme/images/app', '42', auth);
      expect(await manifestDigest(url, 'acme/images/app', 'main', auth)).toBe(digest);
      const inspect = await tools.skopeo([
        'inspect',
        '--creds',
        `buildkite:${readToken}`,
        `docker://${host}/acme/images/app:42`,
      ]);
      expect(JSON.parse(inspect.stdout).Digest).toBe(digest);

      const [annotation] = Object.values(agent.annotations());
      expect(annotation!.body).toContain(`${host}/acme/images/app@${digest}`);
      expect(Object.values(agent.metaData())).toContain(digest);

      // Tokens were minted with the registry's audience and a 300 s lifetime, never put in argv.
      const mints = agent.calls().filter((c) => c.argv[0] === 'oidc');
      expect(mints.length).toBeGreaterThanOrEqual(2); // pre-command login, and again right before the push
      for (const call of mints) {
        expect(call.argv).toEqual(
          expect.arrayContaining(['--audience', `${url}/acme/images`, '--lifetime', '300']),
        );
      }
      const tokens = agent.redactions().filter((v) => v.split('.').length === 3);
      expect(tokens.length).toBeGreaterThanOrEqual(2);
      for (const token of tokens) {
        for (const call of agent.calls()) expect(call.argv.join(' ')).not.toContain(token);
        expect(j.output()).not.toContain(token);
      }
      expect((await j.hook('pre-exit')).exitCode).toBe(0);
    });

    it('annotates a policy refusal with the cause and the fix, and fails the step', async () => {
      const j = job('acme/locked');
      expect((await j.hook('environment')).exitCode).toBe(0);
      // Logging in succeeds (the registry knows who we are); the policy refuses the push itself.
      expect((await j.hook('pre-command')).exitCode).toBe(0);
      const built = await j.command(
        `docker build -q -t app:ci ${writeBuildContext(`locked ${randomUUID()}\n`)}`,
      );
      expect(built.exitCode, built.stderr).toBe(0);
      const post = await j.hook('post-command');
      expect(post.exitCode).not.toBe(0);
      expect(post.stderr).toMatch(/policy/i);
      const errors = Object.values(agent.annotations()).filter((a) => a.style === 'error');
      expect(errors).toHaveLength(1);
      // A 403: the registry knows the pipeline, but no policy statement grants it write_packages.
      expect(errors[0]!.body).toContain('(403)');
      expect(errors[0]!.body).toMatch(/OIDC policy/);
      expect(errors[0]!.body).toContain('write\\_packages');
      const head = await fetch(`${url}/v2/acme/locked/app/manifests/42`, {
        method: 'HEAD',
        headers: { authorization: `Basic ${Buffer.from(`buildkite:${readToken}`).toString('base64')}` },
      });
      expect(head.status).not.toBe(200);
      expect((await j.hook('pre-exit')).exitCode).toBe(0);
    });
  },
);
