/**
 * What the HTTP layer needs of a connection pool: one `request()` answering status, headers and a
 * body stream, and `close()`. undici's `Dispatcher` has this shape (a dispatcher given in the
 * client's options is used as is); the default pair (dispatchers.ts) puts every request but blob
 * downloads on Node.js's own HTTP client and blob downloads on undici.
 */
import type { Readable } from 'node:stream';

/** One request, in undici's `Dispatcher.request()` terms. */
export interface DispatchOptions {
  /** `http://host:port` or `https://host:port`. */
  readonly origin: string;
  /** Path and query. */
  readonly path: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: string | Uint8Array | Readable | undefined;
  readonly signal?: AbortSignal | null;
  /** Time to wait for response headers, ms. */
  readonly headersTimeout: number;
  /** Longest pause between response body chunks, ms. */
  readonly bodyTimeout: number;
}

/** A response body: a stream, plus `dump()` to read and drop what is left. */
export type ResponseBody = Readable & {
  /** Reads and discards the rest of the body (up to `limit` bytes, then closes the connection). */
  dump(options?: { limit?: number }): Promise<void>;
};

/** What `request()` answers. */
export interface DispatchResponse {
  readonly statusCode: number;
  /** Lower-case names; a repeated header is an array. */
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: ResponseBody;
}

/** A connection pool. */
export interface RequestDispatcher {
  request(options: DispatchOptions): Promise<DispatchResponse>;
  close(): Promise<void>;
}
