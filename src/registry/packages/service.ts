import type { Authorizer } from '../auth/authorizer.js';
import { apiError } from '../errors.js';
import { isSafeRepository } from '../names.js';
import type { Store } from '../storage/store.js';
import { planImageArchive, storeOpener, type ImageArchive } from './archive.js';
import { checksumsOfStream } from './checksums.js';
import { ContentsCache } from './contents/contents-cache.js';
import type { DerivedCache } from './derived-cache.js';
import { describeImage } from './details.js';
import { openGroupOf, repositoriesIn, repositoryOf } from './groups.js';
import { listRegistries } from './listings.js';
import { readArchiveChecksums, writeArchiveChecksums } from './archive-checksums.js';
import { baseRepository } from './base-image.js';
import { readManifest } from './manifest-reader.js';
import { pickPlatform, platformsOf } from './platforms.js';
import { resolveRef, type ResolvedRef } from './resolve-ref.js';
import type { PackageStats } from './stats.js';
import { summarizePackage, type PackageSummary } from './summary.js';
import type {
  ArchiveFormat,
  Checksums,
  ContentsPage,
  ImageDetails,
  ImageRef,
  RegistryListing,
  Visibility,
} from './types.js';
import { canPull, requirePull, type Viewer } from './viewer.js';
import { archiveStream } from '../../oci/index.js';

/** What {@link PackagesService} reads from. */
export interface PackagesServiceOptions {
  /** The store requests use (the GC-guarded one). */
  readonly store: Store;
  readonly stats: PackageStats;
  readonly authorizer: Authorizer;
  /** Where contents and archive checksums are cached. */
  readonly cache: DerivedCache;
}

/** The registry's images of one registry (or open-mode group). */
export interface ImageListing {
  readonly registry: string;
  readonly visibility: Visibility;
  readonly packages: readonly PackageSummary[];
}

/** A Download ready to stream. */
export interface PlannedDownload {
  readonly repository: string;
  readonly archive: ImageArchive;
  /** The manifest asked for (by tag or digest) and the tag, for counting the download. */
  readonly resolved: ResolvedRef;
}

/** Largest page of contents. */
const MAX_PAGE = 5000;

/**
 * What the pages and the packages API show, computed in-process with the same authorization as
 * a pull (every method takes the {@link Viewer} and throws the refusal, a RegistryApiError with
 * status 401/403/404, when it may not pull). Contents and archive checksums are computed once
 * and cached in the storage.
 */
export class PackagesService {
  readonly #options: PackagesServiceOptions;
  readonly contentsCache: ContentsCache;

  constructor(options: PackagesServiceOptions) {
    this.#options = options;
    this.contentsCache = new ContentsCache(options.cache);
  }

  /** True when registries are configured (else: open mode, repositories grouped by name). */
  get configured(): boolean {
    return this.#options.authorizer.registries !== undefined;
  }

