/**
 * One registry's transport stack, built once per registry and client: HTTP (undici) → user
 * agent → retry → auth. Model: go-containerregistry `transport.NewWithContext`.
 */
import type { ResolvedClientOptions } from './options.js';
import { RegistryAuth } from './transport/auth.js';
import { type ErrorContext, expectStatus, readRegistryError } from './transport/check.js';
import { createHttpTransport } from './transport/http.js';
import { withRetry } from './transport/retry.js';
import { registryOrigin } from './transport/scheme.js';
import { discard, type HttpRequest, type HttpResponse, type Transport } from './transport/types.js';
import { withUserAgent } from './transport/user-agent.js';

/** Statuses of a refusal, whose body says why (401: who you are; 403: what you may do). */
const REFUSED = new Set([401, 403]);

/** A registry's origin, auth state and transport. */
export class RegistrySession {
  readonly registry: string;
  /** `https://host[:port]` (http for insecure registries). */
  readonly origin: URL;
  readonly auth: RegistryAuth;
  /** The full stack, auth included. */
  readonly transport: Transport;
  readonly options: ResolvedClientOptions;

  constructor(registry: string, options: ResolvedClientOptions) {
    this.registry = registry;
    this.options = options;
    this.origin = registryOrigin(registry, options.insecure);
    const http = createHttpTransport(options);
    const inner = withRetry(withUserAgent(http, options.userAgent), {
      retries: options.retries,
      baseMs: options.backoffBaseMs,
      maxMs: options.backoffMaxMs,
      maxRetryAfterMs: options.maxRetryAfterMs,
      ...(options.onRetry ? { onRetry: options.onRetry } : {}),
    });
    this.auth = new RegistryAuth({
      registry,
      origin: this.origin,
      transport: inner,
      credentials: options.credentials,
      clientId: options.userAgent,
    });
    this.transport = this.auth.transport;
  }

  /** An absolute URL on the registry for an API path such as `/v2/team/app/tags/list`. */
  url(path: string): URL {
    return new URL(path, this.origin);
  }

  /**
   * Sends `request` and checks the status is one of `expected`.
   *
   * @throws RegistryError (with a `CLIENT_*` code chosen from the status) otherwise.
   */
  async send(
    request: HttpRequest,
    expected: readonly number[],
    context: ErrorContext = {},
  ): Promise<HttpResponse> {
    const response = await this.transport(request);
    const where = { registry: this.registry, ...context };
    if (request.method === 'HEAD' && !expected.includes(response.status) && REFUSED.has(response.status)) {
      // A HEAD answer has no body, so the registry's reason would be lost: ask again with GET.
      await discard(response);
      const again = await this.transport({ ...request, method: 'GET' });
      if (REFUSED.has(again.status)) throw await readRegistryError(again, where);
      await discard(again);
      throw await readRegistryError(response, where);
    }
    await expectStatus(response, expected, where);
    return response;
  }
}
