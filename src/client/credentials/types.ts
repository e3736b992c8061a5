/** What the client authenticates with, and where it gets it from. */

/**
 * Credentials for one registry. Any combination may be set; the auth layers use what the
 * registry's challenge calls for:
 * - `username` + `password`: HTTP Basic, also sent to a bearer token server (docker's flow);
 * - `identityToken`: an OAuth2 refresh token (docker config `identitytoken`), exchanged by POST;
 * - `registryToken`: a bearer token sent as is (docker config `registrytoken`).
 */
export interface Credentials {
  readonly username?: string;
  readonly password?: string;
  readonly identityToken?: string;
  readonly registryToken?: string;
  /**
   * When the secret stops being valid, in milliseconds since the epoch (an OIDC token's `exp`).
   * The client asks its provider again before a request when less than
   * {@link CREDENTIALS_REFRESH_MARGIN_MS} is left. Default: never expires.
   */
  readonly expiresAt?: number;
}

/** Credentials with less than this left (one minute) are asked for again before they are used. */
export const CREDENTIALS_REFRESH_MARGIN_MS = 60_000;

/** True when `credentials` expire within {@link CREDENTIALS_REFRESH_MARGIN_MS} of `now`. */
export function isExpiring(credentials: Credentials | undefined, now: number = Date.now()): boolean {
  return credentials?.expiresAt !== undefined && credentials.expiresAt - now < CREDENTIALS_REFRESH_MARGIN_MS;
}

/**
 * Looks up the credentials for a registry (`host[:port]` as written in the image reference,
 * `docker.io` for Docker Hub). Resolves `undefined` for anonymous access. Called only when the
 * registry asks for authentication: once per registry per client, and again whenever the
 * credentials it gave have an `expiresAt` less than a minute away.
 */
export type CredentialProvider = (registry: string) => Promise<Credentials | undefined>;

/** Every secret string held by `credentials`, for redaction. */
export function secretsOf(credentials: Credentials | undefined): string[] {
  if (credentials === undefined) return [];
  return [credentials.password, credentials.identityToken, credentials.registryToken].filter(
    (s): s is string => typeof s === 'string' && s !== '',
  );
}

/** True when `credentials` holds nothing usable (no password, no token). */
export function isAnonymous(credentials: Credentials | undefined): boolean {
  return secretsOf(credentials).length === 0 && !credentials?.username;
}
