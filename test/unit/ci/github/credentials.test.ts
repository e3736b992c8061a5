/**
 * Credentials per registry, with GitHub's ID-token endpoint served in-process by msw. The
 * Actions toolkit's HTTP client calls node:http through an ESM namespace import, which sees
 * msw's patches of the `http` module only once `syncBuiltinESMExports` copies them over.
 */
import { syncBuiltinESMExports } from 'node:module';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { credentialsProvider, oidcAvailable, planAction } from '../../../../src/ci/github/index.js';
import { resolveTarget } from '../../../../src/publish/index.js';
import { createTestKeys, decodeJwt, GITHUB_ISSUER, signJwt } from '../../../support/oidc.js';
import { BRANCH_RUN, inputsOf } from './inputs-fixture.js';

const ENDPOINT = 'http://oidc.test/_apis/idtoken';
const REQUEST_TOKEN = 'request-token-for-tests';
const keys = createTestKeys();
const asked: { audience: string | null; authorization: string | null }[] = [];
let issued = 0;

const server = setupServer(
  http.get(ENDPOINT, ({ request }) => {
    const url = new URL(request.url);
    const authorization = request.headers.get('authorization');
    asked.push({ audience: url.searchParams.get('audience'), authorization });
    if (authorization !== `Bearer ${REQUEST_TOKEN}`)
      return HttpResponse.json({ message: 'Bad credentials' }, { status: 401 });
    const now = Math.floor(Date.now() / 1000);
    issued += 1;
    return HttpResponse.json({
      value: signJwt(
        { iss: GITHUB_ISSUER, aud: url.searchParams.get('audience'), iat: now, exp: now + 300, n: issued },
        keys,
      ),
    });
  }),
);

let stdout: string[];
beforeAll(() => {
  server.listen({ onUnhandledFrame: 'error' });
  syncBuiltinESMExports();
});
afterAll(() => {
  server.close();
  syncBuiltinESMExports();
});
beforeEach(() => {
  asked.length = 0;
  stdout = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout.push(String(chunk));
    return true;
  });
  vi.stubEnv('ACTIONS_ID_TOKEN_REQUEST_URL', `${ENDPOINT}?api-version=2.0`);
  vi.stubEnv('ACTIONS_ID_TOKEN_REQUEST_TOKEN', REQUEST_TOKEN);
});
afterEach(() => {
  vi.unstubAllEnvs();
  server.resetHandlers();
});

function registries(given: Record<string, string>) {
  return planAction(inputsOf({ images: 'docker:app', ...given }), BRANCH_RUN).registries;
}

describe('credentialsProvider', () => {
  test('mints a fresh OIDC token for the registry audience on every call, and masks it', async () => {
    const planned = registries({ registry: 'acme/images' });
    const credentials = credentialsProvider(planned, '');
    const first = await credentials(planned[0]!.target);
    const second = await credentials(planned[0]!.target);
    expect(asked).toEqual([
      { audience: 'https://packages.buildkite.com/acme/images', authorization: `Bearer ${REQUEST_TOKEN}` },
      { audience: 'https://packages.buildkite.com/acme/images', authorization: `Bearer ${REQUEST_TOKEN}` },
    ]);
    expect(first?.username).toBe('buildkite');
    expect(decodeJwt(first!.password).payload).toMatchObject({
      iss: GITHUB_ISSUER,
      aud: 'https://packages.buildkite.com/acme/images',
    });
    expect(first!.password).not.toBe(second!.password);
    for (const token of [first!.password, second!.password]) {
      expect(stdout).toContain(`::add-mask::${token}\n`);
    }
  });

  test('uses the audience input outside Buildkite Packages', async () => {
    const planned = registries({
      registry: '127.0.0.1:5000/acme/images',
      auth: 'oidc',
      audience: 'https://registry.test/acme/images',
    });
    const got = await credentialsProvider(planned, '')(planned[0]!.target);
    expect(asked.map((a) => a.audience)).toEqual(['https://registry.test/acme/images']);
    expect(decodeJwt(got!.password).payload.aud).toBe('https://registry.test/acme/images');
  });

  test('token logins use the token input; docker-config, none and unplanned targets get nothing', async () => {
    const token = registries({ registry: 'ghcr.io/acme', token: 'pat', username: 'bot' });
    expect(await credentialsProvider(token, 'pat')(token[0]!.target)).toEqual({
      username: 'bot',
      password: 'pat',
    });
    for (const given of [{ registry: 'ghcr.io/acme' }, { registry: 'ghcr.io/acme', auth: 'none' }] as Record<
      string,
      string
    >[]) {
      const planned = registries(given);
      expect(await credentialsProvider(planned, '')(planned[0]!.target)).toBeUndefined();
    }
    expect(await credentialsProvider(token, 'pat')(resolveTarget('127.0.0.1:5555'))).toBeUndefined();
    expect(asked).toEqual([]);
  });

  test('without id-token permission: CI_OIDC_UNAVAILABLE naming the permission', async () => {
    vi.stubEnv('ACTIONS_ID_TOKEN_REQUEST_URL', '');
    expect(oidcAvailable()).toBe(false);
    const planned = registries({ registry: 'acme/images' });
    await expect(credentialsProvider(planned, '')(planned[0]!.target)).rejects.toMatchObject({
      code: 'CI_OIDC_UNAVAILABLE',
      hint: expect.stringContaining('permissions: id-token: write'),
    });
    expect(asked).toEqual([]);
  });

  test('an endpoint that refuses: CI_OIDC_FAILED with its answer', async () => {
    vi.stubEnv('ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'wrong');
    const planned = registries({ registry: 'acme/images' });
    const error = await credentialsProvider(planned, '')(planned[0]!.target).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CI_OIDC_FAILED', name: 'ActionError' });
    expect((error as Error).message).toContain(
      'GitHub did not issue an OIDC token for https://packages.buildkite.com/acme/images',
    );
    expect((error as Error).message).toContain('401');
    expect((error as Error).message).not.toContain('\n');
  });
});
