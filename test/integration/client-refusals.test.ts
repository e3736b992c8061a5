/**
 * The client against the bundled registry with auth on: a refusal carries the registry's reason
 * even for a HEAD (asked again as GET), the push check proves a push without leaving an upload
 * behind, and credentials that expire within a minute are asked for again before they are used.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient, staticCredentials, type Credentials } from '../../src/client/index.js';
import { createAuthFixture, PRIVATE, type AuthFixture } from './registry-auth-support.js';
import { openUploads, type TestRegistry } from './registry-support.js';

const FAST = { retries: 0 };

describe('client refusals and fresh credentials against the bundled registry', () => {
  let fixture: AuthFixture;
  let registry: TestRegistry;
  let host: string;
  const clients: RegistryClient[] = [];
  const client = (credentials: Credentials | ((registry: string) => Promise<Credentials>)) => {
    const c = new RegistryClient({
      ...FAST,
      credentials:
        typeof credentials === 'function' ? credentials : staticCredentials({ [host]: credentials }),
    });
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    fixture = await createAuthFixture();
    registry = await fixture.start();
    host = new URL(registry.url).host;
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await registry?.registry.close();
  });

  it('a HEAD refused with 403 carries the registry reason (read from a GET)', async () => {
    const c = client({ username: 'buildkite', password: fixture.oidc(PRIVATE, { pipeline_slug: 'docs' }) });
    const error = await c.headManifest(`${host}/${PRIVATE}/app:v1`).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CLIENT_DENIED', status: 403 });
    expect((error as Error).message).toContain(
      `no OIDC policy statement of ${PRIVATE} matches claims organization_slug=acme pipeline_slug=docs build_branch=main; claims that did not match: pipeline_slug`,
    );
  });

  it('checkPush: passes with write, fails with read (403 and the reason), and leaves no upload open', async () => {
    await client({ username: 'buildkite', password: fixture.tokens.write }).checkPush(
      `${host}/${PRIVATE}/probe`,
    );
    const error = await client({ username: 'buildkite', password: fixture.tokens.read })
      .checkPush(`${host}/${PRIVATE}/probe`)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CLIENT_DENIED', status: 403 });
    expect((error as Error).message).toContain('push needs write_packages');
    expect(openUploads(registry.storageDir)).toEqual([]);
  });

  it('checkLogin: 200 for good credentials, 401 with the reason for bad ones', async () => {
    await client({ username: 'buildkite', password: fixture.tokens.read }).checkLogin(host);
    const error = await client({ username: 'buildkite', password: 'bk-unknown' })
      .checkLogin(host)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CLIENT_UNAUTHORIZED', status: 401 });
    expect((error as Error).message).toContain('the token is not known to this registry');
  });

  it.each([
    ['expiring within a minute: asked again for each token', 30_000, 2],
    ['with time to spare: asked once', 10 * 60_000, 1],
  ])('credentials %s', async (_name, left, lookups) => {
    let calls = 0;
    const c = client(async () => {
      calls++;
      return { username: 'buildkite', password: fixture.oidc(PRIVATE), expiresAt: Date.now() + left };
    });
    // Two repositories: two token requests, each with the credentials of that moment.
    expect(await c.headManifest(`${host}/${PRIVATE}/app:v1`)).toMatchObject({
      digest: fixture.seeded[PRIVATE],
    });
    expect(await c.headManifest(`${host}/${PRIVATE}/other:v1`)).toBeUndefined();
    expect(calls).toBe(lookups);
  });
});
