import { describe, expect, test } from 'vitest';
import { pickPlatform, platformsOf } from '../../../../src/registry/packages/platforms.js';

describe('platforms', () => {
  const platforms = platformsOf([
    { mediaType: 'm', digest: 'sha256:a', size: 1, platform: { os: 'linux', architecture: 'amd64' } },
    {
      mediaType: 'm',
      digest: 'sha256:b',
      size: 1,
      platform: { os: 'linux', architecture: 'arm64', variant: 'v8' },
    },
    {
      mediaType: 'm',
      digest: 'sha256:c',
      size: 1,
      platform: { os: 'unknown', architecture: 'unknown' },
      annotations: { 'vnd.docker.reference.type': 'attestation-manifest' },
    },
  ]);
  test.each([
    [undefined, 'sha256:a'],
    ['linux/arm64/v8', 'sha256:b'],
    ['linux/arm64', 'sha256:b'],
    ['sha256:b', 'sha256:b'],
  ])('pickPlatform(%s) = %s', (wanted, digest) => {
    expect(pickPlatform(platforms, wanted).digest).toBe(digest);
  });
  test('attestations are never picked; an unknown platform is 404 listing the known ones', () => {
    expect(platforms[2]!.attestation).toBe(true);
    expect(() => pickPlatform(platforms, 'unknown/unknown')).toThrow(/linux\/amd64, linux\/arm64\/v8/);
  });
});
