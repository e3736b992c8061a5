/** Longest JWT accepted (Buildkite's are about 1 KiB). */
export const MAX_JWT_LENGTH = 16 * 1024;

const SEGMENT = /^[A-Za-z0-9_-]+$/;

/** A JWT split into its parts; nothing verified yet. */
export interface DecodedJwt {
  readonly header: { readonly alg: string; readonly kid?: string; readonly typ?: string };
  readonly claims: Readonly<Record<string, unknown>>;
  /** `base64url(header) + "." + base64url(payload)`: the bytes the signature covers. */
  readonly signedPart: string;
  readonly signature: Buffer;
}

/** True when `value` has the shape of a JWS compact serialisation (three base64url parts, a JSON header). */
export function looksLikeJwt(value: string): boolean {
  return value.length <= MAX_JWT_LENGTH && value.startsWith('eyJ') && value.split('.').length === 3;
}

/**
 * Splits and parses a JWT without verifying it. Returns a sentence saying what is wrong (never
 * quoting the token) when it is not a well-formed JWT with a JSON object header and payload.
 */
export function decodeJwt(token: string): DecodedJwt | { readonly error: string } {
  if (token.length > MAX_JWT_LENGTH)
    return { error: `the OIDC token is longer than ${MAX_JWT_LENGTH} bytes` };
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => SEGMENT.test(part))) {
    return { error: 'the OIDC token is not a JWT (three base64url parts separated by ".")' };
  }
  const header = parseJsonObject(parts[0]!);
  const claims = parseJsonObject(parts[1]!);
  if (header === undefined || claims === undefined) {
    return { error: 'the OIDC token header or payload is not a JSON object' };
  }
  if (typeof header.alg !== 'string') return { error: 'the OIDC token header has no "alg"' };
  if (header.kid !== undefined && typeof header.kid !== 'string') {
    return { error: 'the OIDC token header "kid" is not a string' };
  }
  return {
    header: header as DecodedJwt['header'],
    claims,
    signedPart: `${parts[0]}.${parts[1]}`,
    signature: Buffer.from(parts[2]!, 'base64url'),
  };
}

function parseJsonObject(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
