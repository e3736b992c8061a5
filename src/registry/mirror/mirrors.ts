import type { ClientOptions, RegistryClient } from '../../client/index.js';
import type { RequestContext } from '../http/context.js';
import type { Route } from '../http/router.js';
import type { Logger } from '../ops/logger.js';
import { LruCache } from '../storage/lru.js';
import type { Store } from '../storage/store.js';
import { pushRefused } from './errors.js';
import { TagFreshness } from './freshness.js';
import { MIRROR_DEFAULTS, type ResolvedMirror } from './options.js';
import type { ManifestOutcome, MirrorRuntime } from './runtime.js';
import { serveMirroredBlob, serveMirroredManifest } from './serve.js';
import { SingleFlight } from './single-flight.js';
import { MirrorTable } from './table.js';

/** Options of {@link Mirrors}. */
export interface MirrorsOptions {
  readonly mirrors: readonly ResolvedMirror[];
  /** The guarded store requests use. */
  readonly store: Store;
  /** Path of an upload session's data file (disk stores), so clients are streamed to while a blob arrives. */
  readonly dataPath?: (repository: string, id: string) => string;
  /** Link blobs already in the store into a mirror repository without asking its upstream. */
  readonly automaticCrossMount: boolean;
  readonly logger: Logger;
  /** Extra options of the upstream clients (a dispatcher, a user agent). Default none. */
  readonly client?: Omit<ClientOptions, 'credentials' | 'retries' | 'insecure'>;
}

/**
 * The registry's pull-through mirrors: several upstreams at once, each behind a repository
 * prefix. Reads of a mirror repository (`GET`/`HEAD` of manifests and blobs) are pulled through;
 * pushes into one are refused; deletes, tag lists and referrers act on what is cached. Every
 * other repository is a normal local one, pushable at the same time.
 */
export class Mirrors {
  readonly table: MirrorTable;
  readonly #runtime: MirrorRuntime;
  readonly #clients = new Map<string, RegistryClient>();
  readonly #freshness = new Map<string, TagFreshness>();

  constructor(options: MirrorsOptions) {
    this.table = new MirrorTable(options.mirrors);
    const clients = this.#clients;
    const freshness = this.#freshness;
    this.#runtime = {
      store: options.store,
      logger: options.logger,
      crossMount: options.automaticCrossMount,
      dataPath: options.dataPath,
      async client(mirror) {
        let client = clients.get(mirror.prefix);
        if (client === undefined) {
          const { RegistryClient, dockerConfigCredentials } = await import('../../client/index.js');
          // Another request may have made it while the module loaded.
          client = clients.get(mirror.prefix);
          if (client !== undefined) return client;
          client = new RegistryClient({
            concurrency: 16,
            backoffBaseMs: 200,
            backoffMaxMs: 2_000,
            ...options.client,
            retries: mirror.retries,
            credentials: mirror.credentials ?? dockerConfigCredentials(),
            insecure: mirror.upstream.insecure ? [mirror.upstream.registry] : [],
          });
          clients.set(mirror.prefix, client);
        }
        return client;
      },
      freshness(mirror) {
        let entry = freshness.get(mirror.prefix);
        if (entry === undefined) {
          entry = new TagFreshness(
            mirror.tagMaxAgeMs,
            Math.min(mirror.tagMaxAgeMs, MIRROR_DEFAULTS.failureBackoffMs),
          );
          freshness.set(mirror.prefix, entry);
        }
        return entry;
      },
      manifestFlights: new SingleFlight<ManifestOutcome>(),
      fills: new Map(),
      sizes: new LruCache<number>(200_000, 200_000),
    };
  }

  /** The local name of a request (containerd's `ns`, Docker Hub's `library/`); see `MirrorTable.localName`. */
  localName(name: string, ns: string | null): string {
    return this.table.localName(name, ns);
  }

  /** True when `name` is a mirror repository. */
  isMirror(name: string): boolean {
    return this.table.isMirror(name);
  }

  /**
   * Answers `route` when `name` is a mirror repository and the request is a pull, refuses pushes
   * into one (403 `DENIED`), and returns false for everything the local handlers answer.
   */
  async handle(ctx: RequestContext, route: Route, name: string): Promise<boolean> {
    const mirror = this.table.match(name);
    if (mirror === undefined) return false;
    const read = ctx.method === 'GET' || ctx.method === 'HEAD';
    switch (route.kind) {
      case 'uploads':
      case 'upload':
        ctx.req.resume();
        throw pushRefused(name, mirror.prefix, mirror.upstream.url);
      case 'manifest':
        if (ctx.method === 'PUT') {
          ctx.req.resume();
          throw pushRefused(name, mirror.prefix, mirror.upstream.url);
        }
        if (!read) return false;
        await serveMirroredManifest(ctx, this.#runtime, mirror, name, route.reference);
        return true;
      case 'blob':
        if (!read) return false;
        await serveMirroredBlob(ctx, this.#runtime, mirror, name, route.digest);
        return true;
      default:
        return false;
    }
  }

  /**
   * Waits (at most `timeoutMs`, default 10 s) for blob fills in flight, which finish even when
   * their clients left, then closes the upstream clients.
   */
  async close(timeoutMs = 10_000): Promise<void> {
    const fills = Promise.allSettled([...this.#runtime.fills.values()].map((fill) => fill.done));
    await within(timeoutMs, fills);
    const clients = [...this.#clients.values()];
    this.#clients.clear();
    await within(timeoutMs, Promise.allSettled(clients.map((client) => client.close())));
  }
}

async function within(ms: number, promise: Promise<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
    timer.unref();
  });
  await Promise.race([promise, timeout]);
  clearTimeout(timer);
}
