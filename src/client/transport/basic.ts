/** HTTP Basic authentication (RFC 7617): `Authorization: Basic base64(user:password)`. */
import type { Credentials } from '../credentials/types.js';

/**
 * The `Authorization` value for `credentials`, or `undefined` when they hold no username and
 * password. An empty password is allowed (some registries use only a token as username).
 */
export function basicAuthorization(credentials: Credentials | undefined): string | undefined {
  if (credentials?.username === undefined || credentials.username === '') return undefined;
  const pair = `${credentials.username}:${credentials.password ?? ''}`;
  return `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;
}
