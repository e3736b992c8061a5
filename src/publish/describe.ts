/** Facts about an artifact for reports: total size and platforms. */
import { formatPlatform, type Descriptor } from '../oci/descriptor.js';
import type { Artifact } from '../oci/image.js';
import { parseManifest } from '../oci/manifest.js';

/** Manifest bytes plus every distinct blob (config and layers), across platforms. */
export function artifactSize(artifact: Artifact): number {
  const seen = new Set<string>();
  let total = 0;
  const visit = (a: Artifact): void => {
    total += a.bytes.byteLength;
    if (a.kind === 'index') {
      a.children.forEach(visit);
      return;
    }
    for (const blob of [a.config, ...a.layers]) {
      if (seen.has(blob.descriptor.digest)) continue;
      seen.add(blob.descriptor.digest);
      total += blob.descriptor.size;
    }
  };
  visit(artifact);
  return total;
}

/** The platforms of an index (`linux/amd64`, …), or undefined for a single image. */
export function artifactPlatforms(artifact: Artifact): string[] | undefined {
  if (artifact.kind !== 'index') return undefined;
  const parsed = parseManifest(artifact.bytes, artifact.mediaType);
  const manifests = (parsed.manifest as { manifests: readonly Descriptor[] }).manifests;
  const platforms = manifests
    .filter((d) => d.platform !== undefined && d.platform.os !== 'unknown')
    .map((d) => formatPlatform(d.platform!));
  return platforms.length > 0 ? platforms : undefined;
}
