/**
 * The registry client's options, resolved in one place: defaults filled, ranges checked, the
 * undici dispatcher built. Model: go-containerregistry `remote/options.go` (`makeOptions`).
 */
import type { Dispatcher } from 'undici';
import type { BlobLocations } from './blob-locations.js';
import { createDispatchers, type Dispatchers } from './transport/dispatchers.js';
import { clientError } from './errors.js';
import type { CredentialProvider } from './credentials/types.js';
import { dockerConfigCredentials } from './credentials/provider.js';
import type { RetryEvent } from './transport/retry.js';
import { defaultUserAgent } from './transport/user-agent.js';
import { VERSION } from './version.js';

const MiB = 1024 * 1024;

/** Options of `new RegistryClient(options)`. Every field is optional. */
export interface ClientOptions {
  /** Blobs uploaded in parallel by `push`. Default 4; 1 to 64. */
  concurrency?: number;
  /** Retries of a failed request or upload after the first attempt. Default 5; 0 to 100. */
  retries?: number;
  /** First backoff delay before jitter, ms. Default 500. Delays double per retry. */
  backoffBaseMs?: number;
  /** Largest backoff delay, ms. Default 30 000. */
  backoffMaxMs?: number;
  /** Largest wait a `Retry-After` header can impose, ms. Default 60 000. */
  maxRetryAfterMs?: number;
  /**
   * Blobs up to this size go in one `PUT` (after the `POST` that starts the upload); larger ones
   * in `PATCH` chunks of {@link ClientOptions.chunkSize}. Default 8 MiB.
   */
  monolithicThreshold?: number;
  /** Bytes per `PATCH` of a chunked upload. Default 16 MiB; at least 64 KiB. */
  chunkSize?: number;
  /** Wait for response headers, ms. Default 120 000. */
  headersTimeoutMs?: number;
  /** Longest pause while receiving a body, ms. Default 120 000. */
  bodyTimeoutMs?: number;
  /** TCP + TLS connect timeout of the default dispatcher, ms. Default 30 000. */
  connectTimeoutMs?: number;
  /** `User-Agent` header. Default `container-package/<version>`. */
  userAgent?: string;
  /**
   * Registries spoken to over plain http, as `host` (any port) or `host:port`. Loopback
   * (`localhost`, `*.localhost`, `127.0.0.0/8`, `::1`) is always http, as docker does. Default `[]`.
   */
  insecure?: readonly string[];
  /**
   * The undici dispatcher every request goes through. Default: two keep-alive pools with
   * `connections: concurrency * 2` per origin each, closed by `client.close()`: Node.js's HTTP
   * client for every request but blob downloads, an undici `Agent` (loaded on first use) for those
   * (transport/dispatchers.ts). One given here carries every request and is not closed by the
   * client.
   */
  dispatcher?: Dispatcher;
  /** Where credentials come from. Default: the docker config (`$DOCKER_CONFIG` or `~/.docker`). */
  credentials?: CredentialProvider;
  /** Told about every retried request (for logs). Default: nothing. */
  onRetry?: (event: RetryEvent) => void;
  /**
   * Where blobs were seen in earlier runs, for cross-repository mounts (see blob-locations.ts).
   * Default: only what this client pushed.
   */
  blobLocations?: BlobLocations;
}

/** {@link ClientOptions} with every default applied. */
export interface ResolvedClientOptions {
  readonly concurrency: number;
  readonly retries: number;
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
  readonly maxRetryAfterMs: number;
  readonly monolithicThreshold: number;
  readonly chunkSize: number;
  readonly headersTimeoutMs: number;
  readonly bodyTimeoutMs: number;
  readonly connectTimeoutMs: number;
  readonly userAgent: string;
  readonly insecure: readonly string[];
  /** Where requests go (see {@link ClientOptions.dispatcher}). */
  readonly dispatchers: Dispatchers;
  readonly credentials: CredentialProvider;
  readonly onRetry: ((event: RetryEvent) => void) | undefined;
  readonly blobLocations: BlobLocations | undefined;
}

/**
 * Fills defaults (documented on {@link ClientOptions}) and checks ranges.
 *
 * @throws ClientError `CLIENT_INVALID_OPTION` naming the option, the value and the allowed range.
 */
export function resolveClientOptions(options: ClientOptions = {}): ResolvedClientOptions {
  const concurrency = int(options, 'concurrency', 4, 1, 64);
  const connectTimeoutMs = int(options, 'connectTimeoutMs', 30_000, 1, 600_000);
  const dispatchers = createDispatchers(options.dispatcher, {
    connections: concurrency * 2,
    connectTimeoutMs,
  });
  return {
    concurrency,
    retries: int(options, 'retries', 5, 0, 100),
    backoffBaseMs: int(options, 'backoffBaseMs', 500, 0, 600_000),
    backoffMaxMs: int(options, 'backoffMaxMs', 30_000, 0, 3_600_000),
    maxRetryAfterMs: int(options, 'maxRetryAfterMs', 60_000, 0, 3_600_000),
    monolithicThreshold: int(options, 'monolithicThreshold', 8 * MiB, 0, 1024 * MiB),
    chunkSize: int(options, 'chunkSize', 16 * MiB, 64 * 1024, 1024 * MiB),
    headersTimeoutMs: int(options, 'headersTimeoutMs', 120_000, 1, 3_600_000),
    bodyTimeoutMs: int(options, 'bodyTimeoutMs', 120_000, 1, 3_600_000),
    connectTimeoutMs,
    userAgent: options.userAgent ?? defaultUserAgent(VERSION),
    insecure: [...(options.insecure ?? [])],
    dispatchers,
    credentials: options.credentials ?? dockerConfigCredentials(),
    onRetry: options.onRetry,
    blobLocations: options.blobLocations,
  };
}

type NumericOption = {
  [K in keyof ClientOptions]-?: NonNullable<ClientOptions[K]> extends number ? K : never;
}[keyof ClientOptions];

function int(
  options: ClientOptions,
  name: NumericOption,
  fallback: number,
  min: number,
  max: number,
): number {
  const value = options[name];
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw clientError('CLIENT_INVALID_OPTION', `invalid client option ${name}: ${String(value)}`, {
      hint: `${name} must be a whole number from ${min} to ${max} (default ${fallback})`,
    });
  }
  return value;
}
