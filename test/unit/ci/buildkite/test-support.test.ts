/**
 * The test doubles other tests lean on: the `buildkite-agent` stand-in's CLI (beyond what
 * agent.test.ts drives through the seam) and the GitHub-style OIDC token endpoint.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { installFakeAgent } from '../../../support/buildkite-agent/index.js';
import {
  createTestKeys,
  decodeJwt,
  signJwt,
  startGitHubOidcServer,
  verifyJwt,
  type GitHubOidcServer,
} from '../../../support/oidc.js';
import { runTool } from '../../../support/run.js';

describe('buildkite-agent stand-in', () => {
  const run = (fake: ReturnType<typeof installFakeAgent>, args: string[], input?: string) =>
    runTool('buildkite-agent', args, {
      env: fake.jobEnv(),
      reject: false,
      ...(input === undefined ? {} : { input }),
    });

  test('is found on PATH through jobEnv and records argv, stdin and exit code', async () => {
    const fake = installFakeAgent();
    const result = await run(fake, ['meta-data', 'set', 'k'], 'value\n');
    expect(result.exitCode).toBe(0);
    expect(fake.calls()).toEqual([
      expect.objectContaining({
        argv: ['meta-data', 'set', 'k'],
        stdin: 'value\n',
        exitCode: 0,
        hasAccessToken: true,
      }),
    ]);
  });

  test.each([
    [['frob'], 'Available commands are'],
    [['meta-data'], 'Available commands are'],
    [['annotate', '--bogus', 'x'], 'Incorrect Usage: flag provided but not defined: -bogus'],
    [['annotate', '--priority', 'high'], 'invalid value "high" for flag -priority'],
    [['oidc', 'request-token', '--lifetime', '-1'], 'fatal: lifetime -1 must be a non-negative integer.'],
    [['oidc', 'request-token', '--claim', 'favourite_colour'], 'invalid claim "favourite_colour"'],
    [['meta-data', 'set', 'k', ' '], 'value cannot be empty'],
    [['secret', 'get'], 'at least one secret key must be provided'],
    [['redactor', 'add', '--format', 'yaml'], 'invalid format: yaml'],
  ])('%j exits 1 with the agent’s kind of message', async (args, text) => {
    const result = await run(installFakeAgent(), args, '');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(text);
  });

  test('flags work before or after arguments, and --name=value', async () => {
    const fake = installFakeAgent();
    await run(fake, ['meta-data', 'set', '--job=j', 'k', 'v']);
    expect((await run(fake, ['meta-data', 'get', 'missing', '--default', 'd'])).stdout).toBe('d');
    expect((await run(fake, ['meta-data', 'get', '--default=d2', 'missing'])).stdout).toBe('d2');
    expect((await run(fake, ['meta-data', 'keys'])).stdout).toBe('k');
  });

  test('secret get prints JSON for several keys and shell assignments with --format env', async () => {
    const fake = installFakeAgent({ secrets: { A: "it's", B: 'two' } });
    expect(JSON.parse((await run(fake, ['secret', 'get', 'a', 'b'])).stdout)).toEqual({
      a: "it's",
      b: 'two',
    });
    expect((await run(fake, ['secret', 'get', '--format', 'env', 'a'])).stdout).toBe(`A='it'\\''s'`);
  });

  test('redactor add --format json redacts every value; annotate keeps the last style when only the body changes', async () => {
    const fake = installFakeAgent();
    await run(fake, ['redactor', 'add', '--format', 'json'], '{"x":"one","y":"two"}');
    expect(fake.redactions()).toEqual(['one', 'two']);
    await run(fake, ['annotate', 'first', '--style', 'error', '--context', 'c']);
    await run(fake, ['annotate', 'second', '--context', 'c']);
    expect(fake.annotations().c).toMatchObject({ body: 'second', style: 'error', priority: 3 });
  });

  test('an OIDC token names the git tag in sub when the build is for one, and is redacted', async () => {
    const fake = installFakeAgent();
    const result = await runTool('buildkite-agent', ['oidc', 'request-token', '--audience', 'a'], {
      env: fake.jobEnv({ BUILDKITE_TAG: 'v1.2.3', BUILDKITE_STEP_KEY: undefined }),
    });
    const { payload } = verifyJwt(result.stdout, fake.keys.jwks);
    expect(payload.sub).toContain(':ref:refs/tags/v1.2.3:');
    expect(payload.sub).toMatch(/:step:$/);
    expect(payload.step_key).toBeNull();
    expect(fake.redactions()).toEqual([result.stdout]);
  });
});

describe('oidc helpers', () => {
  test('signJwt makes a token verifyJwt accepts only with the right key and time', () => {
    const keys = createTestKeys('k1');
    const now = 1_700_000_000;
    const token = signJwt({ aud: 'x', iat: now, nbf: now, exp: now + 300 }, keys);
    expect(decodeJwt(token).header).toEqual({ alg: 'RS256', typ: 'JWT', kid: 'k1' });
    expect(verifyJwt(token, keys.jwks, now + 1).payload.aud).toBe('x');
    expect(() => verifyJwt(token, keys.jwks, now + 300)).toThrow('expired');
    expect(() => verifyJwt(token, keys.jwks, now - 1)).toThrow('not yet valid');
    expect(() => verifyJwt(token, createTestKeys('k1').jwks, now)).toThrow('bad signature');
    expect(() => verifyJwt(token, createTestKeys('k2').jwks, now)).toThrow('no key with kid k1');
    expect(keys.jwks.keys[0]).toMatchObject({ kty: 'RSA', kid: 'k1', alg: 'RS256', use: 'sig' });
    expect(keys.jwks.keys[0]).not.toHaveProperty('d');
  });
});

describe('GitHub ID-token endpoint', () => {
  let server: GitHubOidcServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  test('answers {value: JWT} to the bearer request token, as @actions/core expects, and 401 otherwise', async () => {
    const keys = createTestKeys();
    server = await startGitHubOidcServer({ keys, claims: { repository: 'acme/web' } });
    const url = `${server.url}&audience=${encodeURIComponent('https://packages.buildkite.com/acme/images')}`;
    const denied = await fetch(url, { headers: { authorization: 'bearer wrong' } });
    expect(denied.status).toBe(401);
    const answer = await fetch(url, { headers: { authorization: `Bearer ${server.requestToken}` } });
    expect(answer.status).toBe(200);
    const { value } = (await answer.json()) as { value: string };
    const { payload } = verifyJwt(value, keys.jwks);
    expect(payload).toMatchObject({
      iss: 'https://token.actions.githubusercontent.com',
      aud: 'https://packages.buildkite.com/acme/images',
      repository: 'acme/web',
    });
    expect(server.requests).toEqual([
      { audience: 'https://packages.buildkite.com/acme/images', authorized: false },
      { audience: 'https://packages.buildkite.com/acme/images', authorized: true },
    ]);
  });
});
