/**
 * The auth matrix over raw HTTP: every kind of credential against pull, push and delete on a
 * private and a public registry, sent as Basic auth on each request and through the Docker token
 * flow (GET /token, then Bearer), with the 401/403/2xx Buildkite Packages would answer.
 */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  AUDIENCE_PREFIX,
  PRIVATE,
  PUBLIC,
  basic,
  createAuthFixture,
  type AuthFixture,
} from './registry-auth-support.js';
import { digestOf, send, type Reply, type TestRegistry } from './registry-support.js';

type Op = 'pull' | 'push' | 'delete';
type Who =
  | 'anonymous'
  | 'read'
  | 'write'
  | 'delete'
  | 'oidc'
  | 'oidc-other-pipeline'
  | 'oidc-expired'
  | 'oidc-wrong-audience'
  | 'oidc-long-lived';

let fixture: AuthFixture;
let reg: TestRegistry;

beforeAll(async () => {
  fixture = await createAuthFixture();
  reg = await fixture.start();
});
afterAll(async () => {
  await reg?.registry.close();
});

function password(who: Who, registry: string): string | undefined {
  const now = Math.floor(Date.now() / 1000);
  switch (who) {
    case 'anonymous':
      return undefined;
    case 'read':
    case 'write':
    case 'delete':
      return fixture.tokens[who];
    case 'oidc':
      return fixture.oidc(registry);
    case 'oidc-other-pipeline':
      return fixture.oidc(registry, { pipeline_slug: 'docs' });
    case 'oidc-expired':
      return fixture.oidc(registry, { iat: now - 400, nbf: now - 400, exp: now - 100 });
    case 'oidc-wrong-audience':
      return fixture.oidc(registry, { aud: `${AUDIENCE_PREFIX}/acme/other` });
    case 'oidc-long-lived':
      return fixture.oidc(registry, { exp: now + 3600 });
  }
}

/** Sends the request of `op` in `registry` with `headers`. */
function perform(op: Op, registry: string, headers: Record<string, string>): Promise<Reply> {
  const repo = `${registry}/app`;
  if (op === 'pull') {
    return send(reg.url, 'GET', `/v2/${repo}/manifests/v1`, {
      headers: { ...headers, Accept: 'application/vnd.oci.image.manifest.v1+json' },
    });
  }
  if (op === 'push') return send(reg.url, 'POST', `/v2/${repo}/blobs/uploads/`, { headers });
  // Deleting a tag that does not exist: allowed → 404 MANIFEST_UNKNOWN, and nothing is lost.
  return send(reg.url, 'DELETE', `/v2/${repo}/manifests/no-such-tag`, { headers });
}

const OK: Record<Op, number> = { pull: 200, push: 202, delete: 404 };

// [who, private registry: pull push delete, public registry: pull push delete]
const MATRIX: [Who, [number, number, number], [number, number, number]][] = [
  ['anonymous', [401, 401, 401], [200, 401, 401]],
  ['read', [200, 403, 403], [200, 403, 403]],
  ['write', [200, 202, 403], [200, 202, 403]],
  ['delete', [200, 403, 404], [200, 403, 404]],
  ['oidc', [200, 202, 403], [200, 202, 404]],
  ['oidc-other-pipeline', [403, 403, 403], [200, 403, 403]],
  ['oidc-expired', [401, 401, 401], [401, 401, 401]],
  ['oidc-wrong-audience', [403, 403, 403], [200, 403, 403]],
  ['oidc-long-lived', [401, 401, 401], [401, 401, 401]],
];
const CASES = MATRIX.flatMap(([who, priv, pub]) =>
  (['pull', 'push', 'delete'] as const).flatMap((op, i) => [
    [who, op, PRIVATE, priv[i]!] as const,
    [who, op, PUBLIC, pub[i]!] as const,
  ]),
);

