/**
 * Remembers what compressing a layer produced — uncompressed digest, compression and level →
 * compressed digest, size and the level actually used — so a re-push of the same image can ask
 * the registry for the compressed blob before spending CPU on compressing it again (skopeo's
 * blob-info cache does the same). It also remembers which repositories of which registry held a
 * blob (the client's `BlobLocations`), so a push to a new repository mounts the blob from one of
 * them instead of uploading it. Best effort: a missing, unreadable or corrupt file is an empty
 * cache, and a failed save is ignored. Written 0600 by atomic rename in the user's own cache dir.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { cacheDir } from '../cache-dir.js';
import { parseRepositoryPath } from '../reference/index.js';

/** What compressing one layer gave. */
export interface CompressedInfo {
  readonly digest: string;
  readonly size: number;
  /** The level the bytes were made with (0 for content that does not compress). */
  readonly level: number;
}

/** Entries kept; the oldest are dropped past this. */
const MAX_ENTRIES = 10_000;
/** Blobs whose locations are kept, and repositories kept per blob and registry (most recent first). */
const MAX_LOCATED = 10_000;
const MAX_REPOSITORIES = 3;

/**
 * The format of the entries, part of every key: bumped whenever the same layer, compression and
 * level can give other bytes, so that older entries are no longer found (their digests could
 * not be made again). 2: compressors write 1 MiB buffers, which moves gzip level 0's block ends.
 */
const FORMAT = 2;

/** `blob-info.json` in the user's cache dir (`$XDG_CACHE_HOME/container-package`, see `cacheDir`). */
export function defaultBlobInfoCachePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(cacheDir(env), 'blob-info.json');
}

/** The cache; {@link BlobInfoCache.open} reads it, {@link BlobInfoCache.save} writes it back. */
export class BlobInfoCache {
  readonly #path: string | undefined;
  readonly #entries: Map<string, CompressedInfo>;
  readonly #locations: Map<string, string[]>;
  #dirty = false;

  private constructor(
    path: string | undefined,
    entries: Map<string, CompressedInfo>,
    locations: Map<string, string[]> = new Map(),
  ) {
    this.#path = path;
    this.#entries = entries;
    this.#locations = locations;
  }

  /** An empty cache that is never saved (tests, `--no-cache`). */
  static inMemory(): BlobInfoCache {
    return new BlobInfoCache(undefined, new Map());
  }

  /** Reads the cache file at `path`; anything unreadable is an empty cache. */
  static async open(path: string = defaultBlobInfoCachePath()): Promise<BlobInfoCache> {
    const entries = new Map<string, CompressedInfo>();
    const locations = new Map<string, string[]>();
    try {
      const value: unknown = JSON.parse(await readFile(path, 'utf8'));
      if (typeof value === 'object' && value !== null) {
        for (const [key, info] of Object.entries(value as Record<string, unknown>)) {
          if (!key.endsWith(` v${FORMAT}`)) continue;
          if (key.startsWith(LOCATION) && isRepositoryList(info)) locations.set(key, info);
          else if (isInfo(info)) entries.set(key, info);
        }
      }
    } catch {
      // no cache yet, or not ours to trust: start empty
    }
    return new BlobInfoCache(path, entries, locations);
  }

  /** Repositories of `registry` known to hold `digest`, the most recent first. */
  holding(registry: string, digest: string): readonly string[] {
    return this.#locations.get(locationKey(registry, digest)) ?? [];
  }

  /** Records that `repository` of `registry` holds `digest`. */
  remember(registry: string, digest: string, repository: string): void {
    if (!isRepositoryPath(repository)) return;
    const k = locationKey(registry, digest);
    const known = this.#locations.get(k) ?? [];
    if (known[0] === repository) return;
    this.#locations.delete(k);
    this.#locations.set(k, [repository, ...known.filter((r) => r !== repository)].slice(0, MAX_REPOSITORIES));
    while (this.#locations.size > MAX_LOCATED) this.#locations.delete(this.#locations.keys().next().value!);
    this.#dirty = true;
  }

  /** What compressing `layerDigest` with `compression` at `level` gave last time. */
  get(layerDigest: string, compression: string, level: number): CompressedInfo | undefined {
    return this.#entries.get(key(layerDigest, compression, level));
  }

  /** Records a compression result. */
  set(layerDigest: string, compression: string, level: number, info: CompressedInfo): void {
    const k = key(layerDigest, compression, level);
    this.#entries.delete(k);
    this.#entries.set(k, info);
    while (this.#entries.size > MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value!);
    this.#dirty = true;
  }

  /** Writes the cache back when it changed. Never throws. */
  async save(): Promise<void> {
    if (!this.#dirty || this.#path === undefined) return;
    try {
      await mkdir(dirname(this.#path), { recursive: true, mode: 0o700 });
      const tmp = `${this.#path}.${process.pid}.tmp`;
      const all = { ...Object.fromEntries(this.#entries), ...Object.fromEntries(this.#locations) };
      await writeFile(tmp, JSON.stringify(all), { mode: 0o600 });
      await rename(tmp, this.#path);
      this.#dirty = false;
    } catch {
      // a cache that cannot be written only costs time on the next push
    }
  }
}

function key(layerDigest: string, compression: string, level: number): string {
  return `${layerDigest} ${compression} ${level} v${FORMAT}`;
}

/** The prefix of location keys (`at REGISTRY DIGEST v2`), which no compression key starts with. */
const LOCATION = 'at ';

function locationKey(registry: string, digest: string): string {
  return `${LOCATION}${registry} ${digest} v${FORMAT}`;
}

function isRepositoryList(value: unknown): value is string[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.length <= MAX_REPOSITORIES &&
    value.every((r) => typeof r === 'string' && isRepositoryPath(r))
  );
}

/**
 * A repository path by the reference grammar, so nothing else read from the file ever reaches a
 * request. Registries check access themselves.
 */
function isRepositoryPath(path: string): boolean {
  try {
    parseRepositoryPath(path);
    return true;
  } catch {
    return false;
  }
}

function isInfo(value: unknown): value is CompressedInfo {
  if (typeof value !== 'object' || value === null) return false;
  const info = value as Record<string, unknown>;
  return (
    typeof info.digest === 'string' &&
    /^sha256:[a-f0-9]{64}$/.test(info.digest) &&
    Number.isSafeInteger(info.size) &&
    Number.isInteger(info.level)
  );
}
