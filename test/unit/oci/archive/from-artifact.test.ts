import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import {
  archiveOfArtifact,
  MediaType,
  type BlobSource,
  type ImageArtifact,
} from '../../../../src/oci/index.js';

const sha = (bytes: Buffer): string => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

function blob(mediaType: string, text: string): BlobSource {
  const bytes = Buffer.from(text);
  return {
    descriptor: { mediaType, digest: sha(bytes), size: bytes.length },
    open: () => Promise.resolve(Readable.from([bytes])),
  };
}

function image(configType: string, artifactType?: string): ImageArtifact {
  const config = blob(configType, '{}');
  const layer = blob('application/spdx+json', '{"spdxVersion":"SPDX-2.3"}');
  const bytes = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MediaType.ociManifest,
      ...(artifactType === undefined ? {} : { artifactType }),
      config: config.descriptor,
      layers: [layer.descriptor],
    }),
  );
  return {
    kind: 'image',
    mediaType: MediaType.ociManifest,
    bytes,
    digest: sha(bytes),
    config,
    layers: [layer],
  };
}

describe('archiveOfArtifact', () => {
  test('refuses a docker-archive of an artifact, naming its type and pointing at oci-archive', () => {
    const sbom = image(MediaType.ociEmpty, 'application/spdx+json');
    expect(() => archiveOfArtifact(sbom, 'docker-archive')).toThrow(
      expect.objectContaining({
        code: 'OCI_NOT_AN_IMAGE',
        message: expect.stringContaining('application/spdx+json') as string,
        hint: expect.stringContaining('oci-archive') as string,
      }),
    );
    const legacy = image('application/vnd.example.sbom.config+json');
    expect(() => archiveOfArtifact(legacy, 'docker-archive')).toThrow(
      expect.objectContaining({ message: expect.stringContaining('vnd.example.sbom.config') as string }),
    );
  });

  test('an artifact still has an oci-archive; an image has both', () => {
    expect(
      archiveOfArtifact(image(MediaType.ociEmpty, 'application/spdx+json'), 'oci-archive').input.root,
    ).toBeDefined();
    const { input } = archiveOfArtifact(image(MediaType.ociConfig), 'docker-archive');
    expect(input.docker?.layers).toHaveLength(1);
  });
});
