/**
 * Real clients through the mirror, with our registry and CNCF distribution each as the upstream
 * (behind a proxy counting what reaches them), the mirror started from a YAML config the way
 * `registry serve --config` does: skopeo and podman cold pulls get the upstream's digest, 20
 * concurrent cold pulls (and five concurrent skopeo copies) make one upstream GET per blob, and
 * with the upstream stopped, cached tags still pull (the registry answering with a Warning).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  parseConfig,
  startRegistryService,
  silentLogger,
  type RegistryService,
} from '../../src/registry/index.js';
import { createContainerTools, type ContainerTools } from '../support/containers.js';
import { newTempDir } from '../support/temp-dir.js';
import { describeWithTools } from '../support/tools.js';
import {
  blobRequests,
  manifestRequests,
  pullImage,
  pushRunnableImage,
  startDistributionUpstream,
  startOurUpstream,
  type CountedUpstream,
  type PushedImage,
} from './registry-mirror-support.js';
import { digestOf } from './registry-support.js';

const UPSTREAMS = [
  { name: 'our registry', tools: ['skopeo', 'podman'], start: startOurUpstream },
  {
    name: 'CNCF distribution',
    tools: ['skopeo', 'podman', 'docker-registry'],
    start: startDistributionUpstream,
  },
] as const;

for (const kind of UPSTREAMS) {
  describeWithTools(kind.tools, `skopeo and podman through a mirror of ${kind.name}`, () => {
    let upstream: CountedUpstream;
    let mirror: RegistryService;
    let host: string;
    let tools: ContainerTools;
    const images: PushedImage[] = [];

    beforeAll(async () => {
      upstream = await kind.start();
      for (const seed of [1, 2, 3, 4]) {
        images.push(
          await pushRunnableImage(upstream.direct, `team/app${seed}`, 'v1', seed, (seed + 1) * 256 * 1024),
        );
      }
      const storage = newTempDir('mirror');
      const config = parseConfig(
        [
          'listen: 127.0.0.1:0',
          `storage: ${storage}`,
          'mirrors:',
          `  - { prefix: upstream-test, upstream: "${upstream.proxy.url}", tag-max-age: 1s, revalidate-timeout: 3s }`,
        ].join('\n'),
      );
      mirror = await startRegistryService(config, { logger: silentLogger });
      host = new URL(mirror.url).host;
      tools = createContainerTools({ insecureRegistries: [host] });
    });

    afterAll(async () => {
      await Promise.all([mirror?.close(), upstream?.stop()]);
    });

    it('skopeo copies a cold image through the mirror with the upstream digest', async () => {
      const out = join(newTempDir('copy'), 'image');
      await tools.skopeo([
        'copy',
        '--src-tls-verify=false',
        `docker://${host}/upstream-test/team/app1:v1`,
        `dir:${out}`,
      ]);
      expect(digestOf(readFileSync(join(out, 'manifest.json')))).toBe(images[0]!.digest);
      for (const blob of images[0]!.blobs) {
        expect(digestOf(readFileSync(join(out, blob.digest.slice(7))))).toBe(blob.digest);
      }
    });

    it('podman pulls a cold image through the mirror with the upstream digest', async () => {
      const ref = `${host}/upstream-test/team/app2:v1`;
      await tools.podman(['pull', '--tls-verify=false', ref]);
      const inspect = await tools.podman(['image', 'inspect', '--format', '{{.Digest}}', ref]);
      expect(inspect.stdout.trim()).toBe(images[1]!.digest);
    });

    it('20 concurrent cold pulls and 5 concurrent skopeo copies: one upstream GET per blob', async () => {
      upstream.proxy.reset();
      const pulls = await Promise.all(
        Array.from({ length: 20 }, () => pullImage(mirror.url, 'upstream-test/team/app3', 'v1')),
      );
      expect(new Set(pulls.map((p) => p.digest))).toEqual(new Set([images[2]!.digest]));
      const copies = await Promise.all(
        Array.from({ length: 5 }, async () => {
          const out = join(newTempDir('copy'), 'image');
          await tools.skopeo([
            'copy',
            '--src-tls-verify=false',
            `docker://${host}/upstream-test/team/app4:v1`,
            `dir:${out}`,
          ]);
          return digestOf(readFileSync(join(out, 'manifest.json')));
        }),
      );
      expect(new Set(copies)).toEqual(new Set([images[3]!.digest]));
      for (const image of images.slice(2)) {
        for (const blob of image.blobs) expect(blobRequests(upstream.proxy, blob.digest)).toBe(1);
      }
      expect(manifestRequests(upstream.proxy, 'team/app3', 'GET')).toBe(1);
      expect(manifestRequests(upstream.proxy, 'team/app4', 'GET')).toBe(1);
      expect((await mirror.registry.fsck()).problems).toEqual([]);
    });

    it('with the upstream stopped, cached tags still pull with skopeo and podman', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      await upstream.stop();
      const stale = await pullImage(mirror.url, 'upstream-test/team/app1', 'v1');
      expect(stale.digest).toBe(images[0]!.digest);
      expect(stale.warning).toMatch(/^110 - "response is stale"/);
      const out = join(newTempDir('copy'), 'image');
      await tools.skopeo([
        'copy',
        '--src-tls-verify=false',
        `docker://${host}/upstream-test/team/app3:v1`,
        `dir:${out}`,
      ]);
      expect(digestOf(readFileSync(join(out, 'manifest.json')))).toBe(images[2]!.digest);
      const ref = `${host}/upstream-test/team/app2:v1`;
      await tools.podman(['rmi', ref]);
      await tools.podman(['pull', '--tls-verify=false', ref]);
      const inspect = await tools.podman(['image', 'inspect', '--format', '{{.Digest}}', ref]);
      expect(inspect.stdout.trim()).toBe(images[1]!.digest);
    });
  });
}
