/**
 * The client's default connection pools: every request that does not download a blob (blob
 * uploads included) on Node.js's HTTP client, blob downloads on undici, loaded the first time a
 * blob is downloaded. A dispatcher given in the client's options carries everything instead.
 */
import type { Dispatcher } from 'undici';
import type { DispatchOptions, DispatchResponse, RequestDispatcher } from './dispatcher.js';
import { NodeHttpDispatcher } from './node-http.js';

/** Settings of the default pools. */
export interface DefaultDispatcherOptions {
  /** Most connections per origin, each pool. */
  readonly connections: number;
  readonly connectTimeoutMs: number;
}

/** The two pools a request is routed between (see {@link pickDispatcher}). */
export interface Dispatchers {
  /** Every request but blob downloads: no body, one in memory, or a streamed blob upload. */
  readonly requests: RequestDispatcher;
  /** Blob downloads (requests marked `bulk`). */
  readonly bulk: RequestDispatcher;
  /** True when the client built them (and `close()` must close them). */
  readonly owned: boolean;
}

/** The default pools, or `given` for both. */
export function createDispatchers(
  given: Dispatcher | undefined,
  options: DefaultDispatcherOptions,
): Dispatchers {
  if (given !== undefined) {
    const shared = given as unknown as RequestDispatcher;
    return { requests: shared, bulk: shared, owned: false };
  }
  return {
    requests: new NodeHttpDispatcher(options),
    bulk: new LazyUndiciAgent(options),
    owned: true,
  };
}

/** Closes both pools. */
export async function closeDispatchers(dispatchers: Dispatchers): Promise<void> {
  if (!dispatchers.owned) return;
  await Promise.all([dispatchers.requests.close(), dispatchers.bulk.close()]);
}

/** undici's `Agent` with keep-alive, built on its first request. */
export class LazyUndiciAgent implements RequestDispatcher {
  readonly #options: DefaultDispatcherOptions;
  #agent: Promise<Dispatcher> | undefined;

  constructor(options: DefaultDispatcherOptions) {
    this.#options = options;
  }

  async request(options: DispatchOptions): Promise<DispatchResponse> {
    this.#agent ??= import('./agent.js').then(
      ({ Agent }) =>
        new Agent({
          connections: this.#options.connections,
          connect: { timeout: this.#options.connectTimeoutMs },
          keepAliveTimeout: 30_000,
        }),
    );
    const agent = await this.#agent;
    return (await agent.request(options as Dispatcher.RequestOptions)) as unknown as DispatchResponse;
  }

  async close(): Promise<void> {
    if (this.#agent) await (await this.#agent).close();
  }
}
