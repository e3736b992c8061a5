import {
  AbortMultipartUploadCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListMultipartUploadsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type {
  AppendOptions,
  DirEntry,
  FileInfo,
  PutOptions,
  StorageDriver,
  WalkEntry,
} from '../driver/driver.js';
import { StoreError } from '../errors.js';
import type { ChunkSink } from '../range-reader.js';
import { S3Context } from './context.js';
import type { S3StorageError } from './errors.js';
import { isPreconditionFailed } from './errors.js';
import { DEFAULT_PART_SIZE, normalisePrefix, type S3DriverOptions } from './options.js';
import { S3Resumable } from './resumable.js';

/** Connections to the S3 service at once. */
const MAX_SOCKETS = 256;

/** Where access times are kept: `_accessed/<key>/<ms>`, an empty object per recorded use. */
const ACCESSED = '_accessed';

/**
 * The S3 {@link StorageDriver}: a key is an object name under the prefix. Credentials come from
 * the SDK's default chain only (environment, shared profile, instance or task role). Whole files
 * are single PUTs (atomic in S3); resumable files are pieces plus a state object (`resumable.ts`);
 * access times are empty marker objects, since an object's metadata cannot change in place.
 */
export class S3Driver implements StorageDriver {
  readonly name = 's3';
  readonly #s3: S3Context;
  readonly #resumable: S3Resumable;
  readonly #redirectSeconds: number;
  #writableUntil = 0;

  constructor(options: S3DriverOptions, client?: S3Client) {
    const s3 =
      client ??
      new S3Client({
        region: options.region ?? process.env.AWS_REGION ?? 'us-east-1',
        ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
        forcePathStyle: options.forcePathStyle ?? false,
        // A streamed body would go out aws-chunked with a trailing checksum, which several
        // S3-compatible services refuse; bodies here are buffers, checksummed only when required.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        // The SDK's default of 50 sockets queues manifest requests (two S3 reads each) under load.
        requestHandler: {
          httpAgent: { keepAlive: true, maxSockets: MAX_SOCKETS },
          httpsAgent: { keepAlive: true, maxSockets: MAX_SOCKETS },
        },
      });
    this.#s3 = new S3Context(s3, options.bucket, normalisePrefix(options.prefix), options);
    this.#resumable = new S3Resumable(this.#s3, options.partSize ?? DEFAULT_PART_SIZE);
    this.#redirectSeconds = Math.floor((options.redirectExpiryMs ?? 0) / 1000);
  }

  get location(): string {
    return `s3://${this.#s3.bucket}/${this.#s3.prefix}`;
  }

  /** Checks that the bucket is there and the credentials may use it. */
  async init(): Promise<void> {
    const { client, bucket } = this.#s3;
    await this.#s3.call('HeadBucket', '', () => client.send(new HeadBucketCommand({ Bucket: bucket })));
  }

  getContent(key: string): Promise<Buffer | undefined> {
    return this.#s3.get(this.#s3.object(key));
  }

  putContent(key: string, data: string | Uint8Array, _options?: PutOptions): Promise<void> {
    return this.#s3.put(this.#s3.object(key), data);
  }

  /** PutObject with `If-None-Match: *`: the service lets exactly one racer create it. */
  async createExclusive(key: string, data: string | Uint8Array): Promise<boolean> {
    try {
      await this.#s3.put(this.#s3.object(key), data, { IfNoneMatch: '*' });
      return true;
    } catch (error) {
      if (isPreconditionFailed((error as S3StorageError).cause)) return false;
      throw error;
    }
  }

  async putMarker(key: string): Promise<void> {
    try {
      await this.#s3.put(this.#s3.object(key), '', { IfNoneMatch: '*' });
    } catch (error) {
      if (!isPreconditionFailed((error as S3StorageError).cause)) throw error;
    }
  }

  stat(key: string): Promise<FileInfo | undefined> {
    return this.#s3.head(this.#s3.object(key));
  }

  async list(key: string): Promise<DirEntry[]> {
    const base = key === '' ? this.#s3.prefix : `${this.#s3.object(key)}/`;
    const entries: DirEntry[] = [];
    await this.#s3.list(base, '/', (objects, prefixes) => {
      for (const p of prefixes) entries.push({ name: p.slice(base.length, -1), directory: true });
      for (const o of objects) {
        const name = (o.Key ?? '').slice(base.length);
        if (name !== '' && !name.includes('/')) entries.push({ name, directory: false });
      }
    });
    return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  async walk(key: string, visit: (entry: WalkEntry) => void | Promise<void>): Promise<void> {
    const accessed = new Map<string, number>();
    const markers = `${this.#s3.prefix}${ACCESSED}/${key}/`;
    await this.#s3.list(markers, undefined, (objects) => {
      for (const o of objects) {
        const rest = (o.Key ?? '').slice(markers.length - key.length - 1);
        const slash = rest.lastIndexOf('/');
        const at = Number(rest.slice(slash + 1));
        const of = rest.slice(0, slash);
        if (Number.isFinite(at)) accessed.set(of, Math.max(accessed.get(of) ?? 0, at));
      }
    });
    const base = key === '' ? this.#s3.prefix : `${this.#s3.object(key)}/`;
    await this.#s3.list(base, undefined, async (objects) => {
      for (const o of objects) {
        if (o.Key === undefined) continue;
        const found = this.#s3.keyOf(o.Key);
        const modifiedMs = o.LastModified?.getTime() ?? 0;
        const accessedMs = Math.max(modifiedMs, accessed.get(found) ?? 0);
        await visit({ key: found, size: o.Size ?? 0, modifiedMs, accessedMs });
      }
    });
  }

  async delete(key: string): Promise<boolean> {
    const object = this.#s3.object(key);
    if ((await this.#s3.head(object)) === undefined) return false;
    await this.#s3.remove(object);
    if (key.startsWith('blobs/')) await this.#deleteMarkers(key);
    return true;
  }

  async deleteTree(key: string): Promise<void> {
    const objects: string[] = [];
    await this.#s3.list(`${this.#s3.object(key)}/`, undefined, (found) => {
      for (const o of found) if (o.Key !== undefined) objects.push(o.Key);
    });
    for (const object of objects) await this.#s3.remove(object);
  }

  async move(from: string, to: string): Promise<void> {
    await this.#s3.copy(this.#s3.object(from), this.#s3.object(to));
    await this.#s3.remove(this.#s3.object(from));
  }

  open(key: string, start?: number, end?: number): Readable {
    const s3 = this.#s3;
    const object = s3.object(key);
    return Readable.from(
      (async function* () {
        yield* (await s3.getStream(object, start, end)) as AsyncIterable<Buffer>;
      })(),
      { objectMode: false },
    );
  }

  async readRange(key: string, start: number, end: number, sink: ChunkSink): Promise<void> {
    const object = this.#s3.object(key);
    let position = start;
    for await (const chunk of (await this.#s3.getStream(object, start, end)) as AsyncIterable<Buffer>) {
      position += chunk.length;
      await sink(chunk);
    }
    if (position <= end) {
      throw new StoreError(
        'REGISTRY_STORE_CORRUPT',
        `object s3://${this.#s3.bucket}/${object} ends at byte ${position}, before byte ${end}`,
        { hint: 'run `container-package registry fsck` to find and remove corrupt content' },
      );
    }
  }

  /** Writes the marker `_accessed/<key>/<atMs>` and removes older ones; a missing file is ignored. */
  async setAccessTime(key: string, atMs: number): Promise<void> {
    if ((await this.#s3.head(this.#s3.object(key))) === undefined) return;
    const base = `${this.#s3.prefix}${ACCESSED}/${key}/`;
    const marker = `${base}${Math.floor(atMs)}`;
    await this.#s3.put(marker, '');
    await this.#deleteMarkers(key, marker);
  }

  createResumable(key: string): Promise<void> {
    return this.#resumable.create(this.#s3.object(key));
  }

  resumableSize(key: string): Promise<number | undefined> {
    return this.#resumable.size(this.#s3.object(key));
  }

  append(
    key: string,
    position: number,
    body: Readable,
    onBytes: (bytes: Buffer) => void,
    options: AppendOptions = {},
  ): Promise<number> {
    return this.#resumable.append(this.#s3.object(key), position, body, onBytes, options);
  }

  openResumable(key: string): Readable {
    return this.#resumable.open(this.#s3.object(key));
  }

  commitResumable(key: string, target: string): Promise<void> {
    return this.#resumable.commit(this.#s3.object(key), this.#s3.object(target));
  }

  deleteResumable(key: string): Promise<boolean> {
    return this.#resumable.delete(this.#s3.object(key));
  }

  /** Aborts multipart uploads under the prefix started before `cutoffMs` (commits that died midway). */
  async purgeStale(cutoffMs: number): Promise<number> {
    const { client, bucket, prefix } = this.#s3;
    let aborted = 0;
    let marker: { KeyMarker?: string; UploadIdMarker?: string } = {};
    for (;;) {
      const out = await this.#s3.call('ListMultipartUploads', prefix, () =>
        client.send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: prefix, ...marker })),
      );
      for (const upload of out.Uploads ?? []) {
        if ((upload.Initiated?.getTime() ?? Infinity) >= cutoffMs) continue;
        await this.#s3.call('AbortMultipartUpload', upload.Key ?? '', () =>
          client.send(
            new AbortMultipartUploadCommand({ Bucket: bucket, Key: upload.Key, UploadId: upload.UploadId }),
          ),
        );
        aborted += 1;
      }
      if (out.IsTruncated !== true) return aborted;
      marker = { KeyMarker: out.NextKeyMarker, UploadIdMarker: out.NextUploadIdMarker };
    }
  }

  /** Writes and deletes a probe object; a success is trusted for 10 s (health checks come often). */
  async checkWritable(): Promise<void> {
    if (Date.now() < this.#writableUntil) return;
    const probe = `${this.#s3.prefix}_probe/${randomUUID()}`;
    await this.#s3.put(probe, 'ok');
    await this.#s3.remove(probe);
    this.#writableUntil = Date.now() + 10_000;
  }

  /** A presigned GET of the object, when redirects are configured. */
  async redirectURL(key: string): Promise<string | undefined> {
    if (this.#redirectSeconds <= 0) return undefined;
    const { client, bucket } = this.#s3;
    const command = new GetObjectCommand({ Bucket: bucket, Key: this.#s3.object(key) });
    return getSignedUrl(client, command, { expiresIn: this.#redirectSeconds });
  }

  async #deleteMarkers(key: string, keep?: string): Promise<void> {
    const old: string[] = [];
    await this.#s3.list(`${this.#s3.prefix}${ACCESSED}/${key}/`, undefined, (objects) => {
      for (const o of objects) if (o.Key !== undefined && o.Key !== keep) old.push(o.Key);
    });
    for (const marker of old) await this.#s3.remove(marker);
  }
}
