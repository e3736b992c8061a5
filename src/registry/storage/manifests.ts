import { isSafeTag, parseStoreDigest } from '../names.js';
import type { Blobs } from './blobs.js';
import type { StorageDriver } from './driver/driver.js';
import { StoreError } from './errors.js';
import type { Layout } from './layout.js';
import { BoundedMap } from './bounded-map.js';
import type { CacheChange, CacheCoherence } from './coherence.js';
import { LruCache } from './lru.js';
import { Referrers } from './referrers.js';
import type { ManifestInfo, ManifestWrite, ReferrerDescriptor, StoredManifest } from './store.js';

/**
 * Manifests, tags and the referrers index of each repository. A manifest's bytes are stored as
 * content (like a blob); `_manifests/revisions/<alg>/<hex>` says the repository holds it and with
 * which media type; `_manifests/tags/<tag>` holds the digest a tag points at. Manifest bytes are
 * kept in an LRU cache keyed by digest, so GET and HEAD read at most two small files.
 */
export class Manifests {
  readonly #layout: Layout;
  readonly #blobs: Blobs;
  readonly #driver: StorageDriver;
  readonly #cache: LruCache<Buffer>;
  readonly #referrers: Referrers;
  /**
   * `repository\0tag` → digest and `repository\0digest` → media type, as on disk: manifest HEAD
   * and GET then touch no file (about half their CPU, measured by `npm run bench`). Every write
   * and delete of tags and revision links in this process goes through this class, which keeps
   * the maps in step. When other processes share the store (replicas on S3), entries are
   * answered from memory for at most `cacheTtlMs` after they were read (0: every request reads
   * the store), then read from the store again. Workers of one registry on one machine instead
   * keep the maps and tell each other what they changed (`coherence`).
   */
  readonly #tags: BoundedMap<string>;
  readonly #links: BoundedMap<string>;
  readonly #coherence: CacheCoherence | undefined;

