import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { isLocalSource, openLocalSource, parseSource } from '../../../src/sources/index.js';
import { newTempDir } from '../../support/temp-dir.js';
import { dockerArchiveEntries } from './docker-fixtures.js';
import { LayoutWriter, directoryEntries, randomLayer, tarBuffer } from './fixtures.js';

describe('openLocalSource', () => {
  test('reads oci:, oci-archive: and docker-archive: specs', async () => {
    const dir = newTempDir('open');
    const w = new LayoutWriter(join(dir, 'layout'));
    const image = w.image({ layers: [await randomLayer(61)] });
    w.writeIndexJson([image.descriptor], ['v1']);
    writeFileSync(join(dir, 'oci.tar'), await tarBuffer(directoryEntries(w.dir)));
    writeFileSync(
      join(dir, 'docker.tar'),
      await tarBuffer(dockerArchiveEntries([{ tags: ['a:1'], layers: [await randomLayer(62)] }]).entries),
    );

    const fromDir = await openLocalSource(parseSource(`oci:${w.dir}:v1`));
    const fromTar = await openLocalSource(parseSource(`oci-archive:${join(dir, 'oci.tar')}:v1`));
    expect(fromDir.artifact.digest).toBe(image.descriptor.digest);
    expect(fromTar.artifact.digest).toBe(image.descriptor.digest);
    const docker = await openLocalSource(parseSource(`docker-archive:${join(dir, 'docker.tar')}:a:1`), {
      layerMediaType: 'uncompressed',
    });
    expect(new TextDecoder().decode(docker.artifact.bytes)).toContain(
      '"application/vnd.docker.image.rootfs.diff.tar"',
    );
    expect(docker.origin).toBe(`docker-archive:${join(dir, 'docker.tar')}:docker.io/library/a:1`);
  });

  test.each(['docker:alpine', 'podman:alpine', 'alpine'])(
    'refuses %s with SRC_UNSUPPORTED',
    async (input) => {
      const spec = parseSource(input);
      expect(isLocalSource(spec)).toBe(false);
      await expect(openLocalSource(spec)).rejects.toMatchObject({ code: 'SRC_UNSUPPORTED' });
    },
  );
});
