/** The user-agent layer: sets `User-Agent` on every request that does not carry one. */
import type { Transport } from './types.js';

/** `container-package/<version>`, the default user agent. */
export function defaultUserAgent(version: string): string {
  return `container-package/${version}`;
}

/** Wraps `inner` so every request carries `User-Agent: <userAgent>` unless it set its own. */
export function withUserAgent(inner: Transport, userAgent: string): Transport {
  return (request) => {
    if (request.headers?.['user-agent'] !== undefined) return inner(request);
    return inner({ ...request, headers: { ...request.headers, 'user-agent': userAgent } });
  };
}