describe('Basic auth on every request', () => {
  test.each(CASES)('%s %s %s → %i', async (who, op, registry, expected) => {
    const secret = password(who, registry);
    const reply = await perform(op, registry, secret === undefined ? {} : basic(secret));
    expect(reply.status, reply.body.toString()).toBe(expected);
    if (expected === 401)
      expect(reply.headers.get('www-authenticate')).toMatch(
        /^Bearer realm="http:\/\/127\.0\.0\.1:\d+\/token",service="127\.0\.0\.1:\d+"/,
      );
    if (expected === 401 || expected === 403) {
      expect(reply.errorCode).toBe(expected === 401 ? 'UNAUTHORIZED' : 'DENIED');
      if (secret !== undefined) expect(reply.body.toString()).not.toContain(secret.slice(-20));
    }
    if (expected === OK[op] && op === 'pull')
      expect(reply.headers.get('docker-content-digest')).toBe(fixture.seeded[registry]);
  });
});

describe('the Docker token flow', () => {
  async function bearerFor(who: Who, registry: string, op: Op): Promise<{ status: number; token?: string }> {
    const secret = password(who, registry);
    const actions = op === 'push' ? 'pull,push' : op;
    const service = new URL(reg.url).host;
    const reply = await send(
      reg.url,
      'GET',
      `/token?service=${service}&scope=repository:${registry}/app:${actions}`,
      {
        headers: secret === undefined ? {} : basic(secret),
      },
    );
    if (reply.status !== 200) return { status: reply.status };
    const body = reply.json<{ token: string; access_token: string; expires_in: number; issued_at: string }>();
    expect(body.access_token).toBe(body.token);
    expect(body.expires_in).toBe(300);
    expect(Date.parse(body.issued_at)).toBeGreaterThan(Date.now() - 60_000);
    return { status: 200, token: body.token };
  }

  test.each(CASES)('%s %s %s → %i', async (who, op, registry, expected) => {
    const issued = await bearerFor(who, registry, op);
    if (issued.token === undefined) {
      expect(issued.status).toBe(401);
      expect(expected).toBe(401);
      return;
    }
    const reply = await perform(op, registry, { Authorization: `Bearer ${issued.token}` });
    expect(reply.status, reply.body.toString()).toBe(expected);
  });
});

describe('what the refusals say', () => {
  test.each([
    [
      'oidc-wrong-audience',
      PRIVATE,
      `OIDC token audience ${AUDIENCE_PREFIX}/acme/other does not match ${AUDIENCE_PREFIX}/${PRIVATE}`,
    ],
    [
      'oidc-other-pipeline',
      PRIVATE,
      'no OIDC policy statement of acme/private matches claims organization_slug=acme pipeline_slug=docs build_branch=main',
    ],
    ['oidc-expired', PRIVATE, 'OIDC token expired at'],
    ['oidc-long-lived', PRIVATE, 'OIDC token lifetime 3600s exceeds 300s'],
    ['read', PRIVATE, 'grants read_packages on acme/private; push needs write_packages'],
    ['anonymous', PRIVATE, 'acme/private is private: log in with username "buildkite"'],
  ] as const)('%s on %s: %s', async (who, registry, message) => {
    const secret = password(who, registry);
    const reply = await perform('push', registry, secret === undefined ? {} : basic(secret));
    expect(reply.json<{ errors: { message: string }[] }>().errors[0]!.message).toContain(message);
  });

  test('the denial reason survives the token flow', async () => {
    const token = (
      await send(reg.url, 'GET', `/token?scope=repository:${PRIVATE}/app:pull,push`, {
        headers: basic(fixture.tokens.read),
      })
    ).json<{ token: string }>().token;
    const reply = await perform('push', PRIVATE, { Authorization: `Bearer ${token}` });
    expect(reply.status).toBe(403);
    expect(reply.body.toString()).toContain('push needs write_packages');
  });

  test('a wrong user name or an unknown token is refused with a message that says what to use', async () => {
    const wrongUser = await perform('pull', PRIVATE, basic(fixture.tokens.read, 'admin'));
    expect(wrongUser.status).toBe(401);
    expect(wrongUser.body.toString()).toContain('the user name is always \\"buildkite\\"');
    const unknown = await send(reg.url, 'GET', '/token?scope=repository:acme/private/app:pull', {
      headers: basic('bkpt_not-a-real-token'),
    });
    expect(unknown.status).toBe(401);
    expect(unknown.body.toString()).toContain('not known to this registry');
    expect(unknown.body.toString()).not.toContain('bkpt_not-a-real-token');
  });
});

