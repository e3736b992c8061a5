import type { IncomingMessage } from 'node:http';
import { BUILDKITE_USERNAME } from '../../reference/index.js';

/** The user name Buildkite Packages expects; the password is the token. */
export const USERNAME = BUILDKITE_USERNAME;

/** Longest Authorization header considered; longer ones are refused unread (JWTs are ~1 KiB). */
const MAX_HEADER_LENGTH = 16 * 1024;

/**
 * What a request's `Authorization` header holds: nothing, Basic credentials, a Bearer token, or
 * something unusable (`reason` says what, without quoting the header).
 */
export type Credentials =
  | { readonly kind: 'none' }
  | { readonly kind: 'basic'; readonly username: string; readonly password: string }
  | { readonly kind: 'bearer'; readonly token: string }
  | { readonly kind: 'malformed'; readonly reason: string };

/** Reads the `Authorization` header of `req`. Never throws. */
export function readCredentials(req: IncomingMessage): Credentials {
  const header = req.headers.authorization;
  if (header === undefined || header.trim() === '') return { kind: 'none' };
  return parseAuthorization(header);
}

/**
 * Parses an `Authorization` header value: `Basic base64(user:password)` or `Bearer token`
 * (scheme names are case-insensitive). Anything else is `malformed`.
 */
export function parseAuthorization(header: string): Credentials {
  if (header.length > MAX_HEADER_LENGTH) {
    return {
      kind: 'malformed',
      reason: `the Authorization header is longer than ${MAX_HEADER_LENGTH} bytes`,
    };
  }
  const match = /^\s*([A-Za-z]+)\s+(\S+)\s*$/.exec(header);
  if (match === null)
    return { kind: 'malformed', reason: 'the Authorization header is not "<scheme> <credentials>"' };
  const scheme = match[1]!.toLowerCase();
  const value = match[2]!;
  if (scheme === 'bearer') return { kind: 'bearer', token: value };
  if (scheme !== 'basic') {
    return {
      kind: 'malformed',
      reason: `unsupported authorization scheme ${match[1]!.slice(0, 20)}; use Basic or Bearer`,
    };
  }
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) {
    return { kind: 'malformed', reason: 'Basic credentials are not base64' };
  }
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon === -1)
    return { kind: 'malformed', reason: 'Basic credentials hold no ":" between user name and password' };
  return { kind: 'basic', username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
