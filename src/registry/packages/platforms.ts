import type { Descriptor } from '../../oci/index.js';
import { apiError } from '../errors.js';
import type { PlatformImage, PlatformInfo } from './types.js';

/** The images of an index, as the pages show them. */
export function platformsOf(manifests: readonly Descriptor[]): PlatformImage[] {
  return manifests.map((d) => {
    const p = d.platform;
    const platform: PlatformInfo | null =
      p === undefined
        ? null
        : {
            os: p.os,
            architecture: p.architecture,
            ...(p.variant === undefined ? {} : { variant: p.variant }),
          };
    const attestation =
      d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' ||
      (p?.os === 'unknown' && p.architecture === 'unknown');
    return { digest: d.digest, media_type: d.mediaType, size: d.size, platform, attestation };
  });
}

/** `os/architecture[/variant]`, or `unknown`. */
export function platformName(platform: PlatformInfo | null): string {
  return platform === null
    ? 'unknown'
    : [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/');
}

/**
 * The platform image `wanted` (`linux/arm64`, `linux/arm/v7`) names, or by default the first
 * that is not an attestation. 404 `MANIFEST_UNKNOWN` when there is none.
 */
export function pickPlatform(platforms: readonly PlatformImage[], wanted?: string): PlatformImage {
  const images = platforms.filter((p) => !p.attestation);
  const found =
    wanted === undefined || wanted === ''
      ? images[0]
      : (images.find((p) => platformName(p.platform) === wanted) ??
        images.find((p) => p.digest === wanted) ??
        (wanted.split('/').length === 2
          ? images.find((p) => platformName(p.platform).startsWith(`${wanted}/`))
          : undefined));
  if (found === undefined) {
    const known = images.map((p) => platformName(p.platform)).join(', ') || 'none';
    throw apiError('MANIFEST_UNKNOWN', {
      message: `no platform ${JSON.stringify((wanted ?? '').slice(0, 100))} in this index; platforms: ${known}`,
    });
  }
  return found;
}
