/**
 * OIDC for tests: an RSA key pair with its JWKS, RS256 JWTs signed by hand with node:crypto (no
 * dependency), a verifier, and a loopback server that answers like GitHub Actions' ID-token
 * endpoint (`ACTIONS_ID_TOKEN_REQUEST_URL`). The bundled registry's OIDC configuration trusts the
 * JWKS written by {@link writeJwks}; the `buildkite-agent` stand-in signs with the same key.
 */
import {
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type JsonWebKey,
  type KeyObject,
} from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Issuer of Buildkite agent OIDC tokens. */
export const BUILDKITE_ISSUER = 'https://agent.buildkite.com';
/** Issuer of GitHub Actions OIDC tokens. */
export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

/** A signing key for tests. */
export interface TestKeys {
  readonly kid: string;
  readonly privateKey: KeyObject;
  /** The private key as a JWK (with `kid` and `alg`), for the agent stand-in. */
  readonly privateJwk: JsonWebKey;
  /** The public key as a JWK: `{kty:'RSA', n, e, kid, alg:'RS256', use:'sig'}`. */
  readonly publicJwk: JsonWebKey;
  /** `{keys: [publicJwk]}`. */
  readonly jwks: { keys: JsonWebKey[] };
}

/** Generates a 2048-bit RSA key pair (about 50 ms). */
export function createTestKeys(kid = 'container-package-test'): TestKeys {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicJwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  const privateJwk = { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256' };
  return { kid, privateKey, privateJwk, publicJwk, jwks: { keys: [publicJwk] } };
}

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

/** Signs `payload` as an RS256 JWT with header `{alg:'RS256', typ:'JWT', kid}`. */
export function signJwt(payload: Record<string, unknown>, keys: TestKeys): string {
  const header = { alg: 'RS256', typ: 'JWT', kid: keys.kid };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  return `${input}.${b64url(sign('sha256', Buffer.from(input), keys.privateKey))}`;
}

/** A decoded JWT. */
export interface DecodedJwt {
  readonly header: Record<string, unknown>;
  readonly payload: Record<string, unknown>;
}

/** Decodes a JWT without checking it. */
export function decodeJwt(token: string): DecodedJwt {
  const [header, payload] = token.split('.');
  const json = (part: string | undefined): Record<string, unknown> =>
    JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  return { header: json(header), payload: json(payload) };
}

/**
 * Checks an RS256 JWT's signature against `jwks` (by `kid`) and its `exp`/`nbf` against `now`
 * (seconds; default the clock). Returns the decoded token.
 *
 * @throws Error naming what failed
 */
export function verifyJwt(
  token: string,
  jwks: { keys: JsonWebKey[] },
  now = Math.floor(Date.now() / 1000),
): DecodedJwt {
  const parts = token.split('.');
  if (parts.length !== 3) throw new Error('not a JWT: expected three dot-separated parts');
  const decoded = decodeJwt(token);
  if (decoded.header.alg !== 'RS256') throw new Error(`unexpected alg ${String(decoded.header.alg)}`);
  const jwk = jwks.keys.find((key) => (key as { kid?: string }).kid === decoded.header.kid);
  if (jwk === undefined) throw new Error(`no key with kid ${String(decoded.header.kid)}`);
  const ok = verify(
    'sha256',
    Buffer.from(`${parts[0]}.${parts[1]}`),
    createPublicKey({ key: jwk, format: 'jwk' }),
    Buffer.from(parts[2]!, 'base64url'),
  );
  if (!ok) throw new Error('bad signature');
  const { exp, nbf } = decoded.payload as { exp?: number; nbf?: number };
  if (typeof exp === 'number' && now >= exp) throw new Error('token expired');
  if (typeof nbf === 'number' && now < nbf) throw new Error('token not yet valid');
  return decoded;
}

/** Writes `{keys:[publicJwk]}` to `path` and returns `path`. */
export function writeJwks(path: string, keys: TestKeys): string {
  writeFileSync(path, `${JSON.stringify(keys.jwks)}\n`);
  return path;
}

/** Writes the private JWK to `path` (mode 0600) for the agent stand-in and returns `path`. */
export function writePrivateJwk(path: string, keys: TestKeys): string {
  writeFileSync(path, `${JSON.stringify(keys.privateJwk)}\n`, { mode: 0o600 });
  return path;
}

/** Options of {@link startGitHubOidcServer}. */
export interface GitHubOidcOptions {
  readonly keys: TestKeys;
  /** Claims added to (or replacing) the defaults: repository `acme/app`, ref `refs/heads/main`, ... */
  readonly claims?: Record<string, unknown>;
  /** Token lifetime in seconds. Default 300. */
  readonly lifetimeSeconds?: number;
}

/** A running GitHub-style ID-token endpoint. */
export interface GitHubOidcServer {
  /** The value for `ACTIONS_ID_TOKEN_REQUEST_URL` (has `?api-version=2.0`, as GitHub's does). */
  readonly url: string;
  /** The value for `ACTIONS_ID_TOKEN_REQUEST_TOKEN`; requests without `Authorization: bearer <it>` get 401. */
  readonly requestToken: string;
  /** Every request, in order: the audience asked for and whether it was authorized. */
  readonly requests: { audience: string | undefined; authorized: boolean }[];
  close(): Promise<void>;
}

/**
 * Serves `GET <url>&audience=A` on 127.0.0.1 as GitHub does: with the right bearer token it
 * answers `{"value": JWT}` (iss `https://token.actions.githubusercontent.com`, aud A, sub
 * `repo:acme/app:ref:refs/heads/main`, and the usual claims); otherwise 401.
 */
export async function startGitHubOidcServer(options: GitHubOidcOptions): Promise<GitHubOidcServer> {
  const requestToken = `gh-request-${Math.random().toString(36).slice(2)}`;
  const requests: GitHubOidcServer['requests'] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const audience = url.searchParams.get('audience') ?? undefined;
    const authorized =
      (req.headers.authorization ?? '').toLowerCase() === `bearer ${requestToken}`.toLowerCase();
    requests.push({ audience, authorized });
    if (req.method !== 'GET' || !authorized) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"message":"Bad credentials"}');
      return;
    }
    const now = Math.floor(Date.now() / 1000);
    const payload = {
      iss: GITHUB_ISSUER,
      sub: 'repo:acme/app:ref:refs/heads/main',
      aud: audience ?? 'https://github.com/acme',
      iat: now,
      nbf: now,
      exp: now + (options.lifetimeSeconds ?? 300),
      repository: 'acme/app',
      repository_owner: 'acme',
      ref: 'refs/heads/main',
      sha: '0123456789abcdef0123456789abcdef01234567',
      workflow: 'ci',
      run_id: '1',
      run_number: '1',
      actor: 'octocat',
      event_name: 'push',
      ...options.claims,
    };
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ value: signJwt(payload, options.keys) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/_apis/distributedtask/hubs/build/plans/p/jobs/j/idtoken?api-version=2.0`,
    requestToken,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
