import { readFile } from 'node:fs/promises';
import { writeAtomically } from './write-atomically.js';
import { mergeRepository, parseStats, type RepositoryStats, type StatsRecord } from './stats-merge.js';

export type { ManifestStats, RepositoryStats, TagStats } from './stats-merge.js';

/** Where the statistics persist: a small document read once and replaced whole. */
export interface StatsDocument {
  /** The document, or undefined when there is none yet. */
  read(): Promise<Buffer | undefined>;
  /** Replaces the document atomically. */
  write(text: string): Promise<void>;
  /**
   * Optional: the documents of the other replicas sharing the store, whose counts are added to
   * this one's when read (each replica writes only its own document).
   */
  readPeers?(): Promise<Buffer[]>;
}

/** Other replicas' counts older than this are read again (in the background) when asked for. */
export const PEERS_MAX_AGE_MS = 5000;

/** Options of {@link PackageStats}. */
export interface PackageStatsOptions {
  /** JSON file the statistics persist to. Default none: kept in memory only. */
  readonly file?: string;
  /** Or a document in the store (`package-stats.json` through the storage driver). */
  readonly document?: StatsDocument;
  /** Changes are written at most this long after they happen. Default 1000 ms. */
  readonly flushDelayMs?: number;
  readonly now?: () => Date;
  /** Told about failed writes. Default: ignore. */
  readonly onError?: (error: unknown) => void;
}

/**
 * What the image details page of Buildkite Packages shows besides the content: pushed dates and
 * download counts, per repository. Kept in memory and written to one JSON file (temp file +
 * rename) within `flushDelayMs` of a change and on {@link close}; a crash loses at most that
 * window of counts, never the store's content.
 */
export class PackageStats {
  readonly #document: StatsDocument | undefined;
  readonly #delay: number;
  readonly #now: () => Date;
  readonly #onError: (error: unknown) => void;
  #repos: Record<string, RepositoryStats> = {};
  #peers: StatsRecord[] = [];
  #peersAt = 0;
  #peersLoading: Promise<void> | undefined;
  #timer: NodeJS.Timeout | undefined;
  #writing: Promise<void> = Promise.resolve();

  constructor(options: PackageStatsOptions = {}) {
    const file = options.file;
    this.#document = options.document ?? (file === undefined ? undefined : fileDocument(file));
    this.#delay = options.flushDelayMs ?? 1000;
    this.#now = options.now ?? (() => new Date());
    this.#onError = options.onError ?? (() => undefined);
  }

  /** Reads the file, if there is one (a missing or unreadable file starts empty). */
  async load(): Promise<void> {
    if (this.#document === undefined) return;
    try {
      const bytes = await this.#document.read();
      if (bytes !== undefined) this.#repos = parseStats(bytes);
      await this.#loadPeers();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.#onError(error);
    }
  }

  /** Records a manifest push and the tags now pointing at it. */
  recordPush(repository: string, digest: string, tags: readonly string[]): void {
    const repo = this.#repo(repository);
    const pushedAt = this.#now().toISOString();
    repo.manifests[digest] = { pushedAt, downloads: repo.manifests[digest]?.downloads ?? 0 };
    for (const tag of tags) repo.tags[tag] = { pushedAt, downloads: repo.tags[tag]?.downloads ?? 0 };
    this.#schedule();
  }

  /**
   * Records one download (a manifest GET or an archive download) under what was asked for:
   * `reference` is the tag, or the digest itself for a pull by digest.
   */
  recordDownload(repository: string, digest: string, reference: string = digest): void {
    const repo = this.#repo(repository);
    if (reference !== digest) {
      const tag = (repo.tags[reference] ??= { pushedAt: '' });
      tag.downloads = (tag.downloads ?? 0) + 1;
    } else {
      const entry = (repo.manifests[digest] ??= { pushedAt: '', downloads: 0 });
      entry.downloads += 1;
    }
    this.#schedule();
  }

  /**
   * The statistics of a repository (empty when nothing was recorded): this process's counts, plus
   * the other replicas' as last read (at load, after each flush, and in the background when
   * older than {@link PEERS_MAX_AGE_MS}).
   */
  get(repository: string): RepositoryStats {
    const stale = Date.now() - this.#peersAt > PEERS_MAX_AGE_MS;
    if (this.#document?.readPeers !== undefined && stale && this.#peersLoading === undefined) {
      this.#peersLoading = this.#loadPeers()
        .catch(this.#onError)
        .finally(() => (this.#peersLoading = undefined));
    }
    const own = this.#repos[repository] ?? { manifests: {}, tags: {} };
    if (this.#peers.length === 0) return own;
    return mergeRepository([own, ...this.#peers.map((peer) => peer[repository])]);
  }

  /** Writes pending changes now. */
  flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const document = this.#document;
    if (document === undefined) return Promise.resolve();
    const text = `${JSON.stringify({ version: 1, repositories: this.#repos })}\n`;
    this.#writing = this.#writing
      .then(() => document.write(text))
      .then(() => this.#loadPeers())
      .catch(this.#onError);
    return this.#writing;
  }

  async #loadPeers(): Promise<void> {
    if (this.#document?.readPeers === undefined) return;
    const peers: StatsRecord[] = [];
    for (const bytes of await this.#document.readPeers()) {
      try {
        peers.push(parseStats(bytes));
      } catch (error) {
        this.#onError(error);
      }
    }
    this.#peers = peers;
    this.#peersAt = Date.now();
  }

  /** Stops the timer and writes pending changes. */
  close(): Promise<void> {
    return this.#timer === undefined ? this.#writing : this.flush();
  }

  #repo(repository: string): RepositoryStats {
    return (this.#repos[repository] ??= { manifests: {}, tags: {} });
  }

  #schedule(): void {
    if (this.#document === undefined || this.#timer !== undefined) return;
    this.#timer = setTimeout(() => void this.flush(), this.#delay);
    this.#timer.unref();
  }
}

/** A local JSON file as a {@link StatsDocument} (temp file + rename). */
function fileDocument(file: string): StatsDocument {
  return {
    read: async () => {
      try {
        return await readFile(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    write: (text) => writeAtomically(file, text),
  };
}
