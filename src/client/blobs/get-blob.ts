/**
 * Reading a blob as a stream that is checked while it flows: it fails at its end (or as soon as it
 * runs past the expected size) when the bytes do not match the digest. Redirects to storage (S3,
 * a CDN) are followed without credentials.
 */
import { Transform, type TransformCallback, type Readable } from 'node:stream';
import { createDigester, parseDigest, type Digester } from '../../oci/index.js';
import { ContentMismatchError, clientError } from '../errors.js';
import { apiPath, pullScope } from '../repository.js';
import { expectStatus } from '../transport/check.js';
import { discard, header, type HttpResponse } from '../transport/types.js';
import type { StepContext } from './steps.js';

/** Most redirects followed for one blob. */
export const MAX_REDIRECTS = 5;

/**
 * `GET /v2/<repo>/blobs/<digest>` as a verified stream. `size`, when known, is checked too.
 *
 * @throws RegistryError `CLIENT_NOT_FOUND` when the blob is not there; the stream itself fails
 *   with ContentMismatchError `CLIENT_DIGEST_MISMATCH` on wrong content.
 */
export async function getBlob(ctx: StepContext, digest: string, size?: number): Promise<Readable> {
  const { algorithm } = parseDigest(digest);
  let url = ctx.session.url(apiPath(ctx.repo, 'blobs', digest));
  let response: HttpResponse;
  for (let redirects = 0; ; redirects++) {
    response = await ctx.session.transport({
      method: 'GET',
      url,
      bulk: true,
      scopes: [pullScope(ctx.repo)],
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    });
    const location = header(response, 'location');
    if (response.status < 300 || response.status >= 400 || location === undefined) break;
    await discard(response);
    const next = new URL(location, url);
    if (redirects >= MAX_REDIRECTS || (url.protocol === 'https:' && next.protocol !== 'https:')) {
      throw clientError(
        'CLIENT_BAD_LOCATION',
        `refusing redirect ${redirects + 1} for blob ${digest} to ${next.protocol}//${next.host}`,
      );
    }
    url = next;
  }
  await expectStatus(response, [200], { registry: ctx.session.registry, repository: ctx.repo.repository });
  const verifier = new BlobVerifier(digest, createDigester(algorithm), size);
  response.body.on('error', (error) => verifier.destroy(error));
  return response.body.pipe(verifier);
}

class BlobVerifier extends Transform {
  readonly #digest: string;
  readonly #digester: Digester;
  readonly #size: number | undefined;

  constructor(digest: string, digester: Digester, size: number | undefined) {
    super();
    this.#digest = digest;
    this.#digester = digester;
    this.#size = size;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.#size !== undefined && this.#digester.size + chunk.length > this.#size) {
      callback(this.#mismatch(`more than ${this.#size} bytes`));
      return;
    }
    this.#digester.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.#size !== undefined && this.#digester.size !== this.#size) {
      callback(this.#mismatch(`${this.#digester.size} bytes, not ${this.#size}`));
      return;
    }
    const actual = this.#digester.digest();
    callback(actual === this.#digest ? null : this.#mismatch(`bytes hashing to ${actual}`));
  }

  #mismatch(what: string): ContentMismatchError {
    return new ContentMismatchError(
      `blob ${this.#digest} was served as ${what}`,
      this.#digest,
      what,
      'retry the download; the registry or a proxy corrupted it',
    );
  }
}
