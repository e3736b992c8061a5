/**
 * The transport contract: a function from request to response, wrapped in layers (user agent,
 * auth, retry) the way go-containerregistry stacks `http.RoundTripper`s. Each layer is one file.
 */
import type { Readable } from 'node:stream';
import type { ResponseBody } from './dispatcher.js';

/** Opens a fresh body stream: a request with such a body can be sent again (retried). */
export type BodyOpener = (signal?: AbortSignal) => Promise<Readable> | Readable;

/**
 * A request body: bytes and strings and openers can be replayed; a bare `Readable` is sent once
 * and never retried.
 */
export type RequestBody = Uint8Array | string | BodyOpener | Readable;

/** One HTTP request to a registry (or its token server). */
export interface HttpRequest {
  readonly method: string;
  readonly url: URL;
  /** Lower-case names. `content-length` should be set for stream bodies. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: RequestBody;
  readonly signal?: AbortSignal;
  /**
   * Token scopes the request needs, e.g. `repository:team/app:pull,push`. The bearer layer asks
   * the token server for them. Default: none (the registry's challenge decides).
   */
  readonly scopes?: readonly string[];
  /**
   * The response body is a blob (a download): sent through the bulk pool (dispatchers.ts).
   * Default `false`.
   */
  readonly bulk?: boolean;
  /** `false` forbids the retry layer to resend this request. Default `true` (when the body is replayable). */
  readonly retry?: boolean;
}

/** A response whose body the caller must consume or `dump()`. */
export interface HttpResponse {
  readonly status: number;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: ResponseBody;
  /** The URL that was requested (for resolving relative `Location` and `Link` values). */
  readonly url: URL;
  /** The request's method, for error messages. */
  readonly method: string;
}

/** A transport layer: sends a request, answers a response (any status), throws on network failure. */
export type Transport = (request: HttpRequest) => Promise<HttpResponse>;

/** True when the body can be produced again for a second attempt. */
export function isReplayable(body: RequestBody | undefined): boolean {
  return (
    body === undefined || typeof body === 'string' || typeof body === 'function' || body instanceof Uint8Array
  );
}

/** The first value of a response header, or `undefined`. */
export function header(response: Pick<HttpResponse, 'headers'>, name: string): string | undefined {
  const value = response.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** Every value of a response header (repeated headers stay separate). */
export function headerValues(response: Pick<HttpResponse, 'headers'>, name: string): string[] {
  const value = response.headers[name.toLowerCase()];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Reads and discards a response body, ignoring errors (the connection may be reused). */
export async function discard(response: HttpResponse): Promise<void> {
  try {
    await response.body.dump({ limit: 256 * 1024 });
  } catch {
    // The body was already consumed or the socket closed: nothing to keep.
  }
}
