import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Store } from '../storage/store.js';

/**
 * The registry's resolved options as handlers see them: `ResolvedRegistryOptions`, merged in by
 * `../options.ts` (`declare module`). Declared here, empty, so that http/ does not import
 * options.ts, which imports caching.ts → mirror/ → http/: that was an import cycle.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RequestOptions {}

/** Everything a handler needs about one request. Names and digests in routes are validated by then. */
export interface RequestContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  /** Upper-case HTTP method. */
  readonly method: string;
  readonly query: URLSearchParams;
  readonly options: RequestOptions;
  readonly store: Store;
}
