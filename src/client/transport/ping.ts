/**
 * `GET /v2/`: tells whether the registry speaks the distribution API and how it wants to be
 * authenticated (no challenge, `Basic`, or `Bearer realm=… service=…`).
 */
import { readRegistryError } from './check.js';
import { type Challenge, findChallenge, parseChallenges } from './challenge.js';
import { discard, headerValues, type Transport } from './types.js';

/** What `GET /v2/` said about authentication. */
export interface PingResult {
  /** The registry as the caller named it (`host[:port]`). */
  readonly registry: string;
  /** The API origin that was pinged, `https://host[:port]` or `http://…`. */
  readonly origin: string;
  /** `none` when `/v2/` answered 200 without credentials. */
  readonly auth: 'none' | 'basic' | 'bearer';
  /** Every challenge of the 401 answer (empty when there was none). */
  readonly challenges: readonly Challenge[];
  /** The bearer realm and service, when `auth` is `bearer`. */
  readonly realm?: string;
  readonly service?: string;
}

/**
 * Pings `origin` through `transport` (which should retry and must not add auth).
 *
 * @throws RegistryError for an answer other than 200 or 401 (a 404 means the host is not a
 *   registry, or not at this path).
 */
export async function ping(
  transport: Transport,
  registry: string,
  origin: URL,
  signal?: AbortSignal,
): Promise<PingResult> {
  const url = new URL('/v2/', origin);
  const response = await transport({ method: 'GET', url, ...(signal ? { signal } : {}) });
  if (response.status !== 200 && response.status !== 401)
    throw await readRegistryError(response, { registry });
  const challenges =
    response.status === 401 ? parseChallenges(headerValues(response, 'www-authenticate')) : [];
  await discard(response);
  const bearer = findChallenge(challenges, 'bearer');
  const base = { registry, origin: origin.origin, challenges };
  if (bearer) {
    return {
      ...base,
      auth: 'bearer',
      ...(bearer.params.realm === undefined ? {} : { realm: bearer.params.realm }),
      ...(bearer.params.service === undefined ? {} : { service: bearer.params.service }),
    };
  }
  return { ...base, auth: response.status === 401 ? 'basic' : 'none' };
}
