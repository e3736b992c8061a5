import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
  type _Object,
} from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import { checkKey } from '../driver/keys.js';
import { S3StorageError, isNotFound } from './errors.js';
import type { S3DriverOptions } from './options.js';

/** The client, bucket and prefix every S3 operation of the driver goes through. */
export class S3Context {
  readonly client: S3Client;
  readonly bucket: string;
  readonly prefix: string;
  readonly #sse: { ServerSideEncryption?: 'AES256' | 'aws:kms'; SSEKMSKeyId?: string };

  constructor(client: S3Client, bucket: string, prefix: string, options: S3DriverOptions) {
    this.client = client;
    this.bucket = bucket;
    this.prefix = prefix;
    this.#sse = {
      ...(options.serverSideEncryption === undefined
        ? {}
        : { ServerSideEncryption: options.serverSideEncryption }),
      ...(options.kmsKeyId === undefined ? {} : { SSEKMSKeyId: options.kmsKeyId }),
    };
  }

  /** Encryption parameters for every request that creates an object. */
  get sse(): { ServerSideEncryption?: 'AES256' | 'aws:kms'; SSEKMSKeyId?: string } {
    return this.#sse;
  }

  /** The object name of a driver key. */
  object(key: string): string {
    return `${this.prefix}${checkKey(key)}`;
  }

  /** The driver key of an object name under the prefix. */
  keyOf(object: string): string {
    return object.slice(this.prefix.length);
  }

  /** Runs one S3 call; failures become {@link S3StorageError}s naming the bucket and key. */
  async call<T>(operation: string, object: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw new S3StorageError(operation, this.bucket, object, error);
    }
  }

  /** HeadObject, or undefined on 404. */
  async head(object: string): Promise<{ size: number; modifiedMs: number } | undefined> {
    try {
      const out = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: object }));
      return { size: out.ContentLength ?? 0, modifiedMs: out.LastModified?.getTime() ?? 0 };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw new S3StorageError('HeadObject', this.bucket, object, error);
    }
  }

  /** The whole body of an object, or undefined on 404. */
  async get(object: string): Promise<Buffer | undefined> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: object }));
      return Buffer.from(await out.Body!.transformToByteArray());
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw new S3StorageError('GetObject', this.bucket, object, error);
    }
  }

  /** A byte range of an object as a stream (both ends inclusive; undefined: to the end). */
  async getStream(object: string, start?: number, end?: number): Promise<Readable> {
    const range =
      start === undefined && end === undefined
        ? undefined
        : `bytes=${start ?? 0}-${end === undefined ? '' : end}`;
    const out = await this.call('GetObject', object, () =>
      this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: object, Range: range })),
    );
    return out.Body as Readable;
  }

  async put(object: string, body: Uint8Array | string, extra: { IfNoneMatch?: string } = {}): Promise<void> {
    const data = typeof body === 'string' ? Buffer.from(body) : body;
    await this.client
      .send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: object,
          Body: data,
          ContentLength: data.length,
          ...this.#sse,
          ...extra,
        }),
      )
      .catch((error: unknown) => {
        throw new S3StorageError('PutObject', this.bucket, object, error);
      });
  }

  /** DeleteObject (S3 answers 204 whether or not there was one). */
  async remove(object: string): Promise<void> {
    await this.call('DeleteObject', object, () =>
      this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: object })),
    );
  }

  /** CopyObject within the bucket (objects up to 5 GiB). */
  async copy(from: string, to: string): Promise<void> {
    await this.call('CopyObject', to, () =>
      this.client.send(
        new CopyObjectCommand({
          Bucket: this.bucket,
          Key: to,
          CopySource: this.copySource(from),
          ...this.#sse,
        }),
      ),
    );
  }

  /** The `x-amz-copy-source` of an object: bucket and key, each segment URL-encoded. */
  copySource(object: string): string {
    return `${this.bucket}/${object.split('/').map(encodeURIComponent).join('/')}`;
  }

  /** Every object (and, with a delimiter, common prefix) under `prefix`, page by page. */
  async list(
    prefix: string,
    delimiter: string | undefined,
    visit: (objects: readonly _Object[], prefixes: readonly string[]) => void | Promise<void>,
  ): Promise<void> {
    let token: string | undefined;
    do {
      const page = await this.call('ListObjectsV2', prefix, () =>
        this.client.send(
          new ListObjectsV2Command({
            Bucket: this.bucket,
            Prefix: prefix,
            Delimiter: delimiter,
            ContinuationToken: token,
          }),
        ),
      );
      await visit(
        page.Contents ?? [],
        (page.CommonPrefixes ?? []).map((p) => p.Prefix ?? '').filter((p) => p !== ''),
      );
      token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
  }
}