  constructor(
    layout: Layout,
    driver: StorageDriver,
    blobs: Blobs,
    options: { cacheBytes: number; cacheTtlMs?: number; coherence?: CacheCoherence },
  ) {
    this.#tags = new BoundedMap<string>(TAG_CACHE_ENTRIES, options.cacheTtlMs);
    this.#links = new BoundedMap<string>(TAG_CACHE_ENTRIES, options.cacheTtlMs);
    this.#coherence = options.coherence;
    this.#coherence?.onChange((change) => {
      for (const key of change.tags) this.#tags.delete(key);
      for (const key of change.links) this.#links.delete(key);
    });
    this.#layout = layout;
    this.#driver = driver;
    this.#blobs = blobs;
    this.#cache = new LruCache(options.cacheBytes);
    this.#referrers = new Referrers(layout, driver);
  }

  /** Digest and media type for a tag or digest reference; undefined when not in the repository. */
  async resolve(
    repository: string,
    reference: string,
  ): Promise<{ digest: string; mediaType: string } | undefined> {
    let digest = reference;
    if (!reference.includes(':')) {
      const tagKey = `${repository}\0${reference}`;
      const cached = this.#tags.get(tagKey);
      if (cached !== undefined) digest = cached;
      else {
        // A change dropped while this read runs must not be cached after it (it may have read
        // the old value): remember the generation, cache only when no drop happened since.
        const generation = this.#tags.generation;
        const target = await this.#readText(this.#layout.tag(repository, reference));
        if (target === undefined) return undefined;
        try {
          parseStoreDigest(target);
        } catch (cause) {
          throw new StoreError(
            'REGISTRY_STORE_CORRUPT',
            `tag ${reference} in ${repository} holds no digest`,
            {
              cause,
            },
          );
        }
        digest = target;
        this.#tags.setIfUnchanged(tagKey, digest, generation);
      }
    }
    const linkKey = `${repository}\0${digest}`;
    let mediaType = this.#links.get(linkKey);
    if (mediaType === undefined) {
      const generation = this.#links.generation;
      mediaType = await this.#readText(this.#layout.revisionLink(repository, digest));
      if (mediaType === undefined) return undefined;
      this.#links.setIfUnchanged(linkKey, mediaType, generation);
    }
    return { digest, mediaType };
  }

  /** Digest, media type and size for a tag or digest; the bytes are read into the cache when not there. */
  async stat(repository: string, reference: string): Promise<ManifestInfo | undefined> {
    const found = await this.resolve(repository, reference);
    if (found === undefined) return undefined;
    // Read (and cache) the bytes rather than stat the file: a manifest is small, and the next
    // HEAD or GET of it is then answered from memory, with no file-system call at all.
    const bytes = await this.#content(found.digest);
    return bytes === undefined ? undefined : { ...found, size: bytes.length };
  }

  /** The manifest's exact bytes with its digest and media type. */
  async get(repository: string, reference: string): Promise<StoredManifest | undefined> {
    const found = await this.resolve(repository, reference);
    if (found === undefined) return undefined;
    const bytes = await this.#content(found.digest);
    return bytes === undefined ? undefined : { ...found, size: bytes.length, bytes };
  }

  /** True when `repository` holds the manifest `digest`. */
  async has(repository: string, digest: string): Promise<boolean> {
    return (await this.#driver.stat(this.#layout.revisionLink(repository, digest))) !== undefined;
  }

  /** Writes content, revision link, referrers entry, then tags; each file atomically. */
  async put(repository: string, manifest: ManifestWrite): Promise<void> {
    await this.#blobs.writeContent(manifest.digest, manifest.bytes);
    this.#cache.set(manifest.digest, manifest.bytes, manifest.bytes.length);
    const link = this.#layout.revisionLink(repository, manifest.digest);
    await this.#driver.putContent(link, manifest.mediaType);
    stored(this.#links, `${repository}\0${manifest.digest}`, manifest.mediaType);
    if (manifest.referrer !== undefined) {
      await this.#referrers.add(repository, manifest.referrer.subject, manifest.referrer.descriptor);
    }
    for (const tag of manifest.tags) {
      await this.#driver.putContent(this.#layout.tag(repository, tag), manifest.digest);
      stored(this.#tags, `${repository}\0${tag}`, manifest.digest);
    }
    // A delete of this manifest by another process may have run between the link and the tags:
    // it removed the link, and the tags it looked for were not written yet. Then the tags go too,
    // so no tag is left pointing at a manifest that is not there.
    if (manifest.tags.length > 0 && !(await this.has(repository, manifest.digest))) {
      for (const tag of manifest.tags) await this.#dropTagIfAt(repository, tag, manifest.digest);
    }
    await this.#announce({ tags: manifest.tags.map((tag) => `${repository}\0${tag}`), links: [] });
  }

  /** Tells the other processes serving this store what changed (see {@link CacheCoherence}). */
  async #announce(change: CacheChange): Promise<void> {
    if (this.#coherence === undefined || (change.tags.length === 0 && change.links.length === 0)) return;
    await this.#coherence.announce(change);
  }

  /** Removes `tag` when it still points at `digest`; true when it did. */
  async #dropTagIfAt(repository: string, tag: string, digest: string): Promise<boolean> {
    this.#tags.delete(`${repository}\0${tag}`);
    if ((await this.#readText(this.#layout.tag(repository, tag))) === digest) {
      const deleted = await this.#driver.delete(this.#layout.tag(repository, tag));
      // Again: a read of this process that started before the delete finished read the old tag.
      this.#tags.delete(`${repository}\0${tag}`);
      return deleted;
    }
    return false;
  }

  /** Removes the revision link, the tags pointing at it and its referrers entry (content stays). */
  async delete(repository: string, digest: string): Promise<boolean> {
    const bytes = await this.#content(digest);
    const linkKey = `${repository}\0${digest}`;
    this.#links.delete(linkKey);
    const unlinked = await this.#driver.delete(this.#layout.revisionLink(repository, digest));
    this.#links.delete(linkKey);
    if (!unlinked) {
      await this.#announce({ tags: [], links: [linkKey] });
      return false;
    }
    const dropped: string[] = [];
    for (const tag of await this.tags(repository)) {
      if (await this.#dropTagIfAt(repository, tag, digest)) dropped.push(`${repository}\0${tag}`);
    }
    const subject = bytes === undefined ? undefined : subjectOf(bytes);
    if (subject !== undefined) await this.#referrers.remove(repository, subject, digest);
    await this.#announce({ tags: dropped, links: [linkKey] });
    return true;
  }

  /** Removes one tag; false when there was none. */
  async deleteTag(repository: string, tag: string): Promise<boolean> {
    const tagKey = `${repository}\0${tag}`;
    this.#tags.delete(tagKey);
    const deleted = await this.#driver.delete(this.#layout.tag(repository, tag));
    this.#tags.delete(tagKey);
    await this.#announce({ tags: [tagKey], links: [] });
    return deleted;
  }

  /** Tags in byte order; empty when the repository has none (or does not exist). */
  async tags(repository: string): Promise<string[]> {
    const entries = await this.#driver.list(this.#layout.tagsDir(repository));
    return entries
      .filter((entry) => !entry.directory && isSafeTag(entry.name))
      .map((entry) => entry.name)
      .sort(byteOrder);
  }

  /** Referrers of `subject` whose manifests are still in the repository. */
  async referrers(repository: string, subject: string): Promise<ReferrerDescriptor[]> {
    const entries = await this.#referrers.list(repository, subject);
    const present: ReferrerDescriptor[] = [];
    for (const entry of entries) {
      if (await this.has(repository, entry.digest)) present.push(entry);
    }
    return present;
  }

  async #content(digest: string): Promise<Buffer | undefined> {
    const cached = this.#cache.get(digest);
    if (cached !== undefined) return cached;
    const bytes = await this.#blobs.readContent(digest);
    if (bytes !== undefined) this.#cache.set(digest, bytes, bytes.length);
    return bytes;
  }

  /** A small file's text, trimmed (tags, revision links), or undefined. */
  async #readText(key: string): Promise<string | undefined> {
    const bytes = await this.#driver.getContent(key);
    return bytes === undefined ? undefined : bytes.toString('utf8').trim();
  }
}

/**
 * Caches what this process just wrote to the store. The delete first moves the map's generation
 * on: a read of this process that started before the write finished may have read the old value,
 * and must not cache it after this one (`setIfUnchanged`).
 */
function stored(map: BoundedMap<string>, key: string, value: string): void {
  map.delete(key);
  map.set(key, value);
}

/** Entries each of the tag and revision-link maps holds before it starts over. */
const TAG_CACHE_ENTRIES = 100_000;

/** Compares by UTF-16 code units, which for tag characters is byte order. */
export function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The `subject.digest` of stored manifest bytes, if it has a valid one. */
function subjectOf(bytes: Buffer): string | undefined {
  try {
    const parsed = JSON.parse(bytes.toString('utf8')) as { subject?: { digest?: unknown } };
    const digest = parsed.subject?.digest;
    if (typeof digest !== 'string') return undefined;
    parseStoreDigest(digest);
    return digest;
  } catch {
    return undefined;
  }
}
