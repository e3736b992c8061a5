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
import { startFaultProxy } from '../support/fault-proxy.js';
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
          // No leeway: a token minted for 3 s is refused 3 s later, as the lifetime test needs.
          '  clock-skew: 0s',
          // As Buildkite Packages: the audience is https://{host}/{org}/{registry}.
          `  audience-prefix: https://${host}`,
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
            registry: [
              { url: `${host}/${registryName}`, auth: 'oidc', audience: `https://${host}/${registryName}` },
            ],
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
      // The login hint names the user the plugin logged in as, not a placeholder.
      expect(annotation!.body).toContain(`docker login ${host} -u buildkite --password-stdin`);
      expect(Object.values(agent.metaData())).toContain(digest);

      // Tokens were minted with the registry's audience and a 300 s lifetime, never put in argv.
      const mints = agent.calls().filter((c) => c.argv[0] === 'oidc');
      expect(mints.length).toBeGreaterThanOrEqual(2); // pre-command login, and again right before the push
      for (const call of mints) {
        expect(call.argv).toEqual(
          expect.arrayContaining(['--audience', `https://${host}/acme/images`, '--lifetime', '300']),
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

    it('fails a policy mismatch at pre-command, before the command, naming the claims and a statement that matches', async () => {
      const j = job('acme/locked');
      expect((await j.hook('environment')).exitCode).toBe(0);
      // The login proves the push: the registry's 403 fails the job before the command runs.
      const pre = await j.hook('pre-command');
      expect(pre.exitCode).not.toBe(0);
      expect(pre.stderr).toContain('container-package: login failed');
      expect(pre.stderr).not.toContain('logged in');
      // The registry's own reason, from the body of its answer.
      expect(pre.stderr).toContain(
        'no OIDC policy statement of acme/locked matches claims organization_slug=acme pipeline_slug=web',
      );
      // Told once (the CLI's Error:/Code:/Hint: lines), not also by the hook before them.
      expect(pre.stderr.split('no OIDC policy statement of acme/locked').length - 1).toBe(1);
      expect(pre.stderr).toMatch(/^Code: CLIENT_DENIED$/m);
      expect(pre.stderr).not.toMatch(/insecure/);
      const errors = Object.values(agent.annotations()).filter((a) => a.style === 'error');
      expect(errors).toHaveLength(1);
      const body = errors[0]!.body;
      expect(body).toMatch(/^### Logging in to the registry failed/);
      expect(body).toContain("The registry refused this job's OIDC token (403).");
      expect(body).toContain('Claims that did not match: `pipeline_slug` (this job: `web`).');
      expect(body).toContain(
        [
          '- iss: https://agent.buildkite.com',
          '  scopes: [read_packages, write_packages]',
          '  claims:',
          '    organization_slug: acme',
          '    pipeline_slug: web',
        ].join('\n'),
      );
      expect(body).not.toContain('Write Packages');
      // Nothing was written by the check (it opened an upload and cancelled it).
      const head = await fetch(`${url}/v2/acme/locked/app/tags/list`, {
        headers: { authorization: `Basic ${Buffer.from(`buildkite:${readToken}`).toString('base64')}` },
      });
      expect(head.status).not.toBe(200);
      expect((await j.hook('pre-exit')).exitCode).toBe(0);
    });

    it('with push: never, pre-command checks the login only (nothing will be pushed)', async () => {
      const j = new BuildkiteJob(
        agent.jobEnv({
          BUILDKITE_PLUGIN_CONFIGURATION: JSON.stringify({
            registry: [{ url: `${host}/acme/locked`, auth: 'oidc', audience: `https://${host}/acme/locked` }],
            images: ['docker:app:ci'],
            push: 'never',
          }),
        }),
      );
      expect((await j.hook('environment')).exitCode).toBe(0);
      const pre = await j.hook('pre-command');
      expect(pre.exitCode, pre.stderr).toBe(0);
      expect(pre.stderr).toContain(`logged in to ${host}/acme/locked (oidc)`);
      expect(pre.stderr).not.toContain('may push');
      expect((await j.hook('pre-exit')).exitCode).toBe(0);
    });

    it('keeps OIDC tokens fresh: 3 s tokens and a push of three tags that takes longer', async () => {
      const proxy = await startFaultProxy(url);
      try {
        // Every manifest PUT (one per tag) arrives 4 s late: each token is dead before the next tag.
        proxy.addRule({ method: 'PUT', path: /\/manifests\//, action: { kind: 'delay', ms: 4000 } });
        const j = new BuildkiteJob(
          agent.jobEnv({
            BUILDKITE_PLUGIN_CONFIGURATION: JSON.stringify({
              registry: [
                { url: `${proxy.host}/acme/images`, auth: 'oidc', audience: `https://${host}/acme/images` },
              ],
              images: [{ source: 'docker:app:ci', name: 'slow', tags: ['one', 'two', 'three'] }],
            }),
            BUILDKITE_AGENT_STANDIN_OIDC_MAX_LIFETIME: '3',
            DOCKER_HOST: engine!.env.DOCKER_HOST,
            DOCKER_CONFIG: engine!.env.DOCKER_CONFIG,
          }),
        );
        for (const hook of ['environment', 'pre-command']) {
          const run = await j.hook(hook);
          expect(run.exitCode, run.stderr).toBe(0);
        }
        const built = await j.command(
          `docker build -q -t app:ci ${writeBuildContext(`fresh ${randomUUID()}\n`)}`,
        );
        expect(built.exitCode, built.stderr).toBe(0);
        const post = await j.hook('post-command');
        expect(post.exitCode, post.stderr).toBe(0);
        const auth = { username: 'buildkite', password: readToken };
        const digest = await manifestDigest(url, 'acme/images/slow', 'one', auth);
        for (const tag of ['two', 'three']) {
          expect(await manifestDigest(url, 'acme/images/slow', tag, auth)).toBe(digest);
        }
        expect(proxy.requests.filter((r) => r.fault === 'delay').length).toBeGreaterThanOrEqual(3);
        // A token per tag at least (they live 3 s), never one reused across tags.
        const mints = agent.calls().filter((c) => c.argv[0] === 'oidc');
        expect(mints.length).toBeGreaterThanOrEqual(4);
        expect((await j.hook('pre-exit')).exitCode).toBe(0);
      } finally {
        await proxy.close();
      }
    });

    it.each([
      ['the packages-host key', { 'packages-host': 'HOST' }, {}],
      ['CONTAINER_PACKAGE_PACKAGES_HOST', {}, { CONTAINER_PACKAGE_PACKAGES_HOST: 'HOST' }],
    ])(
      '%s points `registry: acme/images` at the bundled registry, OIDC audience included',
      async (_name, key, env) => {
        const fill = (o: Record<string, string>) =>
          Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v.replace('HOST', host)]));
        const name = `hosted-${randomUUID().slice(0, 8)}`;
        const before = agent.calls().length;
        const j = new BuildkiteJob(
          agent.jobEnv({
            BUILDKITE_PLUGIN_CONFIGURATION: JSON.stringify({
              registry: 'acme/images',
              ...fill(key),
              images: [{ source: 'docker:app:ci', name, tags: ['{{build.number}}'] }],
            }),
            ...fill(env),
            DOCKER_HOST: engine!.env.DOCKER_HOST,
            DOCKER_CONFIG: engine!.env.DOCKER_CONFIG,
          }),
        );
        for (const hook of ['environment', 'pre-command']) {
          const run = await j.hook(hook);
          expect(run.exitCode, run.stderr).toBe(0);
        }
        const built = await j.command(`docker build -q -t app:ci ${writeBuildContext(`${name}\n`)}`);
        expect(built.exitCode, built.stderr).toBe(0);
        const post = await j.hook('post-command');
        expect(post.exitCode, post.stderr).toBe(0);
        const digest = await manifestDigest(url, `acme/images/${name}`, '42', {
          username: 'buildkite',
          password: readToken,
        });
        expect(post.stderr).toContain(`${host}/acme/images/${name}:42`);
        const mints = agent
          .calls()
          .slice(before)
          .filter((c) => c.argv[0] === 'oidc');
        expect(mints.length).toBeGreaterThanOrEqual(2);
        for (const call of mints) expect(call.argv).toContain(`https://${host}/acme/images`);
        const [annotation] = Object.values(agent.annotations()).filter((a) => a.body.includes(name));
        expect(annotation!.body).toContain(`${host}/acme/images/${name}@${digest}`);
        expect((await j.hook('pre-exit')).exitCode).toBe(0);
      },
    );

    it('the login honours retries and says login, with hints that name only real options', async () => {
      const proxy = await startFaultProxy(url);
      try {
        proxy.addRule({ action: { kind: 'status', status: 503 } });
        const j = new BuildkiteJob(
          agent.jobEnv({
            BUILDKITE_PLUGIN_CONFIGURATION: JSON.stringify({
              registry: 'acme/images',
              'packages-host': proxy.host,
              retries: 1,
              images: ['docker:app:ci'],
            }),
          }),
        );
        expect((await j.hook('environment')).exitCode).toBe(0);
        const pre = await j.hook('pre-command');
        expect(pre.exitCode).not.toBe(0);
        expect(proxy.requests).toHaveLength(2); // one attempt and one retry, not six
        expect(pre.stderr).toContain('container-package: login failed');
        expect(pre.stderr).not.toContain('push failed');
        expect(pre.stderr).not.toMatch(/insecure option/);
      } finally {
        await proxy.close();
      }
    });
  },
);
