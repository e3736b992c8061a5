import { randomUUID, type Hash } from 'node:crypto';
import { parseStoreDigest } from '../names.js';
import type { Blobs } from './blobs.js';
import type { StorageDriver } from './driver/driver.js';
import { StoreError } from './errors.js';
import { hashStream, newHash } from './hashing.js';
import { KeyedMutex } from './keyed-mutex.js';
import type { Layout } from './layout.js';
import type { BlobInfo, ChunkInput, UploadState } from './store.js';

/** An in-memory sha256 of a live session's data, valid while `size` equals the data file's size. */
interface LiveHash {
  hash: Hash;
  size: number;
}

/**
 * Upload sessions: `_uploads/<uuid>/data` (a resumable file of the driver) holds the bytes
 * received so far, `startedat` the start time. Both live in the store, so a session continues in
 * another process (or replica) on the same store. Operations on one session run one at a time in
 * this process. Each session keeps a sha256 in memory while the process lives; a commit with
 * another algorithm, after a restart or in another process, hashes the data again.
 */
export class Uploads {
  readonly #layout: Layout;
  readonly #driver: StorageDriver;
  readonly #blobs: Blobs;
  readonly #mutex = new KeyedMutex();
  readonly #live = new Map<string, LiveHash>();

  constructor(layout: Layout, driver: StorageDriver, blobs: Blobs) {
    this.#layout = layout;
    this.#driver = driver;
    this.#blobs = blobs;
  }

  /** Starts a session with an empty data file and a fresh in-memory sha256. */
  async create(repository: string): Promise<UploadState> {
    const id = randomUUID();
    const startedAt = new Date();
    await this.#driver.putContent(this.#layout.uploadStartedAt(repository, id), startedAt.toISOString(), {
      sync: false,
    });
    await this.#driver.createResumable(this.#layout.uploadData(repository, id));
    this.#live.set(key(repository, id), { hash: newHash('sha256'), size: 0 });
    return { id, repository, size: 0, startedAt };
  }

  /** The session's size (its data file's) and start time, or undefined when there is none. */
  async get(repository: string, id: string): Promise<UploadState | undefined> {
    const size = await this.#driver.resumableSize(this.#layout.uploadData(repository, id));
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
          : (await hashStream(this.#driver.openResumable(data), algorithm)).digest;
      if (actual !== digest) {
        await this.#remove(repository, id);
        throw new StoreError(
          'REGISTRY_DIGEST_MISMATCH',
          `uploaded content has digest ${actual}, not ${digest}`,
          {
            actualDigest: actual,
            size: state.size,
          },
        );
      }
      await this.#blobs.commitUpload(repository, digest, data);
      await this.#driver.deleteTree(this.#layout.upload(repository, id));
      return { digest, size: state.size };
    });
  }

  /** Removes a session; false when there was none. */
  async cancel(repository: string, id: string): Promise<boolean> {
    return this.#mutex.run(key(repository, id), async () => {
      this.#live.delete(key(repository, id));
      const data = await this.#driver.resumableSize(this.#layout.uploadData(repository, id));
      const started = await this.#driver.stat(this.#layout.uploadStartedAt(repository, id));
      if (data === undefined && started === undefined) return false;
      await this.#remove(repository, id);
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

  async #remove(repository: string, id: string): Promise<void> {
    await this.#driver.deleteResumable(this.#layout.uploadData(repository, id));
    await this.#driver.deleteTree(this.#layout.upload(repository, id));
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
    const check = (received: number): void => {
      if (chunk.length !== undefined && received !== chunk.length) {
        throw new StoreError(
          'REGISTRY_UPLOAD_LENGTH_MISMATCH',
          `chunk announced ${chunk.length} bytes but held ${received}`,
          { size: state.size },
        );
      }
    };
    try {
      count = await this.#driver.append(data, state.size, chunk.body, (bytes) => live?.hash.update(bytes), {
        follow: chunk.follow ?? false,
        check,
      });
    } catch (error) {
      if (live !== undefined && before !== undefined) live.hash = before;
      throw error;
    }
    if (live !== undefined) live.size = state.size + count;
    return { ...state, size: state.size + count };
  }

  async #startedAt(repository: string, id: string): Promise<Date> {
    const text = await this.#driver.getContent(this.#layout.uploadStartedAt(repository, id));
    if (text !== undefined) {
      const date = new Date(text.toString('utf8').trim());
      if (!Number.isNaN(date.getTime())) return date;
    }
    const data = await this.#driver.stat(this.#layout.uploadData(repository, id));
    return new Date(data?.modifiedMs ?? 0);
  }
}

function key(repository: string, id: string): string {
  return `${repository}\u0000${id}`;
}