describe('names, the ping and the catalog', () => {
  test('/v2/ needs credentials (so docker login checks them); any valid token passes', async () => {
    const anonymous = await send(reg.url, 'GET', '/v2/');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(
      /^Bearer realm="[^"]+\/token",service="[^"]+"$/,
    );
    expect((await send(reg.url, 'GET', '/v2/', { headers: basic(fixture.tokens.read) })).status).toBe(200);
    expect((await send(reg.url, 'GET', '/v2/', { headers: basic(fixture.oidc(PRIVATE)) })).status).toBe(200);
    expect((await send(reg.url, 'GET', '/v2/', { headers: basic('bkpt_wrong') })).status).toBe(401);
  });

  test('only ORG/REGISTRY/IMAGE names under a configured registry exist', async () => {
    const short = await send(reg.url, 'GET', '/v2/acme/private/manifests/v1', {
      headers: basic(fixture.tokens.read),
    });
    expect(short.status).toBe(400);
    expect(short.errorCode).toBe('NAME_INVALID');
    expect(short.body.toString()).toContain('ORG/REGISTRY/IMAGE');
    const unknown = await send(reg.url, 'GET', '/v2/acme/nope/app/manifests/v1', {
      headers: basic(fixture.tokens.read),
    });
    expect(unknown.status).toBe(404);
    expect(unknown.errorCode).toBe('NAME_UNKNOWN');
    expect(unknown.body.toString()).toContain('acme/nope is not a registry here');
    expect((await send(reg.url, 'GET', '/v2/acme/nope/app/manifests/v1')).status).toBe(401);
  });

  test('the catalog lists what the caller may pull', async () => {
    const withToken = await send(reg.url, 'GET', '/v2/_catalog', { headers: basic(fixture.tokens.read) });
    expect(withToken.json()).toEqual({ repositories: ['acme/private/app', 'acme/public/app'] });
    const publicOnly = await send(reg.url, 'GET', '/v2/_catalog', { headers: basic(fixture.oidc(PUBLIC)) });
    expect(publicOnly.json()).toEqual({ repositories: ['acme/public/app'] });
    expect((await send(reg.url, 'GET', '/v2/_catalog')).status).toBe(401);
  });

  test('cross-repository mounts need pull on the source; without `from` nothing is mounted', async () => {
    const layer = fixture.seededLayer[PRIVATE]!;
    const mount = (from: string | undefined, secret: string) =>
      send(
        reg.url,
        'POST',
        `/v2/${PUBLIC}/app/blobs/uploads/?mount=${layer}${from === undefined ? '' : `&from=${from}`}`,
        { headers: basic(secret) },
      );
    // An OIDC token for the public registry cannot read the private one: a plain upload instead.
    expect((await mount(`${PRIVATE}/app`, fixture.oidc(PUBLIC))).status).toBe(202);
    // Knowing a digest is not enough: no automatic mount when auth is on.
    expect((await mount(undefined, fixture.tokens.write)).status).toBe(202);
    // The write token (acme/*) reads the private registry: mounted.
    const mounted = await mount(`${PRIVATE}/app`, fixture.tokens.write);
    expect(mounted.status).toBe(201);
    expect(mounted.headers.get('docker-content-digest')).toBe(layer);
  });

  test("a mount's challenge names pull on its source; a token without it is challenged, then mounts", async () => {
    const layer = fixture.seededLayer[PRIVATE]!;
    const path = `/v2/${PUBLIC}/app/blobs/uploads/?mount=${layer}&from=${PRIVATE}/app`;
    const anonymous = await send(reg.url, 'POST', path);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toContain(
      `scope="repository:${PUBLIC}/app:pull,push repository:${PRIVATE}/app:pull"`,
    );
    const tokenFor = async (...scopes: string[]) => {
      const query = scopes.map((scope) => `scope=${scope}`).join('&');
      const reply = await send(reg.url, 'GET', `/token?${query}`, { headers: basic(fixture.tokens.write) });
      return { Authorization: `Bearer ${(reply.json() as { token: string }).token}` };
    };
    // A token for the target alone (cached from the blob checks before): challenged for both.
    const targetOnly = await send(reg.url, 'POST', path, {
      headers: await tokenFor(`repository:${PUBLIC}/app:pull,push`),
    });
    expect(targetOnly.status).toBe(401);
    expect(targetOnly.headers.get('www-authenticate')).toContain(`repository:${PRIVATE}/app:pull`);
    const both = await send(reg.url, 'POST', path, {
      headers: await tokenFor(`repository:${PUBLIC}/app:pull,push`, `repository:${PRIVATE}/app:pull`),
    });
    expect(both.status).toBe(201);
    // Asked for and refused (an OIDC token of the public registry): an upload, not a loop of 401s.
    const refused = await send(
      reg.url,
      'GET',
      `/token?scope=repository:${PUBLIC}/app:pull,push&scope=repository:${PRIVATE}/app:pull`,
      {
        headers: basic(fixture.oidc(PUBLIC)),
      },
    );
    const upload = await send(reg.url, 'POST', path, {
      headers: { Authorization: `Bearer ${(refused.json() as { token: string }).token}` },
    });
    expect(upload.status).toBe(202);
  });

  test('the client mounts across repositories under the token flow instead of uploading', async () => {
    const { RegistryClient, staticCredentials } = await import('../../src/client/index.js');
    const host = new URL(reg.url).host;
    const client = new RegistryClient({
      credentials: staticCredentials({ [host]: { username: 'buildkite', password: fixture.tokens.write } }),
    });
    try {
      const bytes = Buffer.from(`mount me ${Date.now()}`);
      const blob = {
        descriptor: { mediaType: 'application/octet-stream', digest: digestOf(bytes), size: bytes.length },
        open: () => Promise.resolve(Readable.from([bytes])),
      };
      expect(await client.pushBlob(`${host}/${PRIVATE}/mount-source`, blob)).toBe('uploaded');
      expect(await client.pushBlob(`${host}/${PUBLIC}/mount-target`, blob)).toBe('mounted');
    } finally {
      await client.close();
    }
  });

  test('startRegistryService turns automatic mounts off when auth is on', async () => {
    const { startRegistryService, silentLogger } = await import('../../src/registry/index.js');
    const service = await startRegistryService(
      { ...fixture.config, listen: { host: '127.0.0.1', port: 0 } },
      { logger: silentLogger },
    );
    try {
      expect(service.registry.options.automaticCrossMount).toBe(false);
      expect((await send(service.url, 'GET', '/v2/', { headers: basic(fixture.tokens.read) })).status).toBe(
        200,
      );
    } finally {
      await service.close();
    }
  });
});

describe('revocation', () => {
  test('a revoked token, and bearer tokens issued from it, stop working at once', async () => {
    const { createToken, revokeToken } = await import('../../src/registry/auth/tokens/manage.js');
    const file = fixture.config.tokensFile!;
    const { token, record } = await createToken(file, { registries: [PRIVATE], scopes: ['read'] });
    const bearer = (
      await send(reg.url, 'GET', `/token?scope=repository:${PRIVATE}/app:pull`, { headers: basic(token) })
    ).json<{ token: string }>().token;
    expect((await perform('pull', PRIVATE, basic(token))).status).toBe(200);
    expect((await perform('pull', PRIVATE, { Authorization: `Bearer ${bearer}` })).status).toBe(200);
    await revokeToken(file, record.id);
    expect((await perform('pull', PRIVATE, basic(token))).status).toBe(401);
    const after = await perform('pull', PRIVATE, { Authorization: `Bearer ${bearer}` });
    expect(after.status).toBe(401);
    expect(after.body.toString()).toContain(`token ${record.id} was revoked`);
  });
});
