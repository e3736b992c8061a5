/**
 * The push engine's "done when": every kind of source — the harness dockerd and podman, an OCI
 * layout made by umoci, an OCI archive made by skopeo, a docker archive made by podman — pushed
 * into the bundled registry and into CNCF distribution; skopeo and podman pull each back with
 * the same digest; a multi-platform index is pushed and pulled by platform; a re-push uploads
 * nothing.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { digestBytes } from '../../src/oci/index.js';
import { publish, resolveTarget, type PublishEvent } from '../../src/publish/index.js';
import { writeExampleLayout } from '../../src/sources/index.js';
import {
  type ContainerTools,
  createContainerTools,
  type Daemon,
  DISTRIBUTION_TOOLS,
  DOCKER_ENGINE_TOOLS,
  type Distribution,
  type DockerEngine,
  describeWithTools,
  freePort,
  manifestDigest,
  newTempDir,
  podmanOnPath,
  startDaemon,
  startDistribution,
  startDockerd,
  writeBuildContext,
} from '../support/index.js';

const bin = fileURLToPath(new URL('../../bin/container-package', import.meta.url));

describeWithTools(
  [...DOCKER_ENGINE_TOOLS, ...DISTRIBUTION_TOOLS, 'skopeo', 'podman', 'umoci'],
  'push matrix',
  () => {
    let engine: DockerEngine | undefined;
    let distribution: Distribution | undefined;
    let bundled: Daemon | undefined;
    let bundledHost: string;
    let tools: ContainerTools;
    let podmanEnv: NodeJS.ProcessEnv;
    const sources: Record<string, string> = {};

    beforeAll(async () => {
      const port = await freePort();
      bundledHost = `127.0.0.1:${port}`;
      const storage = newTempDir('bundled');
      [engine, distribution, bundled] = await Promise.all([
        startDockerd(),
        startDistribution(),
        startDaemon({
          name: 'bundled registry',
          command: process.execPath,
          args: [bin, 'registry', 'serve', '--listen', bundledHost, '--storage', storage],
          logFile: join(storage, 'serve.log'),
          ready: async () =>
            (await fetch(`http://${bundledHost}/v2/`).catch(() => undefined))?.status === 200,
        }),
      ]);
      tools = createContainerTools({ insecureRegistries: [distribution.host, bundledHost] });

      const context = writeBuildContext(`matrix ${randomUUID()}\n`);
      await engine.docker(['build', '-q', '-t', 'matrix:docker', context]);
      await tools.podman(['build', '-q', '-t', 'localhost/matrix:podman', context]);
      const work = newTempDir('inputs');
      await tools.umoci(['init', '--layout', join(work, 'layout')]);
      await tools.umoci(['new', '--image', `${join(work, 'layout')}:base`]);
      await tools.umoci([
        'config',
        '--image',
        `${join(work, 'layout')}:base`,
        '--tag',
        'v1',
        '--config.label',
        'made-by=umoci',
      ]);
      await tools.skopeo([
        'copy',
        `oci:${join(work, 'layout')}:v1`,
        `oci-archive:${join(work, 'image.oci.tar')}`,
      ]);
      await tools.podman([
        'save',
        '-q',
        '--format',
        'docker-archive',
        '-o',
        join(work, 'image.docker.tar'),
        'localhost/matrix:podman',
      ]);
      Object.assign(sources, {
        docker: 'docker:matrix:docker',
        podman: 'podman:localhost/matrix:podman',
        oci: `oci:${join(work, 'layout')}:v1`,
        'oci-archive': `oci-archive:${join(work, 'image.oci.tar')}`,
        'docker-archive': `docker-archive:${join(work, 'image.docker.tar')}`,
      });

      podmanEnv = await podmanOnPath(tools);
    });

    afterAll(async () => {
      await Promise.all([engine?.stop(), distribution?.stop(), bundled?.stop()]);
    });

    const registries = () => ({ bundled: bundledHost, distribution: distribution!.host });

    for (const kind of ['docker', 'podman', 'oci', 'oci-archive', 'docker-archive']) {
      for (const where of ['bundled', 'distribution'] as const) {
        it(`${kind} → ${where}: skopeo and podman pull the same digest`, async () => {
          const host = registries()[where];
          const [result] = await publish({
            images: [{ source: sources[kind]!, name: kind, tags: ['v1'] }],
            registries: [resolveTarget(`${host}/matrix`)],
            engineEnv: kind === 'podman' ? podmanEnv : { ...process.env, ...engine!.env },
          });
          expect(result!.digest).toBe(await manifestDigest(`http://${host}`, `matrix/${kind}`, 'v1'));
          const inspect = await tools.skopeo(['inspect', `docker://${host}/matrix/${kind}:v1`]);
          expect(JSON.parse(inspect.stdout).Digest).toBe(result!.digest);
          await tools.podman(['pull', '-q', `${host}/matrix/${kind}@${result!.digest}`]);
        });
      }
    }

    it('re-pushing uploads nothing', async () => {
      const events: PublishEvent[] = [];
      await publish({
        images: [{ source: sources.oci!, name: 'oci', tags: ['again'] }],
        registries: [resolveTarget(`${bundledHost}/matrix`)],
        onEvent: (e) => events.push(e),
      });
      const blobEvents = events.flatMap((e) => (e.type === 'progress' ? [e.event.type] : []));
      expect(blobEvents).toContain('blob-skipped');
      expect(blobEvents).not.toContain('blob-done');
      expect(blobEvents).not.toContain('blob-start');
    });

    it('pushes a multi-platform index; each platform pulls its own image', async () => {
      const dir = newTempDir('multi');
      const amd = await writeExampleLayout(join(dir, 'amd64'), { text: 'amd64\n' });
      const arm = await writeExampleLayout(join(dir, 'arm64'), { text: 'arm64\n' });
      const layout = join(dir, 'index');
      mkdirSync(join(layout, 'blobs', 'sha256'), { recursive: true });
      const children = [] as { mediaType: string; digest: string; size: number; platform: object }[];
      for (const [image, arch] of [
        [amd, 'amd64'],
        [arm, 'arm64'],
      ] as const) {
        const index = JSON.parse(readFileSync(join(image.dir, 'index.json'), 'utf8'));
        const manifest = index.manifests[0];
        // copy every blob of the child layout
        for (const name of readdirSync(join(image.dir, 'blobs', 'sha256'))) {
          writeFileSync(
            join(layout, 'blobs', 'sha256', name),
            readFileSync(join(image.dir, 'blobs', 'sha256', name)),
          );
        }
        // the example image says amd64 in its config; the index entry is what selects a platform here
        children.push({
          mediaType: manifest.mediaType,
          digest: manifest.digest,
          size: manifest.size,
          platform: { os: 'linux', architecture: arch },
        });
      }
      const indexBytes = Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: 'application/vnd.oci.image.index.v1+json',
          manifests: children,
        }),
      );
      const indexDigest = digestBytes(indexBytes);
      writeFileSync(join(layout, 'blobs', 'sha256', indexDigest.slice(7)), indexBytes);
      writeFileSync(join(layout, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
      writeFileSync(
        join(layout, 'index.json'),
        JSON.stringify({
          schemaVersion: 2,
          manifests: [
            {
              mediaType: 'application/vnd.oci.image.index.v1+json',
              digest: indexDigest,
              size: indexBytes.byteLength,
              annotations: { 'org.opencontainers.image.ref.name': 'multi' },
            },
          ],
        }),
      );
      for (const host of Object.values(registries())) {
        const [result] = await publish({
          images: [{ source: `oci:${layout}:multi`, name: 'multi', tags: ['v1'] }],
          registries: [resolveTarget(`${host}/matrix`)],
        });
        expect(result!.digest).toBe(indexDigest);
        expect(result!.platforms).toEqual(['linux/amd64', 'linux/arm64']);
        for (const [arch, image] of [
          ['amd64', amd],
          ['arm64', arm],
        ] as const) {
          // A single-platform copy of the index picks this platform's image, byte for byte.
          const out = join(newTempDir('pulled'), arch);
          await tools.skopeo([
            '--override-arch',
            arch,
            '--override-os',
            'linux',
            'copy',
            `docker://${host}/matrix/multi:v1`,
            `oci:${out}:pulled`,
          ]);
          const pulled = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'));
          expect(pulled.manifests[0].digest).toBe(image.digest);
        }
      }
    });
  },
);
