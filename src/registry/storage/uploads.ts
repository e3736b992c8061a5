import { randomUUID, type Hash } from 'node:crypto';
import { mkdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { parseStoreDigest } from '../names.js';
import { appendBody } from './append-file.js';
import type { Blobs } from './blobs.js';
import { StoreError, isMissing } from './errors.js';
import { exists, fileSize } from './files.js';
import { hashFile, newHash } from './hashing.js';
import { KeyedMutex } from './keyed-mutex.js';
import type { Layout } from './layout.js';
import type { BlobInfo, ChunkInput, UploadState } from './store.js';

/** An in-memory sha256 of a live session's data, valid while `size` equals the data file's size. */
interface LiveHash {
  hash: Hash;
  size: number;
}

/**
 * Upload sessions: `_uploads/<uuid>/data` holds the bytes received so far, `startedat` the start
 * time. Operations on one session run one at a time. Each session keeps a sha256 in memory while
 * the process lives; a commit with another algorithm, or after a restart, hashes the data file.
 */
export class Uploads {
  readonly #layout: Layout;
  readonly #blobs: Blobs;
  readonly #mutex = new KeyedMutex();
  readonly #live = new Map<string, LiveHash>();

  constructor(layout: Layout, blobs: Blobs) {
    this.#layout = layout;
    this.#blobs = blobs;
  }

  /** Starts a session with an empty data file and a fresh in-memory sha256. */
  async create(repository: string): Promise<UploadState> {
    const id = randomUUID();
    const startedAt = new Date();
    await mkdir(this.#layout.upload(repository, id), { recursive: true });
    await writeFile(this.#layout.uploadStartedAt(repository, id), startedAt.toISOString());
    await writeFile(this.#layout.uploadData(repository, id), '');
    this.#live.set(key(repository, id), { hash: newHash('sha256'), size: 0 });
    return { id, repository, size: 0, startedAt };
  }

  /** The session's size (its data file's) and start time, or undefined when there is none. */
  async get(repository: string, id: string): Promise<UploadState | undefined> {
    const size = await fileSize(this.#layout.uploadData(repository, id));
    if (size === undefined) return undefined;
    return { id, repository, size, startedAt: await this.#startedAt(repository, id) };
  }

  /** Appends a chunk; on any failure the data file is cut back to where it was. See `Store.appendUpload`. */
  async append(repository: string, id: string, chunk: ChunkInput): Promise<UploadState> {
    return this.#mutex.run(key(repository, id), async () =>
      this.#append(await this.#require(repository, id), chunk),
    );
  }

  /** Appends the optional last chunk, verifies the digest and commits. See `Store.commitUpload`. */
  async commit(repository: string, id: string, digest: string, chunk?: ChunkInput): Promise<BlobInfo> {
    return this.#mutex.run(key(repository, id), async () => {
      let state = await this.#require(repository, id);
      if (chunk !== undefined) state = await this.#append(state, chunk);
      const { algorithm } = parseStoreDigest(digest);
      const data = this.#layout.uploadData(repository, id);
      const live = this.#live.get(key(repository, id));
      this.#live.delete(key(repository, id));
      const actual =
        live !== undefined && live.size === state.size && algorithm === 'sha256'
          ? `sha256:${live.hash.digest('hex')}`
          : (await hashFile(data, algorithm)).digest;
      if (actual !== digest) {
        await rm(this.#layout.upload(repository, id), { recursive: true, force: true });
        throw new StoreError(
          'REGISTRY_DIGEST_MISMATCH',
          `uploaded content has digest ${actual}, not ${digest}`,
          {
            actualDigest: actual,
            size: state.size,
          },
        );
      }
      await this.#blobs.commitFile(repository, digest, data);
      await rm(this.#layout.upload(repository, id), { recursive: true, force: true });
      return { digest, size: state.size };
    });
  }

  /** Removes a session; false when there was none. */
  async cancel(repository: string, id: string): Promise<boolean> {
    return this.#mutex.run(key(repository, id), async () => {
      this.#live.delete(key(repository, id));
      const dir = this.#layout.upload(repository, id);
      if (!(await exists(dir))) return false;
      await rm(dir, { recursive: true, force: true });
      return true;
    });
  }

  /** Removes the sessions of `repository` started before `cutoff`; returns how many. */
  async purge(repository: string, ids: readonly string[], cutoff: number): Promise<number> {
    let removed = 0;
    for (const id of ids) {
      const startedAt = await this.#startedAt(repository, id);
      if (startedAt.getTime() >= cutoff) continue;
      if (await this.cancel(repository, id)) removed += 1;
    }
    return removed;
  }

  async #require(repository: string, id: string): Promise<UploadState> {
    const state = await this.get(repository, id);
    if (state === undefined) {
      throw new StoreError('REGISTRY_UPLOAD_UNKNOWN', `no upload session ${id} in repository ${repository}`);
    }
    return state;
  }

  async #append(state: UploadState, chunk: ChunkInput): Promise<UploadState> {
    if (chunk.start !== undefined && chunk.start !== state.size) {
      chunk.body.resume();
      throw new StoreError(
        'REGISTRY_UPLOAD_OUT_OF_ORDER',
        `chunk starts at byte ${chunk.start} but the upload holds ${state.size} bytes`,
        { size: state.size },
      );
    }
    const sessionKey = key(state.repository, state.id);
    let live = this.#live.get(sessionKey);
    if (live !== undefined && live.size !== state.size) {
      this.#live.delete(sessionKey);
      live = undefined;
    }
    const before = live?.hash.copy();
    let count: number;
    const data = this.#layout.uploadData(state.repository, state.id);
    try {
      // Gathered into 1 MiB writes, hashed per MiB: see appendBody.
      count = await appendBody(chunk.body, data, state.size, (bytes) => live?.hash.update(bytes), {
        follow: chunk.follow ?? false,
      });
      if (chunk.length !== undefined && count !== chunk.length) {
        throw new StoreError(
          'REGISTRY_UPLOAD_LENGTH_MISMATCH',
          `chunk announced ${chunk.length} bytes but held ${count}`,
          { size: state.size },
        );
      }
    } catch (error) {
      await truncate(data, state.size).catch(() => undefined);
      if (live !== undefined && before !== undefined) live.hash = before;
      throw error;
    }
    if (live !== undefined) live.size = state.size + count;
    return { ...state, size: state.size + count };
  }

  async #startedAt(repository: string, id: string): Promise<Date> {
    try {
      const text = await readFile(this.#layout.uploadStartedAt(repository, id), 'utf8');
      const date = new Date(text.trim());
      if (!Number.isNaN(date.getTime())) return date;
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
    try {
      return (await stat(this.#layout.upload(repository, id))).mtime;
    } catch (error) {
      if (isMissing(error)) return new Date(0);
      throw error;
    }
  }
}

function key(repository: string, id: string): string {
  return `${repository}\u0000${id}`;
}
