import { isImageConfigMediaType, isIndex, type Manifest } from '../../oci/index.js';
import type { Store } from '../storage/store.js';
import { aboutOf, labelsOf } from './about.js';
import { checksumsOf } from './checksums.js';
import { readConfig, readManifest } from './manifest-reader.js';
import { platformName, platformsOf } from './platforms.js';
import type { ResolvedRef } from './resolve-ref.js';
import type { PackageSummary } from './summary.js';
import { contentOf } from './summary.js';
import type { About, Dependency, ImageDetails, PlatformImage, Visibility } from './types.js';

/** What {@link describeImage} needs besides the store. */
export interface DescribeInput {
  readonly registry: string;
  readonly visibility: Visibility;
  readonly repository: string;
  readonly summary: PackageSummary;
  readonly resolved: ResolvedRef;
  /** Downloads recorded under the digest (for a ref by digest). */
  readonly digestDownloads: number;
  /** Pushed date recorded for the digest. */
  readonly digestPushedAt: string | null;
  /** Total files of the default platform when already computed. */
  readonly totalFiles: number | null;
  /** Where a base image named by its annotations is stored here, if it is: repository name. */
  readonly findRepository: (name: string) => Promise<string | undefined>;
}

/** The details page's facts about one manifest of an image. */
export async function describeImage(store: Store, input: DescribeInput): Promise<ImageDetails> {
  const { repository, resolved, summary } = input;
  const { stored, manifest } = await readManifest(store, repository, resolved.info.digest);
  let platforms: PlatformImage[] = [];
  let about: About = aboutOf([]);
  if (manifest !== undefined && isIndex(manifest)) {
    platforms = platformsOf(manifest.manifests);
    const first = platforms.find((p) => !p.attestation);
    const child =
      first === undefined
        ? undefined
        : await readManifest(store, repository, first.digest).catch(() => undefined);
    const childManifest = child?.manifest;
    const config =
      childManifest !== undefined && 'config' in childManifest
        ? await readConfig(store, repository, childManifest.config.digest)
        : undefined;
    about = aboutOf([manifest.annotations, childManifest?.annotations, labelsOf(config)]);
  } else if (manifest !== undefined) {
    const config = await readConfig(store, repository, manifest.config.digest);
    about = aboutOf([manifest.annotations, labelsOf(config)]);
  }
  const dependencies: Dependency[] = platforms
    .filter((p) => !p.attestation)
    .map((p) => ({ kind: 'platform', name: platformName(p.platform), digest: p.digest, repository }));
  if (about.base_name !== undefined) {
    const found = await input.findRepository(about.base_name);
    dependencies.push({
      kind: 'base',
      name: about.base_name,
      ...(about.base_digest === undefined ? {} : { digest: about.base_digest }),
      ...(found === undefined ? {} : { repository: found }),
    });
  }
  const artifactType = artifactTypeOf(manifest);
  const tagged = resolved.tag === null ? undefined : summary.tags.find((t) => t.tag === resolved.tag);
  const blobs = await contentOf(store, repository, stored.digest, stored.size, 0);
  let size = 0;
  for (const s of blobs.values()) size += s;
  return {
    registry: input.registry,
    visibility: input.visibility,
    name: summary.name,
    repository,
    tag: resolved.tag,
    tags: summary.tags,
    digest: stored.digest,
    media_type: stored.mediaType,
    artifact: artifactType !== null,
    artifact_type: artifactType,
    manifest_size: stored.size,
    manifest_checksums: checksumsOf(stored.bytes),
    platforms,
    about,
    pushed_at: tagged?.pushed_at ?? input.digestPushedAt,
    size,
    downloads: tagged?.downloads ?? input.digestDownloads,
    dependencies,
    total_files: input.totalFiles,
  };
}

/** What kind of artifact `manifest` is, or null for a container image (or an index of images). */
function artifactTypeOf(manifest: Manifest | undefined): string | null {
  if (manifest === undefined) return null;
  const declared = 'artifactType' in manifest ? manifest.artifactType : undefined;
  if (isIndex(manifest)) return declared ?? null;
  if (isImageConfigMediaType(manifest.config.mediaType)) return null;
  return declared ?? manifest.config.mediaType;
}
