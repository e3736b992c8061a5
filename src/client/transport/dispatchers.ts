/**
 * The client's default connection pools: small requests (no body, or one held in memory) on
 * Node.js's HTTP client, blob transfers (a streamed body either way) on undici, loaded the first
 * time a blob moves. A dispatcher given in the client's options carries everything instead.
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
  /** Requests without a body or with one in memory. */
  readonly small: RequestDispatcher;
  /** Streamed bodies: blob uploads, and blob downloads (requests marked `bulk`). */
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
    return { small: shared, bulk: shared, owned: false };
  }
  return {
    small: new NodeHttpDispatcher(options),
    bulk: new LazyUndiciAgent(options),
    owned: true,
  };
}

/** Closes both pools. */
export async function closeDispatchers(dispatchers: Dispatchers): Promise<void> {
  if (!dispatchers.owned) return;
  await Promise.all([dispatchers.small.close(), dispatchers.bulk.close()]);
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
