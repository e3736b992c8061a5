import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import {
  AgentError,
  MAX_ANNOTATION_BYTES,
  createAgent,
  fitAnnotation,
  type BuildkiteAgent,
} from '../../../../src/ci/buildkite/index.js';
import { installFakeAgent, type FakeAgent } from '../../../support/buildkite-agent/index.js';
import { verifyJwt } from '../../../support/oidc.js';
import { newTempDir } from '../../../support/temp-dir.js';

let fake: FakeAgent;
let agent: BuildkiteAgent;

beforeEach(() => {
  fake = installFakeAgent({ secrets: { PACKAGES_TOKEN: 'bkua_secret-value-from-the-store' } });
  agent = createAgent({ binary: fake.binary, env: fake.jobEnv() });
});

async function failure(promise: Promise<unknown>): Promise<AgentError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AgentError);
  return error as AgentError;
}

/** Every argv the stand-in saw, joined, to check that no secret was ever passed as an argument. */
const allArgv = (): string =>
  fake
    .calls()
    .flatMap((call) => call.argv)
    .join('\n');

describe('requestOidcToken', () => {
  test('returns a JWT for the audience, minted with the documented flags, never passing a token in argv', async () => {
    const audience = 'https://packages.buildkite.com/acme/images';
    const token = await agent.requestOidcToken({ audience });
    const { payload } = verifyJwt(token, fake.keys.jwks);
    expect(payload).toMatchObject({
      iss: 'https://agent.buildkite.com',
      aud: audience,
      sub: 'organization:acme:pipeline:web:ref:refs/heads/main:commit:0123456789abcdef0123456789abcdef01234567:step:publish',
      organization_slug: 'acme',
      pipeline_slug: 'web',
      build_number: 42,
      build_branch: 'main',
      step_key: 'publish',
      job_id: '01890000-0000-0000-0000-00000000j042',
    });
    expect((payload.exp as number) - (payload.iat as number)).toBe(300);
    expect(fake.calls()[0]!.argv).toEqual([
      'oidc',
      'request-token',
      '--audience',
      audience,
      '--lifetime',
      '300',
    ]);
    expect(allArgv()).not.toContain(token);
  });

  test('passes each extra claim as --claim and a custom lifetime', async () => {
    const env = fake.jobEnv({ BUILDKITE_ORGANIZATION_ID: 'org-uuid' });
    const token = await createAgent({ binary: fake.binary, env }).requestOidcToken({
      audience: 'aud',
      lifetimeSeconds: 60,
      claims: ['organization_id'],
    });
    const { payload } = verifyJwt(token, fake.keys.jwks);
    expect(payload.organization_id).toBe('org-uuid');
    expect((payload.exp as number) - (payload.iat as number)).toBe(60);
    expect(fake.calls()[0]!.argv.slice(-2)).toEqual(['--claim', 'organization_id']);
  });

  test.each([
    [{ audience: '' }, 'audience is empty'],
    [{ audience: 'a', lifetimeSeconds: 0 }, 'positive whole number'],
    [{ audience: 'a', lifetimeSeconds: 1.5 }, 'positive whole number'],
  ])('refuses %j before calling the agent', async (request, text) => {
    const error = await failure(agent.requestOidcToken(request));
    expect(error.code).toBe('CI_AGENT_INVALID_ARGUMENT');
    expect(error.message).toContain(text);
    expect(fake.calls()).toEqual([]);
  });

  test('a refused request is CI_AGENT_FAILED with the agent’s message and a hint naming the audience', async () => {
    const failing = installFakeAgent({ failing: ['oidc request-token'] });
    const error = await failure(
      createAgent({ binary: failing.binary, env: failing.jobEnv() }).requestOidcToken({ audience: 'aud-x' }),
    );
    expect(error).toMatchObject({ code: 'CI_AGENT_FAILED', command: 'oidc request-token', exitCode: 1 });
    expect(error.message).toContain('403 Forbidden');
    expect(error.hint).toContain('aud-x');
  });
});

describe('annotate', () => {
  test('sends the body on stdin with style, context, append and priority flags', async () => {
    const body = '### Pushed\n\n`docker pull x@sha256:abc`\n';
    await expect(
      agent.annotate(body, { style: 'success', context: 'cp-publish', priority: 5 }),
    ).resolves.toEqual({
      truncated: false,
    });
    await agent.annotate('more\n', { style: 'success', context: 'cp-publish', append: true });
    const [first, second] = fake.calls();
    expect(first!.argv).toEqual([
      'annotate',
      '--style',
      'success',
      '--context',
      'cp-publish',
      '--priority',
      '5',
    ]);
    expect(first!.stdin).toBe(body);
    expect(second!.argv).toContain('--append');
    expect(fake.annotations()['cp-publish']).toMatchObject({ body: `${body}more\n`, style: 'success' });
  });

  test('cuts a body over 1 MiB and says so; the agent accepts it', async () => {
    const body = `${'é'.repeat(MAX_ANNOTATION_BYTES / 2)}tail`;
    await expect(agent.annotate(body, { style: 'info', context: 'big' })).resolves.toEqual({
      truncated: true,
    });
    const stored = fake.annotations().big!.body;
    expect(Buffer.byteLength(stored)).toBeLessThanOrEqual(MAX_ANNOTATION_BYTES);
    expect(stored).toMatch(/The rest was cut/);
    expect(stored).not.toContain('\uFFFD');
  });

  test.each([
    ['  \n', { style: 'info' as const, context: 'c' }, 'body is empty'],
    ['x', { style: 'info' as const, context: 'c'.repeat(101) }, '1 to 100 characters'],
    ['x', { style: 'info' as const, context: '' }, '1 to 100 characters'],
    ['x', { style: 'info' as const, context: 'c', priority: 11 }, 'from 1 to 10'],
  ])('refuses body %j with %j', async (body, request, text) => {
    const error = await failure(agent.annotate(body, request));
    expect(error.code).toBe('CI_AGENT_INVALID_ARGUMENT');
    expect(error.message).toContain(text);
  });
});

