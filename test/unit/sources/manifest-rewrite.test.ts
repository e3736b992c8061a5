import { describe, expect, test } from 'vitest';
import {
  compressedLayerMediaType,
  isTarLayerMediaType,
  rewriteImageManifest,
  rewriteIndex,
} from '../../../src/sources/manifest-rewrite.js';

const enc = (v: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(v));
const dec = (b: Uint8Array): unknown => JSON.parse(new TextDecoder().decode(b));

describe('manifest rewrites', () => {
  test.each([
    ['oci', 'gzip', 'application/vnd.oci.image.layer.v1.tar+gzip'],
    ['oci', 'zstd', 'application/vnd.oci.image.layer.v1.tar+zstd'],
    ['docker', 'gzip', 'application/vnd.docker.image.rootfs.diff.tar.gzip'],
  ] as const)('%s + %s -> %s', (format, compression, expected) => {
    expect(compressedLayerMediaType(format, compression)).toBe(expected);
  });

  test.each([
    ['application/vnd.oci.image.layer.v1.tar', true],
    ['application/vnd.docker.image.rootfs.diff.tar', true],
    ['application/vnd.docker.image.rootfs.diff.tar.gzip', true],
    ['application/vnd.oci.image.layer.nondistributable.v1.tar', false],
    ['application/vnd.cncf.helm.chart.content.v1.tar+gzip', false],
  ])('isTarLayerMediaType(%s) is %s', (mediaType, expected) => {
    expect(isTarLayerMediaType(mediaType)).toBe(expected);
  });

  test('replaces changed layers, keeping other fields and key order', () => {
    const manifest = {
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: 'sha256:c', size: 1 },
      layers: [
        {
          mediaType: 'application/vnd.oci.image.layer.v1.tar',
          digest: 'sha256:a',
          size: 10,
          annotations: { k: 'v' },
        },
        { mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: 'sha256:b', size: 5 },
      ],
      annotations: { x: 'y' },
    };
    const change = { mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: 'sha256:z', size: 3 };
    const out = new TextDecoder().decode(rewriteImageManifest(enc(manifest), new Map([[0, change]]), false));
    expect(out).toBe(
      JSON.stringify({ ...manifest, layers: [{ ...change, annotations: { k: 'v' } }, manifest.layers[1]] }),
    );
  });

  test('toOci converts the manifest, config and foreign layers of a Docker manifest', () => {
    const manifest = {
      schemaVersion: 2,
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: 1, digest: 'sha256:c' },
      layers: [
        {
          mediaType: 'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip',
          size: 9,
          digest: 'sha256:f',
          urls: ['https://x'],
        },
        { mediaType: 'application/vnd.docker.image.rootfs.diff.tar', size: 5, digest: 'sha256:a' },
      ],
    };
    const change = { mediaType: 'application/vnd.oci.image.layer.v1.tar+zstd', digest: 'sha256:z', size: 2 };
    expect(dec(rewriteImageManifest(enc(manifest), new Map([[1, change]]), true))).toEqual({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', size: 1, digest: 'sha256:c' },
      layers: [
        {
          mediaType: 'application/vnd.oci.image.layer.nondistributable.v1.tar+gzip',
          size: 9,
          digest: 'sha256:f',
          urls: ['https://x'],
        },
        { mediaType: 'application/vnd.oci.image.layer.v1.tar+zstd', size: 2, digest: 'sha256:z' },
      ],
    });
  });

  test('rewriteIndex updates the entries that changed and can make a manifest list an OCI index', () => {
    const index = {
      schemaVersion: 2,
      mediaType: 'application/vnd.docker.distribution.manifest.list.v2+json',
      manifests: [
        {
          mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
          size: 7,
          digest: 'sha256:a',
          platform: { os: 'linux', architecture: 'amd64' },
        },
        { mediaType: 'application/vnd.docker.distribution.manifest.v2+json', size: 8, digest: 'sha256:b' },
      ],
    };
    const change = { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: 'sha256:n', size: 3 };
    expect(dec(rewriteIndex(enc(index), new Map([['sha256:a', change]]), true))).toEqual({
      ...index,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [{ ...index.manifests[0], ...change }, index.manifests[1]],
    });
  });
});
