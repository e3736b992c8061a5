import { EventEmitter } from 'node:events';
import { Transform, type Readable } from 'node:stream';
import type { BlobInfo, Store } from '../storage/store.js';

/** Inputs of {@link startFill}. */
export interface FillInput {
  /** The (guarded) store the blob is committed to. */
  readonly store: Store;
  /** Repository it is linked into. */
  readonly repository: string;
  readonly digest: string;
  /** Size from a manifest that listed the blob, if one did. */
  readonly size: number | undefined;
  /**
   * Resolves `true` (nothing to fetch) when the blob became readable in `repository` meanwhile:
   * checked first, inside the single flight, so a fill never repeats one that just finished.
   */
  readonly present: () => Promise<boolean>;
  /** Opens the upstream's verified stream of the blob (fails on a bad status; errors on a bad digest). */
  readonly open: () => Promise<Readable>;
  /** Path of an upload session's data file, when the store keeps one on disk (readers follow it). */
  readonly dataPath?: (repository: string, id: string) => string;
}

/**
 * One blob being fetched from an upstream into the store: written to an upload session of the
 * store while it arrives, then verified and committed by the store (its digest is checked twice:
 * by the client's verifying stream and by the store's commit). Readers follow the session's data
 * file as it grows (see `follow.ts`); nothing becomes visible in the store unless it verified.
 * The fill runs to its end whether or not the request that started it is still there.
 */
export class BlobFill {
  readonly digest: string;
  readonly repository: string;
  readonly size: number | undefined;
  /** Resolves once the upstream answered with the blob (or nothing was needed); rejects on failure. */
  readonly started: Promise<void>;
  /** Resolves once the blob is committed (or was present); rejects when it could not be. */
  readonly done: Promise<BlobInfo | undefined>;
  /** The growing data file, once the fill has one; undefined when readers must wait for `done`. */
  dataPath: string | undefined;
  state: 'running' | 'done' | 'failed' = 'running';
  error: unknown;
  readonly #events = new EventEmitter();

  constructor(input: FillInput) {
    this.digest = input.digest;
    this.repository = input.repository;
    this.size = input.size;
    this.#events.setMaxListeners(0);
    let markStarted!: () => void;
    this.started = new Promise<void>((resolve) => (markStarted = resolve));
    this.done = this.#run(input, markStarted).then(
      (info) => {
        this.state = 'done';
        this.#events.emit('progress');
        return info;
      },
      (error: unknown) => {
        this.error = error;
        this.state = 'failed';
        this.#events.emit('progress');
        throw error;
      },
    );
    // `started` rejects with the failure when it happens before the upstream answered.
    this.started = Promise.race([this.started, this.done.then(() => undefined)]);
    this.started.catch(() => undefined);
    this.done.catch(() => undefined);
  }

  /** True once the fill has failed (read fresh: the state changes while a request awaits). */
  isFailed(): boolean {
    return this.state === 'failed';
  }

  /** Resolves at the next progress (bytes arrived, or the fill ended), or after `timeoutMs`. */
  waitForProgress(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(finish, timeoutMs);
      const events = this.#events;
      function finish(): void {
        clearTimeout(timer);
        events.off('progress', finish);
        resolve();
      }
      events.once('progress', finish);
    });
  }

  async #run(input: FillInput, markStarted: () => void): Promise<BlobInfo | undefined> {
    if (await input.present()) {
      markStarted();
      return undefined;
    }
    const { store, repository, digest } = input;
    const session = await store.createUpload(repository);
    let body: Readable | undefined;
    try {
      body = await input.open();
      this.dataPath = input.dataPath?.(repository, session.id);
      markStarted();
      const events = this.#events;
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          callback(null, chunk);
          setImmediate(() => events.emit('progress'));
        },
      });
      const source = body;
      // The store attaches its pipeline only after some I/O: until then a failure of the upstream
      // stream (a digest mismatch on a short blob) must not be an unhandled 'error' event. The
      // pipeline still sees it, as the stream's `errored` state.
      counter.on('error', () => undefined);
      source.on('error', (error) => counter.destroy(error));
      source.pipe(counter);
      // Followers read the data file as it grows: every piece goes to the file as it arrives.
      return await store.commitUpload(repository, session.id, digest, { body: counter, follow: true });
    } catch (error) {
      body?.destroy();
      await store.cancelUpload(repository, session.id).catch(() => false);
      throw error;
    }
  }
}