describe('fitAnnotation', () => {
  test('keeps a body that fits and never splits a UTF-8 character', () => {
    expect(fitAnnotation('short', 100)).toEqual({ text: 'short', truncated: false });
    for (let max = 90; max < 100; max++) {
      const { text, truncated } = fitAnnotation('€'.repeat(100), max);
      expect(truncated).toBe(true);
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(max);
      expect(text).not.toContain('\uFFFD');
    }
  });
});

describe('meta-data', () => {
  test('set sends the value on stdin, get and exists read it back', async () => {
    await agent.setMetaData('container-package:app:digest', 'sha256:abc');
    expect(fake.calls()[0]!).toMatchObject({
      argv: ['meta-data', 'set', 'container-package:app:digest'],
      stdin: 'sha256:abc',
    });
    expect(fake.metaData()).toEqual({ 'container-package:app:digest': 'sha256:abc' });
    await expect(agent.getMetaData('container-package:app:digest')).resolves.toBe('sha256:abc');
    await expect(agent.metaDataExists('container-package:app:digest')).resolves.toBe(true);
    await expect(agent.metaDataExists('missing')).resolves.toBe(false);
  });

  test('get of a missing key fails, or gives the default', async () => {
    const error = await failure(agent.getMetaData('missing'));
    expect(error).toMatchObject({ code: 'CI_AGENT_FAILED', command: 'meta-data get' });
    expect(error.message).toContain('404');
    await expect(agent.getMetaData('missing', { default: 'none' })).resolves.toBe('none');
  });

  test.each([
    ['', 'v', 'key is empty'],
    ['k', ' \n', 'value for "k" is empty'],
  ])('set refuses key %j value %j', async (key, value, text) => {
    const error = await failure(agent.setMetaData(key, value));
    expect(error.code).toBe('CI_AGENT_INVALID_ARGUMENT');
    expect(error.message).toContain(text);
  });
});

describe('secretGet and redact', () => {
  test('reads a secret (case-insensitively, as the agent does); the agent redacts it', async () => {
    await expect(agent.secretGet('packages_token')).resolves.toBe('bkua_secret-value-from-the-store');
    expect(fake.redactions()).toContain('bkua_secret-value-from-the-store');
  });

  test('a missing secret is CI_AGENT_FAILED naming it', async () => {
    const error = await failure(agent.secretGet('NOPE'));
    expect(error.code).toBe('CI_AGENT_FAILED');
    expect(error.message).toContain('secret "NOPE" not found');
    expect(error.hint).toContain('NOPE');
  });

  test('redact sends the value on stdin only; an empty value makes no call', async () => {
    await agent.redact('hunter2-token-value');
    await agent.redact('   ');
    expect(fake.calls()).toHaveLength(1);
    expect(fake.calls()[0]).toMatchObject({ argv: ['redactor', 'add'], stdin: 'hunter2-token-value' });
    expect(fake.redactions()).toEqual(['hunter2-token-value']);
    expect(allArgv()).not.toContain('hunter2');
  });
});

describe('process failures', () => {
  test('a missing binary is CI_AGENT_NOT_FOUND with a hint', async () => {
    const missing = createAgent({ binary: join(newTempDir('none'), 'buildkite-agent'), env: fake.jobEnv() });
    const error = await failure(missing.metaDataExists('k'));
    expect(error.code).toBe('CI_AGENT_NOT_FOUND');
    expect(error.hint).toContain('BUILDKITE_BIN_PATH');
  });

  test('the environment is passed through: without the agent access token the agent refuses', async () => {
    const bare = createAgent({
      binary: fake.binary,
      env: fake.jobEnv({ BUILDKITE_AGENT_ACCESS_TOKEN: undefined }),
    });
    const error = await failure(bare.setMetaData('k', 'v'));
    expect(error.message).toContain('missing agent-access-token');
  });

  test('values sent on stdin are scrubbed from stderr quoted in errors', async () => {
    const script = join(newTempDir('echo-agent'), 'buildkite-agent');
    writeFileSync(script, '#!/bin/sh\necho "fatal: could not store: $(cat)" >&2\nexit 1\n');
    chmodSync(script, 0o755);
    const error = await failure(createAgent({ binary: script }).setMetaData('k', 'super-secret-value'));
    expect(error.message).toContain('could not store: [REDACTED]');
    expect(error.message).not.toContain('super-secret-value');
  });

  test('a call that hangs is CI_AGENT_TIMEOUT', async () => {
    const script = join(newTempDir('slow-agent'), 'buildkite-agent');
    writeFileSync(script, '#!/bin/sh\nexec sleep 10\n');
    chmodSync(script, 0o755);
    const error = await failure(createAgent({ binary: script, timeoutMs: 200 }).metaDataExists('k'));
    expect(error.code).toBe('CI_AGENT_TIMEOUT');
  });
});
