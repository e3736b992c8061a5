import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  UploadPartCopyCommand,
} from '@aws-sdk/client-s3';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { AppendOptions } from '../driver/driver.js';
import { StoreError } from '../errors.js';
import type { S3Context } from './context.js';
import { MIN_PART_SIZE } from './options.js';

/** One stored piece of a resumable file: an object of its own. */
interface Piece {
  readonly object: string;
  readonly size: number;
}

/**
 * The state of a resumable file, kept in the bucket as the object at the file's own key (so any
 * replica can continue it): its size and the pieces holding its bytes, in order. Every piece but
 * the last holds at least 5 MiB (S3's part minimum), so the pieces can be joined into one object
 * by a multipart upload of server-side part copies.
 */
interface State {
  readonly version: 1;
  readonly size: number;
  readonly pieces: readonly Piece[];
}

/**
 * Resumable files (upload sessions) on S3. An append gathers the body into pieces of `partSize`
 * bytes, each stored as an object next to the state (`<key>.<uuid>`), and then replaces the state
 * object: the append counts only once the state names its pieces, so a failure at any moment
 * leaves the file as it was (pieces written meanwhile are deleted, or removed with the session).
 * A small last piece is read back and gathered again with the next append. Commit joins the
 * pieces into the target object with a multipart upload of part copies: the target appears
 * complete or not at all.
 */
export class S3Resumable {
  readonly #s3: S3Context;
  readonly #partSize: number;

  constructor(s3: S3Context, partSize: number) {
    this.#s3 = s3;
    this.#partSize = Math.max(partSize, MIN_PART_SIZE);
  }

  async create(object: string): Promise<void> {
    await this.#writeState(object, { version: 1, size: 0, pieces: [] });
  }

  async size(object: string): Promise<number | undefined> {
    return (await this.#state(object))?.size;
  }

  async append(
    object: string,
    position: number,
    body: Readable,
    onBytes: (bytes: Buffer) => void,
    options: AppendOptions,
  ): Promise<number> {
    const state = await this.#state(object);
    if (state === undefined) throw new StoreError('REGISTRY_UPLOAD_UNKNOWN', `no upload data at ${object}`);
    if (state.size !== position) {
      body.resume();
      throw new StoreError(
        'REGISTRY_UPLOAD_OUT_OF_ORDER',
        `chunk starts at byte ${position} but the upload holds ${state.size} bytes`,
        { size: state.size },
      );
    }
    const kept = [...state.pieces];
    const last = kept.at(-1);
    const gathered: Buffer[] = [];
    let gatheredBytes = 0;
    let replaced: Piece | undefined;
    if (last !== undefined && last.size < this.#partSize) {
      const bytes = (await this.#s3.get(last.object)) ?? Buffer.alloc(0);
      if (bytes.length !== last.size) {
        throw new StoreError(
          'REGISTRY_STORE_CORRUPT',
          `upload piece ${last.object} holds ${bytes.length} bytes, not ${last.size}`,
        );
      }
      gathered.push(bytes);
      gatheredBytes = bytes.length;
      replaced = kept.pop();
    }
    const written: Piece[] = [];
    const store = async (): Promise<void> => {
      const data = Buffer.concat(gathered, gatheredBytes);
      gathered.length = 0;
      gatheredBytes = 0;
      const piece = { object: `${object}.${randomUUID()}`, size: data.length };
      written.push(piece);
      await this.#s3.put(piece.object, data);
    };
    let count = 0;
    try {
      for await (const chunk of body as AsyncIterable<Buffer>) {
        onBytes(chunk);
        gathered.push(chunk);
        gatheredBytes += chunk.length;
        count += chunk.length;
        if (gatheredBytes >= this.#partSize) await store();
      }
      options.check?.(count);
      if (gatheredBytes > 0) await store();
      await this.#writeState(object, { version: 1, size: position + count, pieces: [...kept, ...written] });
    } catch (error) {
      body.destroy();
      await Promise.all(written.map((piece) => this.#s3.remove(piece.object).catch(() => undefined)));
      throw error;
    }
    if (replaced !== undefined) await this.#s3.remove(replaced.object).catch(() => undefined);
    return count;
  }

  /** The bytes of the file, piece after piece. */
  open(object: string): Readable {
    const s3 = this.#s3;
    const state = this.#state.bind(this);
    return Readable.from(
      (async function* () {
        const found = await state(object);
        if (found === undefined)
          throw new StoreError('REGISTRY_UPLOAD_UNKNOWN', `no upload data at ${object}`);
        for (const piece of found.pieces) yield* (await s3.getStream(piece.object)) as AsyncIterable<Buffer>;
      })(),
      { objectMode: false },
    );
  }

  /** Joins the pieces into `target`, then discards the file. */
  async commit(object: string, target: string): Promise<void> {
    const state = await this.#state(object);
    if (state === undefined) throw new StoreError('REGISTRY_UPLOAD_UNKNOWN', `no upload data at ${object}`);
    if (state.pieces.length === 0) await this.#s3.put(target, Buffer.alloc(0));
    else if (state.pieces.length === 1) await this.#s3.copy(state.pieces[0]!.object, target);
    else await this.#join(state.pieces, target);
    await this.delete(object);
  }

  /** Deletes the state and every piece (also pieces of failed appends); false when there was no file. */
  async delete(object: string): Promise<boolean> {
    const state = await this.#state(object);
    const pieces: string[] = [];
    await this.#s3.list(`${object}.`, undefined, (objects) => {
      for (const found of objects) if (found.Key !== undefined) pieces.push(found.Key);
    });
    for (const piece of pieces) await this.#s3.remove(piece);
    if (state === undefined) return false;
    await this.#s3.remove(object);
    return true;
  }

  async #join(pieces: readonly Piece[], target: string): Promise<void> {
    const { client, bucket } = this.#s3;
    const created = await this.#s3.call('CreateMultipartUpload', target, () =>
      client.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: target, ...this.#s3.sse })),
    );
    const uploadId = created.UploadId!;
    try {
      const parts: { PartNumber: number; ETag: string }[] = [];
      for (const [index, piece] of pieces.entries()) {
        const copied = await this.#s3.call('UploadPartCopy', target, () =>
          client.send(
            new UploadPartCopyCommand({
              Bucket: bucket,
              Key: target,
              UploadId: uploadId,
              PartNumber: index + 1,
              CopySource: this.#s3.copySource(piece.object),
            }),
          ),
        );
        parts.push({ PartNumber: index + 1, ETag: copied.CopyPartResult?.ETag ?? '' });
      }
      await this.#s3.call('CompleteMultipartUpload', target, () =>
        client.send(
          new CompleteMultipartUploadCommand({
            Bucket: bucket,
            Key: target,
            UploadId: uploadId,
            MultipartUpload: { Parts: parts },
          }),
        ),
      );
    } catch (error) {
      await client
        .send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: target, UploadId: uploadId }))
        .catch(() => undefined);
      throw error;
    }
  }

  async #state(object: string): Promise<State | undefined> {
    const bytes = await this.#s3.get(object);
    if (bytes === undefined) return undefined;
    try {
      const state = JSON.parse(bytes.toString('utf8')) as State;
      if (state.version === 1 && Array.isArray(state.pieces)) return state;
    } catch {
      // reported below
    }
    throw new StoreError('REGISTRY_STORE_CORRUPT', `upload state ${object} is not a resumable file's state`);
  }

  async #writeState(object: string, state: State): Promise<void> {
    await this.#s3.put(object, JSON.stringify(state));
  }
}