  /** The registries (or open-mode groups) the viewer may see, with their image counts. */
  listRegistries(viewer: Viewer): Promise<RegistryListing[]> {
    return listRegistries(this.#options.store, this.#options.authorizer, viewer);
  }

  /** The images of a registry (or open-mode group) with at least one tag. */
  async listImages(viewer: Viewer, registry: string): Promise<ImageListing> {
    this.#checkRegistry(registry);
    const { authorizer, store, stats } = this.#options;
    if (this.configured) await requirePull(authorizer, viewer, registry, 'registry');
    const names = repositoriesIn(await store.listRepositories(), registry, this.configured);
    const packages: PackageSummary[] = [];
    for (const name of names) {
      if (!this.configured && !(await canPull(authorizer, viewer, name, 'repository'))) continue;
      const summary = await summarizePackage(store, stats, registry, name);
      if (summary !== undefined) packages.push(summary);
    }
    return { registry, visibility: this.visibilityOf(registry), packages };
  }

  /** One image's summary (404 `NAME_UNKNOWN` when it has no tag). */
  async summary(viewer: Viewer, registry: string, image: string): Promise<PackageSummary> {
    const repository = await this.#authorizeImage(viewer, registry, image);
    const summary = await summarizePackage(this.#options.store, this.#options.stats, registry, repository);
    if (summary === undefined) {
      throw apiError('NAME_UNKNOWN', {
        message: `no image ${image.slice(0, 200)} in ${registry || 'this registry'}`,
        detail: { name: repository },
      });
    }
    return summary;
  }

  /** The details page of an image at a tag, a digest, or (neither) its newest tag. */
  async details(viewer: Viewer, registry: string, image: string, ref: ImageRef = {}): Promise<ImageDetails> {
    const summary = await this.summary(viewer, registry, image);
    const { store, stats, authorizer } = this.#options;
    const resolved = await resolveRef(store, summary.repository, summary, ref);
    const recorded = stats.get(summary.repository).manifests[resolved.info.digest];
    return describeImage(store, {
      registry,
      visibility: this.visibilityOf(registry),
      repository: summary.repository,
      summary,
      resolved,
      digestDownloads: recorded?.downloads ?? 0,
      digestPushedAt: recorded?.pushedAt || null,
      totalFiles:
        (await this.#peekContents(summary.repository, resolved.info.digest))?.entries.length ?? null,
      findRepository: async (name) => {
        const repo = baseRepository(name);
        if (repo === undefined || (await store.listTags(repo)) === undefined) return undefined;
        return (await canPull(authorizer, viewer, repo, 'repository')) ? repo : undefined;
      },
    });
  }

  /**
   * A page of an image's filesystem (of an index: of `platform`, default the first
   * non-attestation image). Computed on first use, then read from the cache. An offset past the
   * end gives the last page (a stale or edited link still shows entries).
   */
  async contents(
    viewer: Viewer,
    registry: string,
    image: string,
    ref: ImageRef = {},
    page: { readonly platform?: string; readonly offset?: number; readonly limit?: number } = {},
  ): Promise<ContentsPage> {
    const summary = await this.summary(viewer, registry, image);
    const { store } = this.#options;
    const resolved = await resolveRef(store, summary.repository, summary, ref);
    const target = await this.#imageOf(summary.repository, resolved.info.digest, page.platform);
    const all = await this.contentsCache.get(store, summary.repository, target.digest);
    const limit = Math.min(MAX_PAGE, Math.max(1, Math.floor(page.limit ?? 500)));
    const lastPage = Math.floor(Math.max(0, all.entries.length - 1) / limit) * limit;
    const asked = Math.max(0, Math.floor(page.offset ?? 0));
    const offset = asked < all.entries.length ? asked : lastPage;
    return {
      digest: target.digest,
      platform: target.platform,
      total: all.entries.length,
      files: all.files,
      directories: all.directories,
      bytes: all.bytes,
      offset,
      entries: all.entries.slice(offset, offset + limit),
    };
  }

  /** Plans a Download (authorized like a pull). */
  async planDownload(
    viewer: Viewer,
    registry: string,
    image: string,
    ref: ImageRef,
    format: ArchiveFormat,
    platform?: string,
  ): Promise<PlannedDownload> {
    const summary = await this.summary(viewer, registry, image);
    const { store } = this.#options;
    const resolved = await resolveRef(store, summary.repository, summary, ref);
    const archive = await planImageArchive(
      store,
      summary.repository,
      resolved.info.digest,
      resolved.tag ?? undefined,
      format,
      platform,
    );
    return { repository: summary.repository, archive, resolved };
  }

  /** Checksums of the Download archive: computed once (streaming it) and cached. */
  async archiveChecksums(
    viewer: Viewer,
    registry: string,
    image: string,
    ref: ImageRef,
    format: ArchiveFormat,
    platform?: string,
  ): Promise<Checksums> {
    const { repository, archive } = await this.planDownload(viewer, registry, image, ref, format, platform);
    const cached = await this.cachedChecksums(archive);
    if (cached !== undefined) return cached;
    const checksums = await checksumsOfStream(
      archiveStream(archive.plan, storeOpener(this.#options.store, repository)),
    );
    await this.rememberChecksums(archive, checksums);
    return checksums;
  }

  /** Checksums of an archive already computed, or undefined. */
  cachedChecksums(archive: ImageArchive): Promise<Checksums | undefined> {
    return readArchiveChecksums(this.#options.cache, archive);
  }

  /** Keeps the checksums of an archive (a complete download computed them). */
  rememberChecksums(archive: ImageArchive, checksums: Checksums): Promise<void> {
    return writeArchiveChecksums(this.#options.cache, archive, checksums);
  }

  /** The visibility of a registry; `public` in open mode. */
  visibilityOf(registry: string): Visibility {
    return this.#options.authorizer.visibility?.(registry) ?? 'public';
  }

  async #imageOf(repository: string, digest: string, platform?: string) {
    const { manifest } = await readManifest(this.#options.store, repository, digest);
    if (manifest === undefined || !('manifests' in manifest)) return { digest, platform: null };
    const chosen = pickPlatform(platformsOf(manifest.manifests), platform);
    return { digest: chosen.digest, platform: chosen.platform };
  }

  async #peekContents(repository: string, digest: string) {
    try {
      const target = await this.#imageOf(repository, digest);
      return await this.contentsCache.peek(target.digest);
    } catch {
      return undefined;
    }
  }

  async #authorizeImage(viewer: Viewer, registry: string, image: string): Promise<string> {
    this.#checkRegistry(registry);
    const repository = repositoryOf(registry, image);
    if (!isSafeRepository(repository) || (!this.configured && openGroupOf(repository) !== registry)) {
      throw apiError('NAME_INVALID', {
        message: `invalid image name ${JSON.stringify(image.slice(0, 200))}`,
      });
    }
    await requirePull(this.#options.authorizer, viewer, repository, 'repository');
    return repository;
  }

  #checkRegistry(registry: string): void {
    const parts = registry.split('/').length;
    const shape = this.configured ? parts === 2 : registry === '' || parts <= 2;
    if (!shape || (registry !== '' && !isSafeRepository(registry))) {
      throw apiError('NAME_INVALID', {
        message: `invalid registry ${JSON.stringify(registry.slice(0, 200))}: expected ORG/REGISTRY`,
      });
    }
  }
}
