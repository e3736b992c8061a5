import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { isRegistryApiError } from '../../errors.js';
import { Slots } from '../../http/slots.js';
import type { Store } from '../../storage/store.js';
import type { DerivedCache } from '../derived-cache.js';
import type { ImageContents } from '../types.js';
import { computeContents } from './compute.js';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** Format version of the cached lists; a change makes every list be computed again. */
const VERSION = 1;

/** How many failed digests are remembered (the oldest is forgotten first). */
const KEEP_FAILURES = 1_000;

/**
 * The contents of image manifests, each computed once per digest (concurrent askers share one
 * computation), lazily, and kept as gzipped JSON in the {@link DerivedCache} (the storage), with
 * the last few in memory (up to a number of entries) so paging through a big image does not parse it again.
 * A failure that the content decides (a damaged or oversized layer: the same bytes fail the same
 * way) is remembered in memory too, so a layer that decompresses for seconds before it fails
 * costs that once per process, not once per page view; a missing blob or an I/O error is not.
 */
export class ContentsCache {
  readonly #cache: DerivedCache;
  readonly #inFlight = new Map<string, Promise<ImageContents>>();
  readonly #recent = new Map<string, ImageContents>();
  readonly #failed = new Map<string, unknown>();
  readonly #keepEntries: number;
  readonly #computing: Slots;

  /**
   * `keepEntries`: how many entries the lists kept in memory may hold together (the last one
   * read is always kept). Default 200,000, about 40 MiB. `computeAtOnce`: how many images'
   * contents are computed at the same time (each may take hundreds of MiB while its layers are
   * read: many pages of big images opened at once would otherwise exhaust the memory); the
   * others wait their turn. Default 2.
   */
  constructor(cache: DerivedCache, keepEntries = 200_000, computeAtOnce = 2) {
    this.#cache = cache;
    this.#keepEntries = keepEntries;
    this.#computing = new Slots(computeAtOnce);
  }

  /** The contents of `digest`, computed from `repository`'s layers when not cached. */
  get(store: Store, repository: string, digest: string): Promise<ImageContents> {
    const recent = this.#recent.get(digest);
    if (recent !== undefined) {
      this.#remember(digest, recent);
      return Promise.resolve(recent);
    }
    if (this.#failed.has(digest)) return Promise.reject(this.#failed.get(digest));
    let flight = this.#inFlight.get(digest);
    if (flight === undefined) {
      flight = this.#load(store, repository, digest)
        .catch((error: unknown) => {
          if (decidedByContent(error)) this.#rememberFailure(digest, error);
          throw error;
        })
        .finally(() => this.#inFlight.delete(digest));
      this.#inFlight.set(digest, flight);
    }
    return flight;
  }

  /** The contents of `digest` when already computed, without computing them. */
  async peek(digest: string): Promise<ImageContents | undefined> {
    const contents = this.#recent.get(digest) ?? (await this.#read(digest));
    if (contents !== undefined) this.#remember(digest, contents);
    return contents;
  }

  async #load(store: Store, repository: string, digest: string): Promise<ImageContents> {
    let contents = await this.#read(digest);
    if (contents === undefined) {
      contents = await this.#computing.run(() => computeContents(store, repository, digest));
      await this.#cache.write(
        keyOf(digest),
        await gzipAsync(JSON.stringify({ version: VERSION, ...contents })),
      );
    }
    this.#remember(digest, contents);
    return contents;
  }

  async #read(digest: string): Promise<ImageContents | undefined> {
    const bytes = await this.#cache.read(keyOf(digest));
    if (bytes === undefined) return undefined;
    try {
      const value = JSON.parse((await gunzipAsync(bytes)).toString('utf8')) as ImageContents & {
        version?: number;
      };
      if (value.version !== VERSION || value.digest !== digest || !Array.isArray(value.entries))
        return undefined;
      const { version: _version, ...contents } = value;
      return contents;
    } catch {
      return undefined; // a damaged cache entry is computed again
    }
  }

  #rememberFailure(digest: string, error: unknown): void {
    this.#failed.set(digest, error);
    for (const key of this.#failed.keys()) {
      if (this.#failed.size <= KEEP_FAILURES) break;
      this.#failed.delete(key);
    }
  }

  #remember(digest: string, contents: ImageContents): void {
    this.#recent.delete(digest);
    this.#recent.set(digest, contents);
    let total = 0;
    for (const kept of this.#recent.values()) total += kept.entries.length;
    for (const [key, kept] of this.#recent) {
      if (total <= this.#keepEntries || this.#recent.size === 1) break;
      this.#recent.delete(key);
      total -= kept.entries.length;
    }
  }
}

/**
 * True for a failure the stored bytes decide: a tar or decompression error, a listing over the
 * limits (413). Not for a missing blob (it may be pushed yet) nor a system call's error.
 */
function decidedByContent(error: unknown): boolean {
  if (isRegistryApiError(error)) return error.status === 413;
  return error instanceof Error && (error as NodeJS.ErrnoException).syscall === undefined;
}

function keyOf(digest: string): string {
  return `contents/${digest.replace(':', '-')}.json.gz`;
}
