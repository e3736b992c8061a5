import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ResolvedRegistryOptions } from '../options.js';
import type { Store } from '../storage/store.js';

/** Everything a handler needs about one request. Names and digests in routes are validated by then. */
export interface RequestContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  /** Upper-case HTTP method. */
  readonly method: string;
  readonly query: URLSearchParams;
  readonly options: ResolvedRegistryOptions;
  readonly store: Store;
}
