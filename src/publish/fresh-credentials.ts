/**
 * Credentials that stay fresh for a whole push: minted right before a registry's push sequence
 * and minted again before any request they would not outlive (less than a minute left, read from
 * an OIDC token's `exp` without verifying it). One token per image, reused for every tag and the
 * read-back, fails as soon as a push outlasts its five minutes; this does not.
 */
import {
  CREDENTIALS_REFRESH_MARGIN_MS,
  jwtExpiresAt,
  type Credentials,
  type LoginCredentials,
} from '../client/index.js';

/** A login with the expiry read from its token (when it is a JWT). */
export type ExpiringLogin = LoginCredentials & Pick<Credentials, 'expiresAt'>;

/** Where new credentials come from (e.g. `buildkite-agent oidc request-token`). */
export type CredentialsSource = () => Promise<LoginCredentials | undefined>;

/** One registry's credentials, renewed on demand. Concurrent callers share one mint. */
export class FreshCredentials {
  readonly #source: CredentialsSource;
  readonly #now: () => number;
  #pending: Promise<ExpiringLogin | undefined> | undefined;
  #current: ExpiringLogin | undefined;

  /** @param now clock in milliseconds, for tests. Default `Date.now`. */
  constructor(source: CredentialsSource, now: () => number = Date.now) {
    this.#source = source;
    this.#now = now;
  }

  /** Mints new credentials whatever the old ones' age (the start of a push sequence). */
  renew(): Promise<ExpiringLogin | undefined> {
    const pending = this.#source().then((login) => {
      if (login === undefined) return undefined;
      const expiresAt = jwtExpiresAt(login.password);
      return { ...login, ...(expiresAt !== undefined && { expiresAt }) };
    });
    this.#pending = pending;
    this.#current = undefined;
    pending.then(
      (credentials) => {
        if (this.#pending === pending) this.#current = credentials;
      },
      () => {
        if (this.#pending === pending) this.#pending = undefined;
      },
    );
    return pending;
  }

  /** The current credentials, minted again first when less than a minute of their life is left. */
  get(): Promise<ExpiringLogin | undefined> {
    if (this.#pending === undefined) return this.renew();
    const expiresAt = this.#current?.expiresAt;
    if (expiresAt !== undefined && expiresAt - this.#now() < CREDENTIALS_REFRESH_MARGIN_MS)
      return this.renew();
    return this.#pending;
  }
}
